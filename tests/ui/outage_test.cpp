// Errors and empties (issue 10): one outage, one error on home (its 重试 asks again for every
// section that failed), and the pictured states — empty search, missing project, failed list.
#include <catch2/catch.hpp>

#include <set>

#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

namespace {
size_t count_label(const native::Harness& h, const std::string& label, Role role) {
    size_t n = 0;
    for (const sem::Node& x : h.nodes()) n += x.role == role && x.label == label;
    return n;
}
}  // namespace

TEST_CASE("home with the API unreachable: one error, one 重试 that asks again for all", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.state.dashboard = fixtures::failed<CityDashboard>(fixtures::network_error());
    h.state.brands = fixtures::failed<std::vector<Brand>>(fixtures::network_error());
    h.state.home_projects = fixtures::failed<Page<Project>>(fixtures::network_error());
    h.frame(2);
    CHECK(count_label(h, "网络连接失败", Role::Text) == 1);
    CHECK(count_label(h, "重试", Role::Button) == 1);
    CHECK(h.find("断开的云插图", Role::Image));
    CHECK_FALSE(h.find("近期项目", Role::Heading));  // the failed sections give way
    REQUIRE(h.tap("重试", Role::Button));
    std::set<Target> asked;
    for (const Retry& r : h.actions_of<Retry>()) asked.insert(r.target);
    CHECK(asked == std::set<Target>{Target::Dashboard, Target::Brands, Target::HomeProjects});
    CHECK(h.actions_of<Retry>().size() == 3);
}

TEST_CASE("home: only what failed is asked again; the rest stays on screen", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.state.dashboard = fixtures::failed<CityDashboard>(fixtures::http_error(503));
    h.state.home_projects = fixtures::failed<Page<Project>>(fixtures::network_error());
    h.frame(2);
    CHECK(count_label(h, "重试", Role::Button) == 1);
    CHECK(h.find("服务器开小差了", Role::Text));  // the first failure's words
    CHECK(h.find("小候鸟", Role::ListItem));       // the brands loaded
    REQUIRE(h.tap("重试", Role::Button));
    std::set<Target> asked;
    for (const Retry& r : h.actions_of<Retry>()) asked.insert(r.target);
    CHECK(asked == std::set<Target>{Target::Dashboard, Target::HomeProjects});
}

TEST_CASE("home in 关怀版: one error too", "[ui][home]") {
    native::Harness h;
    h.state = fixtures::home();
    h.state.settings.care_mode = true;
    h.state.dashboard = fixtures::failed<CityDashboard>(fixtures::network_error());
    h.state.brands = fixtures::failed<std::vector<Brand>>(fixtures::network_error());
    h.state.home_projects = fixtures::failed<Page<Project>>(fixtures::network_error());
    h.frame(2);
    REQUIRE(h.scroll_to("重试"));  // under the big buttons, which work without the network
    CHECK(count_label(h, "网络连接失败", Role::Text) == 1);
    CHECK(count_label(h, "重试", Role::Button) == 1);
    REQUIRE(h.tap("重试", Role::Button));
    std::set<Target> asked;
    for (const Retry& r : h.actions_of<Retry>()) asked.insert(r.target);
    CHECK(asked == std::set<Target>{Target::Dashboard, Target::HomeProjects});  // no brands in 关怀版
}

TEST_CASE("an empty search: a picture, the words and a way forward", "[ui][states]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.query.q = "潜水";
    h.state.projects = fixtures::loaded(fixtures::page({}, 0));
    h.frame(2);
    const sem::Node* pic = h.find("放大镜插图", Role::Image);
    const sem::Node* words = h.find("没有找到与“潜水”相关的项目", Role::Heading);
    const sem::Node* forward = h.find("清除搜索和筛选", Role::Button);
    REQUIRE(pic);
    REQUIRE(words);
    REQUIRE(forward);
    CHECK(pic->w >= 64);
    CHECK(pic->y + pic->h <= words->y);
    CHECK(words->y < forward->y);
    CHECK(forward->h >= 44);
}

TEST_CASE("a missing project and an unknown page: a picture and a button", "[ui][states]") {
    native::Harness h;
    h.state.route = Route{Route::Project, 9, {}};
    h.state.project = fixtures::failed<Project>(fixtures::http_error(404, "Project not found."));
    h.frame(2);
    CHECK(h.find("空白页插图", Role::Image));
    CHECK(h.find("这个项目不存在或已下线", Role::Heading));
    CHECK(h.find("看看其他项目", Role::Button));

    h.state.route = Route{Route::NotFound, 0, {}};
    h.frame(2);
    CHECK(h.find("空白页插图", Role::Image));
    REQUIRE(h.tap("返回首页", Role::Button));
    REQUIRE(h.actions_of<Navigate>().size() == 1);
    CHECK(h.actions_of<Navigate>()[0].route.kind == Route::Home);
}

TEST_CASE("a list that failed: a picture, the error in words, 重试", "[ui][states]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.projects = fixtures::failed<Page<Project>>(fixtures::network_error());
    h.frame(2);
    CHECK(h.find("断开的云插图", Role::Image));
    const sem::Node* err = h.find("网络连接失败", Role::Text);
    REQUIRE(err);
    CHECK((err->flags & sem::Alert));
    REQUIRE(h.tap("重试", Role::Button));
    REQUIRE(h.actions_of<Retry>().size() == 1);
    CHECK(h.actions_of<Retry>()[0].target == Target::Projects);

    native::Harness t;
    t.state.route = Route{Route::Teams, 0, {}};
    t.state.teams = fixtures::failed<Page<Team>>(fixtures::http_error(500));
    t.frame(2);
    CHECK(t.find("断开的云插图", Role::Image));
    CHECK(t.find("服务器开小差了", Role::Text));
    REQUIRE(t.tap("重试", Role::Button));
    REQUIRE(t.actions_of<Retry>().size() == 1);
    CHECK(t.actions_of<Retry>()[0].target == Target::Teams);
}
