// Teams, sign-ups (idempotency, overlap, capacity race), publishing (If-Match), the
// request rules (CSRF, 413, 415, 400) and the authorization matrix — over real HTTP.
#include <atomic>
#include <thread>

#include "clocked_server.h"

using namespace zt;

namespace {

json get_project(const TestServer& srv, int64_t id, std::string* etag = nullptr) {
    auto r = srv.get("/api/v1/projects/" + std::to_string(id));
    REQUIRE(r.status == 200);
    if (etag) *etag = r.header("ETag");
    return r.j;
}

int64_t signed_up(const TestServer& srv, int64_t project, int64_t shift_id) {
    json detail = get_project(srv, project);
    for (const auto& s : detail["shifts"])
        if (s["id"] == shift_id) return s["signed_up"].get<int64_t>();
    FAIL("no such shift");
    return -1;
}

}  // namespace

TEST_CASE("joining a team: volunteers only, once; member_count is live", "[server][teams]") {
    auto srv = dev_server();
    std::string vol = login(*srv, "13800000001");
    std::string res = login(*srv, "13500000001");
    int64_t before = srv->get("/api/v1/teams/2").j["member_count"];
    auto r = srv->send("POST", "/api/v1/teams/2/members", as(vol), "");
    INFO(r.body);
    REQUIRE(r.status == 201);
    CHECK(r.j["id"] == 2);
    CHECK(r.j["role"] == "member");
    CHECK(srv->get("/api/v1/teams/2").j["member_count"] == before + 1);
    check_problem(srv->send("POST", "/api/v1/teams/2/members", as(vol), "{}"), 409);
    check_problem(srv->send("POST", "/api/v1/teams/2/members", as(res), "{}"), 403);
    check_problem(srv->send("POST", "/api/v1/teams/999/members", as(vol), "{}"), 404);
    auto me = srv->get("/api/v1/me", {{"Authorization", "Bearer " + vol}});
    REQUIRE(me.j["teams"].size() == 1);
    CHECK(me.j["teams"][0] == json({{"id", 2}, {"name", "海港区青年志愿者协会"}, {"role", "member"}}));
    // The leader is already a member of their team.
    check_problem(srv->send("POST", "/api/v1/teams/1/members", as(login(*srv, "13800000002")), "{}"), 409);
}

