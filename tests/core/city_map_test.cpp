// The city map (issue 10): the district a point falls in, a frame the server accepts, and the
// publishing form's 使用当前位置 through the store (LocateSite → Locate → Located).
#include <catch2/catch.hpp>

#include "core/city_map.h"
#include "core/store.h"
#include "core/validate.h"

using namespace zygc;

TEST_CASE("city map: known places fall in their districts", "[city_map]") {
    CHECK(city_map::district_at(39.93462, 119.63048) == 1);  // 青云里社区, 海港区
    CHECK(city_map::district_at(40.0, 119.75) == 2);         // 山海关古城
    CHECK(city_map::district_at(39.8355, 119.5246) == 3);    // 鸽子窝公园, 北戴河区
    CHECK(city_map::district_at(39.89, 119.25) == 4);        // 抚宁
    CHECK(city_map::district_at(40.41, 118.95) == 5);        // 青龙
    CHECK(city_map::district_at(39.71, 119.16) == 6);        // 昌黎
    CHECK(city_map::district_at(39.89, 118.88) == 7);        // 卢龙
    CHECK(city_map::district_at(39.94, 119.52) == 8);        // 开发区
    CHECK(city_map::district_at(39.65, 119.31) == 9);        // 北戴河新区
    CHECK(city_map::district_at(39.5, 119.9) == 0);          // 渤海
    for (const auto& d : city_map::districts()) {
        INFO(d.district_id);
        CHECK(city_map::district_at(d.label.lat, d.label.lng) == d.district_id);
        for (const auto& p : d.outline) CHECK(city_map::in_frame(p.lat, p.lng));
    }
}

TEST_CASE("city map: every point of its frame passes the server's bounds", "[city_map]") {
    ProjectDraft d;
    for (double lat : {city_map::kSouth, city_map::kNorth})
        for (double lng : {city_map::kWest, city_map::kEast}) {
            d.site = {"x", lat, lng, 100};
            for (const FieldError& e : check_draft(d)) CHECK(e.field != "site.lat");
        }
    CHECK_FALSE(city_map::in_frame(31.23, 121.47));
    CHECK(city_map::round5(119.630483) == Approx(119.63048));
}

TEST_CASE("使用当前位置: one Locate, the fix fills the site and an empty district", "[city_map][publish]") {
    State s;
    s.publish.draft.shifts.push_back({});
    auto out = update(s, LocateSite{});
    REQUIRE(out.size() == 1);
    CHECK(std::holds_alternative<Locate>(out[0]));
    CHECK(s.publish.locating);
    CHECK(update(s, LocateSite{}).empty());  // one fix on its way answers both

    update(s, Located{39.8355, 119.5246, 12});
    CHECK_FALSE(s.publish.locating);
    CHECK(s.publish.draft.site.lat == Approx(39.8355));
    CHECK(s.publish.draft.district_id == 3);

    // A chosen district stays; a fix far away is refused.
    s.publish.draft.district_id = 1;
    update(s, LocateSite{});
    update(s, Located{39.93462, 119.63048, 12});
    CHECK(s.publish.draft.district_id == 1);
    update(s, LocateSite{});
    update(s, Located{31.23, 121.47, 12});
    CHECK(s.publish.draft.site.lat == Approx(39.93462));
    CHECK(s.publish.locate_message.code == "site_locate_outside_city");
    update(s, LocateSite{});
    update(s, LocateFailed{"timeout"});
    CHECK(s.publish.locate_message.code == "site_locate_timeout");

    // A fix nobody in the form asked for (the check-in's) leaves the form alone.
    update(s, Located{39.90, 119.25, 12});
    CHECK(s.publish.draft.site.lat == Approx(39.93462));
}

TEST_CASE("a refused 发布 is counted (the form brings the first error into view)", "[publish]") {
    State s;
    s.publish.draft.shifts.push_back({});
    CHECK(s.publish.refusals == 0);
    update(s, SubmitDraft{});
    CHECK(s.publish.refusals == 1);
    CHECK_FALSE(s.publish.errors.empty());
    update(s, SubmitDraft{});
    CHECK(s.publish.refusals == 2);
}
