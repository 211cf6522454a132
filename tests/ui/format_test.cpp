// Figures and dates as the UI writes them (pure functions, no ImGui).
#include <catch2/catch.hpp>

#include "ui/context.h"
#include "ui/format.h"
#include "ui/strings.h"

using namespace zygc;

namespace {
// The language lives in a UI context: each test makes one in its language, current for
// as long as it runs.
struct InLang {
    ui::Context* ctx = ui::create_context();
    explicit InLang(ui::Lang l) {
        ui::set_current_context(ctx);
        ui::set_lang(l);
    }
    ~InLang() { ui::destroy_context(ctx); }
};
}  // namespace

TEST_CASE("counts use 万 and 亿", "[format]") {
    InLang zh(ui::Lang::Zh);
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
    InLang zh(ui::Lang::Zh);
    CHECK(fmt::hours_from_minutes(25600000LL * 60) == "2560万小时");
    CHECK(fmt::hours_from_minutes(119) == "1小时");
    CHECK(fmt::percent(19.6) == "19.6%");
    CHECK(fmt::percent(19.64) == "19.6%");
    CHECK(fmt::percent(0) == "0.0%");
}

TEST_CASE("weekdays", "[format]") {
    InLang zh(ui::Lang::Zh);
    CHECK(fmt::date_of("1970-01-01") == "1月1日 周四");
    CHECK(fmt::date_of("2000-02-29") == "2月29日 周二");
    CHECK(fmt::date_of("2026-11-29") == "11月29日 周日");
    CHECK(fmt::date_of("2026-12-05T14:00:00+08:00") == "12月5日 周六");
    CHECK(fmt::date_of("soon") == "");
}

TEST_CASE("shift ranges", "[format]") {
    InLang zh(ui::Lang::Zh);
    CHECK(fmt::shift_range("2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00") == "12月3日 周四 09:00–12:00");
    CHECK(fmt::shift_range("2026-12-31T22:00:00+08:00", "2027-01-01T01:00:00+08:00") ==
          "12月31日 周四 22:00–1月1日 周五 01:00");
    CHECK(fmt::shift_range("2026-12-03T09:00:00+08:00", "") == "12月3日 周四 09:00");
    CHECK(fmt::shift_range("tbd", "later") == "tbd – later");
}

TEST_CASE("English figures and dates", "[format]") {
    InLang en(ui::Lang::En);
    CHECK(fmt::count(0) == "0");
    CHECK(fmt::count(9876) == "9,876");
    CHECK(fmt::count(609000) == "609k");
    CHECK(fmt::count(58000) == "58k");
    CHECK(fmt::count(3107000) == "3.1M");
    CHECK(fmt::count(25600000) == "25.6M");
    CHECK(fmt::count(999999) == "1M");
    CHECK(fmt::count(1234567890) == "1.2B");
    CHECK(fmt::hours_from_minutes(25600000LL * 60) == "25.6M hours");
    CHECK(fmt::date_of("2026-12-01") == "Tue 1 Dec");
    CHECK(fmt::date_of("2026-11-29T09:00:00+08:00") == "Sun 29 Nov");
    CHECK(fmt::shift_range("2026-12-31T22:00:00+08:00", "2027-01-01T01:00:00+08:00") ==
          "Thu 31 Dec 22:00–Fri 1 Jan 01:00");
}