TEST_CASE("sign-ups: idempotent replay, key reuse, duplicates, overlap, full, cancel", "[server][signups]") {
    auto srv = dev_server();
    std::string org = login(*srv, "13800000002");
    std::string vol = login(*srv, "13800000001");
    std::string other = new_volunteer(*srv, "13500000002", make_id("130302", "19920202", 11));
    json a = publish(*srv, org, draft(1, "海滩清洁行动·早班", {shift(at(3, 9), at(3, 11), 5), shift(at(4, 9), at(4, 11), 1)}));
    json b = publish(*srv, org, draft(1, "老人防诈骗宣讲·上午", {shift(at(3, 10), at(3, 12), 5)}));
    int64_t pa = a["id"], pb = b["id"];
    int64_t a0 = a["shifts"][0]["id"], a1 = a["shifts"][1]["id"], b0 = b["shifts"][0]["id"];

    check_problem(signup(*srv, vol, pa, a0, ""), 400);  // Idempotency-Key required
    auto first = signup(*srv, vol, pa, a0, "k-1");
    INFO(first.body);
    REQUIRE(first.status == 201);
    CHECK(first.j["shift_id"] == a0);
    CHECK(first.j["project_id"] == pa);
    CHECK(first.j["project_title"] == "海滩清洁行动·早班");
    CHECK(first.j["site_name"] == "红旗路服务站");
    CHECK(first.j["status"] == "confirmed");
    CHECK(first.j["start"] == at(3, 9));
    CHECK(signed_up(*srv, pa, a0) == 1);

    // Same key + same body: the first answer again, nothing new.
    auto replay = signup(*srv, vol, pa, a0, "k-1");
    REQUIRE(replay.status == 201);
    CHECK(replay.j == first.j);
    CHECK(signed_up(*srv, pa, a0) == 1);
    // Same key + different body: 422.
    check_problem(signup(*srv, vol, pa, a1, "k-1"), 422, "Idempotency-Key");
    // Keys are per user: another user's "k-1" is a different request.
    REQUIRE(signup(*srv, other, pa, a0, "k-1").status == 201);
    CHECK(signed_up(*srv, pa, a0) == 2);

    // Already signed up (new key) and overlapping shifts (any project): 409.
    check_problem(signup(*srv, vol, pa, a0, "k-2"), 409);
    auto overlap = signup(*srv, vol, pb, b0, "k-3");
    check_problem(overlap, 409);
    CHECK(overlap.j["detail"].get<std::string>().find("时间冲突") != std::string::npos);
    // A shift of another project named in the path: 422.
    check_problem(signup(*srv, vol, pa, b0, "k-4"), 422, "shift_id");
    check_problem(signup(*srv, vol, 99999, b0, "k-5"), 404);

    // Full: capacity 1.
    REQUIRE(signup(*srv, other, pa, a1, "k-6").status == 201);
    auto full = signup(*srv, vol, pa, a1, "k-7");
    check_problem(full, 409);
    CHECK(signed_up(*srv, pa, a1) == 1);

    // 我的报名: upcoming confirmed sign-ups.
    auto mine = srv->get("/api/v1/me/signups", {{"Authorization", "Bearer " + vol}});
    REQUIRE(mine.status == 200);
    REQUIRE(mine.j.is_array());
    REQUIRE(mine.j.size() == 1);
    CHECK(mine.j[0]["id"] == first.j["id"]);

    // Cancel: owner only; places come back; then the overlapping shift is free to take.
    std::string sid = std::to_string(first.j["id"].get<int64_t>());
    // Someone else's sign-up answers exactly like a missing one (no existence oracle).
    auto foreign_cancel = srv->send("DELETE", "/api/v1/signups/" + sid, as(other), "");
    auto missing_cancel = srv->send("DELETE", "/api/v1/signups/999999", as(vol), "");
    check_problem(foreign_cancel, 404);
    check_problem(missing_cancel, 404);
    CHECK(foreign_cancel.body == missing_cancel.body);
    CHECK(srv->send("DELETE", "/api/v1/signups/" + sid, as(vol), "").status == 204);
    CHECK(signed_up(*srv, pa, a0) == 1);
    CHECK(srv->get("/api/v1/me/signups", {{"Authorization", "Bearer " + vol}}).j.empty());
    REQUIRE(signup(*srv, vol, pb, b0, "k-8").status == 201);

    // Closed projects take no sign-ups.
    std::string tag;
    get_project(*srv, pa, &tag);
    auto closed = srv->send("PATCH", "/api/v1/projects/" + std::to_string(pa), with(as(org), "If-Match", tag),
                            R"({"status":"closed"})");
    REQUIRE(closed.status == 200);
    CHECK(closed.j["status"] == "closed");
    check_problem(signup(*srv, vol, pa, a0, "k-9"), 409);

    // Started shifts take neither sign-ups nor cancellations.
    auto mine2 = srv->get("/api/v1/me/signups", {{"Authorization", "Bearer " + vol}});
    REQUIRE(mine2.j.size() == 1);
    srv->server().advance_clock(3 * 86400 + 60);  // past day 3 10:00
    check_problem(srv->send("DELETE", "/api/v1/signups/" + std::to_string(mine2.j[0]["id"].get<int64_t>()), as(vol), ""), 409);
    json c = publish(*srv, org, draft(1, "社区文明劝导·午后", {shift(at(3, 13), at(3, 15), 5)}));
    srv->server().advance_clock(3 * 3600);  // now past day 3 13:00
    check_problem(signup(*srv, other, c["id"], c["shifts"][0]["id"], "k-10"), 409);
}

