// Issue 10 (forms and flows) on the server, over real HTTP: a member leaves a team (the
// leader cannot); project lists carry each project's next shift with a place.
#include "accounts.h"

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
}
