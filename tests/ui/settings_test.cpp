// 关怀版 (larger text and targets, line spacing, simpler home), 中文/English, the back arrow,
// line spacing in normal mode.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "platform/native/harness.h"
#include "ui/app.h"
#include "ui/theme.h"

using namespace zygc;
using sem::Role;

namespace {

sem::Node must(const native::Harness& h, const std::string& label, Role role) {
    const sem::Node* n = h.find(label, role);
    INFO(h.dump());
    REQUIRE(n);
    return *n;
}

}  // namespace

TEST_CASE("the home screen has a visible 关怀版 switch", "[ui][care]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    const sem::Node sw = must(h, "关怀版", Role::Checkbox);
    CHECK_FALSE((sw.flags & sem::Checked));
    CHECK(sw.y < h.viewport.height * 0.25f);  // at the top, without scrolling
    CHECK(sw.h >= 44);
    REQUIRE(h.tap("关怀版", Role::Checkbox));
    auto set = h.actions_of<SetSettings>();
    REQUIRE(set.size() == 1);
    CHECK(set[0].settings.care_mode);
    CHECK(set[0].settings.lang == "zh");

    h.state.settings.care_mode = true;
    h.frame(2);
    CHECK((must(h, "关怀版", Role::Checkbox).flags & sem::Checked));
}

TEST_CASE("关怀版 makes text and targets at least 1.5× larger", "[ui][care]") {
    for (float scale : {1.0f, 3.0f}) {
        INFO("scale " << scale);
        CHECK(ui::font_pixels(scale, true) >= 1.5f * ui::font_pixels(scale, false));
        native::Harness h({390, 844, scale});
        h.state = fixtures::projects_screen();
        h.frame(2);
        const sem::Node title = must(h, "志愿项目", Role::Heading);
        const sem::Node total = must(h, "共 37 个项目", Role::Text);
        const sem::Node tab = must(h, "首页", Role::Tab);
        const sem::Node search = must(h, "搜索项目", Role::Input);
        const sem::Node card = must(h, "小候鸟课后陪伴", Role::ListItem);

        h.state.settings.care_mode = true;
        h.frame(2);
        CHECK(must(h, "志愿项目", Role::Heading).h >= 1.5f * title.h - 0.5f);
        CHECK(must(h, "共 37 个项目", Role::Text).h >= 1.5f * total.h - 0.5f);
        CHECK(must(h, "首页", Role::Tab).h >= 1.5f * tab.h - 0.5f);
        CHECK(must(h, "首页", Role::Tab).w >= 48 * scale);
        const sem::Node s2 = must(h, "搜索项目", Role::Input);
        CHECK(s2.h >= 1.5f * search.h - 0.5f);
        CHECK(s2.h >= 48 * scale);
        CHECK(must(h, "小候鸟课后陪伴", Role::ListItem).h >= 1.5f * card.h - 1.0f);
        CHECK(ImGui::GetFontSize() == Approx(ui::font_pixels(scale, true)));
        // Every target is at least 48 CSS px tall (those the tab bar may cut off are not measured:
        // a node is only its part on screen).
        const float tab_bar_top = must(h, "首页", Role::Tab).y;
        for (const sem::Node& n : h.nodes())
            if ((n.role == Role::Button || n.role == Role::Tab || n.role == Role::Input || n.role == Role::Link) &&
                (n.role == Role::Tab || n.y + 48 * scale <= tab_bar_top)) {
                INFO(n.label);
                CHECK(n.h >= 48 * scale - 0.5f);
            }

        // And back.
        h.state.settings.care_mode = false;
        h.frame(2);
        CHECK(must(h, "志愿项目", Role::Heading).h == Approx(title.h));
    }
}

TEST_CASE("关怀版 uses higher-contrast colours", "[ui][care]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame();
    const ImU32 muted = ui::color::Muted, text = ui::color::Text;
    h.state.settings.care_mode = true;
    h.frame();
    auto lum = [](ImU32 c) {
        ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
        return 0.2126f * v.x + 0.7152f * v.y + 0.0722f * v.z;
    };
    CHECK(lum(ui::color::Muted) < lum(muted));
    CHECK(lum(ui::color::Text) <= lum(text));
    h.state.settings.care_mode = false;
    h.frame();
    CHECK(ui::color::Muted == muted);
}