TEST_CASE("my sign-ups: upcoming soonest first, then past ones latest first", "[server][signups]") {
    ClockedServer c;
    json p = publish(*c.srv, c.org,
                     draft(1, "海滨步道清洁", {shift(at(2, 9), at(2, 11), 10), shift(at(3, 9), at(3, 11), 10),
                                                shift(at(4, 9), at(4, 11), 10), shift(at(5, 9), at(5, 11), 10)}));
    std::vector<int64_t> shifts;
    for (const auto& s : p["shifts"]) {
        shifts.push_back(s["id"]);
        REQUIRE(signup(*c.srv, c.vol, p["id"], s["id"], "mine-" + std::to_string(shifts.size())).status == 201);
    }
    c.clock(*zygc::parse_rfc3339(at(3, 12)));  // days 2 and 3 are over
    auto r = c.srv->get("/api/v1/me/signups", as(c.vol));
    INFO(r.body);
    REQUIRE(r.status == 200);
    std::vector<int64_t> order;
    for (const auto& g : r.j)
        if (g["project_id"] == p["id"]) order.push_back(g["shift_id"]);
    // Past ones latest first: a long past pages on from last week back to its oldest end.
    CHECK(order == std::vector<int64_t>{shifts[2], shifts[3], shifts[1], shifts[0]});
}

TEST_CASE("my sign-ups in pages: the Link header's next page, each once, sides fixed by the first page",
          "[server][signups]") {
    ClockedServer c;
    json shifts = json::array();
    for (int d = 2; d <= 13; ++d) shifts.push_back(shift(at(d, 9), at(d, 11), 10));
    json p = publish(*c.srv, c.org, draft(1, "海滨步道清洁", shifts));
    int k = 0;
    for (const auto& s : p["shifts"])
        REQUIRE(signup(*c.srv, c.vol, p["id"], s["id"], "page-" + std::to_string(++k)).status == 201);
    c.clock(*zygc::parse_rfc3339(at(7, 12)));  // days 2 to 7 are over, 8 to 13 to come
    auto whole = c.srv->get("/api/v1/me/signups", as(c.vol));
    REQUIRE(whole.status == 200);
    CHECK(whole.header("Link").empty());  // all of them on one page: no next
    std::vector<int64_t> expected;
    for (const auto& g : whole.j) expected.push_back(g["id"]);
    REQUIRE(expected.size() >= 12);

    // Five at a time; after the first page days 8 and 9 end too, and they stay among the
    // upcoming ones, where the first page put them.
    std::vector<int64_t> paged;
    std::string next = "/api/v1/me/signups?limit=5", first_link;
    size_t pages = 0;
    while (!next.empty()) {
        auto r = c.srv->get(next, as(c.vol));
        INFO(next << " → " << r.body);
        REQUIRE(r.status == 200);
        REQUIRE(r.j.size() <= 5);
        for (const auto& g : r.j) paged.push_back(g["id"]);
        if (++pages == 1) c.clock(*zygc::parse_rfc3339(at(9, 12)));
        const std::string link = r.header("Link");
        next.clear();
        if (!link.empty()) {
            CHECK(r.j.size() == 5);
            REQUIRE(link.front() == '<');
            REQUIRE(link.find(">; rel=\"next\"") != std::string::npos);
            next = link.substr(1, link.find('>') - 1);
            CHECK(next.rfind("/api/v1/me/signups?limit=5&cursor=", 0) == 0);
            if (first_link.empty()) first_link = next;
        }
        REQUIRE(pages < 20);
    }
    CHECK(paged == expected);
    CHECK(pages == (expected.size() + 4) / 5);

    // A made-up cursor, another volunteer's, limits out of range: refused, nothing listed.
    check_problem(c.srv->get("/api/v1/me/signups?cursor=abc", as(c.vol)), 400, "cursor");
    std::string other = new_volunteer(*c.srv, "13500000007", make_id("130302", "19920707", 13));
    check_problem(c.srv->get(first_link, as(other)), 400, "cursor");
    check_problem(c.srv->get("/api/v1/me/signups?limit=0", as(c.vol)), 422, "limit");
    check_problem(c.srv->get("/api/v1/me/signups?limit=501", as(c.vol)), 422, "limit");
    check_problem(c.srv->get("/api/v1/me/signups?limit=x", as(c.vol)), 400, "limit");
}

