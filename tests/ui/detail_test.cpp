// 项目详情 and 品牌项目.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

namespace {

State project_state() {
    Project p = fixtures::project(101, "小候鸟课后陪伴");
    p.brand = "xiaohouniao";
    p.brand_name = "小候鸟";
    p.description = "为留守儿童提供课后陪伴和作业辅导。";
    p.shifts = {
        {1, "2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00", 10, 3},
        {2, "2026-12-05T14:00:00+08:00", "2026-12-05T17:30:00+08:00", 5, 5},
        {3, "2026-12-31T22:00:00+08:00", "2027-01-01T01:00:00+08:00", 4, 0},
    };
    State s;
    s.route = Route{Route::Project, 101, {}};
    s.project = fixtures::loaded(p);
    return s;
}

}  // namespace

TEST_CASE("project detail shows title, who, where and every shift", "[ui][project]") {
    native::Harness h({390, 1400, 1});
    h.state = project_state();
    h.frame(2);
    CHECK(h.find("项目详情", Role::Heading));
    CHECK(h.find("小候鸟课后陪伴", Role::Heading));
    CHECK(h.find("小候鸟", Role::Link));
    CHECK(h.find("海港区青年志愿者协会", Role::Text));
    CHECK(h.find("海港区", Role::Text));
    CHECK(h.find("海港区文化广场", Role::Text));
    CHECK(h.find("关爱儿童", Role::Text));
    CHECK(h.find("为留守儿童提供课后陪伴和作业辅导。", Role::Text));

    CHECK(h.find("12月3日 周四 09:00–12:00", Role::Text));
    CHECK(h.find("剩余 7 个名额", Role::Text));
    CHECK(h.find("12月5日 周六 14:00–17:30", Role::Text));
    CHECK(h.find("已满", Role::Text));
    // The harness's clock is in 2026: a date in 2027 names its year.
    CHECK(h.find("12月31日 周四 22:00–2027年1月1日 周五 01:00", Role::Text));
    CHECK(h.find("剩余 4 个名额", Role::Text));
}

TEST_CASE("project detail: brand link and back", "[ui][project]") {
    native::Harness h;
    h.state = project_state();
    h.frame(2);
    REQUIRE(h.tap("小候鸟", Role::Link));
    REQUIRE(h.tap("返回", Role::Button));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 1);
    CHECK(nav[0].route == Route{Route::Brand, 0, "xiaohouniao"});
    // The back arrow goes back like the browser's (the store keeps it inside the app).
    CHECK(h.actions_of<Back>().size() == 1);
}

TEST_CASE("project detail never shows another project's data", "[ui][project]") {
    native::Harness h;
    h.state = project_state();
    h.state.route.id = 102;  // navigated on; the old detail is still in the state
    h.state.project.start(1, h.state.project.key());  // reloading: data kept
    h.frame(2);
    CHECK_FALSE(h.find("小候鸟课后陪伴", Role::Heading));
    CHECK(h.count(Role::Text, sem::Busy) >= 1);
}

TEST_CASE("brand page shows its story and its projects", "[ui][brand]") {
    Brand b = fixtures::brand("xiaohouniao", "小候鸟");
    b.story = "始于2015年的关爱行动。";
    b.highlights = {"每周三次课后陪伴"};
    b.awards = {"全国\"四个100\"最佳志愿服务项目"};
    b.stats = {{"参与青年志愿者", "4000+"}, {"服务儿童", "1.2万"}};
    b.projects = {fixtures::project(101, "小候鸟课后陪伴"), fixtures::project(103, "小候鸟暑期营")};

    native::Harness h({390, 1600, 1});
    h.state.route = Route{Route::Brand, 0, "xiaohouniao"};
    h.state.brand = fixtures::loaded(b);
    h.frame(2);
    CHECK(h.find("小候鸟", Role::Heading));  // the top bar's title is the brand name
    CHECK(h.find("共青团秦皇岛市委", Role::Text));
    CHECK(h.find("关爱留守儿童的品牌项目", Role::Text));
    CHECK(h.find("4000+", Role::Text));
    CHECK(h.find("参与青年志愿者", Role::Text));
    CHECK(h.find("品牌故事", Role::Heading));
    CHECK(h.find("始于2015年的关爱行动。", Role::Text));
    CHECK(h.find("每周三次课后陪伴", Role::Text));
    CHECK(h.find("全国\"四个100\"最佳志愿服务项目", Role::Text));
    CHECK(h.labels(Role::ListItem) == std::vector<std::string>{"小候鸟课后陪伴", "小候鸟暑期营"});

    REQUIRE(h.tap("小候鸟暑期营", Role::ListItem));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 1);
    CHECK(nav[0].route == Route{Route::Project, 103, {}});
}

TEST_CASE("a brand without projects says so", "[ui][brand]") {
    native::Harness h;
    h.state.route = Route{Route::Brand, 0, "cuncaoxin"};
    h.state.brand = fixtures::loaded(fixtures::brand("cuncaoxin", "寸草心"));
    h.frame(2);
    CHECK(h.find("暂无项目", Role::Text));
}
