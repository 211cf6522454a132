// Codec round trips and rejection of bad payloads with the field path.
#include <catch2/catch.hpp>

#include "core/codec.h"

using namespace zygc;

namespace {

Project sample_project() {
    Project p;
    p.id = 12;
    p.title = "小候鸟驿站·寒假课业辅导";
    p.summary = "为留守儿童辅导寒假作业";
    p.description = "每周六上午在驿站开展。";
    p.category = "children";
    p.brand = "xiaohouniao";
    p.brand_name = "小候鸟驿站";
    p.team_id = 3;
    p.team_name = "海港区文化路街道志愿服务队";
    p.district_id = 1;
    p.district_name = "海港区";
    p.site = {"文化路社区服务中心", 39.9354, 119.6004, 200};
    p.status = "open";
    p.start = "2026-12-03T09:00:00+08:00";
    p.end = "2026-12-03T12:00:00+08:00";
    p.capacity = 20;
    p.signed_up = 7;
    p.shifts = {{101, "2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00", 20, 7}};
    return p;
}

// The project above as API.md writes it, typed out by hand: a field the encoder or the
// decoder drops (or renames) makes the comparisons below fail, which a round trip
// encode(decode(encode p)) == encode p would not notice.
const char* kProjectJson = R"({
  "id": 12, "title": "小候鸟驿站·寒假课业辅导", "summary": "为留守儿童辅导寒假作业",
  "description": "每周六上午在驿站开展。", "category": "children",
  "brand": "xiaohouniao", "brand_name": "小候鸟驿站",
  "team_id": 3, "team_name": "海港区文化路街道志愿服务队",
  "district_id": 1, "district_name": "海港区",
  "site": {"name": "文化路社区服务中心", "lat": 39.9354, "lng": 119.6004, "radius_m": 200},
  "status": "open", "start": "2026-12-03T09:00:00+08:00", "end": "2026-12-03T12:00:00+08:00",
  "capacity": 20, "signed_up": 7,
  "shifts": [{"id": 101, "start": "2026-12-03T09:00:00+08:00", "end": "2026-12-03T12:00:00+08:00",
              "capacity": 20, "signed_up": 7}]
})";

const char* kProblemJson = R"({
  "type": "about:blank", "title": "Conflict", "status": 409, "code": "overlap",
  "params": {"project": "净滩", "count": 2}, "detail": "与你已报名的「净滩」时间冲突",
  "errors": [{"field": "shift_id", "code": "overlap", "message": "时间冲突", "params": {"project": "净滩"}}]
})";

}  // namespace

TEST_CASE("project round trip keeps every field", "[codec]") {
    Project p = sample_project();
    auto d = decode<Project>(encode(p).dump());
    REQUIRE(d.ok());
    CHECK(d.value.title == p.title);
    CHECK(d.value.brand == p.brand);
    CHECK(d.value.site.lat == Approx(39.9354));
    REQUIRE(d.value.shifts.size() == 1);
    CHECK(d.value.shifts[0].capacity == 20);
}

TEST_CASE("project codec matches the literal JSON of the API", "[codec]") {
    // Encoding writes every field with its API name…
    CHECK(encode(sample_project()) == nlohmann::json::parse(kProjectJson));
    // …and decoding reads every one of them back.
    auto d = decode<Project>(kProjectJson);
    REQUIRE(d.ok());
    const Project& p = d.value;
    const Project want = sample_project();
    CHECK(p.id == want.id);
    CHECK(p.title == want.title);
    CHECK(p.summary == want.summary);
    CHECK(p.description == want.description);
    CHECK(p.category == want.category);
    CHECK(p.brand == want.brand);
    CHECK(p.brand_name == want.brand_name);
    CHECK(p.team_id == want.team_id);
    CHECK(p.team_name == want.team_name);
    CHECK(p.district_id == want.district_id);
    CHECK(p.district_name == want.district_name);
    CHECK(p.site.name == want.site.name);
    CHECK(p.site.lat == Approx(want.site.lat));
    CHECK(p.site.lng == Approx(want.site.lng));
    CHECK(p.site.radius_m == want.site.radius_m);
    CHECK(p.status == want.status);
    CHECK(p.start == want.start);
    CHECK(p.end == want.end);
    CHECK(p.capacity == want.capacity);
    CHECK(p.signed_up == want.signed_up);
    REQUIRE(p.shifts.size() == 1);
    CHECK(p.shifts[0].id == 101);
    CHECK(p.shifts[0].start == want.shifts[0].start);
    CHECK(p.shifts[0].end == want.shifts[0].end);
    CHECK(p.shifts[0].capacity == 20);
    CHECK(p.shifts[0].signed_up == 7);
}