TEST_CASE("capacity race: 20 concurrent sign-ups for the last 3 places → exactly 3", "[server][signups][race]") {
    auto srv = dev_server();
    std::string org = login(*srv, "13800000002");
    json p = publish(*srv, org, draft(1, "马拉松赛会服务·补录", {shift(at(5, 7), at(5, 12), 3)}));
    int64_t pid = p["id"], sid = p["shifts"][0]["id"];
    constexpr int N = 20;
    std::vector<std::string> tokens;
    for (int i = 0; i < N; ++i) {
        char phone[16];
        std::snprintf(phone, sizeof phone, "1590000%04d", i);
        tokens.push_back(new_volunteer(*srv, phone, make_id("130322", "19950101", 500 + i)));
    }
    std::atomic<int> ok{0}, conflict{0}, other{0};
    std::mutex mu;
    std::vector<std::string> odd;
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < N; ++i)
        threads.emplace_back([&, i] {
            while (!go) std::this_thread::yield();
            // A transport error (httplib listens with a backlog of 5) is retried with the
            // same Idempotency-Key, as a client would: that is what the key is for.
            auto post = [&] {
                httplib::Client c = srv->client();
                return c.Post("/api/v1/projects/" + std::to_string(pid) + "/signups",
                           {{kXrw, "zygc"}, {"Authorization", "Bearer " + tokens[i]},
                            {"Idempotency-Key", "race-" + std::to_string(i)}},
                           json({{"shift_id", sid}}).dump(), "application/json");
            };
            httplib::Result r = post();
            for (int attempt = 0; attempt < 4 && !r; ++attempt) r = post();
            if (r && r->status == 201) ++ok;
            else if (r && r->status == 409) ++conflict;
            else {
                ++other;
                std::lock_guard lock(mu);
                odd.push_back(r ? std::to_string(r->status) + " " + r->body : httplib::to_string(r.error()));
            }
        });
    go = true;
    for (auto& t : threads) t.join();
    CHECK(ok == 3);
    CHECK(conflict == N - 3);
    CHECK(other == 0);
    for (const auto& o : odd) WARN(o);
    auto detail = get_project(*srv, pid);
    CHECK(detail["shifts"][0]["signed_up"] == 3);
    CHECK(detail["shifts"][0]["capacity"] == 3);
}

TEST_CASE("publishing: leaders of the team (or admin); validation names the fields", "[server][publish]") {
    auto srv = dev_server();
    std::string org = login(*srv, "13800000002");
    std::string admin = login(*srv, "13800000009");
    json d = draft(1, "长城文化导览·周末", {shift(at(6, 9), at(6, 11), 8)});
    auto r = srv->send("POST", "/api/v1/projects", with(as(org), "Idempotency-Key", "pub-1"), d.dump());
    INFO(r.body);
    REQUIRE(r.status == 201);
    CHECK(r.j["title"] == "长城文化导览·周末");
    CHECK(r.j["team_id"] == 1);
    CHECK(r.j["status"] == "open");
    CHECK(r.j["shifts"].size() == 1);
    CHECK(r.j["shifts"][0]["signed_up"] == 0);
    CHECK(r.header("ETag") == srv->get("/api/v1/projects/" + std::to_string(r.j["id"].get<int64_t>())).header("ETag"));
    // Replayed, not published twice.
    auto again = srv->send("POST", "/api/v1/projects", with(as(org), "Idempotency-Key", "pub-1"), d.dump());
    CHECK(again.status == 201);
    CHECK(again.j["id"] == r.j["id"]);
    // It is found in the list.
    auto list = srv->get("/api/v1/projects?team_id=1&limit=100&q=" + qenc("长城文化导览"));
    REQUIRE(list.status == 200);
    CHECK(list.j["total"] == 1);

    check_problem(srv->send("POST", "/api/v1/projects", as(org), draft(2, "别的队伍的项目", d["shifts"]).dump()), 403);
    REQUIRE(srv->send("POST", "/api/v1/projects", as(admin), draft(2, "管理员代发的项目", d["shifts"]).dump()).status == 201);

    json bad = draft(1, "短", {shift(at(6, 11), at(6, 9), 0)});
    bad["site"]["lat"] = 10.0;
    bad["site"]["radius_m"] = 1;
    bad["description"] = "";
    bad["category"] = "cooking";
    auto v = srv->send("POST", "/api/v1/projects", as(org), bad.dump());
    for (const char* f : {"title", "description", "category", "site.lat", "site.radius_m", "shifts[0].end",
                          "shifts[0].capacity"})
        check_problem(v, 422, f);
    json none = draft(1, "没有班次的项目", json::array());
    none["site"]["name"] = "";
    auto v2 = srv->send("POST", "/api/v1/projects", as(org), none.dump());
    check_problem(v2, 422, "shifts");
    check_problem(v2, 422, "site.name");
    check_problem(srv->send("POST", "/api/v1/projects", as(org), draft(0, "没有队伍的项目", d["shifts"]).dump()), 422, "team_id");
    json past = draft(1, "已经开始的班次", {shift(at(-1, 9), at(-1, 11), 5)});
    check_problem(srv->send("POST", "/api/v1/projects", as(org), past.dump()), 422, "shifts[0].start");
    json brand = draft(1, "不存在的品牌项目", d["shifts"]);
    brand["brand"] = "nope";
    check_problem(srv->send("POST", "/api/v1/projects", as(org), brand.dump()), 422, "brand");
    json typed = d;
    typed["shifts"][0]["capacity"] = "many";
    check_problem(srv->send("POST", "/api/v1/projects", as(org), typed.dump()), 422, "shifts[0].capacity");
}

