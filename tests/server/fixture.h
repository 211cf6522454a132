// A small synthetic seed the server tests load, and helpers that compute the expected
// answers straight from it (independently of the server's SQL).
#pragma once
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "harness.h"

namespace zt {

// generated_for 2026-01-10; the clock says 2026-01-15 12:00 +08:00 → shifts move 5 days.
constexpr const char* kGeneratedFor = "2026-01-10";
constexpr int64_t kOffsetDays = 5;
inline int64_t fixture_now() {
    return *zygc::parse_rfc3339("2026-01-15T12:00:00+08:00");
}

inline json fixture_seed() {
    json d = json::array({
        {{"id", 1}, {"name", "海港区"}, {"population", 1012000}, {"registered_volunteers", 215300}, {"service_minutes", 572040000}},
        {{"id", 2}, {"name", "山海关区"}, {"population", 178000}, {"registered_volunteers", 35800}, {"service_minutes", 99660000}},
        {{"id", 3}, {"name", "北戴河区"}, {"population", 86000}, {"registered_volunteers", 20300}, {"service_minutes", 59100000}},
    });
    json brands = json::array({
        {{"slug", "cuncaoxin"}, {"name", "寸草心"}, {"owner_org", "共青团秦皇岛市委员会"}, {"district_id", nullptr},
         {"summary", "关爱老人的青年志愿服务品牌"}, {"story", "从一个社区开始……"},
         {"highlights", {"陪伴", "防诈骗"}}, {"awards", {"全国\"四个100\""}},
         {"stats", json::array({{{"label", "参与青年志愿者"}, {"value", "4000+"}}})}, {"cover_url", "/img/brands/cuncaoxin.png"}},
        {{"slug", "haigang-star"}, {"name", "海港之星"}, {"owner_org", "海港区文明办"}, {"district_id", 1},
         {"summary", "海港区志愿服务品牌"}, {"story", ""}, {"highlights", json::array()}, {"awards", json::array()},
         {"stats", json::array()}, {"cover_url", ""}},
    });
    json teams = json::array();
    const int team_district[] = {1, 1, 2, 3};
    const char* team_names[] = {"红旗路社区志愿服务队", "海港区青年志愿者协会", "山海关古城讲解队", "北戴河护海志愿队"};
    for (int t = 0; t < 4; ++t)
        teams.push_back({{"id", t + 1}, {"name", team_names[t]}, {"org", "秦皇岛志愿服务联合会"},
                         {"district_id", team_district[t]}, {"leader_name", "王巍"},
                         {"member_count", 20 + t}, {"summary", "队伍简介"}, {"founded", "2015-03-05"}});
    const char* topics[] = {"老人防诈骗宣讲", "海滩清洁行动", "关爱儿童课堂", "社区文明劝导",
                            "马拉松赛会服务", "长城文化导览", "义诊进社区", "应急救护培训"};
    const char* places[] = {"红旗路", "白塔岭", "老龙头", "鸽子窝", "西港花园"};
    const char* cats[] = {"elderly", "environment", "children", "civility", "events", "culture", "health", "emergency"};
    json projects = json::array();
    int shift_id = 1000;
    for (int i = 0; i < 41; ++i) {
        int team = i % 4 + 1;
        json p = {{"id", 100 + i * 3},
                  {"team_id", team},
                  {"title", std::string(places[i % 5]) + topics[i % 8]},
                  {"summary", std::string("在") + places[(i + 2) % 5] + "开展的志愿服务，第" + std::to_string(i) + "期"},
                  {"description", i % 6 == 0 ? "请穿\"红马甲\"，带好水杯。" : "详见活动须知。"},
                  {"category", cats[i % 8]},
                  {"brand", i % 3 == 0 ? json("cuncaoxin") : i % 5 == 0 ? json("haigang-star") : json()},
                  {"district_id", team_district[team - 1]},
                  {"status", i % 4 == 3 ? "closed" : "open"},
                  {"site", {{"name", std::string(places[i % 5]) + "服务站"},
                            {"lat", 39.90 + 0.01 * (i % 7)}, {"lng", 119.50 + 0.013 * (i % 9)}, {"radius_m", 200}}},
                  {"shifts", json::array()}};
        int nshifts = i == 7 ? 0 : i % 3 + 1;  // project 121 has no shifts
        for (int k = 0; k < nshifts; ++k) {
            int day = 10 + (i * 7 + k * 3) % 25;  // 2026-01-10 .. 2026-02-03
            int hour = 8 + (i + k) % 10;
            char start[40], end[40];
            std::snprintf(start, sizeof start, "2026-%02d-%02dT%02d:30:00+08:00", day > 31 ? 2 : 1, day > 31 ? day - 31 : day, hour);
            std::snprintf(end, sizeof end, "2026-%02d-%02dT%02d:30:00+08:00", day > 31 ? 2 : 1, day > 31 ? day - 31 : day, hour + 2);
            int cap = 10 + (i + k) % 7;
            p["shifts"].push_back({{"id", shift_id++}, {"start", start}, {"end", end},
                                   {"capacity", cap}, {"signed_up", std::min(cap, (i * 5 + k) % 13)}});
        }
        projects.push_back(p);
    }
    return {{"generated_for", kGeneratedFor}, {"districts", d}, {"brands", brands},
            {"teams", teams}, {"projects", projects}};
}

inline std::set<int64_t> ids_where(const json& seed, const std::function<bool(const json&)>& pred) {
    std::set<int64_t> out;
    for (const auto& p : seed["projects"])
        if (pred(p)) out.insert(p["id"].get<int64_t>());
    return out;
}

// What status=open lists: open and not ended at the fixture's clock (a shift ends after it,
// or it has no shifts; the seed's times move kOffsetDays later when loaded).
inline bool open_to_join(const json& p) {
    if (p["status"] != "open") return false;
    for (const auto& s : p["shifts"])
        if (*zygc::parse_rfc3339(s["end"].get<std::string>()) + kOffsetDays * 86400 > fixture_now()) return true;
    return p["shifts"].empty();
}

inline bool contains_text(const json& p, const std::string& q) {
    for (const char* k : {"title", "summary", "description"})
        if (p[k].get<std::string>().find(q) != std::string::npos) return true;
    return false;
}

// Walks every page of a list endpoint; fails on a repeated id.
inline std::vector<int64_t> page_through(const TestServer& srv, const std::string& base,
                                         int limit, int64_t* total_out = nullptr) {
    std::vector<int64_t> ids;
    std::string cursor;
    int pages = 0;
    for (;;) {
        std::string target = base + (base.find('?') == std::string::npos ? "?" : "&") +
                             "limit=" + std::to_string(limit) + (cursor.empty() ? "" : "&cursor=" + cursor);
        Response r = srv.get(target);
        REQUIRE(r.status == 200);
        REQUIRE(r.j.is_object());
        REQUIRE(r.j["items"].size() <= static_cast<size_t>(limit));
        if (total_out) *total_out = r.j["total"].get<int64_t>();
        for (const auto& it : r.j["items"]) ids.push_back(it["id"].get<int64_t>());
        REQUIRE(++pages < 1000);
        if (r.j["next_cursor"].is_null()) break;
        cursor = r.j["next_cursor"].get<std::string>();
    }
    return ids;
}

inline std::set<int64_t> all_ids(const TestServer& srv, const std::string& base) {
    int64_t total = -1;
    auto v = page_through(srv, base, 100, &total);
    std::set<int64_t> s(v.begin(), v.end());
    REQUIRE(s.size() == v.size());
    REQUIRE(static_cast<int64_t>(s.size()) == total);
    return s;
}

// One shared server for the catalogue tests (started on first use).
inline const TestServer& fixture_server() {
    static TestServer srv(fixture_seed().dump(), fixture_now());
    return srv;
}

}  // namespace zt
