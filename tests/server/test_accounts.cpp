// Accounts over real HTTP: SMS-code login, sessions, WeChat dev codes, dev accounts,
// 实名注册 (ID numbers), storage of ID numbers, rate limits.
#include <sys/stat.h>

#include <fstream>
#include <iterator>

#include "accounts.h"

using namespace zt;

namespace {

}  // namespace

TEST_CASE("SMS code login sets an HttpOnly session cookie; /me; logout clears it", "[server][auth]") {
    auto srv = dev_server();
    auto sent = srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13912341234"})");
    REQUIRE(sent.status == 200);
    std::string code = sent.j["dev_code"].get<std::string>();
    CHECK(code.size() == 6);
    CHECK(sent.j["retry_after_s"] == 60);

    // 1 request per minute per phone.
    auto again = srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13912341234"})");
    check_problem(again, 429);
    int retry = std::stoi(again.header("Retry-After"));
    CHECK(retry >= 1);
    CHECK(retry <= 60);

    check_problem(srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"12345"})"), 422, "phone");
    check_problem(srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":13912341234})"), 422, "phone");

    std::string wrong = code == "000000" ? "111111" : "000000";
    auto bad = srv->send("POST", "/api/v1/auth/login", as(""),
                         json({{"phone", "13912341234"}, {"code", wrong}}).dump());
    check_problem(bad, 401);
    CHECK(bad.j["detail"] == "验证码错误或已过期");

    auto ok = srv->send("POST", "/api/v1/auth/login", as(""),
                        json({{"phone", "13912341234"}, {"code", code}}).dump());
    REQUIRE(ok.status == 200);
    std::string cookie = ok.header("Set-Cookie");
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Lax") != std::string::npos);
    CHECK(cookie.find("Path=/") != std::string::npos);
    CHECK(cookie.find("Max-Age=2592000") != std::string::npos);
    std::string token = cookie_token(ok);
    REQUIRE(token.size() == 43);
    CHECK(ok.j["user"]["roles"] == json::array({"resident"}));
    CHECK(ok.j["user"]["phone_masked"] == "139****1234");
    CHECK(ok.j["user"]["volunteer"].is_null());

    // The code is single-use.
    check_problem(srv->send("POST", "/api/v1/auth/login", as(""),
                            json({{"phone", "13912341234"}, {"code", code}}).dump()),
                  401);

    // Cookie and bearer both work.
    auto me = srv->get("/api/v1/me", {{"Cookie", "theme=dark; zygc_session=" + token}});
    REQUIRE(me.status == 200);
    CHECK(me.j["id"] == ok.j["user"]["id"]);
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status == 200);
    check_problem(srv->get("/api/v1/me"), 401);
    check_problem(srv->get("/api/v1/me", {{"Authorization", "Bearer nope"}}), 401);

    auto out = srv->send("POST", "/api/v1/auth/logout", as(token), "{}");
    CHECK(out.status == 204);
    CHECK(out.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
    check_problem(srv->get("/api/v1/me", {{"Authorization", "Bearer " + token}}), 401);
    check_problem(srv->send("POST", "/api/v1/auth/logout", as(token), "{}"), 401);
}

TEST_CASE("codes expire after 5 minutes; 5 failed attempts lock the phone (429)", "[server][auth]") {
    auto srv = dev_server();
    auto sent = srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13711112222"})");
    REQUIRE(sent.status == 200);
    srv->server().advance_clock(301);
    check_problem(srv->send("POST", "/api/v1/auth/login", as(""),
                            json({{"phone", "13711112222"}, {"code", sent.j["dev_code"]}}).dump()),
                  401);

    sent = srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13711112222"})");
    REQUIRE(sent.status == 200);
    std::string code = sent.j["dev_code"];
    std::string wrong = code == "999999" ? "888888" : "999999";
    // One failure was recorded above; four more reach the limit.
    for (int i = 0; i < 4; ++i)
        check_problem(srv->send("POST", "/api/v1/auth/login", as(""),
                                json({{"phone", "13711112222"}, {"code", wrong}}).dump()),
                      401);
    auto locked = srv->send("POST", "/api/v1/auth/login", as(""),
                            json({{"phone", "13711112222"}, {"code", code}}).dump());
    check_problem(locked, 429);
    CHECK(std::stoi(locked.header("Retry-After")) > 0);
    check_problem(srv->send("POST", "/api/v1/auth/login", as(""),
                            json({{"phone", "13711112222"}, {"code", "12"}}).dump()),
                  422, "code");
}