TEST_CASE("editing a project needs If-Match: 428 without, 412 when stale", "[server][publish]") {
    auto srv = dev_server();
    std::string org = login(*srv, "13800000002");
    std::string admin = login(*srv, "13800000009");
    json p = publish(*srv, org, draft(1, "义诊进社区·第一期", {shift(at(7, 9), at(7, 11), 8)}));
    std::string path = "/api/v1/projects/" + std::to_string(p["id"].get<int64_t>());
    std::string tag;
    json current = get_project(*srv, p["id"], &tag);

    json edit = draft(1, "义诊进社区·第一期（改）", {shift(at(7, 9), at(7, 12), 10), shift(at(8, 9), at(8, 11), 4)});
    check_problem(srv->send("PATCH", path, as(org), edit.dump()), 428);
    check_problem(srv->send("PATCH", path, with(as(org), "If-Match", "\"stale\""), edit.dump()), 412);
    auto ok = srv->send("PATCH", path, with(as(org), "If-Match", tag), edit.dump());
    INFO(ok.body);
    REQUIRE(ok.status == 200);
    CHECK(ok.j["title"] == "义诊进社区·第一期（改）");
    REQUIRE(ok.j["shifts"].size() == 2);
    CHECK(ok.j["shifts"][0]["id"] == current["shifts"][0]["id"]);  // edited in place
    CHECK(ok.j["shifts"][0]["capacity"] == 10);
    std::string new_tag = ok.header("ETag");
    CHECK(new_tag != tag);
    CHECK(new_tag == srv->get(path).header("ETag"));
    // The old tag is stale now; the gzip variant of the current one is fine.
    check_problem(srv->send("PATCH", path, with(as(admin), "If-Match", tag), R"({"status":"closed"})"), 412);
    auto gz = srv->get(path, {{"Accept-Encoding", "gzip"}});
    auto closed = srv->send("PATCH", path, with(as(admin), "If-Match", gz.header("ETag")), R"({"status":"closed"})");
    REQUIRE(closed.status == 200);
    CHECK(closed.j["status"] == "closed");
    // Validation on edit; another team's project; moving teams.
    std::string t2 = closed.header("ETag");
    check_problem(srv->send("PATCH", path, with(as(org), "If-Match", t2), R"({"title":"短"})"), 422, "title");
    check_problem(srv->send("PATCH", path, with(as(org), "If-Match", t2), R"({"status":"archived"})"), 422, "status");
    check_problem(srv->send("PATCH", path, with(as(org), "If-Match", t2), R"({"team_id":2})"), 422, "team_id");
    check_problem(srv->send("PATCH", "/api/v1/projects/103", with(as(org), "If-Match", "*"), R"({"status":"closed"})"), 403);
    check_problem(srv->send("PATCH", "/api/v1/projects/99999", with(as(org), "If-Match", "*"), R"({"status":"closed"})"), 404);
}

