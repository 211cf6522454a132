// The real loop end to end without a browser: harness ↔ Runtime ↔ fake transport.
#include <catch2/catch.hpp>

#include "../core/fake_transport.h"
#include "core/codec.h"
#include "core/runtime.h"
#include "core/care_codec.h"
#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

namespace {

struct App {
    FakeTransport transport;
    std::vector<std::string> hashes;
    Runtime runtime{transport, [this](const std::string& h) { hashes.push_back(h); }};
    native::Harness ui;
    App() {
        ui.source = &runtime.state();
        ui.dispatch = [this](const Action& a) { runtime.dispatch(a); };
    }
};

}  // namespace

TEST_CASE("home loads, a card opens the detail, the detail loads", "[ui][runtime]") {
    App app;
    app.runtime.start(Route{});
    app.ui.frame(2);
    CHECK(app.ui.count(Role::Text, sem::Busy) >= 1);

    REQUIRE(app.transport.reply("/stats/city", 200, encode(fixtures::city()).dump()));
    REQUIRE(app.transport.reply("/stats/dashboard", 200, encode(fixtures::dashboard()).dump()));  // eldercare
    REQUIRE(app.transport.reply("/brands", 200, encode(fixtures::home().brands.data()).dump()));
    REQUIRE(app.transport.reply("/projects", 200, encode(fixtures::home().home_projects.data()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.count(Role::Text, sem::Busy) == 0);
    CHECK(app.ui.find("60.9万", Role::Text));
    CHECK(app.ui.find("2560万小时", Role::Text));

    REQUIRE(app.ui.tap("小候鸟课后陪伴", Role::ListItem));
    CHECK(app.runtime.state().route == Route{Route::Project, 101, {}});
    REQUIRE(app.hashes.size() == 1);
    CHECK(app.hashes[0] == "#/projects/101");
    app.ui.frame(2);
    CHECK(app.ui.find("项目详情", Role::Heading));
    CHECK(app.ui.count(Role::Text, sem::Busy) >= 1);

    Project p = fixtures::project(101, "小候鸟课后陪伴", 10, 3);
    p.shifts = {{1, "2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00", 10, 3}};
    REQUIRE(app.transport.reply("/projects/101", 200, encode(p).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("小候鸟课后陪伴", Role::Heading));
    CHECK(app.ui.find("12月3日 周四 09:00–12:00", Role::Text));
    CHECK(app.ui.find("剩余 7 个名额", Role::Text));
}

TEST_CASE("a failed load shows the error; 重试 sends the request again", "[ui][runtime]") {
    App app;
    app.runtime.start(Route{Route::Project, 7, {}});
    app.ui.frame(2);
    REQUIRE(app.transport.fail_network("/projects/7"));
    app.ui.frame(2);
    CHECK(app.ui.find("网络连接失败", Role::Text));
    CHECK_FALSE(app.transport.has("/projects/7"));
    REQUIRE(app.ui.tap("重试", Role::Button));
    CHECK(app.transport.has("/projects/7"));
    app.ui.frame(2);
    CHECK(app.ui.count(Role::Text, sem::Busy) >= 1);
    REQUIRE(app.transport.reply("/projects/7", 404,
                                R"({"type":"about:blank","title":"Not Found","status":404,"detail":"没有这个项目"})",
                                "application/problem+json"));
    app.ui.frame(2);
    // A missing project says so in the resident's words, with a way forward (issue 10).
    CHECK(app.ui.find("这个项目不存在或已下线"));
    CHECK(app.ui.find("看看其他项目", Role::Button));
    CHECK_FALSE(app.ui.find("重试", Role::Button));
}

TEST_CASE("typing a search reloads the list through the store", "[ui][runtime]") {
    App app;
    app.runtime.start(Route{Route::Projects, 0, {}});
    app.ui.frame(2);
    REQUIRE(app.ui.tap("搜索项目", Role::Input));
    app.ui.type("小候鸟");
    CHECK(app.runtime.state().query.q == "小候鸟");
    bool searched = false;
    for (const auto& p : app.transport.pending)
        if (p.request.path.find("q=%E5%B0%8F%E5%80%99%E9%B8%9F") != std::string::npos) searched = true;
    CHECK(searched);
    // The field keeps what was typed while the answer is on its way.
    app.ui.frame(3);
    app.ui.type("课");
    CHECK(app.runtime.state().query.q == "小候鸟课");
}
