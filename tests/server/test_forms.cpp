// Issue 10 (forms and flows) on the server, over real HTTP: a member leaves a team (the
// leader cannot); project lists carry each project's next shift with a place.
#include <map>

#include "clocked_server.h"

using namespace zt;

TEST_CASE("leaving a team: members only, not the leader; member_count follows", "[server][teams]") {
    auto srv = dev_server();
    std::string vol = login(*srv, "13800000001");
    int64_t before = srv->get("/api/v1/teams/2").j["member_count"];
    REQUIRE(srv->send("POST", "/api/v1/teams/2/members", as(vol), "").status == 201);
    auto r = srv->send("DELETE", "/api/v1/teams/2/members/me", as(vol), "");
    INFO(r.body);
    REQUIRE(r.status == 204);
    CHECK(srv->get("/api/v1/teams/2").j["member_count"] == before);
    CHECK(srv->get("/api/v1/me", {{"Authorization", "Bearer " + vol}}).j["teams"].empty());

    auto again = srv->send("DELETE", "/api/v1/teams/2/members/me", as(vol), "");
    check_problem(again, 404);
    CHECK(again.j["code"] == "not_member");
    check_problem(srv->send("DELETE", "/api/v1/teams/999/members/me", as(vol), ""), 404);
    auto leader = srv->send("DELETE", "/api/v1/teams/1/members/me", as(login(*srv, "13800000002")), "");
    check_problem(leader, 409);
    CHECK(leader.j["code"] == "leader_cannot_leave");
    check_problem(srv->send("DELETE", "/api/v1/teams/2/members/me", as(""), ""), 401);
}

TEST_CASE("a list's project carries its next shift with a place, not sums", "[server][catalog]") {
    auto srv = dev_server();
    std::string org = login(*srv, "13800000002");
    std::string vol = login(*srv, "13800000001");
    // Day 3: one place (taken below); day 5: four places.
    json p = publish(*srv, org, draft(1, "净滩行动·下一班", {shift(at(3, 9), at(3, 11), 1), shift(at(5, 9), at(5, 11), 4)}));
    const int64_t id = p["id"], first = p["shifts"][0]["id"], second = p["shifts"][1]["id"];

    auto find = [&](const json& items) {
        for (const auto& it : items)
            if (it["id"] == id) return it;
        FAIL("not listed");
        return json();
    };
    json card = find(srv->get("/api/v1/projects?team_id=1&limit=100").j["items"]);
    REQUIRE(card.contains("next_shift"));
    CHECK(card["next_shift"]["id"] == first);

    auto r = signup(*srv, vol, id, first, "6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e01");
    INFO(r.body);
    REQUIRE(r.status == 201);
    card = find(srv->get("/api/v1/projects?team_id=1&limit=100").j["items"]);
    CHECK(card["next_shift"]["id"] == second);
    CHECK(card["next_shift"]["capacity"] == 4);
    CHECK(card["next_shift"]["signed_up"] == 0);
    CHECK(card["capacity"] == 5);  // the sums stay as they were
    // The team's page lists it with the same next shift.
    json team = find(srv->get("/api/v1/teams/1").j["projects"]);
    REQUIRE(team.contains("next_shift"));
    CHECK(team["next_shift"]["id"] == second);

    // Closed by its organizer: no shift to sign up for, wherever it is listed.
    const std::string path = "/api/v1/projects/" + std::to_string(id);
    auto closed = srv->send("PATCH", path, with(as(org), "If-Match", srv->get(path).header("ETag")), R"({"status":"closed"})");
    INFO(closed.body);
    REQUIRE(closed.status == 200);
    CHECK_FALSE(find(srv->get("/api/v1/projects?team_id=1&limit=100").j["items"]).contains("next_shift"));
    CHECK_FALSE(find(srv->get("/api/v1/teams/1").j["projects"]).contains("next_shift"));
}

// What a brand's or a team's page lists first: what a resident can still join, by its next
// shift (not by the project's first shift), then the ended ones, the latest first.
TEST_CASE("a brand's and a team's projects: still to come by next shift, then ended, latest first",
          "[server][catalog]") {
    ClockedServer c;
    auto make = [&](const char* title, json shifts) {
        json d = draft(1, title, std::move(shifts));
        d["brand"] = "cuncaoxin";
        return publish(*c.srv, c.org, d)["id"].get<int64_t>();
    };
    const int64_t ended_first = make("先结束的项目", {shift(at(1, 9), at(1, 11), 5)});
    const int64_t ended_later = make("后结束的项目", {shift(at(2, 9), at(2, 11), 5)});
    const int64_t started_early = make("早开始晚再来", {shift(at(1, 14), at(1, 16), 5), shift(at(8, 9), at(8, 11), 5)});
    const int64_t next_soon = make("下一班最近", {shift(at(5, 9), at(5, 11), 5)});
    c.clock(fixture_now() + 3 * 86400);  // day 3: two have ended, one has run its first shift

    for (const char* path : {"/api/v1/brands/cuncaoxin", "/api/v1/teams/1"}) {
        INFO(path);
        const json items = c.srv->get(path).j["projects"];
        std::map<int64_t, size_t> at_index;
        for (size_t i = 0; i < items.size(); ++i) at_index[items[i]["id"].get<int64_t>()] = i;
        for (int64_t id : {ended_first, ended_later, started_early, next_soon}) REQUIRE(at_index.count(id));
        CHECK(at_index[next_soon] < at_index[started_early]);    // day 5 before day 8
        CHECK(at_index[started_early] < at_index[ended_later]);  // what is to come before what has ended
        CHECK(at_index[ended_later] < at_index[ended_first]);    // the latest ended first
        // Throughout: no project with a shift to join after one without; none still running
        // after one that has ended.
        const std::string now = zygc::format_cst(fixture_now() + 3 * 86400);
        bool without = false, ended = false;
        for (const json& p : items) {
            const bool next = p.contains("next_shift"), over = p.value("end", "") != "" && p.value("end", "") <= now;
            CHECK_FALSE((next && without));
            CHECK_FALSE((!over && ended));
            without = without || !next;
            ended = ended || over;
        }
    }
}
