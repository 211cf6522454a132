// Eldercare (issue 13) over real HTTP on real SQLite files: the 老帮老 ledger (social
// workers only, masked data only), the global pairing (against the test's own feasibility
// rules, maximum matching and a greedy baseline), visits that become hours a social worker
// certifies, a help request's lifecycle, the dashboard against the test's own SQL counts,
// and the awards.
#include <cmath>
#include <map>
#include <random>

#include <sqlite3.h>

#include "accounts.h"
#include "eldercare_district.h"
#include "server/eldercare_match.h"

using namespace zt;
namespace ec = zygc::server::eldercare;

namespace {

// ---- the test's own rules (written from the contract, not from the server's code) -------------

int metres(double lat1, double lng1, double lat2, double lng2) {
    const double r = 6371008.8, k = 3.14159265358979323846 / 180.0;
    double a = std::pow(std::sin((lat2 - lat1) * k / 2), 2) +
               std::cos(lat1 * k) * std::cos(lat2 * k) * std::pow(std::sin((lng2 - lng1) * k / 2), 2);
    return static_cast<int>(std::lround(2 * r * std::asin(std::sqrt(a))));
}

bool feasible(const ec::Need& n, const ec::Helper& h) {
    bool near = n.community == h.community || metres(n.lat, n.lng, h.lat, h.lng) <= h.walk_m;
    return near && (n.services & h.abilities) && (n.slots & h.slots) && h.load < h.capacity;
}

// Maximum number of needs that can be met (augmenting paths over helper places).
size_t max_matching(const std::vector<ec::Need>& needs, const std::vector<ec::Helper>& helpers) {
    std::vector<std::vector<int>> adj(needs.size());
    std::vector<int> place_helper;  // one entry per free place
    for (size_t h = 0; h < helpers.size(); ++h)
        for (int k = helpers[h].load; k < helpers[h].capacity; ++k) place_helper.push_back(static_cast<int>(h));
    for (size_t i = 0; i < needs.size(); ++i)
        for (size_t p = 0; p < place_helper.size(); ++p)
            if (feasible(needs[i], helpers[place_helper[p]])) adj[i].push_back(static_cast<int>(p));
    std::vector<int> owner(place_helper.size(), -1);
    std::function<bool(int, std::vector<char>&)> augment = [&](int i, std::vector<char>& seen) {
        for (int p : adj[i]) {
            if (seen[p]) continue;
            seen[p] = 1;
            if (owner[p] < 0 || augment(owner[p], seen)) return owner[p] = i, true;
        }
        return false;
    };
    size_t n = 0;
    for (size_t i = 0; i < needs.size(); ++i) {
        std::vector<char> seen(place_helper.size(), 0);
        n += augment(static_cast<int>(i), seen);
    }
    return n;
}

// Checks every suggestion against the test's rules and the reasons against the score.
void check_suggestions(const std::vector<ec::Suggestion>& got, const std::vector<ec::Need>& needs,
                       const std::vector<ec::Helper>& helpers) {
    std::map<int64_t, const ec::Need*> need_by;
    std::map<int64_t, const ec::Helper*> helper_by;
    for (const auto& n : needs) need_by[n.id] = &n;
    for (const auto& h : helpers) helper_by[h.id] = &h;
    std::map<int64_t, int> used;
    std::set<int64_t> met;
    for (const auto& s : got) {
        const ec::Need& n = *need_by.at(s.need_id);
        const ec::Helper& h = *helper_by.at(s.helper_id);
        INFO("need " << n.id << " helper " << h.id);
        REQUIRE(feasible(n, h));
        CHECK(met.insert(n.id).second);  // each need once
        CHECK(++used[h.id] <= h.capacity - h.load);
        int sum = 0;
        std::set<std::string> codes;
        for (const auto& r : s.reasons) {
            sum += r.points;
            codes.insert(r.code);
            std::map<std::string, std::string> p(r.params.begin(), r.params.end());
            if (r.code == "same_community") CHECK(p["community"] == n.community);
            if (r.code == "walking_distance") {
                CHECK(std::abs(std::stoi(p["distance_m"]) - metres(n.lat, n.lng, h.lat, h.lng)) <= 1);
                CHECK(std::stoi(p["distance_m"]) <= h.walk_m);
            }
            if (r.code == "needs_met") CHECK(std::stoi(p["count"]) == __builtin_popcount(n.services & h.abilities));
            if (r.code == "times_overlap") CHECK(std::stoi(p["count"]) == __builtin_popcount(n.slots & h.slots));
            if (r.code == "helper_load") CHECK(p["capacity"] == std::to_string(h.capacity));
        }
        CHECK(sum == s.score);
        CHECK(codes.count(n.community == h.community ? "same_community" : "walking_distance"));
        CHECK(codes.count("needs_met"));
        CHECK(codes.count("times_overlap"));
    }
}

}  // namespace

TEST_CASE("eldercare matching: the global assignment meets the most needs, never across constraints",
          "[eldercare][matching]") {
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
        INFO("seed " << seed);
        std::mt19937 rng(seed);
        std::vector<ec::Need> needs;
        std::vector<ec::Helper> helpers;
        generate(rng, 300 + 20 * static_cast<int>(seed), 180, needs, helpers);
        auto global = ec::assign(needs, helpers);
        auto greedy = ec::greedy(needs, helpers);
        check_suggestions(global, needs, helpers);
        check_suggestions(greedy, needs, helpers);
        size_t best = max_matching(needs, helpers);
        CHECK(global.size() == best);
        CHECK(global.size() >= greedy.size());
        CHECK(best > 50);  // the generated district is not trivial
    }
}

TEST_CASE("eldercare matching: greedy one-by-one loses a need the global assignment meets", "[eldercare][matching]") {
    // Helper 1 suits need A best, but is the only one need B can have.
    ec::Need a{1, "东山社区", 39.93, 119.60, 0b00011, 0b11};
    ec::Need b{2, "东山社区", 39.93, 119.60, 0b00001, 0b01};
    ec::Helper h1{1, "东山社区", 39.93, 119.60, 500, 0b00011, 0b11, 1, 0};
    ec::Helper h2{2, "西港社区", 39.9340, 119.60, 600, 0b00010, 0b10, 1, 0};  // ~445 m away
    std::vector<ec::Need> needs = {a, b};
    std::vector<ec::Helper> helpers = {h1, h2};
    auto greedy = ec::greedy(needs, helpers);
    auto global = ec::assign(needs, helpers);
    CHECK(greedy.size() == 1);
    REQUIRE(global.size() == 2);
    check_suggestions(global, needs, helpers);
    // Load balance: with capacity 2, two equal needs still go to two helpers when both can.
    ec::Helper big{3, "东山社区", 39.93, 119.60, 500, 0b11111, 0b11, 2, 0};
    ec::Helper other{4, "东山社区", 39.93, 119.60, 500, 0b11111, 0b11, 2, 0};
    std::vector<ec::Need> two = {a, ec::Need{3, "东山社区", 39.93, 119.60, 0b00011, 0b11}};
    auto balanced = ec::assign(two, {big, other});
    REQUIRE(balanced.size() == 2);
    CHECK(balanced[0].helper_id != balanced[1].helper_id);
}

