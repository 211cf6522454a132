// Figures and dates as the UI writes them (pure functions, no ImGui).
#include <catch2/catch.hpp>

#include "core/format.h"

using namespace zygc;

TEST_CASE("counts use 万 and 亿", "[format]") {
    CHECK(fmt::count(0) == "0");
    CHECK(fmt::count(9999) == "9999");
    CHECK(fmt::count(10000) == "1万");
    CHECK(fmt::count(609000) == "60.9万");
    CHECK(fmt::count(609999) == "61万");
    CHECK(fmt::count(25600000) == "2560万");
    CHECK(fmt::count(99999999) == "1亿");
    CHECK(fmt::count(123456789) == "1.2亿");
    CHECK(fmt::count(-609000) == "-60.9万");
}

TEST_CASE("hours from minutes and percentages", "[format]") {
    CHECK(fmt::hours_from_minutes(25600000LL * 60) == "2560万小时");
    CHECK(fmt::hours_from_minutes(119) == "1小时");
    CHECK(fmt::percent(19.6) == "19.6%");
    CHECK(fmt::percent(19.64) == "19.6%");
    CHECK(fmt::percent(0) == "0.0%");
}

TEST_CASE("RFC 3339 parsing", "[format]") {
    auto t = fmt::parse_rfc3339("2026-12-03T09:00:00+08:00");
    REQUIRE(t);
    CHECK(t->year == 2026);
    CHECK(t->month == 12);
    CHECK(t->day == 3);
    CHECK(t->hour == 9);
    CHECK(t->offset_minutes == 480);
    CHECK(t->weekday == 4);
    CHECK(fmt::parse_rfc3339("2026-12-03T09:00Z"));
    CHECK(fmt::parse_rfc3339("2026-12-03T09:00:00.250-05:30"));
    CHECK_FALSE(fmt::parse_rfc3339(""));
    CHECK_FALSE(fmt::parse_rfc3339("2026-12-03"));
    CHECK_FALSE(fmt::parse_rfc3339("2026-02-30T09:00:00+08:00"));
    CHECK_FALSE(fmt::parse_rfc3339("2026-12-03T24:00:00+08:00"));
    CHECK_FALSE(fmt::parse_rfc3339("2026-12-03T09:00:00"));
    CHECK_FALSE(fmt::parse_rfc3339("2026-12-03T09:00:00+08:00x"));
    CHECK(fmt::parse_rfc3339("2028-02-29T00:00:00+08:00"));
}

TEST_CASE("weekdays", "[format]") {
    CHECK(fmt::date_of("1970-01-01") == "1月1日 周四");
    CHECK(fmt::date_of("2000-02-29") == "2月29日 周二");
    CHECK(fmt::date_of("2026-11-29") == "11月29日 周日");
    CHECK(fmt::date_of("2026-12-05T14:00:00+08:00") == "12月5日 周六");
    CHECK(fmt::date_of("soon") == "");
}

TEST_CASE("shift ranges", "[format]") {
    CHECK(fmt::shift_range("2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00") == "12月3日 周四 09:00–12:00");
    CHECK(fmt::shift_range("2026-12-31T22:00:00+08:00", "2027-01-01T01:00:00+08:00") ==
          "12月31日 周四 22:00–1月1日 周五 01:00");
    CHECK(fmt::shift_range("2026-12-03T09:00:00+08:00", "") == "12月3日 周四 09:00");
    CHECK(fmt::shift_range("tbd", "later") == "tbd – later");
}
