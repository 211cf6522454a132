// Figures and dates as the UI writes them (pure functions, no ImGui).
#include <catch2/catch.hpp>

#include "ui/context.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/widgets.h"

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
    // The frame's clock (ms since the epoch): what "this year" is.
    void at(double now_ms) {
        ui::Viewport vp;
        vp.now_ms = now_ms;
        ui::set_frame(nullptr, vp);
    }
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

TEST_CASE("a date in another year than today's names it", "[format]") {
    for (const ui::Lang lang : {ui::Lang::Zh, ui::Lang::En}) {
        InLang in(lang);
        const bool zh = lang == ui::Lang::Zh;
        in.at(1795838400000.0);  // 2026-11-28 12:00 in Beijing
        CHECK(fmt::date_of("2026-12-05") == (zh ? "12月5日 周六" : "Sat 5 Dec"));
        CHECK(fmt::date_of("2027-10-27T11:00:00+08:00") == (zh ? "2027年10月27日 周三" : "Wed 27 Oct 2027"));
        CHECK(fmt::date_of("2025-03-05") == (zh ? "2025年3月5日 周三" : "Wed 5 Mar 2025"));
        CHECK(fmt::shift_range("2026-12-31T22:00:00+08:00", "2027-01-01T01:00:00+08:00") ==
              (zh ? "12月31日 周四 22:00–2027年1月1日 周五 01:00" : "Thu 31 Dec 22:00–Fri 1 Jan 2027 01:00"));
        // New Year's Eve at 16:30 UTC is already 1 January in Beijing.
        in.at(1798734600000.0);  // 2026-12-31T16:30:00Z
        CHECK(fmt::date_of("2027-01-01") == (zh ? "1月1日 周五" : "Fri 1 Jan"));
        // Records and documents always name the year, without the weekday.
        CHECK(fmt::long_date_of("2015-03-05") == (zh ? "2015年3月5日" : "5 Mar 2015"));
        CHECK(fmt::long_date_of("2027-01-01T09:00:00+08:00") == (zh ? "2027年1月1日" : "1 Jan 2027"));
        CHECK(fmt::long_date_of("lately") == "");
    }
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
