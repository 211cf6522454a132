// The one calendar: civil dates, RFC 3339, +08:00 today, working days.
#include <catch2/catch.hpp>

#include "core/calendar.h"

using namespace zygc;

namespace {
int64_t day(const char* s) { return *parse_date(s); }
}  // namespace

TEST_CASE("civil dates round-trip through days", "[calendar]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(civil_from_days(11017) == CivilDate{2000, 3, 1});
    CHECK(civil_from_days(-1) == CivilDate{1969, 12, 31});
    for (int64_t d = -800; d < 40000; d += 37) CHECK(day(format_date(d).c_str()) == d);
    CHECK(format_date(day("2028-02-29")) == "2028-02-29");
    CHECK(yyyymmdd(day("2026-12-03")) == "20261203");
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("1900-02-29"));
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("2026-12-03T09:00"));
    CHECK(weekday(0) == 4);  // Thursday
    CHECK(weekday(day("2026-11-29")) == 0);
    CHECK(weekday(-1) == 3);
}

TEST_CASE("RFC 3339 to Unix seconds and the wall time as written", "[calendar]") {
    CHECK(parse_rfc3339("1970-01-01T08:00:00+08:00") == 0);
    CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0);
    CHECK(parse_rfc3339("1970-01-01T00:00:00.250-05:30") == 5 * 3600 + 30 * 60);
    CHECK(format_cst(0) == "1970-01-01T08:00:00+08:00");
    CHECK(format_cst(*parse_rfc3339("2026-12-31T20:00:00Z")) == "2027-01-01T04:00:00+08:00");
    CHECK(format_cst(*parse_rfc3339("2003-02-04T05:06:07+08:00")) == "2003-02-04T05:06:07+08:00");
    CHECK(format_cst(*parse_rfc3339("0999-12-31T23:59:59+08:00")) == "0999-12-31T23:59:59+08:00");
    // Every second of a day and a day every ~13 hours from 1900 to 2200 come back as they went.
    for (int64_t t = -2208988800; t < 7258118400; t += 46'811) {
        INFO(t);
        REQUIRE(parse_rfc3339(format_cst(t)) == t);
    }
    for (int64_t t = 1'764'700'000; t < 1'764'700'000 + 86'400; ++t) REQUIRE(parse_rfc3339(format_cst(t)) == t);

    auto t = parse_wall("2026-12-03T09:00:00+08:00");
    REQUIRE(t);
    CHECK(t->year == 2026);
    CHECK(t->month == 12);
    CHECK(t->day == 3);
    CHECK(t->hour == 9);
    CHECK(t->offset_minutes == 480);
    CHECK(t->weekday == 4);
    CHECK(parse_wall("2026-12-03T09:00Z"));
    CHECK(parse_wall("2026-12-03T09:00:00.250-05:30"));
    for (const char* bad : {"", "2026-12-03", "2026-02-30T09:00:00+08:00", "2026-12-03T24:00:00+08:00",
                            "2026-12-03T09:00:00", "2026-12-03T09:00:00+08:00x", "2026-12-03T09:00:00+0800"}) {
        CHECK_FALSE(parse_wall(bad));
        CHECK_FALSE(parse_rfc3339(bad));
    }
    CHECK(parse_wall_date("2026-12-03T09:00:00+08:00")->day == 3);
    CHECK_FALSE(parse_wall_date("2026-12-03x"));
}

TEST_CASE("today in +08:00 from a Unix time", "[calendar]") {
    CHECK(cst_day(*parse_rfc3339("2026-11-28T23:59:59+08:00")) == day("2026-11-28"));
    CHECK(cst_day(*parse_rfc3339("2026-11-28T16:00:00Z")) == day("2026-11-29"));
    CHECK(cst_day(-1) == 0);  // 1970-01-01T07:59:59+08:00
}

TEST_CASE("working days follow the 2026 holiday notice", "[calendar]") {
    CHECK(is_working_day(day("2026-12-01")));        // a Tuesday
    CHECK_FALSE(is_working_day(day("2026-11-29")));  // a Sunday
    CHECK_FALSE(is_working_day(day("2026-10-05")));  // 国庆节, a Monday
    CHECK(is_working_day(day("2026-10-10")));        // 调休: a Saturday worked
    CHECK(is_working_day(day("2026-02-14")));        // 调休 before 春节
    CHECK_FALSE(is_working_day(day("2026-02-23")));  // 春节, a Monday
    CHECK(is_working_day(day("2026-01-04")));        // 调休 after 元旦, a Sunday

    CHECK(add_working_days(day("2026-12-01"), 0) == day("2026-12-01"));
    CHECK(add_working_days(day("2026-12-04"), 1) == day("2026-12-07"));  // Friday → Monday
    // 10 working days after Tuesday 29 Sep: 30 Sep, 8, 9, 10 (Sat, worked), 12–16, 19 Oct.
    CHECK(add_working_days(day("2026-09-29"), 10) == day("2026-10-19"));
    // Across 春节: 13 Feb (Fri) → 14 (Sat, worked), 24, 25, 26, 27, 28 (Sat, worked), 2 Mar …
    CHECK(add_working_days(day("2026-02-13"), 7) == day("2026-03-02"));
    // A year without a table: plain Monday to Friday.
    CHECK(add_working_days(day("2030-01-04"), 10) == day("2030-01-18"));
}
