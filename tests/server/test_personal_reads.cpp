// Signed-in reads (/me, /me/hours, /me/signups, a reward, the 老帮老 ledger and its pairing
// suggestions, the admin's points figures, an organizer's check-in code, 求助 lists, 实名
// appeals) on the pool of read-only connections: they answer while the writer waits, and hand
// over to the writer when something is to be written first (a session's refresh, records to
// auto-close). Requests without a session are refused from a reader as well.
#include <atomic>
#include <chrono>
#include <thread>

#include "accounts.h"
#include "server/db.h"

using namespace zt;
namespace zs = zygc::server;

TEST_CASE("signed-in reads, refusals and public reads answer from a reader while the writer waits", "[server][auth]") {
    auto srv = dev_server();
    std::string vol = login(*srv, "13800000001");
    std::string other = login(*srv, "13600000077");
    std::string sw = login(*srv, "13800000003");     // a social worker
    std::string admin = login(*srv, "13800000009");  // an admin
    std::string org = login(*srv, "13800000002");    // leads team 1
    // A shift of team 1's (the organizer's console asks for its rotating code).
    json first = srv->get("/api/v1/projects?team_id=1&limit=1").j["items"][0];
    json shifts = srv->get("/api/v1/projects/" + std::to_string(first["id"].get<int64_t>())).j["shifts"];
    REQUIRE_FALSE(shifts.empty());
    const std::string code_path = "/api/v1/projects/" + std::to_string(first["id"].get<int64_t>()) +
                                  "/checkin-code?shift_id=" + std::to_string(shifts[0]["id"].get<int64_t>());

    // A second connection takes the database's write lock: the server's writer, asked to
    // log another resident out (a DELETE), waits on it (busy timeout 5 s) holding the
    // writer's mutex.
    zs::Db direct;
    std::string err;
    REQUIRE(direct.open((srv->dir() / "test.db").string(), &err));
    REQUIRE(zs::Stmt(direct, "BEGIN IMMEDIATE").exec());
    std::atomic<int> posted{0};  // the POST's status once it is answered (no assertions off the test thread)
    std::thread post([&] {
        httplib::Client c = srv->client();
        auto r = c.Post("/api/v1/auth/logout", as(other), "", "application/json");
        posted = r ? r->status : -1;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the POST is in the writer by now

    for (const char* path : {"/api/v1/me", "/api/v1/me/hours", "/api/v1/me/signups"}) {
        INFO(path);
        CHECK(srv->get(path, as(vol)).status == 200);
    }
    CHECK(srv->get("/api/v1/me", as(vol)).j["display_name"] == "测试志愿者");
    check_problem(srv->get("/api/v1/rewards/999", as(vol)), 404);  // signed in: from a reader too
    // The 老帮老 ledger and its pairing suggestions (a district's whole ledger at once).
    for (const char* path : {"/api/v1/eldercare/matches?district_id=1", "/api/v1/eldercare/needs",
                             "/api/v1/eldercare/helpers", "/api/v1/eldercare/pairs"}) {
        INFO(path);
        CHECK(srv->get(path, as(sw)).status == 200);
    }
    check_problem(srv->get("/api/v1/eldercare/matches?district_id=1", as(vol)), 403);
    // The organizer's rotating check-in code (asked for every minute by each open console).
    auto code = srv->get(code_path, as(org));
    INFO(code.body);
    CHECK(code.status == 200);
    CHECK(code.j["code"].get<std::string>().size() == 6);
    check_problem(srv->get(code_path, as(vol)), 403);
    // 实名 appeals waiting for a social worker.
    CHECK(srv->get("/api/v1/identity-appeals", as(sw)).status == 200);
    check_problem(srv->get("/api/v1/identity-appeals", as(vol)), 403);
    // 求助: a district's requests for its organizers, and my own.
    CHECK(srv->get("/api/v1/help-requests?district_id=1", as(org)).status == 200);
    CHECK(srv->get("/api/v1/me/help-requests", as(vol)).status == 200);
    check_problem(srv->get("/api/v1/help-requests?district_id=1", as(vol)), 403);
    // The admin's points figures (sums over the whole ledger) and the holds to review.
    CHECK(srv->get("/api/v1/stats/points", as(admin)).status == 200);
    CHECK(srv->get("/api/v1/points/holds", as(admin)).status == 200);
    // Without a session, any personal route's 401 comes from a reader too, reads and writes.
    std::string bogus(43, 'x');
    check_problem(srv->get("/api/v1/me/points"), 401);
    check_problem(srv->get("/api/v1/me/points", as(bogus)), 401);
    check_problem(srv->send("POST", "/api/v1/redemptions", as(bogus), json({{"reward_id", 1}}).dump()), 401);
    check_problem(srv->send("POST", "/api/v1/auth/logout", as(bogus), ""), 401);
    // Public reads that need no writer: the points lists, a certificate's check.
    CHECK(srv->get("/api/v1/rewards").status == 200);
    CHECK(srv->get("/api/v1/points/rules").status == 200);
    check_problem(srv->get("/api/v1/rewards/999"), 404);  // anonymous: a public read
    check_problem(srv->get("/api/v1/certificates/ZYGC-00000000"), 404);
    CHECK(posted == 0);  // still waiting: none of these queued behind it

    REQUIRE(zs::Stmt(direct, "COMMIT").exec());
    post.join();
    CHECK(posted == 204);
}

TEST_CASE("a signed-in read refreshes its session on the writer once a minute", "[server][auth]") {
    auto srv = dev_server();
    std::string vol = login(*srv, "13800000001");
    zs::Db direct;
    std::string err;
    REQUIRE(direct.open((srv->dir() / "test.db").string(), &err));
    auto last_seen = [&] {
        zs::Stmt st(direct, "SELECT max(last_seen) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.phone = ?");
        st.bind(1, std::string("13800000001"));
        REQUIRE(st.step() == zs::Step::Row);
        return st.i64(0);
    };
    int64_t first = last_seen();
    srv->server().advance_clock(30);
    CHECK(srv->get("/api/v1/me/signups", as(vol)).status == 200);
    CHECK(last_seen() == first);  // within the minute: read only
    srv->server().advance_clock(60);
    CHECK(srv->get("/api/v1/me/signups", as(vol)).status == 200);
    CHECK(last_seen() >= first + 90);  // refreshed
    srv->server().advance_clock(31 * 86400);
    check_problem(srv->get("/api/v1/me/hours", as(vol)), 401);  // idle past 30 days: ended and deleted
    CHECK(srv->get("/api/v1/me", as(vol)).status == 401);
}
