// The app's frame as a whole: scale, safe areas, strings.
#include <catch2/catch.hpp>

#include <string>

#include "core/codec.h"
#include "fixtures.h"
#include "platform/native/harness.h"
#include "ui/app.h"
#include "ui/strings.h"

using namespace zygc;
using sem::Role;

TEST_CASE("sizes follow the scale", "[ui][app]") {
    CHECK(ui::font_pixels(1) == 16);
    CHECK(ui::font_pixels(3) == 48);

    native::Harness one({390, 844, 1});
    one.state = fixtures::projects_screen();
    one.frame(2);
    const sem::Node* a = one.find("搜索项目", Role::Input);
    REQUIRE(a);
    const sem::Node ta = *one.find("首页", Role::Tab);
    const float a_h = a->h;

    native::Harness three({390, 844, 3});
    three.state = fixtures::projects_screen();
    three.frame(2);
    const sem::Node* b = three.find("搜索项目", Role::Input);
    REQUIRE(b);
    CHECK(b->h == Approx(a_h * 3).epsilon(0.05));
    const sem::Node* tb = three.find("首页", Role::Tab);
    REQUIRE(tb);
    CHECK(tb->h == Approx(ta.h * 3));
    CHECK(tb->y + tb->h == Approx(three.viewport.height));
}

TEST_CASE("safe areas keep the bars clear of the notch and the home indicator", "[ui][app]") {
    native::HarnessDesc d;
    d.safe_top = 44;
    d.safe_bottom = 34;
    native::Harness h(d);
    h.state = fixtures::home();
    h.frame(2);
    const sem::Node* title = h.find("志愿港城", Role::Heading);
    REQUIRE(title);
    CHECK(title->y >= 44);
    const sem::Node* tab = h.find("首页", Role::Tab);
    REQUIRE(tab);
    CHECK(tab->y + tab->h == Approx(844 - 34));
}

TEST_CASE("static_text holds every string the UI shows by itself", "[ui][app]") {
    const std::string all = ui::static_text();
    for (int i = 0; i < static_cast<int>(ui::S::COUNT); ++i) CHECK(all.find(ui::tr_zh(i)) != std::string::npos);
    for (const Category& c : categories()) CHECK(all.find(c.label_zh) != std::string::npos);
    for (const char* s : {"万", "亿", "小时", "周四", "周日", "月", "日", "–", "%", "·", "…"})
        CHECK(all.find(s) != std::string::npos);
    CHECK(ui::tr(ui::S::Retry) == std::string("重试"));
}

TEST_CASE("every label in a busy frame is a known string", "[ui][app]") {
    // What the UI shows before any data arrives comes only from the table.
    native::Harness h;
    h.frame(2);
    const std::string all = ui::static_text();
    REQUIRE(h.nodes().size() >= 5);  // a frame that drew nothing would pass the loop below
    for (const sem::Node& n : h.nodes()) CHECK(all.find(n.label) != std::string::npos);
}

TEST_CASE("in English too, every label in a busy frame is a known string", "[ui][app][lang]") {
    native::Harness h;
    h.state.settings.lang = "en";
    for (Route r : {Route{}, Route{Route::Login, 0, {}}, Route{Route::Projects, 0, {}}}) {
        h.state.route = r;
        h.frame(2);
        const std::string all = ui::static_text();
        for (const sem::Node& n : h.nodes()) {
            INFO(n.label);
            CHECK(all.find(n.label) != std::string::npos);
        }
    }
    CHECK(h.find("Search projects", Role::Input));
}