TEST_CASE("sessions expire when idle for 30 days", "[server][auth]") {
    auto srv = dev_server();
    std::string t = login(*srv, "13600000000");
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + t}}).status == 200);
    srv->server().advance_clock(29 * 86400);
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + t}}).status == 200);  // refreshes
    srv->server().advance_clock(29 * 86400);
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + t}}).status == 200);
    srv->server().advance_clock(31 * 86400);
    check_problem(srv->get("/api/v1/me", {{"Authorization", "Bearer " + t}}), 401);
}

TEST_CASE("WeChat dev codes log in (one user per openid); others are 401", "[server][auth]") {
    auto srv = dev_server();
    auto a = srv->send("POST", "/api/v1/auth/wechat", as(""), R"({"code":"dev-oAbc_123"})");
    REQUIRE(a.status == 200);
    CHECK(cookie_token(a).size() == 43);
    auto b = srv->send("POST", "/api/v1/auth/wechat", as(""), R"({"code":"dev-oAbc_123"})");
    REQUIRE(b.status == 200);
    CHECK(a.j["user"]["id"] == b.j["user"]["id"]);
    auto c = srv->send("POST", "/api/v1/auth/wechat", as(""), R"({"code":"dev-other"})");
    CHECK(c.j["user"]["id"] != a.j["user"]["id"]);
    check_problem(srv->send("POST", "/api/v1/auth/wechat", as(""), R"({"code":"0a1b2c"})"), 401);
    check_problem(srv->send("POST", "/api/v1/auth/wechat", as(""), R"({"code":"dev-"})"), 401);
    check_problem(srv->send("POST", "/api/v1/auth/wechat", as(""), R"({})"), 422, "code");

    // Outside dev mode there are no dev codes (and no dev_code in the SMS answer; without
    // a gateway no answer at all: 503 login_disabled, see test_hardening.cpp).
    TestServer prod(fixture_seed().dump(), fixture_now());
    check_problem(prod.send("POST", "/api/v1/auth/wechat", as(""), R"({"code":"dev-oAbc_123"})"), 401);
    auto sms = prod.send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13912341234"})");
    check_problem(sms, 503);
    CHECK(sms.j["code"] == "login_disabled");
}

TEST_CASE("dev accounts have their roles; any other phone is a new resident", "[server][auth]") {
    auto srv = dev_server();
    dev_volunteer_id();
    dev_organizer_id();
    struct Case {
        const char* phone;
        std::vector<std::string> roles;
        bool volunteer;
        size_t teams;
    };
    const Case cases[] = {
        {"13800000001", {"resident", "volunteer"}, true, 0},
        {"13800000002", {"resident", "volunteer", "organizer"}, true, 1},
        {"13800000003", {"resident", "social_worker"}, false, 0},
        {"13800000009", {"resident", "admin"}, false, 0},
        {"13500000000", {"resident"}, false, 0},
    };
    for (const auto& c : cases) {
        INFO(c.phone);
        std::string t = login(*srv, c.phone);
        auto me = srv->get("/api/v1/me", {{"Authorization", "Bearer " + t}});
        REQUIRE(me.status == 200);
        CHECK(me.j["roles"] == json(c.roles));
        CHECK(me.j["volunteer"].is_null() == !c.volunteer);
        CHECK(me.j["teams"].size() == c.teams);
        if (c.teams) {
            CHECK(me.j["teams"][0]["id"] == 1);
            CHECK(me.j["teams"][0]["role"] == "leader");
        }
        if (c.volunteer) {
            std::string masked = me.j["volunteer"]["id_number_masked"];
            CHECK(masked.substr(0, 4) == "1303");
            CHECK(masked.find("**********") == 4);
        }
    }
}

