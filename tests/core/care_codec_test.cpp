// Issue 13's codecs against literal JSON in the contract's shapes (docs/api/openapi.yaml:
// EldercareNeed, EldercareMatchList, EldercarePair, EldercareVisit, HelpRequest,
// CityDashboard, AwardPage), bad payloads naming the field, and round trips.
#include <catch2/catch.hpp>

#include "core/care_codec.h"

using namespace zygc;

TEST_CASE("a need page decodes masked names, guardian and slots", "[codec][eldercare]") {
    auto d = decode<Page<ElderNeed>>(R"({"items":[{"id":3,"name_masked":"王*兰","phone_masked":null,"birth_year":1941,
        "district_id":1,"community":"西港路社区","needs":["meal","escort"],"slots":["mon_am","wed_pm"],
        "mobility":"cane","guardian":{"name_masked":"李*","phone_masked":"139****0002","relation":"女儿"},
        "note":"","status":"open","pair_id":null,"consent_at":"2026-11-30T09:00:00+08:00",
        "created_at":"2026-11-30T09:00:00+08:00"}],"next_cursor":null,"total":1})");
    REQUIRE(d.ok());
    REQUIRE(d.value.items.size() == 1);
    const ElderNeed& n = d.value.items[0];
    CHECK(n.name == "王*兰");
    CHECK(n.needs == std::vector<std::string>{"meal", "escort"});
    CHECK(n.times == std::vector<std::string>{"mon_am", "wed_pm"});
    CHECK(n.mobility == "cane");
    CHECK(n.guardian_name == "李*");
    CHECK(n.guardian_phone == "139****0002");
    CHECK(n.guardian_relation == "女儿");
    CHECK(d.value.total == 1);
}

TEST_CASE("a bad need names the field", "[codec][eldercare]") {
    auto d = decode<Page<ElderNeed>>(R"({"items":[{"id":3,"name_masked":"王*兰","district_id":1,"needs":["meal",4],"status":"open"}],"total":1})");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->to_string() == "items[0].needs[1]: expected string");
    auto e = decode<Page<ElderNeed>>(R"({"items":[{"id":3,"district_id":1,"needs":[],"status":"open"}]})");
    REQUIRE_FALSE(e.ok());
    CHECK(e.error->to_string() == "items[0].name_masked: missing");
}

TEST_CASE("matches decode with reasons, their figures and the unmatched needs", "[codec][eldercare]") {
    auto d = decode<MatchList>(R"({"district_id":1,"items":[{"need_id":3,"helper_id":8,"score":87,"distance_m":320,
        "reasons":[{"code":"same_community","points":30,"params":{"community":"西港路社区"}},
                   {"code":"walking_distance","points":20,"params":{"distance_m":"320","walk_m":"800"}},
                   {"code":"needs_met","points":25,"params":{"services":"meal,escort","count":"2"}},
                   {"code":"helper_load","points":12,"params":{"load":0,"capacity":2}}],
        "need":{"id":3,"name_masked":"王*兰","community":"西港路社区","needs":["meal"]},
        "helper":{"id":8,"name_masked":"赵*","community":"西港路社区","abilities":["meal"]}}],
        "next_cursor":null,"total":1,"open_needs":2,"feasible_edges":1,"unmatched_need_ids":[5]})");
    REQUIRE(d.ok());
    REQUIRE(d.value.items.size() == 1);
    const MatchSuggestion& m = d.value.items[0];
    CHECK(m.need_name == "王*兰");
    CHECK(m.helper_name == "赵*");
    CHECK(m.score == 87);
    CHECK(m.distance_m == 320);
    REQUIRE(m.reasons.size() == 4);
    CHECK(m.reasons[0].code == "same_community");
    CHECK(m.reasons[0].points == 30);
    CHECK(m.reasons[0].params == Params{{"community", "西港路社区"}});
    CHECK(m.reasons[3].params == Params{{"capacity", "2"}, {"load", "0"}});  // numbers kept as text
    CHECK(d.value.open_needs == 2);
    CHECK(d.value.unmatched_need_ids == std::vector<Id>{5});
}