TEST_CASE("request rules: CSRF header, 413, 415, malformed JSON", "[server][errors]") {
    auto srv = dev_server();
    std::string vol = login(*srv, "13800000001");
    httplib::Headers no_xrw = {{"Authorization", "Bearer " + vol}, {"Idempotency-Key", "x"}, {"If-Match", "*"}};
    struct Case {
        const char* method;
        const char* path;
    };
    const Case mutations[] = {
        {"POST", "/api/v1/auth/sms-code"}, {"POST", "/api/v1/auth/login"},   {"POST", "/api/v1/auth/wechat"},
        {"POST", "/api/v1/auth/logout"},   {"PUT", "/api/v1/me/volunteer"},  {"POST", "/api/v1/teams/2/members"},
        {"POST", "/api/v1/projects/100/signups"}, {"DELETE", "/api/v1/signups/1"}, {"POST", "/api/v1/projects"},
        {"PATCH", "/api/v1/projects/100"},
    };
    for (const auto& m : mutations) {
        INFO(m.method << " " << m.path);
        check_problem(srv->send(m.method, m.path, no_xrw, R"({"phone":"13912345678"})"), 403);
        check_problem(srv->send(m.method, m.path, with(no_xrw, kXrw, "XMLHttpRequest"), "{}"), 403);
        check_problem(srv->send(m.method, m.path, as(vol), "phone=13912345678", "application/x-www-form-urlencoded"), 415);
        check_problem(srv->send(m.method, m.path, as(vol), "{\"phone\":", "application/json"), 400);
    }
    // The session is still valid (the forged logout did nothing).
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + vol}}).status == 200);
    std::string big(70 * 1024, ' ');
    big = "{\"phone\":\"13912345678\"" + big + "}";
    check_problem(srv->send("POST", "/api/v1/auth/sms-code", as(""), big), 413);
    check_problem(srv->send("PUT", "/api/v1/me/volunteer", as(vol), big), 413);
    check_problem(srv->send("POST", "/api/v1/auth/sms-code", as(""), "[1,2]"), 400);
    check_problem(srv->send("POST", "/api/v1/auth/sms-code", as(""), ""), 400);
    // Charset parameters are fine.
    CHECK(srv->send("POST", "/api/v1/auth/sms-code", as(""), R"({"phone":"13912345670"})",
                    "application/json; charset=utf-8").status == 200);
}

