// 首页 through the semantics tree.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

TEST_CASE("home shows the five city figures, formatted", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);

    CHECK(h.find("注册志愿者", Role::Text));
    CHECK(h.find("60.9万", Role::Text));
    CHECK(h.find("占常住人口", Role::Text));
    CHECK(h.find("19.6%", Role::Text));
    CHECK(h.find("志愿服务队伍", Role::Text));
    CHECK(h.find("5231", Role::Text));
    CHECK(h.find("志愿项目", Role::Text));
    CHECK(h.find("1.3万", Role::Text));
    CHECK(h.find("服务时长", Role::Text));
    CHECK(h.find("2560万小时", Role::Text));
}

TEST_CASE("home has a title, no back button and the two tabs", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    CHECK(h.find("志愿港城", Role::Heading));
    CHECK_FALSE(h.find("返回", Role::Button));
    const sem::Node* home = h.find("首页", Role::Tab);
    const sem::Node* projects = h.find("项目", Role::Tab);
    REQUIRE(home);
    REQUIRE(projects);
    CHECK((home->flags & sem::Selected));
    CHECK_FALSE((projects->flags & sem::Selected));
    // The tab bar sits at the bottom of the viewport.
    CHECK(home->y + home->h == Approx(h.viewport.height));
}

TEST_CASE("tapping a project card on home navigates to the project", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    REQUIRE(h.scroll_to("海滩清洁日"));
    REQUIRE(h.tap("海滩清洁日", Role::ListItem));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 1);
    CHECK(nav[0].route == Route{Route::Project, 102, {}});
    CHECK_FALSE(nav[0].from_url);
}

TEST_CASE("tapping a brand card navigates to the brand", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    REQUIRE(h.tap("寸草心", Role::ListItem));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 1);
    CHECK(nav[0].route == Route{Route::Brand, 0, "cuncaoxin"});
}

TEST_CASE("查看全部项目 and the 项目 tab lead to the list", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    REQUIRE(h.scroll_to("查看全部项目"));
    CHECK(h.find("查看全部项目", Role::Link));
    REQUIRE(h.tap("查看全部项目", Role::Link));
    REQUIRE(h.tap("项目", Role::Tab));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 2);
    CHECK(nav[0].route.kind == Route::Projects);
    CHECK(nav[1].route.kind == Route::Projects);
}

TEST_CASE("a drag over a card scrolls, it does not open the card", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    const sem::Node* card = h.find("小候鸟课后陪伴", Role::ListItem);
    REQUIRE(card);
    const float x = card->x + card->w / 2, y = card->y + card->h / 2;
    h.drag(x, y, x, y - 30);  // stays on the card, beyond the tap slop
    CHECK(h.actions_of<Navigate>().empty());
}