TEST_CASE("a reason without a code is refused", "[codec][eldercare]") {
    auto d = decode<MatchList>(R"({"items":[{"need_id":3,"helper_id":8,"score":1,"reasons":[{"points":1}]}]})");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->to_string() == "items[0].reasons[0].code: missing");
}

TEST_CASE("pairs decode their rhythm, last visit and the overdue flag", "[codec][eldercare]") {
    auto d = decode<Page<ElderPair>>(R"({"items":[{"id":4,"need_id":3,"helper_id":8,"district_id":1,"project_id":90,
        "status":"active","rhythm_days":7,"created_at":"2026-11-01T09:00:00+08:00","visits":2,"visit_minutes":120,
        "last_visit_at":"2026-11-10T10:00:00+08:00","next_visit_due":"2026-11-17T10:00:00+08:00","overdue":true,
        "days_overdue":13,"need":{"id":3,"name_masked":"王*兰","community":"","needs":[]},
        "helper":{"id":8,"name_masked":"赵*","community":"","abilities":[]}},
        {"id":5,"need_id":6,"helper_id":9,"district_id":1,"project_id":90,"status":"active","rhythm_days":14,
        "visits":0,"visit_minutes":0,"last_visit_at":null,"next_visit_due":"2026-12-10T10:00:00+08:00","overdue":false,
        "days_overdue":0}],"next_cursor":null,"total":2})");
    REQUIRE(d.ok());
    REQUIRE(d.value.items.size() == 2);
    CHECK(d.value.items[0].overdue);
    CHECK(d.value.items[0].days_overdue == 13);
    CHECK(d.value.items[0].last_visit == std::optional<std::string>("2026-11-10T10:00:00+08:00"));
    CHECK(d.value.items[0].helper_name == "赵*");
    CHECK(d.value.items[0].project_id == 90);
    CHECK_FALSE(d.value.items[1].last_visit);
    CHECK(d.value.items[1].rhythm_days == 14);
}

TEST_CASE("a visit decodes the hours record it became", "[codec][eldercare]") {
    auto d = decode<ElderVisit>(R"({"id":11,"pair_id":4,"start":"2026-11-30T09:00:00+08:00","end":"2026-11-30T10:00:00+08:00",
        "minutes":60,"note":"","hours_record_id":77,"hours_status":"pending","project_id":90})");
    REQUIRE(d.ok());
    CHECK(d.value.attendance_id == 77);
    CHECK(d.value.project_id == 90);
    CHECK(d.value.minutes == 60);
    CHECK(d.value.status == "pending");
    CHECK_FALSE(decode<ElderVisit>(R"({"id":11,"minutes":"60","project_id":90})").ok());
}

TEST_CASE("help requests decode requester, team and project", "[codec][help]") {
    auto d = decode<Page<HelpRequest>>(R"({"items":[{"id":2,"title":"需要人帮忙买菜","description":"腿脚不便",
        "district_id":1,"category":"community","status":"taken","mine":true,
        "requester":{"display_name":"刘*","phone_masked":"138****0009"},"team":{"id":1,"name":"海港区青年志愿者协会"},
        "project_id":null,"note":"","created_at":"2026-11-30T09:00:00+08:00","updated_at":"2026-11-30T09:10:00+08:00"},
        {"id":3,"title":"修水管","description":"x","district_id":1,"category":"community","status":"open","mine":false,
        "requester":{"display_name":"孙*","phone_masked":null},"team":null,"project_id":null,"note":"",
        "created_at":"2026-11-30T09:00:00+08:00","updated_at":"2026-11-30T09:00:00+08:00"}],"next_cursor":null,"total":2})");
    REQUIRE(d.ok());
    REQUIRE(d.value.items.size() == 2);
    CHECK(d.value.items[0].requester == "刘*");
    CHECK(d.value.items[0].taken_by == std::optional<std::string>("海港区青年志愿者协会"));
    CHECK(d.value.items[0].team_id == 1);
    CHECK(d.value.items[0].mine);
    CHECK_FALSE(d.value.items[1].taken_by);
    auto bad = decode<HelpRequest>(R"({"id":2,"title":"x","district_id":1,"status":"open","team":{"name":"队"}})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error->to_string() == "team.id: missing");
}