TEST_CASE("authorization matrix: every account endpoint × every role", "[server][authz]") {
    auto srv = dev_server();
    enum { Anon, Resident, Volunteer, Organizer, SocialWorker, Admin, Roles };
    const char* names[Roles] = {"anonymous", "resident", "volunteer", "organizer", "social_worker", "admin"};
    std::string tok[Roles];
    tok[Resident] = login(*srv, "13500000009");
    tok[Volunteer] = login(*srv, "13800000001");
    tok[Organizer] = login(*srv, "13800000002");
    tok[SocialWorker] = login(*srv, "13800000003");
    tok[Admin] = login(*srv, "13800000009");

    // Fixtures the rows act on: a team-1 project with a roomy shift, and a team-2 project.
    json own = publish(*srv, tok[Organizer], draft(1, "矩阵测试项目·一队", {shift(at(9, 9), at(9, 11), 50)}));
    json foreign = publish(*srv, tok[Admin], draft(2, "矩阵测试项目·二队", {shift(at(10, 9), at(10, 11), 50)}));
    std::string own_path = "/api/v1/projects/" + std::to_string(own["id"].get<int64_t>());
    std::string foreign_path = "/api/v1/projects/" + std::to_string(foreign["id"].get<int64_t>());
    json signup_body = {{"shift_id", own["shifts"][0]["id"]}};
    auto vs = signup(*srv, tok[Volunteer], own["id"], own["shifts"][0]["id"], "matrix-setup");
    REQUIRE(vs.status == 201);
    std::string vol_signup = "/api/v1/signups/" + std::to_string(vs.j["id"].get<int64_t>());
    json bad_reg = application(make_id("130302", "19900307", 777), "张海燕", 1, /*consent=*/false);

    struct Row {
        const char* method;
        std::string path;
        std::string body;
        const char* extra;  // "idem" (fresh Idempotency-Key), "etag" (current If-Match), ""
        int expect[Roles];  // anonymous, resident, volunteer, organizer, social_worker, admin
    };
    const Row rows[] = {
        {"GET", "/api/v1/projects", "", "", {200, 200, 200, 200, 200, 200}},
        {"GET", own_path, "", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/api/v1/teams/1", "", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/api/v1/stats/city", "", "", {200, 200, 200, 200, 200, 200}},
        {"POST", "/api/v1/auth/sms-code", R"({"phone":"1"})", "", {422, 422, 422, 422, 422, 422}},
        {"POST", "/api/v1/auth/wechat", R"({"code":"dev-matrix"})", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/api/v1/me", "", "", {401, 200, 200, 200, 200, 200}},
        {"GET", "/api/v1/me/signups", "", "", {401, 200, 200, 200, 200, 200}},
        {"PUT", "/api/v1/me/volunteer", bad_reg.dump(), "", {401, 422, 422, 422, 422, 422}},
        {"POST", "/api/v1/teams/3/members", "{}", "", {401, 403, 201, 201, 403, 403}},
        {"POST", own_path + "/signups", signup_body.dump(), "idem", {401, 403, 409, 201, 403, 403}},
        {"DELETE", vol_signup, "", "", {401, 404, 204, 404, 404, 404}},
        {"POST", "/api/v1/projects", draft(1, "矩阵发布·一队", own["shifts"]).dump(), "idem",
         {401, 403, 403, 201, 403, 201}},
        {"POST", "/api/v1/projects", draft(2, "矩阵发布·二队", own["shifts"]).dump(), "",
         {401, 403, 403, 403, 403, 201}},
        {"PATCH", own_path, R"({"title":"矩阵测试项目·一队（改）"})", "etag", {401, 403, 403, 200, 403, 200}},
        {"PATCH", foreign_path, R"({"title":"矩阵测试项目·二队（改）"})", "etag", {401, 403, 403, 403, 403, 200}},
        {"POST", "/api/v1/auth/logout", "{}", "", {401, 204, 204, 204, 204, 204}},
        {"GET", "/api/v1/me", "", "", {401, 401, 401, 401, 401, 401}},
    };
    int n = 0;
    for (const Row& row : rows) {
        for (int role = 0; role < Roles; ++role) {
            httplib::Headers h = as(tok[role]);
            if (std::string(row.extra) == "idem")
                h.emplace("Idempotency-Key", "matrix-" + std::to_string(n));
            if (std::string(row.extra) == "etag")
                h.emplace("If-Match", srv->get(row.path).header("ETag"));
            ++n;
            auto r = row.method == std::string("GET") ? srv->get(row.path, h)
                                                       : srv->send(row.method, row.path, h, row.body);
            INFO(row.method << " " << row.path << " as " << names[role] << ": " << r.body);
            CHECK(r.status == row.expect[role]);
            if (r.status >= 400) CHECK(r.header("Content-Type") == "application/problem+json");
        }
    }
}

TEST_CASE("no response seen by the harness contained a full ID number", "[server][idcard]") {
    // scan_response() checks every response as it arrives; here: the scan did run.
    auto srv = dev_server();
    std::string t = new_volunteer(*srv, "13100000001", make_id("130302", "19800101", 9));
    for (const char* p : {"/api/v1/me", "/api/v1/me/signups", "/api/v1/projects", "/api/v1/teams/1"})
        srv->get(p, {{"Authorization", "Bearer " + t}});
    auto& reg = id_registry();
    std::lock_guard lock(reg.mu);
    CHECK(reg.scanned > 10);
    CHECK(reg.ids.size() >= 2);
    WARN("ID numbers used and scanned for: " << reg.ids.size() << " in " << reg.scanned << " responses");
}