TEST_CASE("实名注册: ID-number cases, consent, district; masked in every answer", "[server][idcard]") {
    auto srv = dev_server();
    std::string valid = make_id("130302", "19900307", 101);
    std::string bad_checksum = valid.substr(0, 17) + (valid[17] == '1' ? '2' : '1');
    use_id(bad_checksum);
    std::string bad_date = make_id("130302", "19900230", 102);  // Feb 30th
    std::string future = make_id("130302", "20991231", 103);
    std::string short_id = use_id(valid.substr(0, 17));
    std::string bad_region = make_id("990302", "19900307", 104);
    // One whose check character is X, sent with a lowercase x.
    std::string with_x;
    for (int seq = 200; seq < 400 && with_x.empty(); ++seq) {
        std::string s = make_id("130303", "19880808", seq);
        if (s.back() == 'X') with_x = s;
    }
    REQUIRE(!with_x.empty());
    std::string lower_x = use_id(with_x.substr(0, 17) + "x");

    struct Case {
        const char* name;
        std::string id;
        int status;
    };
    const Case cases[] = {
        {"bad checksum", bad_checksum, 422}, {"impossible date", bad_date, 422},
        {"future birth date", future, 422},  {"wrong length (17)", short_id, 422},
        {"wrong length (19)", valid + "1", 422}, {"unknown region", bad_region, 422},
        {"letters", "13030219900307ABCD", 422},
    };
    std::string t = login(*srv, "13400000001");
    for (const auto& c : cases) {
        INFO(c.name << " " << c.id);
        auto r = srv->send("PUT", "/api/v1/me/volunteer", as(t), application(c.id).dump());
        check_problem(r, c.status, "id_number");
    }
    // Several problems at once, each next to its field.
    auto many = srv->send("PUT", "/api/v1/me/volunteer", as(t), application(valid, "张", 99, false).dump());
    check_problem(many, 422, "real_name");
    check_problem(many, 422, "district_id");
    check_problem(many, 422, "consent");
    auto missing = srv->send("PUT", "/api/v1/me/volunteer", as(t), R"({"real_name":"张海燕"})");
    check_problem(missing, 422, "id_number");
    auto avail = application(valid);
    avail["availability"] = {"always"};
    check_problem(srv->send("PUT", "/api/v1/me/volunteer", as(t), avail.dump()), 422, "availability");

    auto ok = srv->send("PUT", "/api/v1/me/volunteer", as(t), application(valid).dump());
    REQUIRE(ok.status == 200);
    CHECK(ok.j["roles"] == json::array({"resident", "volunteer"}));
    CHECK(ok.j["volunteer"]["id_number_masked"] == zygc::mask_id_number(valid));
    CHECK(ok.j["volunteer"]["real_name"] == "张海燕");
    CHECK(ok.j["volunteer"]["district_id"] == 1);

    // Lowercase x is accepted and stored upper-case (masked).
    std::string t2 = login(*srv, "13400000002");
    auto x = srv->send("PUT", "/api/v1/me/volunteer", as(t2), application(lower_x).dump());
    REQUIRE(x.status == 200);
    std::string masked = x.j["volunteer"]["id_number_masked"];
    CHECK(masked.back() == 'X');
    CHECK(masked == zygc::mask_id_number(with_x));

    // The same number registered by someone else is not taken: 202, verification in person
    // (also when sent with upper-case X); the newcomer is not a volunteer yet.
    std::string t3 = login(*srv, "13400000003");
    auto dup = srv->send("PUT", "/api/v1/me/volunteer", as(t3), application(valid).dump());
    REQUIRE(dup.status == 202);
    CHECK(dup.j["code"] == "pending_verification");
    CHECK(dup.j["detail"] == "请携带身份证到所在社区核验");
    CHECK(srv->send("PUT", "/api/v1/me/volunteer", as(t3), application(with_x).dump()).status == 202);
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + t3}}).j["volunteer"].is_null());
    // The owner may update the registration with the same number.
    auto again = srv->send("PUT", "/api/v1/me/volunteer", as(t), application(valid, "张海燕", 2).dump());
    REQUIRE(again.status == 200);
    CHECK(again.j["volunteer"]["district_id"] == 2);
}

TEST_CASE("the database file never holds a plain ID number; dev key file is 0600", "[server][idcard]") {
    std::string id = make_id("130304", "19750615", 321);
    std::string lower = id;
    lower.back() = static_cast<char>(std::tolower(static_cast<unsigned char>(lower.back())));
    fs::path dir;
    {
        auto srv = dev_server(/*with_secret=*/false);  // dev mode generates <db>.secret
        dir = srv->dir();
        std::string t = new_volunteer(*srv, "13300000001", id);
        auto me = srv->get("/api/v1/me", {{"Authorization", "Bearer " + t}});
        REQUIRE(me.status == 200);
        fs::path key = dir / "test.db.secret";
        REQUIRE(fs::exists(key));
        struct stat st {};
        REQUIRE(::stat(key.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        // Every file of the database (main, WAL, shared memory) while the server runs.
        for (const char* f : {"test.db", "test.db-wal", "test.db-shm"}) {
            if (!fs::exists(dir / f)) continue;
            std::ifstream in(dir / f, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            INFO(f);
            CHECK(bytes.find(id) == std::string::npos);
            CHECK(bytes.find(lower) == std::string::npos);
            CHECK(bytes.find(dev_volunteer_id()) == std::string::npos);
            CHECK(bytes.find(id.substr(0, 17)) == std::string::npos);  // not even without the check char
        }
    }
}
