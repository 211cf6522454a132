// Each Harness owns a UI context (ui/context.h), as each browser tab owns its app: what one
// has open or half done never shows in another living in the same test binary.
#include <catch2/catch.hpp>

#include "app_fixture.h"

using namespace zygc;
using sem::Role;

namespace {

// 我的报名 with one upcoming confirmed sign-up (id 900), through the real Runtime.
void open_my_signups(fixtures::App& app, const Settings& settings = {}) {
    Signup s;
    s.id = 900;
    s.shift_id = 1;
    s.project_id = 101;
    s.project_title = "小候鸟课后陪伴";
    s.start = "2026-12-03T09:00:00+08:00";
    s.end = "2026-12-03T12:00:00+08:00";
    s.status = "confirmed";
    app.runtime.start(Route{Route::MySignups, 0, {}}, 42, settings);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    REQUIRE(app.transport.reply("/me/signups", 200, encode(std::vector<Signup>{s}).dump()));
    app.ui.frame(2);
}

}  // namespace

TEST_CASE("two harnesses in one binary share no UI state", "[ui][context]") {
    fixtures::App a;
    open_my_signups(a);
    REQUIRE(a.ui.tap("取消报名", Role::Button));
    a.ui.frame();
    REQUIRE(a.ui.find("确认取消", Role::Button));  // a asks before cancelling sign-up 900

    // A second app, in English, shows the same sign-up: nothing has been asked there.
    Settings english;
    english.lang = "en";
    fixtures::App b;
    open_my_signups(b, english);
    CHECK(b.ui.find("Cancel sign-up", Role::Button));
    CHECK_FALSE(b.ui.find("Yes, cancel", Role::Button));

    // Each harness reads its own frame, whichever drew last, and a still asks.
    CHECK(a.ui.find("确认取消", Role::Button));
    CHECK_FALSE(a.ui.find("Cancel sign-up", Role::Button));
    a.ui.frame();
    CHECK(a.ui.find("确认取消", Role::Button));
    CHECK(a.ui.find("我的", Role::Tab));

    // Answering in one leaves the other as it was.
    REQUIRE(b.ui.tap("Cancel sign-up", Role::Button));
    b.ui.frame();
    REQUIRE(b.ui.tap("Keep it", Role::Button));
    b.ui.frame();
    CHECK_FALSE(b.ui.find("Yes, cancel", Role::Button));
    a.ui.frame();
    CHECK(a.ui.find("确认取消", Role::Button));
}

TEST_CASE("a harness made after another starts from a fresh context", "[ui][context]") {
    // The first app is gone, but what it left behind must not reach the next one.
    {
        fixtures::App a;
        open_my_signups(a);
        REQUIRE(a.ui.tap("取消报名", Role::Button));
        a.ui.frame();
        REQUIRE(a.ui.find("确认取消", Role::Button));
    }
    fixtures::App b;
    open_my_signups(b);
    CHECK(b.ui.find("取消报名", Role::Button));
    CHECK_FALSE(b.ui.find("确认取消", Role::Button));
}