TEST_CASE("the dashboard decodes districts and months; awards a page", "[codec][dashboard]") {
    auto d = decode<CityDashboard>(R"({"computed_at":"2026-11-30T09:00:00+08:00","registered_volunteers":120,
        "resident_population":3107000,"share_of_population_pct":0.0,"teams":52,"projects":330,"service_minutes":9000,
        "eldercare_pairs":3,"eldercare_visits":5,"help_requests":2,
        "by_district":[{"district_id":1,"name":"海港区","population":1500000,"registered_volunteers":80,
          "share_of_population_pct":0.01,"teams":20,"projects":100,"service_minutes":6000,"eldercare_pairs":2,
          "eldercare_visits":4,"help_requests":1}],
        "by_month":[{"month":"2026-11","new_volunteers":3,"service_minutes":600,"eldercare_pairs":1,"eldercare_visits":2,"help_requests":1}]})");
    REQUIRE(d.ok());
    CHECK(d.value.teams == 52);
    CHECK(d.value.eldercare_pairs == 3);
    REQUIRE(d.value.by_district.size() == 1);
    CHECK(d.value.by_district[0].pairs == 2);
    CHECK(d.value.by_district[0].visits == 4);
    REQUIRE(d.value.by_month.size() == 1);
    CHECK(d.value.by_month[0].visits == 2);
    CHECK(d.value.by_month[0].new_volunteers == 3);
    auto bad = decode<CityDashboard>(R"({"registered_volunteers":1,"resident_population":1,"share_of_population_pct":1,
        "teams":1,"projects":1,"service_minutes":1,"eldercare_pairs":1,"eldercare_visits":1,"by_district":[],
        "by_month":[{"month":"2026-11","service_minutes":"600"}]})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error->to_string() == "by_month[0].service_minutes: expected integer");

    auto a = decode<std::vector<Award>>(R"({"items":[{"id":1,"title":"全国\"四个100\"最佳志愿服务项目","year":2024,
        "level":"national","issuer":"中央文明办","brand":"aixinwucan","brand_name":"山区孩子爱心午餐","description":""},
        {"id":2,"title":"x","year":null,"level":"city","issuer":"","brand":null,"brand_name":null,"description":""}],
        "next_cursor":null,"total":2})");
    REQUIRE(a.ok());
    REQUIRE(a.value.size() == 2);
    CHECK(a.value[0].year == 2024);
    CHECK(a.value[0].brand_slug == "aixinwucan");
    CHECK(a.value[1].year == 0);
    CHECK(a.value[1].brand_slug.empty());
}

TEST_CASE("issue 13's shapes survive a round trip", "[codec][eldercare]") {
    CityDashboard d;
    d.registered_volunteers = 7;
    d.by_district = {{1, "海港区", 10, 7, 1, 2, 60, 1, 2, 3}};
    d.by_month = {{"2026-11", 60, 2, 1, 7, 3}};
    auto back = decode_json<CityDashboard>(encode(d));
    REQUIRE(back.ok());
    CHECK(back.value.by_district[0].help_requests == 3);
    CHECK(back.value.by_month[0].help_requests == 3);

    ElderPair p;
    p.id = 4;
    p.need_id = 3;
    p.helper_id = 8;
    p.need_name = "王*兰";
    p.helper_name = "赵*";
    p.overdue = true;
    p.next_due = "2026-11-17T10:00:00+08:00";
    auto pb = decode_json<ElderPair>(encode(p));
    REQUIRE(pb.ok());
    CHECK(pb.value.need_name == "王*兰");
    CHECK(pb.value.overdue);

    HelpRequest h;
    h.id = 2;
    h.title = "买菜";
    h.district_id = 1;
    h.status = "taken";
    h.taken_by = "队";
    h.team_id = 1;
    auto hb = decode_json<HelpRequest>(encode(h));
    REQUIRE(hb.ok());
    CHECK(hb.value.taken_by == std::optional<std::string>("队"));
}