TEST_CASE("problem codec reads and writes code and params", "[codec]") {
    auto d = decode<Problem>(kProblemJson);
    REQUIRE(d.ok());
    CHECK(d.value.status == 409);
    CHECK(d.value.code == "overlap");
    CHECK(d.value.params == Params{{"count", "2"}, {"project", "净滩"}});  // an object: by name
    CHECK(d.value.detail == "与你已报名的「净滩」时间冲突");
    REQUIRE(d.value.errors.size() == 1);
    CHECK(d.value.errors[0].field == "shift_id");
    CHECK(d.value.errors[0].code == "overlap");
    CHECK(d.value.errors[0].params == Params{{"project", "净滩"}});
    // Numbers in params come back as text, so the written JSON says "2".
    nlohmann::json want = nlohmann::json::parse(kProblemJson);
    want["params"]["count"] = "2";
    CHECK(encode(d.value) == want);
}

TEST_CASE("null brand decodes to no brand", "[codec]") {
    Project p = sample_project();
    p.brand.reset();
    p.brand_name.clear();
    auto j = encode(p);
    CHECK(j["brand"].is_null());
    auto d = decode<Project>(j.dump());
    REQUIRE(d.ok());
    CHECK_FALSE(d.value.brand.has_value());
}

TEST_CASE("page, stats, brand, team and problem round trip", "[codec]") {
    Page<Project> page;
    page.items = {sample_project(), sample_project()};
    page.items[1].id = 13;
    page.next_cursor = "b2Zmc2V0PTI";
    page.total = 57;
    auto dp = decode<Page<Project>>(encode(page).dump());
    REQUIRE(dp.ok());
    CHECK(dp.value.items.size() == 2);
    CHECK(dp.value.items[1].id == 13);
    CHECK(dp.value.next_cursor == page.next_cursor);
    CHECK(dp.value.total == 57);

    page.next_cursor.reset();
    auto last = decode<Page<Project>>(encode(page).dump());
    REQUIRE(last.ok());
    CHECK_FALSE(last.value.next_cursor.has_value());

    CityStats s{609000, 3107000, 19.6, 4248, 58000, 1536000000, {{1, "海港区", 1000000, 200000, 500000000}}};
    auto ds = decode<CityStats>(encode(s).dump());
    REQUIRE(ds.ok());
    CHECK(ds.value.service_minutes == 1536000000);
    CHECK(ds.value.share_of_population_pct == Approx(19.6));
    REQUIRE(ds.value.by_district.size() == 1);
    CHECK(ds.value.by_district[0].name == "海港区");

    Brand b;
    b.slug = "cuncaoxin";
    b.name = "寸草心";
    b.owner_org = "共青团秦皇岛市委员会";
    b.story = "……";
    b.highlights = {"157场活动"};
    b.stats = {{"青年志愿者", "4000+"}};
    b.projects = {sample_project()};
    auto db = decode<Brand>(encode(b).dump());
    REQUIRE(db.ok());
    CHECK(db.value.highlights == b.highlights);
    CHECK(db.value.stats[0].value == "4000+");
    CHECK(db.value.projects.size() == 1);

    Team t;
    t.id = 5;
    t.name = "秦皇岛市蓝天救援队";
    t.district_id = 1;
    t.leader_name = "祖巍巍";
    auto dt = decode<Team>(encode(t).dump());
    REQUIRE(dt.ok());
    CHECK(dt.value.leader_name == "祖巍巍");

    Problem pr{"about:blank", "Bad Request", 400, "limit must be 1..100", {{"limit", "must be 1..100"}}};
    auto dpr = decode<Problem>(encode(pr).dump());
    REQUIRE(dpr.ok());
    CHECK(dpr.value.errors.at(0).field == "limit");
}

TEST_CASE("malformed JSON is an error value, not an abort", "[codec]") {
    for (const char* text : {"", "{", "[1,2", "nul", "{\"id\":}", "\xff\xfe"}) {
        auto d = decode<Project>(text);
        CHECK_FALSE(d.ok());
        CHECK(d.error->message == "not valid JSON");
    }
}

