// Loading, failure and retry, as every screen shows them.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

TEST_CASE("loading shows busy skeleton items", "[ui][states]") {
    native::Harness h;
    h.state.stats = fixtures::loading<CityStats>();
    h.state.brands = fixtures::loading<std::vector<Brand>>();
    h.state.home_projects = fixtures::loading<Page<Project>>();
    h.frame(2);
    CHECK(h.count(Role::Text, sem::Busy) >= 3);
    const sem::Node* n = h.find("加载中", Role::Text);
    REQUIRE(n);
    CHECK((n->flags & sem::Busy));
    CHECK_FALSE(h.find("注册志愿者"));
    CHECK(h.labels(Role::ListItem).empty());
}

TEST_CASE("idle screens show skeletons too", "[ui][states]") {
    native::Harness h;  // a default State: nothing requested yet
    h.frame(2);
    CHECK(h.count(Role::Text, sem::Busy) >= 1);
    h.state.route = Route{Route::Project, 5, {}};
    h.frame(2);
    CHECK(h.count(Role::Text, sem::Busy) >= 1);
}

TEST_CASE("a network failure reads 网络连接失败 and 重试 retries that target", "[ui][states]") {
    native::Harness h;
    h.state = fixtures::home();
    h.state.dashboard = fixtures::failed<CityDashboard>(fixtures::network_error());  // eldercare: home's figures
    h.frame(2);
    CHECK(h.find("网络连接失败", Role::Text));
    CHECK(h.find("请检查网络后重试", Role::Text));
    CHECK_FALSE(h.find("Failed to fetch"));
    REQUIRE(h.tap("重试", Role::Button));
    auto r = h.actions_of<Retry>();
    REQUIRE(r.size() == 1);
    CHECK(r[0].target == Target::Dashboard);
}

// Two failed sections of home: one error block, whose 重试 asks again for both (issue 10,
// tests/ui/outage_test.cpp).

TEST_CASE("404 on a project says it is missing and leads to the other projects", "[ui][states]") {
    native::Harness h;
    h.state.route = Route{Route::Project, 9, {}};
    h.state.project = fixtures::failed<Project>(fixtures::http_error(404, "Project not found."));
    h.frame(2);
    CHECK(h.find("这个项目不存在或已下线"));
    CHECK_FALSE(h.find("Project not found."));  // never the server's English detail
    CHECK_FALSE(h.find("重试", Role::Button));   // retrying cannot bring it back
    REQUIRE(h.tap("看看其他项目", Role::Button));
    auto r = h.actions_of<Navigate>();
    REQUIRE(r.size() == 1);
    CHECK(r[0].route.kind == Route::Projects);
}

TEST_CASE("5xx, bad payload and other statuses are readable", "[ui][states]") {
    native::Harness h;
    h.state.route = Route{Route::Brand, 0, "xiaohouniao"};

    h.state.brand = fixtures::failed<Brand>(fixtures::http_error(500));
    h.frame(2);
    CHECK(h.find("服务器开小差了", Role::Text));

    ApiError bad{ApiError::BadPayload, 200, {}, "projects[0].id: expected integer"};
    h.state.brand = fixtures::failed<Brand>(bad);
    h.frame(2);
    CHECK(h.find("数据格式有误", Role::Text));
    CHECK(h.find("projects[0].id: expected integer", Role::Text));

    ApiError conflict = fixtures::http_error(409);
    conflict.problem.title = "名额已满";
    h.state.brand = fixtures::failed<Brand>(conflict);
    h.frame(2);
    CHECK(h.find("请求失败（409）", Role::Text));
    CHECK(h.find("名额已满", Role::Text));

    REQUIRE(h.tap("重试", Role::Button));
    auto r = h.actions_of<Retry>();
    REQUIRE(r.size() == 1);
    CHECK(r[0].target == Target::Brand);

    // A refusal is not retried: asking again gets the same answer.
    h.state.brand = fixtures::failed<Brand>(fixtures::http_error(403));
    h.frame(2);
    CHECK(h.find("没有权限访问", Role::Text));
    CHECK_FALSE(h.find("重试", Role::Button));
}

TEST_CASE("an unknown route says so and leads home", "[ui][states]") {
    native::Harness h;
    h.state.route = Route{Route::NotFound, 0, {}};
    h.frame(2);
    size_t headings = 0;  // the top bar's title and the state's headline (issue 10: with a picture)
    for (const sem::Node& n : h.nodes()) headings += n.role == Role::Heading && n.label == "页面不存在";
    CHECK(headings == 2);
    CHECK(h.find("空白页插图", Role::Image));
    REQUIRE(h.tap("返回首页", Role::Button));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 1);
    CHECK(nav[0].route.kind == Route::Home);
}