TEST_CASE("关怀版 home puts the common actions first", "[ui][care]") {
    native::Harness h;
    h.state = fixtures::home();
    h.state.settings.care_mode = true;
    h.frame(2);
    const sem::Node find = must(h, "找项目", Role::Button);
    const sem::Node signups = must(h, "我的报名", Role::Button);
    CHECK(find.h >= 66);
    CHECK(find.y < signups.y);
    CHECK(must(h, "志愿队伍", Role::Button).y > signups.y);
    CHECK_FALSE(h.find("志愿服务品牌", Role::Heading));  // simpler: no brand strip
    REQUIRE(h.tap("找项目", Role::Button));
    REQUIRE(h.tap("我的报名", Role::Button));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 2);
    CHECK(nav[0].route.kind == Route::Projects);
    CHECK(nav[1].route.kind == Route::MySignups);
}

TEST_CASE("wrapped lines have line spacing (1.25, 关怀版 ≥ 1.3)", "[ui][care]") {
    State s;
    s.route = Route{Route::Project, 101, {}};
    Project p = fixtures::project(101, "小候鸟课后陪伴");
    p.description = "first line\nsecond line";
    s.project = fixtures::loaded(p);
    native::Harness h;
    h.state = s;
    h.frame(2);
    const sem::Node two = must(h, "first line\nsecond line", Role::Text);
    CHECK(two.h == Approx(2 * 16 + 0.25f * 16));
    h.state.settings.care_mode = true;
    h.frame(2);
    const sem::Node big = must(h, "first line\nsecond line", Role::Text);
    CHECK(big.h >= 2 * 24 + 0.3f * 24);
}

TEST_CASE("English switch: every label comes from the English table", "[ui][lang]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    REQUIRE(h.tap("English", Role::Button));
    auto set = h.actions_of<SetSettings>();
    REQUIRE(set.size() == 1);
    CHECK(set[0].settings.lang == "en");
    CHECK_FALSE(set[0].settings.care_mode);

    h.state.settings.lang = "en";
    h.frame(2);
    CHECK(h.find("Volunteer Harbour City", Role::Heading));
    CHECK(h.find("Home", Role::Tab));
    CHECK(h.find("Projects", Role::Tab));
    CHECK(h.find("Me", Role::Tab));
    CHECK(h.find("Large text", Role::Checkbox));
    CHECK(h.find("Registered volunteers", Role::Text));
    CHECK_FALSE(h.find("首页", Role::Tab));

    // The store's notices are codes; the toast words them in English.
    h.state.notice = Message{"signed_up"};
    h.frame(2);
    CHECK(h.find("Signed up", Role::Button));
    CHECK_FALSE(h.find("报名成功", Role::Button));
    h.state.notice = {};
    h.frame(1);

    REQUIRE(h.tap("中文", Role::Button));
    auto back = h.actions_of<SetSettings>();
    REQUIRE(back.size() == 2);
    CHECK(back[1].settings.lang == "zh");
    h.state.settings.lang = "zh";
    h.frame(2);
    CHECK(h.find("首页", Role::Tab));
}

TEST_CASE("the back arrow dispatches Back on every sub-screen", "[ui][back]") {
    for (Route r : {Route{Route::Projects, 0, {}}, Route{Route::Project, 3, {}}, Route{Route::Teams, 0, {}},
                    Route{Route::MySignups, 0, {}}, Route{Route::Login, 0, {}}}) {
        native::Harness h;
        h.state.route = r;
        h.frame(2);
        REQUIRE(h.tap("返回", Role::Button));
        CHECK(h.actions_of<Back>().size() == 1);
        CHECK(h.actions_of<Navigate>().empty());
    }
}

TEST_CASE("the tab bar has 我的", "[ui][app]") {
    native::Harness h;
    h.state = fixtures::home();
    h.frame(2);
    REQUIRE(h.tap("我的", Role::Tab));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 1);
    CHECK(nav[0].route.kind == Route::Me);
    h.state.route = Route{Route::MySignups, 0, {}};
    h.frame(2);
    CHECK((must(h, "我的", Role::Tab).flags & sem::Selected));
}

TEST_CASE("pull-to-refresh shows an indicator above the list", "[ui][refresh]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.frame(2);
    const sem::Node search = must(h, "搜索项目", Role::Input);
    CHECK_FALSE(h.find("下拉刷新", Role::Text));
    h.viewport.pull_px = 30;
    h.frame(2);
    CHECK(h.find("下拉刷新", Role::Text));
    CHECK(must(h, "搜索项目", Role::Input).y == Approx(search.y + 30));
    h.viewport.pull_px = 70;
    h.frame(2);
    CHECK(h.find("松开刷新", Role::Text));
    h.viewport.pull_px = 0;
    h.frame(2);
    CHECK_FALSE(h.find("松开刷新", Role::Text));
    CHECK(must(h, "搜索项目", Role::Input).y == Approx(search.y));
}
