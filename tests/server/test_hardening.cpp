// Issue 8 (accounts half) and issue 7's server seams, over real HTTP: database failures are
// 500s, problems carry codes, login/SMS limits, the gateway, start-up refusals, pruning,
// 实名 conflicts and their appeals.
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "accounts.h"
#include "server/guards.h"

using namespace zt;

namespace {

// Runs SQL through a second connection to the server's database file.
void side_sql(const TestServer& srv, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((srv.dir() / "test.db").string().c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO(sql << ": " << (err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}
int64_t side_count(const TestServer& srv, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((srv.dir() / "test.db").string().c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

// Captures what the process writes to stderr (the server logs there) while alive.
struct StderrCapture {
    fs::path file;
    int saved = -1;
    explicit StderrCapture(const fs::path& dir) : file(dir / "stderr.txt") {
        std::fflush(stderr);
        saved = ::dup(2);
        FILE* f = std::fopen(file.c_str(), "w");
        ::dup2(::fileno(f), 2);
        std::fclose(f);
    }
    std::string text() {
        std::fflush(stderr);
        std::ifstream in(file);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    ~StderrCapture() {
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
    }
};

void check_code(const Response& r, int status, const char* code) {
    INFO(r.body);
    check_problem(r, status);
    CHECK(r.j["code"] == code);
}

Response sms(const TestServer& srv, const std::string& phone, const std::string& addr) {
    return srv.send("POST", "/api/v1/auth/sms-code", from(addr), json({{"phone", phone}}).dump());
}
Response guess(const TestServer& srv, const std::string& phone, const std::string& code, const std::string& addr) {
    return srv.send("POST", "/api/v1/auth/login", from(addr), json({{"phone", phone}, {"code", code}}).dump());
}
std::string wrong_for(const std::string& code) { return code == "000000" ? "000001" : "000000"; }

}  // namespace

TEST_CASE("a failing database is a 500 `internal` with the cause logged, never a 4xx", "[server][seams]") {
    auto srv = dev_server();
    std::string vol = login(*srv, "13800000001");
    StderrCapture log(srv->dir());
    side_sql(*srv, "DROP TABLE signups");
    check_code(srv->get("/api/v1/me/signups", {{"Authorization", "Bearer " + vol}}), 500, "internal");
    side_sql(*srv, "DROP TABLE idempotency");
    check_code(signup(*srv, vol, 100, 1000, "db-gone"), 500, "internal");
    side_sql(*srv, "DROP TABLE sessions");
    // Before: a failed session lookup answered 401 "logged out".
    check_code(srv->get("/api/v1/me", {{"Authorization", "Bearer " + vol}}), 500, "internal");
    check_code(srv->send("POST", "/api/v1/auth/logout", as(vol), "{}"), 500, "internal");
    std::string text = log.text();
    CHECK(text.find("database error: no such table: signups") != std::string::npos);
    CHECK(text.find("database error: no such table: sessions") != std::string::npos);
    CHECK(text.find("database error: no such table: idempotency") != std::string::npos);
}

TEST_CASE("problems carry a stable code and params next to the Chinese detail", "[server][seams]") {
    auto srv = dev_server();
    check_code(srv->get("/api/v1/me"), 401, "not_logged_in");
    std::string res = login(*srv, "13911110000");
    auto forbidden = srv->send("POST", "/api/v1/teams/1/members", as(res), "{}");
    check_code(forbidden, 403, "forbidden_role");
    CHECK(forbidden.j["params"]["role"] == "volunteer");
    auto bad_id = srv->send("PUT", "/api/v1/me/volunteer", as(res),
                            application("130302199001011230", "张海燕", 1, false).dump());
    check_code(bad_id, 422, "invalid");
    std::set<std::string> codes;
    for (const auto& e : bad_id.j["errors"]) codes.insert(e["code"].get<std::string>());
    CHECK(codes.count("id_checksum"));
    CHECK(codes.count("consent_required"));

    std::string org = login(*srv, "13800000002");
    json p = publish(*srv, org, draft(1, "代码测试项目", {shift(at(2, 9), at(2, 11), 1), shift(at(2, 10), at(2, 12), 5)}));
    std::string vol = login(*srv, "13800000001");
    std::string other = new_volunteer(*srv, "13911110001", make_id("130302", "19900101", 501));
    REQUIRE(signup(*srv, vol, p["id"], p["shifts"][0]["id"], "c-1").status == 201);
    check_code(signup(*srv, other, p["id"], p["shifts"][0]["id"], "c-2"), 409, "shift_full");
    auto overlap = signup(*srv, vol, p["id"], p["shifts"][1]["id"], "c-3");
    check_code(overlap, 409, "overlap");
    CHECK(overlap.j["params"]["project"] == "代码测试项目");
    check_code(signup(*srv, vol, p["id"], p["shifts"][1]["id"], "c-1"), 422, "idempotency_key_reused");
    std::string path = "/api/v1/projects/" + std::to_string(p["id"].get<int64_t>());
    check_code(srv->send("PATCH", path, as(org), R"({"title":"代码测试项目二"})"), 428, "if_match_required");
    check_code(srv->send("PATCH", path, with(as(org), "If-Match", "\"old\""), R"({"title":"代码测试项目二"})"), 412, "stale");
    check_code(srv->send("PATCH", "/api/v1/projects/103", with(as(org), "If-Match", "*"), R"({"status":"closed"})"),
               403, "not_team_leader");
}

TEST_CASE("SMS codes: limits per client address and per phone; 429 + Retry-After + rate_limited", "[server][limits]") {
    auto srv = dev_server();
    for (int i = 0; i < zygc::server::kSmsPerAddr.max; ++i)
        REQUIRE(sms(*srv, "1370000" + std::to_string(1000 + i), "203.0.113.5").status == 200);
    auto limited = sms(*srv, "13700009999", "203.0.113.5");
    check_code(limited, 429, "rate_limited");
    CHECK(std::stoi(limited.header("Retry-After")) > 0);
    CHECK(limited.j["params"]["retry_after"] == limited.header("Retry-After"));
    // Another address is not affected; the same phone again within a minute is.
    CHECK(sms(*srv, "13700009999", "203.0.113.6").status == 200);
    check_code(sms(*srv, "13700009999", "203.0.113.7"), 429, "rate_limited");
}

TEST_CASE("with --trust-proxy only the last X-Forwarded-For entry counts (the proxy's view)", "[server][limits]") {
    auto srv = dev_server();
    auto via = [&](const std::string& phone, const std::string& claimed) {
        return srv->send("POST", "/api/v1/auth/sms-code", with(as(""), "X-Forwarded-For", claimed + ", 203.0.113.9"),
                         json({{"phone", phone}}).dump());
    };
    for (int i = 0; i < zygc::server::kSmsPerAddr.max; ++i)
        REQUIRE(via("1370000" + std::to_string(3000 + i), "10.0.0." + std::to_string(i)).status == 200);
    // A client that makes up a different first entry is still the same client.
    check_code(via("13700007777", "10.9.9.9"), 429, "rate_limited");
}

TEST_CASE("without --trust-proxy X-Real-IP is ignored: one address for all", "[server][limits]") {
    auto srv = std::make_unique<TestServer>(fixture_seed().dump(), fixture_now(), std::string(),
                                            [](zygc::server::Options& o) { o.dev = true; });
    for (int i = 0; i < zygc::server::kSmsPerAddr.max; ++i)
        REQUIRE(sms(*srv, "1370000" + std::to_string(2000 + i), "198.51.100." + std::to_string(i)).status == 200);
    check_code(sms(*srv, "13700008888", "198.51.100.200"), 429, "rate_limited");
}

TEST_CASE("wrong guesses lock out the guessing address, never the phone's owner", "[server][limits]") {
    auto srv = dev_server();
    const std::string phone = "13800000001";
    // The attacker burns five guesses from its address: locked out there.
    for (int i = 0; i < zygc::server::kFailPerPhoneAddr; ++i)
        check_code(guess(*srv, phone, "000000", "192.0.2.66"), 401, "code_invalid");
    check_code(guess(*srv, phone, "000000", "192.0.2.66"), 429, "rate_limited");
    // The owner, from home, still gets in.
    auto sent = sms(*srv, phone, "10.8.8.8");
    REQUIRE(sent.status == 200);
    CHECK(guess(*srv, phone, sent.j["dev_code"], "10.8.8.8").status == 200);

    // Spraying many phones from one address stops at the per-address limit.
    for (int i = 0; i < zygc::server::kFailPerAddr; ++i)
        check_code(guess(*srv, "1360000" + std::to_string(1000 + i), "123456", "192.0.2.77"), 401, "code_invalid");
    check_code(guess(*srv, "13600009999", "123456", "192.0.2.77"), 429, "rate_limited");
}

TEST_CASE("the per-phone ceiling voids a code; a fresh code resets it", "[server][limits]") {
    auto srv = dev_server();
    const std::string phone = "13655550000";
    auto sent = sms(*srv, phone, "10.1.1.1");
    REQUIRE(sent.status == 200);
    std::string code = sent.j["dev_code"];
    int n = 0;
    for (int a = 0; n < zygc::server::kFailPerCode; ++a)
        for (int k = 0; k < zygc::server::kFailPerPhoneAddr && n < zygc::server::kFailPerCode; ++k, ++n)
            REQUIRE(guess(*srv, phone, wrong_for(code), "192.0.2." + std::to_string(a)).status == 401);
    // The right code no longer works, from anywhere.
    check_code(guess(*srv, phone, code, "10.1.1.1"), 401, "code_invalid");
    srv->server().advance_clock(zygc::server::kSmsInterval + 1);
    auto fresh = sms(*srv, phone, "10.1.1.1");
    REQUIRE(fresh.status == 200);
    CHECK(guess(*srv, phone, fresh.j["dev_code"], "10.1.1.1").status == 200);
}

TEST_CASE("production: no gateway → 503 login_disabled; a gateway command delivers the code", "[server][limits]") {
    auto off = std::make_unique<TestServer>(fixture_seed().dump(), fixture_now(), std::string(),
                                            [](zygc::server::Options& o) { o.login_disabled = true; });
    check_code(off->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13712345678"})"), 503, "login_disabled");
    check_code(off->send("POST", "/api/v1/auth/login", as(""), R"({"phone":"13712345678","code":"123456"})"), 503,
               "login_disabled");

    fs::path dir = make_temp_dir("gw");
    fs::path out = dir / "sent.txt";
    fs::path script = dir / "gateway.sh";
    std::ofstream(script) << "#!/bin/sh\ncat >> '" << out.string() << "'\n";
    fs::permissions(script, fs::perms::owner_all);
    fs::path failing = dir / "failing.sh";
    std::ofstream(failing) << "#!/bin/sh\nexit 3\n";
    fs::permissions(failing, fs::perms::owner_all);

    auto srv = std::make_unique<TestServer>(fixture_seed().dump(), fixture_now(), std::string(),
                                            [&](zygc::server::Options& o) { o.sms_gateway_cmd = script.string(); });
    auto sent = srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13712345678"})");
    INFO(sent.body);
    REQUIRE(sent.status == 200);
    CHECK(sent.j["dev_code"].is_null());
    std::ifstream in(out);
    std::string phone, code;
    in >> phone >> code;
    CHECK(phone == "13712345678");
    REQUIRE(code.size() == 6);
    CHECK(srv->send("POST", "/api/v1/auth/login", as(""), json({{"phone", phone}, {"code", code}}).dump()).status == 200);

    auto broken = std::make_unique<TestServer>(fixture_seed().dump(), fixture_now(), std::string(),
                                               [&](zygc::server::Options& o) { o.sms_gateway_cmd = failing.string(); });
    check_code(broken->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13712345678"})"), 503, "sms_unavailable");
    std::error_code ec;
    fs::remove_all(dir, ec);
}

TEST_CASE("start-up refusals: dev off loopback, open secret and database files, no gateway", "[server][startup]") {
    using zygc::server::startup_refusal;
    fs::path dir = make_temp_dir("start");
    zygc::server::Options o;
    o.db_path = (dir / "a.db").string();
    o.dev = true;
    CHECK(startup_refusal(o).empty());
    o.host = "0.0.0.0";
    CHECK(startup_refusal(o).find("--dev") != std::string::npos);
    o.host = "127.0.0.1";
    std::ofstream(dir / "secret") << "00";
    ::chmod((dir / "secret").c_str(), 0644);
    o.secret_file = (dir / "secret").string();
    CHECK(startup_refusal(o).find("secret-file") != std::string::npos);
    ::chmod((dir / "secret").c_str(), 0600);
    CHECK(startup_refusal(o).empty());
    o.dev = false;
    CHECK(startup_refusal(o).find("SMS gateway") != std::string::npos);
    o.login_disabled = true;
    CHECK(startup_refusal(o).empty());
    std::ofstream(dir / "a.db") << "";
    ::chmod((dir / "a.db").c_str(), 0644);
    CHECK(startup_refusal(o).find("a.db") != std::string::npos);  // production: refused
    o.dev = true;
    CHECK(startup_refusal(o).empty());  // dev: fixed
    struct stat st {};
    REQUIRE(::stat((dir / "a.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::error_code ec;
    fs::remove_all(dir, ec);

    // The server creates its database (and -wal, -shm) 0600.
    auto srv = dev_server();
    login(*srv, "13800000001");
    for (const char* f : {"test.db", "test.db-wal", "test.db-shm"}) {
        INFO(f);
        REQUIRE(::stat((srv->dir() / f).c_str(), &st) == 0);
        CHECK((st.st_mode & 077) == 0);
    }
}

TEST_CASE("pruning: idempotency rows after 48 h (unless kept), spent codes, expired sessions", "[server][prune]") {
    auto srv = dev_server();
    std::string org = login(*srv, "13800000002");
    std::string vol = login(*srv, "13800000001");
    json p = publish(*srv, org, draft(1, "清理测试项目", {shift(at(5, 9), at(5, 11), 5), shift(at(6, 9), at(6, 11), 5)}));
    REQUIRE(signup(*srv, vol, p["id"], p["shifts"][0]["id"], "prune-1").status == 201);
    REQUIRE(signup(*srv, vol, p["id"], p["shifts"][1]["id"], "prune-2").status == 201);
    side_sql(*srv, "UPDATE idempotency SET keep = 1 WHERE key = 'prune-2'");
    REQUIRE(sms(*srv, "13655551111", "10.2.2.2").status == 200);  // never used: expires
    CHECK(side_count(*srv, "SELECT count(*) FROM idempotency") == 2);
    CHECK(side_count(*srv, "SELECT count(*) FROM sms_codes") >= 3);
    srv->server().advance_clock(zygc::server::kIdempotencyRetention + 3600);
    // The next login runs the pruning (more than kPruneEvery has passed).
    std::string again = login(*srv, "13655552222");
    CHECK(side_count(*srv, "SELECT count(*) FROM idempotency") == 1);
    CHECK(side_count(*srv, "SELECT count(*) FROM idempotency WHERE key = 'prune-2'") == 1);
    // Pruned before the new login's own code was sent: only that one is left.
    CHECK(side_count(*srv, "SELECT count(*) FROM sms_codes WHERE phone != '13655552222'") == 0);
    int64_t sessions = side_count(*srv, "SELECT count(*) FROM sessions");
    srv->server().advance_clock(31 * 86400);
    login(*srv, "13655553333");
    CHECK(side_count(*srv, "SELECT count(*) FROM sessions") == 1);
    CHECK(sessions >= 3);
}

TEST_CASE("实名 conflicts go to a social worker; confirming moves the number", "[server][identity]") {
    auto srv = dev_server();
    std::string number = make_id("130303", "19750505", 321);
    std::string owner_new = make_id("130303", "19750505", 322);
    std::string squatter = new_volunteer(*srv, "13522220001", number);
    std::string owner = login(*srv, "13522220002");
    auto claim = srv->send("PUT", "/api/v1/me/volunteer", as(owner), application(number, "刘真主").dump());
    REQUIRE(claim.status == 202);
    CHECK(claim.j["code"] == "pending_verification");
    CHECK(claim.j["kind"] == "claim");
    // Changing one's own number after registration: the same verification.
    auto change = srv->send("PUT", "/api/v1/me/volunteer", as(squatter), application(owner_new).dump());
    REQUIRE(change.status == 202);
    CHECK(change.j["kind"] == "change");
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + squatter}}).j["volunteer"]["id_number_masked"] ==
          zygc::mask_id_number(number));

    check_code(srv->get("/api/v1/identity-appeals"), 401, "not_logged_in");
    check_code(srv->get("/api/v1/identity-appeals", {{"Authorization", "Bearer " + owner}}), 403, "forbidden_role");
    std::string sw = login(*srv, "13800000003");
    auto list = srv->get("/api/v1/identity-appeals", {{"Authorization", "Bearer " + sw}});
    REQUIRE(list.status == 200);
    REQUIRE(list.j.size() == 2);
    CHECK(list.j[0]["kind"] == "claim");
    CHECK(list.j[0]["holder"]["phone_masked"] == "135****0001");
    CHECK(list.j[0]["id_number_masked"] == zygc::mask_id_number(number));
    CHECK(list.j[1]["holder"].is_null());

    std::string claim_path = "/api/v1/identity-appeals/" + std::to_string(claim.j["appeal_id"].get<int64_t>()) + "/decision";
    std::string change_path = "/api/v1/identity-appeals/" + std::to_string(change.j["appeal_id"].get<int64_t>()) + "/decision";
    check_problem(srv->send("POST", claim_path, as(sw), R"({"decision":"maybe"})"), 422, "decision");
    check_code(srv->send("POST", claim_path, as(owner), R"({"decision":"confirm"})"), 403, "forbidden_role");
    auto ok = srv->send("POST", claim_path, as(sw), R"({"decision":"confirm","note":"持证核验"})");
    REQUIRE(ok.status == 200);
    CHECK(ok.j["status"] == "confirmed");
    CHECK(ok.j["note"] == "持证核验");
    auto me = srv->get("/api/v1/me", {{"Authorization", "Bearer " + owner}});
    CHECK(me.j["volunteer"]["real_name"] == "刘真主");
    CHECK(me.j["volunteer"]["id_number_masked"] == zygc::mask_id_number(number));
    auto lost = srv->get("/api/v1/me", {{"Authorization", "Bearer " + squatter}});
    CHECK(lost.j["volunteer"].is_null());
    CHECK(std::find(lost.j["roles"].begin(), lost.j["roles"].end(), "volunteer") == lost.j["roles"].end());
    check_code(srv->send("POST", claim_path, as(sw), R"({"decision":"reject"})"), 409, "appeal_decided");
    auto rejected = srv->send("POST", change_path, as(sw), R"({"decision":"reject"})");
    REQUIRE(rejected.status == 200);
    CHECK(rejected.j["status"] == "rejected");
    check_code(srv->send("POST", "/api/v1/identity-appeals/99999/decision", as(sw), R"({"decision":"reject"})"), 404,
               "not_found");
    CHECK(srv->get("/api/v1/identity-appeals", {{"Authorization", "Bearer " + sw}}).j.empty());

    // Nobody verifies their own appeal, not even a social worker.
    auto own = srv->send("PUT", "/api/v1/me/volunteer", as(sw), application(number, "社工自己").dump());
    REQUIRE(own.status == 202);
    check_code(srv->send("POST", "/api/v1/identity-appeals/" + std::to_string(own.j["appeal_id"].get<int64_t>()) + "/decision",
                         as(sw), R"({"decision":"confirm"})"),
               403, "own_appeal");
}

TEST_CASE("实名 attempts per account are limited (each may tell whether a number is held)", "[server][identity]") {
    auto srv = dev_server();
    std::string t = login(*srv, "13533330001");
    for (int i = 0; i < zygc::server::kRegisterPerUser.max; ++i)
        REQUIRE(srv->send("PUT", "/api/v1/me/volunteer", as(t), application(dev_volunteer_id()).dump()).status == 202);
    check_code(srv->send("PUT", "/api/v1/me/volunteer", as(t), application(dev_volunteer_id()).dump()), 429, "rate_limited");
    // A registered volunteer edits their profile (same number) as often as they like.
    std::string vol = login(*srv, "13800000001");
    for (int i = 0; i < zygc::server::kRegisterPerUser.max + 2; ++i)
        REQUIRE(srv->send("PUT", "/api/v1/me/volunteer", as(vol), application(dev_volunteer_id(), "王小海").dump()).status == 200);
}