namespace {

struct Ledger {
    std::unique_ptr<TestServer> srv = dev_server();
    std::string sw = login(*srv, "13800000003");
    int keys = 0;

    Response post(const std::string& path, const std::string& token, const json& body) {
        return srv->send("POST", path, with(as(token), "Idempotency-Key", "k-" + std::to_string(++keys)), body.dump());
    }
    Response get(const std::string& path, const std::string& token) {
        return srv->get(path, token.empty() ? httplib::Headers{} : httplib::Headers{{"Authorization", "Bearer " + token}});
    }
    static json need(const std::string& name, const std::string& community, double lat, double lng,
                     json needs = {"meal", "companionship"}, json slots = {"mon_am", "wed_am"}) {
        return {{"name", name},       {"phone", "13812340001"}, {"birth_year", 1938},
                {"district_id", 1},   {"community", community}, {"needs", needs},
                {"slots", slots},     {"mobility", "cane"},     {"lat", lat},
                {"lng", lng},         {"note", "独居，耳背"},
                {"guardian", {{"name", "李建国"}, {"phone", "13998760002"}, {"relation", "儿子"}}},
                {"consent", true}};
    }
    static json helper(const std::string& name, const std::string& phone, const std::string& community, double lat,
                       double lng, json abilities = {"meal", "companionship"}, json slots = {"mon_am"}, int walk = 800,
                       int capacity = 2) {
        return {{"name", name},   {"phone", phone}, {"district_id", 1}, {"community", community},
                {"abilities", abilities}, {"slots", slots}, {"walk_m", walk}, {"capacity", capacity},
                {"lat", lat},     {"lng", lng},     {"consent", true}};
    }
};

// No response may carry the raw personal data the ledger was given.
void no_raw(const Response& r) {
    INFO(r.body);
    for (const char* raw : {"张小华", "13812340001", "李建国", "13998760002", "赵国庆", "13912345678"})
        CHECK(r.body.find(raw) == std::string::npos);
}

}  // namespace

TEST_CASE("eldercare ledger: only social workers read and write it; anonymous 401", "[eldercare]") {
    Ledger l;
    std::string resident = login(*l.srv, "13712340099");
    std::string organizer = login(*l.srv, "13800000002");
    std::string volunteer = login(*l.srv, "13800000001");
    for (const char* path : {"/api/v1/eldercare/needs", "/api/v1/eldercare/helpers", "/api/v1/eldercare/pairs",
                             "/api/v1/eldercare/matches?district_id=1"}) {
        INFO(path);
        check_problem(l.get(path, ""), 401);
        for (const auto& t : {resident, organizer, volunteer}) {
            auto r = l.get(path, t);
            check_problem(r, 403);
            CHECK(r.j["code"] == "forbidden_role");
        }
        CHECK(l.get(path, l.sw).status == 200);
    }
    auto body = Ledger::need("张小华", "东山社区", 39.93, 119.60);
    check_problem(l.post("/api/v1/eldercare/needs", organizer, body), 403);
    check_problem(l.post("/api/v1/eldercare/needs", resident, body), 403);
    check_problem(l.post("/api/v1/eldercare/helpers", organizer, Ledger::helper("赵国庆", "13912345678", "东山社区", 39.93, 119.6)), 403);
    check_problem(l.post("/api/v1/eldercare/pairs", organizer, {{"need_id", 1}, {"helper_id", 1}}), 403);
    check_problem(l.post("/api/v1/eldercare/pairs/1/visits", organizer, {{"start", at(0, 9)}, {"end", at(0, 10)}}), 403);
    check_problem(l.srv->send("POST", "/api/v1/eldercare/needs", as(""), body.dump()), 401);
    CHECK(l.get("/api/v1/eldercare/needs", l.sw).j["total"] == 0);  // nothing was stored
}