TEST_CASE("wrongly typed fields are named by their path", "[codec]") {
    auto j = encode(Page<Project>{{sample_project(), sample_project()}, std::nullopt, 2});

    SECTION("string where an integer belongs, deep inside") {
        j["items"][1]["shifts"][0]["capacity"] = "20";
        auto d = decode<Page<Project>>(j.dump());
        REQUIRE_FALSE(d.ok());
        CHECK(d.error->path == "items[1].shifts[0].capacity");
        CHECK(d.error->message == "expected integer");
    }
    SECTION("missing required field") {
        j["items"][0].erase("title");
        auto d = decode<Page<Project>>(j.dump());
        REQUIRE_FALSE(d.ok());
        CHECK(d.error->path == "items[0].title");
        CHECK(d.error->message == "missing");
    }
    SECTION("object where an array belongs") {
        j["items"] = nlohmann::json::object();
        auto d = decode<Page<Project>>(j.dump());
        REQUIRE_FALSE(d.ok());
        CHECK(d.error->path == "items");
        CHECK(d.error->message == "expected array");
    }
    SECTION("float where an integer belongs") {
        j["total"] = 2.5;
        auto d = decode<Page<Project>>(j.dump());
        REQUIRE_FALSE(d.ok());
        CHECK(d.error->to_string() == "total: expected integer");
    }
    SECTION("number where a string belongs") {
        j["items"][0]["site"]["name"] = 7;
        auto d = decode<Page<Project>>(j.dump());
        REQUIRE_FALSE(d.ok());
        CHECK(d.error->path == "items[0].site.name");
    }
    SECTION("document of the wrong kind") {
        auto d = decode<Page<Project>>("[1,2,3]");
        REQUIRE_FALSE(d.ok());
        CHECK(d.error->path == "");
        CHECK(d.error->message == "expected object");
    }
    SECTION("a failed decode leaves no half-filled value") {
        j["items"][1]["id"] = nullptr;
        auto d = decode<Page<Project>>(j.dump());
        REQUIRE_FALSE(d.ok());
        CHECK(d.value.items.empty());
    }
}

TEST_CASE("district list and stats reject wrong types", "[codec]") {
    auto d = decode<std::vector<District>>(R"([{"id":1,"name":"海港区","population":"many"}])");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error->path == "[0].population");

    auto s = decode<CityStats>(R"({"registered_volunteers":1,"resident_population":2,
        "share_of_population_pct":"19.6","teams":1,"projects":1,"service_minutes":1})");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error->path == "share_of_population_pct");
}

TEST_CASE("categories have codes and Chinese labels", "[codec]") {
    REQUIRE(find_category("elderly") != nullptr);
    CHECK(std::string(find_category("elderly")->label_zh) == "助老服务");
    CHECK(find_category("nope") == nullptr);
    CHECK(categories().size() == 11);
}

TEST_CASE("account payloads round trip", "[codec]") {
    Me me;
    me.id = 1;
    me.phone_masked = "138****0001";
    me.display_name = "志愿者";
    me.roles = {"resident", "volunteer"};
    me.teams = {{3, "海港区文化路街道志愿服务队", "member"}};
    auto d = decode<Me>(encode(me).dump());
    REQUIRE(d.ok());
    CHECK_FALSE(d.value.volunteer.has_value());
    CHECK(d.value.teams.at(0).role == "member");

    me.volunteer = VolunteerProfile{"张三", "1303**********123X", 1, {"急救"}, {"weekend"}, "2026-11-28T10:00:00+08:00"};
    auto d2 = decode<Me>(encode(me).dump());
    REQUIRE(d2.ok());
    REQUIRE(d2.value.volunteer.has_value());
    CHECK(d2.value.volunteer->id_number_masked == "1303**********123X");

    auto bad = encode(me);
    bad["volunteer"]["district_id"] = "1";
    auto d3 = decode<Me>(bad.dump());
    REQUIRE_FALSE(d3.ok());
    CHECK(d3.error->path == "volunteer.district_id");

    VolunteerApplication app{"张三", "11010519491231002X", 1, {}, {"weekend"}, true};
    auto da = decode<VolunteerApplication>(encode(app).dump());
    REQUIRE(da.ok());
    CHECK(da.value.consent);
    auto no_consent = encode(app);
    no_consent["consent"] = "yes";
    CHECK(decode<VolunteerApplication>(no_consent.dump()).error->path == "consent");

    ProjectDraft draft;
    draft.team_id = 2;
    draft.title = "净滩";
    draft.description = "清理海滩垃圾";
    draft.category = "environment";
    draft.district_id = 3;
    draft.site = {"鸽子窝公园", 39.84, 119.52, 300};
    draft.shifts = {{"2026-12-05T09:00:00+08:00", "2026-12-05T11:00:00+08:00", 20}};
    auto dd = decode<ProjectDraft>(encode(draft).dump());
    REQUIRE(dd.ok());
    CHECK(dd.value.shifts.at(0).capacity == 20);
    CHECK_FALSE(dd.value.brand.has_value());

    Signup s{5, 101, 12, "净滩", "2026-12-05T09:00:00+08:00", "2026-12-05T11:00:00+08:00", "鸽子窝公园",
             "confirmed", "2026-11-28T10:00:00+08:00"};
    auto ds = decode<std::vector<Signup>>(encode(std::vector<Signup>{s}).dump());
    REQUIRE(ds.ok());
    CHECK(ds.value.at(0).shift_id == 101);
}