TEST_CASE("eldercare ledger: masked personal data only, consent and fields checked", "[eldercare]") {
    Ledger l;
    auto r = l.post("/api/v1/eldercare/needs", l.sw, Ledger::need("张小华", "东山社区", 39.93, 119.60));
    INFO(r.body);
    REQUIRE(r.status == 201);
    no_raw(r);
    CHECK(r.j["name_masked"] == "张*华");
    CHECK(r.j["phone_masked"] == "138****0001");
    CHECK(r.j["guardian"]["name_masked"] == "李*国");
    CHECK(r.j["guardian"]["phone_masked"] == "139****0002");
    CHECK(r.j["status"] == "open");
    CHECK_FALSE(r.j.contains("lat"));
    auto h = l.post("/api/v1/eldercare/helpers", l.sw, Ledger::helper("赵国庆", "13912345678", "东山社区", 39.9305, 119.6005));
    INFO(h.body);
    REQUIRE(h.status == 201);
    no_raw(h);
    CHECK(h.j["name_masked"] == "赵*庆");
    CHECK(h.j["phone_masked"] == "139****5678");
    CHECK(h.j["load"] == 0);
    for (const char* path : {"/api/v1/eldercare/needs", "/api/v1/eldercare/helpers", "/api/v1/eldercare/matches?district_id=1"})
        no_raw(l.get(path, l.sw));
    // The database keeps no plain copy either (sealed with the server key, masked copies).
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open_v2((l.srv->dir() / "test.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db,
                                   "SELECT count(*) FROM eldercare_needs WHERE pii_cipher IS NOT NULL AND "
                                   "instr(CAST(pii_cipher AS BLOB), CAST('13812340001' AS BLOB)) = 0 AND "
                                   "name_masked = '张*华' AND phone_masked = '138****0001'",
                                   -1, &st, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(st) == SQLITE_ROW);
        CHECK(sqlite3_column_int(st, 0) == 1);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    // Consent, codes and phones are checked; nothing stored on 422.
    json bad = Ledger::need("张小华", "东山社区", 39.93, 119.60);
    bad["consent"] = false;
    check_problem(l.post("/api/v1/eldercare/needs", l.sw, bad), 422, "consent");
    bad = Ledger::need("张小华", "东山社区", 39.93, 119.60, {"meal", "flying"});
    check_problem(l.post("/api/v1/eldercare/needs", l.sw, bad), 422, "needs");
    bad = Ledger::need("张小华", "东山社区", 39.93, 119.60, {"meal"}, json::array());
    check_problem(l.post("/api/v1/eldercare/needs", l.sw, bad), 422, "slots");
    bad = Ledger::need("张小华", "东山社区", 39.93, 119.60);
    bad["guardian"]["phone"] = "12345";
    check_problem(l.post("/api/v1/eldercare/needs", l.sw, bad), 422, "guardian.phone");
    bad = Ledger::need("张小华", "东山社区", 39.93, 119.60);
    bad["district_id"] = 99;
    check_problem(l.post("/api/v1/eldercare/needs", l.sw, bad), 422, "district_id");
    json hb = Ledger::helper("赵国庆", "13912345678", "东山社区", 39.93, 119.6);
    hb["walk_m"] = 50;
    check_problem(l.post("/api/v1/eldercare/helpers", l.sw, hb), 422, "walk_m");
    CHECK(l.get("/api/v1/eldercare/needs", l.sw).j["total"] == 1);
    CHECK(l.get("/api/v1/eldercare/needs?district_id=2", l.sw).j["total"] == 0);
    check_problem(l.get("/api/v1/eldercare/needs?district_id=abc", l.sw), 400, "district_id");
    check_problem(l.get("/api/v1/eldercare/needs?district_id=99", l.sw), 422, "district_id");
    check_problem(l.get("/api/v1/eldercare/matches", l.sw), 422, "district_id");
}

TEST_CASE("eldercare pairing over HTTP: hundreds of needs and helpers, constraints kept, most needs met",
          "[eldercare][matching]") {
    Ledger l;
    std::mt19937 rng(42);
    std::vector<ec::Need> needs;
    std::vector<ec::Helper> helpers;
    generate(rng, 200, 120, needs, helpers);
    for (auto& h : helpers) h.load = 0;  // fresh helpers
    std::map<int64_t, ec::Need> need_by;
    std::map<int64_t, ec::Helper> helper_by;
    auto names = [](uint32_t bits, const char* const* all, int n) {
        json a = json::array();
        for (int i = 0; i < n; ++i)
            if (bits & (1u << i)) a.push_back(all[i]);
        return a;
    };
    for (auto& n : needs) {
        json b = Ledger::need("钱桂兰", n.community, n.lat, n.lng, names(n.services, ec::kServices, 5),
                              names(n.slots, ec::kSlots, 14));
        auto r = l.post("/api/v1/eldercare/needs", l.sw, b);
        REQUIRE(r.status == 201);
        n.id = r.j["id"];
        need_by[n.id] = n;
    }
    int phone = 0;
    for (auto& h : helpers) {
        json b = Ledger::helper("孙德明", "1390000" + std::to_string(1000 + ++phone), h.community, h.lat, h.lng,
                                names(h.abilities, ec::kServices, 5), names(h.slots, ec::kSlots, 14), h.walk_m, h.capacity);
        auto r = l.post("/api/v1/eldercare/helpers", l.sw, b);
        REQUIRE(r.status == 201);
        h.id = r.j["id"];
        helper_by[h.id] = h;
    }
    auto m = l.get("/api/v1/eldercare/matches?district_id=1", l.sw);
    INFO(m.body.substr(0, 2000));
    REQUIRE(m.status == 200);
    CHECK(m.j["open_needs"] == 200);
    std::vector<ec::Suggestion> got;
    int prev = 1 << 30;
    for (const auto& s : m.j["items"]) {
        ec::Suggestion x;
        x.need_id = s["need_id"];
        x.helper_id = s["helper_id"];
        x.score = s["score"];
        CHECK(x.score <= prev);  // best first
        prev = x.score;
        for (const auto& r : s["reasons"]) {
            ec::Reason reason{r["code"], r["points"], {}};
            for (auto it = r["params"].begin(); it != r["params"].end(); ++it) reason.params.push_back({it.key(), it.value()});
            x.reasons.push_back(reason);
        }
        got.push_back(x);
    }
    check_suggestions(got, needs, helpers);
    size_t best = max_matching(needs, helpers);
    CHECK(got.size() == best);
    CHECK(got.size() >= ec::greedy(needs, helpers).size());
    CHECK(m.j["unmatched_need_ids"].size() == 200 - got.size());

    // Confirming the top suggestion takes the need off the next suggestions.
    auto top = m.j["items"][0];
    auto p = l.post("/api/v1/eldercare/pairs", l.sw, {{"need_id", top["need_id"]}, {"helper_id", top["helper_id"]}});
    INFO(p.body);
    REQUIRE(p.status == 201);
    auto again = l.get("/api/v1/eldercare/matches?district_id=1", l.sw);
    CHECK(again.j["open_needs"] == 199);
    for (const auto& s : again.j["items"]) CHECK(s["need_id"] != top["need_id"]);
    check_problem(l.post("/api/v1/eldercare/pairs", l.sw, {{"need_id", top["need_id"]}, {"helper_id", top["helper_id"]}}), 409);
    // A pair across the constraints is refused with the reason.
    for (const auto& n : needs) {
        for (const auto& h : helpers) {
            if (feasible(n, h) || h.load >= h.capacity) continue;
            auto r = l.post("/api/v1/eldercare/pairs", l.sw, {{"need_id", n.id}, {"helper_id", h.id}});
            check_problem(r, 422);
            CHECK(r.j["code"] == "pair_infeasible");
            goto refused;
        }
    }
refused:;
}

TEST_CASE("eldercare visits: logged for a pair, certified by the social worker, the helper's hours move",
          "[eldercare][hours]") {
    Ledger l;
    auto n = l.post("/api/v1/eldercare/needs", l.sw, Ledger::need("张小华", "东山社区", 39.93, 119.60));
    auto n2 = l.post("/api/v1/eldercare/needs", l.sw, Ledger::need("王秀兰", "西港社区", 39.95, 119.70, {"escort"}, {"sun_pm"}));
    auto h = l.post("/api/v1/eldercare/helpers", l.sw,
                    Ledger::helper("赵国庆", "13912345678", "东山社区", 39.9305, 119.6005, {"meal"}, {"mon_am"}, 800, 1));
    REQUIRE(n.status == 201);
    REQUIRE(h.status == 201);
    check_problem(l.post("/api/v1/eldercare/pairs", l.sw, {{"need_id", n2.j["id"]}, {"helper_id", h.j["id"]}}), 422);
    auto m = l.get("/api/v1/eldercare/matches?district_id=1", l.sw);
    REQUIRE(m.j["items"].size() == 1);
    CHECK(m.j["unmatched_need_ids"] == json::array({n2.j["id"]}));
    auto p = l.post("/api/v1/eldercare/pairs", l.sw,
                    {{"need_id", m.j["items"][0]["need_id"]}, {"helper_id", m.j["items"][0]["helper_id"]}, {"rhythm_days", 7}});
    INFO(p.body);
    REQUIRE(p.status == 201);
    no_raw(p);
    CHECK(p.j["overdue"] == false);
    CHECK(p.j["visits"] == 0);
    int64_t pair = p.j["id"], project = p.j["project_id"];
    // The helper is full now (capacity 1).
    auto n3 = l.post("/api/v1/eldercare/needs", l.sw, Ledger::need("周玉珍", "东山社区", 39.93, 119.60));
    auto full = l.post("/api/v1/eldercare/pairs", l.sw, {{"need_id", n3.j["id"]}, {"helper_id", h.j["id"]}});
    check_problem(full, 409);
    CHECK(full.j["code"] == "helper_full");

    std::string helper = login(*l.srv, "13912345678");
    auto before = l.get("/api/v1/me/hours", helper);
    REQUIRE(before.status == 200);
    int64_t certified_before = before.j["totals"]["certified_minutes"];
    auto dash_before = l.get("/api/v1/stats/dashboard", "");
    REQUIRE(dash_before.status == 200);

    // Visits: bad times refused, a real one logged (yesterday 9:00–10:30).
    check_problem(l.post("/api/v1/eldercare/pairs/" + std::to_string(pair) + "/visits", l.sw,
                         {{"start", at(-1, 10)}, {"end", at(-1, 9)}}), 422, "end");
    check_problem(l.post("/api/v1/eldercare/pairs/" + std::to_string(pair) + "/visits", l.sw,
                         {{"start", at(1, 9)}, {"end", at(1, 10)}}), 422, "end");
    check_problem(l.post("/api/v1/eldercare/pairs/999/visits", l.sw, {{"start", at(-1, 9)}, {"end", at(-1, 10)}}), 404);
    auto v = l.post("/api/v1/eldercare/pairs/" + std::to_string(pair) + "/visits", l.sw,
                    {{"start", at(-1, 9)}, {"end", at(-1, 10, 30)}, {"note", "陪老人吃午饭"}});
    INFO(v.body);
    REQUIRE(v.status == 201);
    CHECK(v.j["minutes"] == 90);
    CHECK(v.j["hours_status"] == "pending");
    CHECK(v.j["project_id"] == project);
    int64_t record = v.j["hours_record_id"];
    auto overlap = l.post("/api/v1/eldercare/pairs/" + std::to_string(pair) + "/visits", l.sw,
                          {{"start", at(-1, 10)}, {"end", at(-1, 11)}});
    check_problem(overlap, 409);
    CHECK(overlap.j["code"] == "overlap");

    auto mine = l.get("/api/v1/me/hours", helper);
    bool found = false;
    for (const auto& it : mine.j["items"])
        if (it["id"] == record) {
            found = true;
            CHECK(it["status"] == "pending");
            CHECK(it["minutes"] == 90);
        }
    CHECK(found);
    CHECK(mine.j["totals"]["certified_minutes"] == certified_before);

    // The social worker sees the queue and certifies; an organizer of another team cannot.
    auto queue = l.get("/api/v1/projects/" + std::to_string(project) + "/attendance", l.sw);
    INFO(queue.body);
    REQUIRE(queue.status == 200);
    std::string organizer = login(*l.srv, "13800000002");
    check_problem(l.srv->send("POST", "/api/v1/hours/" + std::to_string(record) + "/certify", as(organizer),
                              json({{"decision", "approve"}}).dump()), 403);
    std::string resident = login(*l.srv, "13712340099");
    check_problem(l.srv->send("POST", "/api/v1/hours/" + std::to_string(record) + "/certify", as(resident),
                              json({{"decision", "approve"}}).dump()), 403);
    auto c = l.srv->send("POST", "/api/v1/hours/" + std::to_string(record) + "/certify", as(l.sw),
                         json({{"decision", "approve"}}).dump());
    INFO(c.body);
    REQUIRE(c.status == 200);
    CHECK(c.j["status"] == "certified");
    auto after = l.get("/api/v1/me/hours", helper);
    CHECK(after.j["totals"]["certified_minutes"] == certified_before + 90);
    auto dash = l.get("/api/v1/stats/dashboard", "");
    CHECK(dash.j["service_minutes"] == dash_before.j["service_minutes"].get<int64_t>() + 90);
    CHECK(dash.j["eldercare_visits"] == dash_before.j["eldercare_visits"].get<int64_t>() + 1);
    CHECK(dash.j["by_district"][0]["eldercare_pairs"] == 1);

    auto pairs = l.get("/api/v1/eldercare/pairs?district_id=1", l.sw);
    REQUIRE(pairs.j["items"].size() == 1);
    CHECK(pairs.j["items"][0]["visits"] == 1);
    CHECK(pairs.j["items"][0]["visit_minutes"] == 90);
    CHECK(pairs.j["items"][0]["overdue"] == false);
    CHECK(l.get("/api/v1/eldercare/pairs?overdue=1", l.sw).j["total"] == 0);
    // Seven days after the visit (the agreed rhythm) it is overdue.
    l.srv->server().advance_clock(8 * 86400);
    auto late = l.get("/api/v1/eldercare/pairs?overdue=1", l.sw);
    REQUIRE(late.j["total"] == 1);
    CHECK(late.j["items"][0]["overdue"] == true);
    CHECK(late.j["items"][0]["days_overdue"].get<int64_t>() >= 1);
    auto needs = l.get("/api/v1/eldercare/needs?status=paired", l.sw);
    CHECK(needs.j["total"] == 1);
    CHECK(needs.j["items"][0]["pair_id"] == pair);
}

TEST_CASE("help requests: asked by a resident, seen by district organizers, taken, turned into a project",
          "[eldercare][help]") {
    auto srv = dev_server();
    std::string resident = login(*srv, "13712340099");
    std::string other = login(*srv, "13712340098");
    std::string organizer = login(*srv, "13800000002");  // leads team 1 (海港区 = district 1)
    auto post = [&](const std::string& t, const json& b) { return srv->send("POST", "/api/v1/help-requests", as(t), b.dump()); };
    auto patch = [&](const std::string& t, int64_t id, const json& b) {
        return srv->send("PATCH", "/api/v1/help-requests/" + std::to_string(id), as(t), b.dump());
    };
    auto get = [&](const std::string& path, const std::string& t) {
        return srv->get(path, t.empty() ? httplib::Headers{} : httplib::Headers{{"Authorization", "Bearer " + t}});
    };
    check_problem(srv->send("POST", "/api/v1/help-requests", as(""), json({{"title", "需要帮忙"}}).dump()), 401);
    check_problem(post(resident, {{"title", "帮"}, {"description", "x"}, {"district_id", 1}}), 422, "title");
    check_problem(post(resident, {{"title", "楼道灯坏了"}, {"description", "x"}, {"district_id", 99}}), 422, "district_id");
    auto r = post(resident, {{"title", "独居老人需要陪伴"}, {"description", "楼下独居老人需要每周有人陪聊。"},
                             {"district_id", 1}, {"category", "elderly"}});
    INFO(r.body);
    REQUIRE(r.status == 201);
    CHECK(r.j["status"] == "open");
    CHECK(r.j["mine"] == true);
    CHECK(r.j["requester"]["phone_masked"] == "137****0099");
    CHECK(r.body.find("13712340099") == std::string::npos);
    int64_t id = r.j["id"];

    // The requester sees their own; others do not; only district organizers list the district.
    auto mine = get("/api/v1/me/help-requests", resident);
    REQUIRE(mine.j["total"] == 1);
    CHECK(get("/api/v1/me/help-requests", other).j["total"] == 0);
    check_problem(get("/api/v1/help-requests?district_id=1", resident), 403);
    check_problem(get("/api/v1/help-requests?district_id=1", ""), 401);
    check_problem(get("/api/v1/help-requests?district_id=2", organizer), 403);
    auto list = get("/api/v1/help-requests?district_id=1&status=open", organizer);
    INFO(list.body);
    REQUIRE(list.status == 200);
    REQUIRE(list.j["total"] == 1);
    CHECK(list.j["items"][0]["id"] == id);
    CHECK(list.j["items"][0]["mine"] == false);

    // Take (organizer of a team in the district), then convert into a project with a shift.
    check_problem(patch(resident, id, {{"action", "take"}, {"team_id", 1}}), 403);
    check_problem(patch(organizer, id, {{"action", "take"}, {"team_id", 3}}), 403);  // not their team
    auto taken = patch(organizer, id, {{"action", "take"}, {"team_id", 1}, {"note", "周六上门"}});
    INFO(taken.body);
    REQUIRE(taken.status == 200);
    CHECK(taken.j["status"] == "taken");
    CHECK(taken.j["team"]["id"] == 1);
    auto again = patch(organizer, id, {{"action", "take"}, {"team_id", 1}});
    check_problem(again, 409);
    CHECK(again.j["code"] == "help_request_state");
    CHECK(get("/api/v1/me/help-requests", resident).j["items"][0]["status"] == "taken");
    auto bad = patch(organizer, id, {{"action", "convert"}, {"team_id", 1}, {"project", {{"shifts", json::array()}}}});
    check_problem(bad, 422, "project.site");
    CHECK(get("/api/v1/me/help-requests", resident).j["items"][0]["status"] == "taken");  // nothing half-done
    json project = {{"site", {{"name", "红旗路服务站"}, {"lat", 39.93}, {"lng", 119.60}, {"radius_m", 200}}},
                    {"shifts", {shift(at(3, 9), at(3, 11), 2)}}};
    auto conv = patch(organizer, id, {{"action", "convert"}, {"team_id", 1}, {"project", project}});
    INFO(conv.body);
    REQUIRE(conv.status == 200);
    CHECK(conv.j["status"] == "converted");
    REQUIRE(conv.j["project_id"].is_number_integer());
    auto p = get("/api/v1/projects/" + std::to_string(conv.j["project_id"].get<int64_t>()), "");
    REQUIRE(p.status == 200);
    CHECK(p.j["title"] == "独居老人需要陪伴");
    CHECK(p.j["district_id"] == 1);
    CHECK(p.j["shifts"].size() == 1);
    CHECK(get("/api/v1/me/help-requests", resident).j["items"][0]["project_id"] == conv.j["project_id"]);
    check_problem(patch(organizer, id, {{"action", "close"}}), 409);

    // A second request: withdrawn by its requester; nobody else may close it.
    auto r2 = post(resident, {{"title", "楼道灯坏了需要换"}, {"description", "三楼楼道灯坏了。"}, {"district_id", 1}});
    REQUIRE(r2.status == 201);
    check_problem(patch(other, r2.j["id"], {{"action", "close"}}), 403);
    auto closed = patch(resident, r2.j["id"], {{"action", "close"}, {"note", "已经修好了"}});
    REQUIRE(closed.status == 200);
    CHECK(closed.j["status"] == "closed");
    check_problem(patch(resident, r2.j["id"], {{"action", "close"}}), 409);
    check_problem(patch(resident, r2.j["id"], {{"action", "fly"}}), 422, "action");
    check_problem(patch(resident, 9999, {{"action", "close"}}), 404);
    CHECK(get("/api/v1/help-requests?district_id=1", organizer).j["total"] == 2);
}

namespace {

// Dev mode with the demo data: hours, and the eldercare demo (pairs, visits, requests).
std::unique_ptr<TestServer> demo_server() {
    return std::make_unique<TestServer>(fixture_seed().dump(), fixture_now(), std::string(),
                                        [](zygc::server::Options& o) {
                                            o.dev = true;
                                            o.trust_proxy = true;
                                            o.demo_hours = true;
                                        });
}

int64_t sql_int(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

}  // namespace

TEST_CASE("city dashboard: figures equal the test's own SQL counts; demo data in every district",
          "[eldercare][dashboard]") {
    auto srv = demo_server();
    // Live data on top: a registered volunteer and a help request.
    std::string vol = new_volunteer(*srv, "13712345670", make_id("130302", "19900101", 555));
    srv->send("POST", "/api/v1/help-requests", as(vol),
              json({{"title", "需要帮忙搬家具"}, {"description", "老人家里的柜子需要挪动。"}, {"district_id", 2}}).dump());
    auto d = srv->get("/api/v1/stats/dashboard");
    INFO(d.body.substr(0, 3000));
    REQUIRE(d.status == 200);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((srv->dir() / "test.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    const std::string certified = "FROM attendance a JOIN projects p ON p.id = a.project_id WHERE a.certified = 1 AND a.corrected_by IS NULL";
    CHECK(d.j["registered_volunteers"] == sql_int(db, "SELECT count(*) FROM volunteers"));
    CHECK(d.j["resident_population"] == sql_int(db, "SELECT SUM(population) FROM districts"));
    CHECK(d.j["teams"] == sql_int(db, "SELECT count(*) FROM teams"));
    CHECK(d.j["projects"] == sql_int(db, "SELECT count(*) FROM projects"));
    CHECK(d.j["service_minutes"] == sql_int(db, "SELECT COALESCE(SUM(a.minutes), 0) " + certified));
    CHECK(d.j["eldercare_pairs"] == sql_int(db, "SELECT count(*) FROM eldercare_pairs WHERE status = 'active'"));
    CHECK(d.j["eldercare_visits"] == sql_int(db, "SELECT count(*) FROM eldercare_visits"));
    CHECK(d.j["help_requests"] == sql_int(db, "SELECT count(*) FROM help_requests"));
    // Never the seed's report baselines.
    CHECK(d.j["registered_volunteers"] != sql_int(db, "SELECT SUM(registered_volunteers) FROM districts"));
    REQUIRE(d.j["by_district"].size() == 3);
    for (const auto& row : d.j["by_district"]) {
        std::string id = std::to_string(row["district_id"].get<int64_t>());
        INFO("district " << id);
        CHECK(row["registered_volunteers"] == sql_int(db, "SELECT count(*) FROM volunteers WHERE district_id = " + id));
        CHECK(row["teams"] == sql_int(db, "SELECT count(*) FROM teams WHERE district_id = " + id));
        CHECK(row["projects"] == sql_int(db, "SELECT count(*) FROM projects WHERE district_id = " + id));
        CHECK(row["service_minutes"] == sql_int(db, "SELECT COALESCE(SUM(a.minutes), 0) " + certified + " AND p.district_id = " + id));
        CHECK(row["eldercare_pairs"] == sql_int(db, "SELECT count(*) FROM eldercare_pairs WHERE status = 'active' AND district_id = " + id));
        CHECK(row["eldercare_visits"] == sql_int(db, "SELECT count(*) FROM eldercare_visits v JOIN eldercare_pairs p ON p.id = v.pair_id WHERE p.district_id = " + id));
        CHECK(row["help_requests"] == sql_int(db, "SELECT count(*) FROM help_requests WHERE district_id = " + id));
        // Demo data in every district: pairs, visits, requests.
        CHECK(row["eldercare_pairs"].get<int64_t>() >= 1);
        CHECK(row["eldercare_visits"].get<int64_t>() >= 1);
        CHECK(row["help_requests"].get<int64_t>() >= 2);
        double share = row["population"].get<int64_t>() > 0
                           ? std::round(row["registered_volunteers"].get<double>() * 10000.0 / row["population"].get<double>()) / 100.0
                           : 0.0;
        CHECK(row["share_of_population_pct"].get<double>() == Approx(share));
    }
    // By month: the last 12 months, this month last; this month's counts as SQL says.
    REQUIRE(d.j["by_month"].size() == 12);
    CHECK(d.j["by_month"][11]["month"] == "2026-01");
    CHECK(d.j["by_month"][0]["month"] == "2025-02");
    int64_t month_start = *zygc::parse_rfc3339("2026-01-01T00:00:00+08:00");
    std::string since = std::to_string(month_start);
    CHECK(d.j["by_month"][11]["new_volunteers"] == sql_int(db, "SELECT count(*) FROM volunteers WHERE registered_at >= " + since));
    CHECK(d.j["by_month"][11]["service_minutes"] == sql_int(db, "SELECT COALESCE(SUM(a.minutes), 0) " + certified + " AND a.check_in >= " + since));
    CHECK(d.j["by_month"][11]["help_requests"] == sql_int(db, "SELECT count(*) FROM help_requests WHERE created_at >= " + since));
    int64_t visits = 0;
    for (const auto& m : d.j["by_month"]) visits += m["eldercare_visits"].get<int64_t>();
    CHECK(visits == sql_int(db, "SELECT count(*) FROM eldercare_visits WHERE start_at >= " +
                                    std::to_string(*zygc::parse_rfc3339("2025-02-01T00:00:00+08:00"))));
    // Help requests in every state exist in the demo.
    for (const char* s : {"open", "taken", "closed"})
        CHECK(sql_int(db, std::string("SELECT count(*) FROM help_requests WHERE status = '") + s + "'") >= 1);
    sqlite3_close(db);
    // The demo's social worker has an overdue pair and a pending visit to certify.
    std::string sw = login(*srv, "13800000003");
    auto pairs = srv->get("/api/v1/eldercare/pairs?overdue=1", {{"Authorization", "Bearer " + sw}});
    CHECK(pairs.j["total"].get<int64_t>() >= 3);
}

// Migrations 10's and 11's kept counts against the same counts made from every row: per
// district and per month, after the demo data, after edits of every column they depend on,
// and when the migrations fill them on a database that had the rows first.
TEST_CASE("city dashboard: the kept counts follow every edit, and the migrations fill them",
          "[eldercare][dashboard]") {
    auto srv = demo_server();
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((srv->dir() / "test.db").c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    auto exec = [&](const std::string& sql) {
        INFO(sql);
        REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    };
    const std::string month = "strftime('%Y-%m', %s + 28800, 'unixepoch')";
    auto month_of = [&](const char* column) { std::string m = month; return m.replace(m.find("%s"), 2, column); };
    // Rows where the kept count differs from the one counted now (either side missing = 0).
    auto differing = [&] {
        const std::string kept_months = "SELECT month, new_volunteers AS v, certified_minutes AS m FROM month_counts";
        const std::string counted_months =
            "SELECT k, SUM(v) AS v, SUM(m) AS m FROM ("
            "SELECT " + month_of("registered_at") + " AS k, 1 AS v, 0 AS m FROM volunteers UNION ALL "
            "SELECT " + month_of("check_in") + ", 0, minutes FROM attendance WHERE certified = 1 AND corrected_by IS NULL"
            ") GROUP BY k";
        return sql_int(db, "SELECT count(*) FROM (" + counted_months + ") c FULL JOIN (" + kept_months +
                               ") k ON k.month = c.k WHERE COALESCE(c.v, 0) <> COALESCE(k.v, 0) "
                               "OR COALESCE(c.m, 0) <> COALESCE(k.m, 0)") +
               sql_int(db, "SELECT count(*) FROM (SELECT district_id, count(*) AS n FROM volunteers GROUP BY 1) c "
                           "FULL JOIN district_volunteers k USING (district_id) WHERE COALESCE(c.n, 0) <> COALESCE(k.n, 0)");
    };
    // The same for migration 11's 老帮老 counts, per district and per month.
    auto differing_care = [&] {
        const std::string counted_districts =
            "SELECT d, SUM(a) AS a, SUM(v) AS v, SUM(h) AS h FROM ("
            "SELECT district_id AS d, 1 AS a, 0 AS v, 0 AS h FROM eldercare_pairs WHERE status = 'active' UNION ALL "
            "SELECT p.district_id, 0, 1, 0 FROM eldercare_visits v JOIN eldercare_pairs p ON p.id = v.pair_id UNION ALL "
            "SELECT district_id, 0, 0, 1 FROM help_requests) GROUP BY d";
        const std::string counted_months =
            "SELECT m, SUM(a) AS a, SUM(v) AS v, SUM(h) AS h FROM ("
            "SELECT " + month_of("created_at") + " AS m, 1 AS a, 0 AS v, 0 AS h FROM eldercare_pairs UNION ALL "
            "SELECT " + month_of("start_at") + ", 0, 1, 0 FROM eldercare_visits UNION ALL "
            "SELECT " + month_of("created_at") + ", 0, 0, 1 FROM help_requests) GROUP BY m";
        return sql_int(db, "SELECT count(*) FROM (" + counted_districts + ") c FULL JOIN care_district_counts k "
                           "ON k.district_id = c.d WHERE COALESCE(c.a, 0) <> COALESCE(k.active_pairs, 0) "
                           "OR COALESCE(c.v, 0) <> COALESCE(k.visits, 0) OR COALESCE(c.h, 0) <> COALESCE(k.help_requests, 0)") +
               sql_int(db, "SELECT count(*) FROM (" + counted_months + ") c FULL JOIN care_month_counts k "
                           "ON k.month = c.m WHERE COALESCE(c.a, 0) <> COALESCE(k.pairs, 0) "
                           "OR COALESCE(c.v, 0) <> COALESCE(k.visits, 0) OR COALESCE(c.h, 0) <> COALESCE(k.help_requests, 0)");
    };
    REQUIRE(sql_int(db, "SELECT count(*) FROM attendance WHERE certified = 1 AND corrected_by IS NULL") > 10);
    REQUIRE(sql_int(db, "SELECT count(*) FROM volunteers") > 1);
    REQUIRE(sql_int(db, "SELECT count(DISTINCT pair_id) FROM eldercare_visits") > 1);
    REQUIRE(sql_int(db, "SELECT count(*) FROM help_requests") > 1);
    CHECK(differing() == 0);
    CHECK(differing_care() == 0);

    // Every column the counts read, edited as far as the schema lets it (a certified record's
    // minutes and times are immutable): an uncertified record's minutes and check-in (into
    // another month), then certified; a certification taken back; a correction; a deletion.
    const std::string open = std::to_string(sql_int(db, "SELECT min(id) FROM attendance WHERE certified = 0 AND minutes > 0"));
    exec("UPDATE attendance SET minutes = minutes + 7, check_in = check_in - 86400 * 62 WHERE id = " + open);
    exec("UPDATE attendance SET certified = 1 WHERE id = " + open);
    exec("UPDATE attendance SET certified = 0 WHERE id = (SELECT max(id) FROM attendance WHERE certified = 1 AND id <> " + open + ")");
    exec("UPDATE attendance SET corrected_by = id WHERE id = (SELECT min(id) FROM attendance WHERE certified = 1 "
         "AND corrected_by IS NULL AND id <> " + open + ")");
    exec("DELETE FROM attendance WHERE id = (SELECT max(id) FROM attendance WHERE certified = 1 AND corrected_by IS NULL "
         "AND id NOT IN (SELECT attendance_id FROM attendance_history) AND id <> " + open + ")");
    exec("UPDATE volunteers SET district_id = (SELECT max(id) FROM districts) WHERE user_id = (SELECT min(user_id) FROM volunteers "
         "WHERE district_id <> (SELECT max(id) FROM districts))");
    exec("UPDATE volunteers SET registered_at = registered_at - 86400 * 400 WHERE user_id = (SELECT max(user_id) FROM volunteers)");
    exec("PRAGMA foreign_keys = OFF");
    exec("DELETE FROM volunteers WHERE user_id = (SELECT min(user_id) FROM volunteers)");
    CHECK(differing() == 0);

    // 老帮老: a pair ended, one with visits moved to another district, one's creation into
    // another month; a visit's start and pair changed, a visit deleted; a help request moved
    // (district and month) and one deleted; a pair with visits deleted (its visits left
    // without a district), and a pair added.
    const std::string last_district = "(SELECT max(id) FROM districts)";
    exec("UPDATE eldercare_pairs SET status = 'ended' WHERE id = (SELECT min(id) FROM eldercare_pairs WHERE status = 'active')");
    exec("UPDATE eldercare_pairs SET district_id = " + last_district + " WHERE id = (SELECT min(p.id) FROM eldercare_pairs p "
         "WHERE EXISTS (SELECT 1 FROM eldercare_visits v WHERE v.pair_id = p.id) AND p.district_id <> " + last_district + ")");
    exec("UPDATE eldercare_pairs SET created_at = created_at - 86400 * 62 WHERE id = (SELECT max(id) FROM eldercare_pairs)");
    exec("UPDATE eldercare_visits SET start_at = start_at - 86400 * 40, end_at = end_at - 86400 * 40 "
         "WHERE id = (SELECT min(id) FROM eldercare_visits)");
    exec("UPDATE eldercare_visits SET pair_id = (SELECT max(id) FROM eldercare_pairs) WHERE id = (SELECT max(v.id) "
         "FROM eldercare_visits v JOIN eldercare_pairs p ON p.id = v.pair_id WHERE p.district_id <> "
         "(SELECT district_id FROM eldercare_pairs WHERE id = (SELECT max(id) FROM eldercare_pairs)))");
    exec("DELETE FROM eldercare_visits WHERE id = (SELECT max(id) FROM eldercare_visits)");
    exec("UPDATE help_requests SET district_id = " + last_district + ", created_at = created_at - 86400 * 100 "
         "WHERE id = (SELECT min(id) FROM help_requests WHERE district_id <> " + last_district + ")");
    exec("DELETE FROM help_requests WHERE id = (SELECT max(id) FROM help_requests)");
    exec("DELETE FROM eldercare_pairs WHERE id = (SELECT min(pair_id) FROM eldercare_visits)");
    exec("INSERT INTO eldercare_pairs(need_id, helper_id, district_id, project_id, status, rhythm_days, created_by, created_at) "
         "SELECT need_id, helper_id, district_id, project_id, 'ended', 7, created_by, created_at - 86400 * 300 "
         "FROM eldercare_pairs WHERE id = (SELECT max(id) FROM eldercare_pairs)");
    CHECK(differing_care() == 0);

    // A new registration and a certification through the API move the dashboard at once.
    auto before = srv->get("/api/v1/stats/dashboard");
    new_volunteer(*srv, "13712345671", make_id("130302", "19900101", 556));
    auto after = srv->get("/api/v1/stats/dashboard");
    CHECK(after.j["registered_volunteers"] == before.j["registered_volunteers"].get<int64_t>() + 1);
    CHECK(after.j["by_month"][11]["new_volunteers"] == before.j["by_month"][11]["new_volunteers"].get<int64_t>() + 1);
    CHECK(differing() == 0);

    // The migrations on a database that had its rows first: a copy, taken back to version 9
    // (the tables and triggers of 10 and 11 dropped), migrated again.
    const fs::path copy = srv->dir() / "copy.db";
    exec("VACUUM INTO '" + copy.string() + "'");
    sqlite3_close(db);
    REQUIRE(sqlite3_open(copy.c_str(), &db) == SQLITE_OK);
    for (const char* t : {"month_counts", "district_volunteers", "care_district_counts", "care_month_counts", "stats_version"})
        exec(std::string("DROP TABLE ") + t);
    for (const char* t : {"volunteers_district_ai", "volunteers_district_ad", "volunteers_district_au", "volunteers_month_ai",
                          "volunteers_month_ad", "volunteers_month_au", "attendance_month_ai", "attendance_month_au",
                          "attendance_month_ad", "care_pairs_ai", "care_pairs_ad", "care_pairs_au", "care_visits_ai",
                          "care_visits_ad", "care_visits_au", "care_help_ai", "care_help_ad", "care_help_au"})
        exec(std::string("DROP TRIGGER ") + t);
    REQUIRE(sql_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats_v_%'") == 0);
    exec("DROP INDEX projects_status_end");  // migration 12's
    exec("DROP TRIGGER points_totals_ai");     // migration 14's
    exec("DROP TABLE points_totals");
    exec("PRAGMA user_version = 9");
    {
        zygc::server::Db d;
        std::string err;
        REQUIRE(d.open(copy.string(), &err));
        REQUIRE(zygc::server::migrate(d, &err));
        CHECK(zygc::server::schema_version(d) == zygc::server::latest_schema_version());
    }
    CHECK(sql_int(db, "SELECT count(*) FROM month_counts") > 0);
    CHECK(sql_int(db, "SELECT count(*) FROM care_month_counts") > 0);
    CHECK(sql_int(db, "SELECT count(*) FROM points_totals") > 0);
    CHECK(sql_int(db, "SELECT (SELECT SUM(points) FROM points_totals) - (SELECT SUM(points) FROM points_postings)") == 0);
    CHECK(differing() == 0);
    CHECK(differing_care() == 0);
    sqlite3_close(db);
}

TEST_CASE("city dashboard: kept under a tag that every one of its inputs moves", "[eldercare][dashboard]") {
    auto srv = demo_server();
    auto first = srv->get("/api/v1/stats/dashboard");
    REQUIRE(first.status == 200);
    std::string tag = first.header("ETag");
    REQUIRE(!tag.empty());
    auto again = srv->get("/api/v1/stats/dashboard");
    CHECK(again.header("ETag") == tag);
    CHECK(again.body == first.body);
    CHECK(srv->get("/api/v1/stats/dashboard", {{"If-None-Match", tag}}).status == 304);

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((srv->dir() / "test.db").c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    json last = first.j;
    // After each edit: a new tag, the old one no longer answered by a 304, and `figure` moved by `by`.
    auto moved = [&](const std::string& what, const std::function<void()>& edit, const json::json_pointer& figure,
                     int64_t by) {
        INFO(what);
        edit();
        auto now = srv->get("/api/v1/stats/dashboard", {{"If-None-Match", tag}});
        REQUIRE(now.status == 200);
        CHECK(now.header("ETag") != tag);
        CHECK(now.j[figure].get<int64_t>() == last[figure].get<int64_t>() + by);
        tag = now.header("ETag");
        last = now.j;
    };
    auto sql = [&](const std::string& text) {
        return [&, text] {
            INFO(text);
            REQUIRE(sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        };
    };
    std::string vol;
    moved("a registration through the API", [&] { vol = new_volunteer(*srv, "13712345672", make_id("130302", "19900101", 557)); },
          "/registered_volunteers"_json_pointer, 1);
    moved("a help request through the API", [&] {
        auto r = srv->send("POST", "/api/v1/help-requests", as(vol),
                           json({{"title", "需要帮忙换灯泡"}, {"description", "厨房的灯坏了，老人够不着。"}, {"district_id", 2}}).dump());
        REQUIRE(r.status == 201);
    }, "/by_district/1/help_requests"_json_pointer, 1);
    moved("a help request moved to another district", sql("UPDATE help_requests SET district_id = 3 WHERE id = (SELECT max(id) FROM help_requests)"),
          "/by_district/2/help_requests"_json_pointer, 1);
    moved("a help request deleted", sql("DELETE FROM help_requests WHERE id = (SELECT max(id) FROM help_requests)"),
          "/help_requests"_json_pointer, -1);
    const std::string visit = std::to_string(sql_int(db, "SELECT max(id) FROM eldercare_visits"));
    moved("a visit deleted", sql("PRAGMA foreign_keys = OFF; DELETE FROM eldercare_visits WHERE id = " + visit),
          "/eldercare_visits"_json_pointer, -1);
    moved("a pair ended", sql("UPDATE eldercare_pairs SET status = 'ended' WHERE id = (SELECT min(id) FROM eldercare_pairs WHERE status = 'active')"),
          "/eldercare_pairs"_json_pointer, -1);
    const std::string open = std::to_string(sql_int(db, "SELECT min(id) FROM attendance WHERE certified = 0 AND minutes > 0"));
    const int64_t minutes = sql_int(db, "SELECT minutes FROM attendance WHERE id = " + open);
    moved("hours certified", sql("UPDATE attendance SET certified = 1 WHERE id = " + open), "/service_minutes"_json_pointer, minutes);
    moved("a team moved to another district", sql("UPDATE teams SET district_id = 3 WHERE id = (SELECT min(id) FROM teams WHERE district_id = 1)"),
          "/by_district/0/teams"_json_pointer, -1);
    sqlite3_close(db);
}

TEST_CASE("awards: honours linked to brands, filtered by brand", "[eldercare][awards]") {
    const auto& srv = fixture_server();
    auto all = srv.get("/api/v1/awards");
    INFO(all.body);
    REQUIRE(all.status == 200);
    REQUIRE(all.j["total"].get<int64_t>() >= 1);
    CHECK(all.j["items"][0]["year"] == 2024);
    CHECK(all.j["items"][0]["level"] == "national");
    CHECK(all.j["items"][0]["brand"] == "aixinwucan");
    CHECK(all.j["items"][0]["title"].get<std::string>().find("四个100") != std::string::npos);
    auto one = srv.get("/api/v1/awards?brand=aixinwucan");
    CHECK(one.j["total"] == 1);
    CHECK(srv.get("/api/v1/awards?brand=cuncaoxin").j["total"] == 0);
    check_problem(srv.get("/api/v1/awards?brand="), 400);
    auto again = srv.get("/api/v1/awards", {{"If-None-Match", all.header("ETag")}});
    CHECK(again.status == 304);
}
