// The virtual list (issue 11, the frame): a long list lays out only the cards on and near the
// screen, whatever its length; the cards' places stay right as pages arrive and while it scrolls.
#include <catch2/catch.hpp>

#include <cmath>

#include "fixtures.h"
#include "platform/native/harness.h"
#include "ui/virtual_list.h"

using namespace zygc;
using sem::Role;

namespace {

std::string title(int i) {
    // Every seventh title wraps over two or three lines: cards differ in height.
    std::string t = "项目" + std::to_string(i);
    if (i % 7 == 3) t += " 社区老年人助餐与陪伴服务长期招募志愿者（周末上午，需要耐心细致）";
    if (i % 14 == 3) t += " 另含交通补贴与培训证书";
    return t;
}

std::vector<Project> projects(int from, int n) {
    std::vector<Project> out;
    for (int i = from; i < from + n; ++i) out.push_back(fixtures::project(1000 + i, title(i)));
    return out;
}

State long_list(int n) {
    State s = fixtures::projects_screen();
    s.projects = fixtures::loaded(fixtures::page(projects(0, n), 58000, "next"));
    return s;
}

std::vector<sem::Node> cards(const native::Harness& h) {
    std::vector<sem::Node> out;
    for (const sem::Node& n : h.nodes())
        if (n.role == Role::ListItem) out.push_back(n);
    return out;
}

// The cards on screen follow each other with one gap between any two: none overlaps, none
// is placed where an old guess of a height put it.
void check_packed(const native::Harness& h) {
    const std::vector<sem::Node> c = cards(h);
    REQUIRE(c.size() >= 3);
    const float gap = c[1].whole_y - (c[0].whole_y + c[0].whole_h);
    CHECK(gap > 0);
    for (size_t i = 1; i < c.size(); ++i) CHECK(c[i].whole_y - (c[i - 1].whole_y + c[i - 1].whole_h) == Approx(gap).margin(0.01));
}

}  // namespace

TEST_CASE("a list of 5,000 projects lays out only the cards near the screen", "[ui][projects][frame]") {
    native::Harness h;
    h.state = long_list(5000);
    h.frame(2);
    ui::RowStats s = ui::last_rows();
    CHECK(s.count == 5000);
    CHECK(s.first == 0);
    CHECK(s.laid_out > 3);
    CHECK(s.laid_out < 30);  // a screen and a half of cards, not 5,000
    CHECK(h.find("项目0", Role::ListItem));
    CHECK_FALSE(h.find("项目60", Role::ListItem));  // off screen: not laid out, not in the semantics
    check_packed(h);

    // Deep in the list: as few cards, the ones there, packed.
    h.scroll(3000);
    h.frame(2);
    s = ui::last_rows();
    CHECK(s.first > 1000);
    CHECK(s.laid_out < 30);
    CHECK_FALSE(h.find("项目0", Role::ListItem));
    check_packed(h);

    // At the end: the last card and 加载更多 below it (the content is as tall as every card).
    for (int i = 0; i < 6; ++i) h.scroll(100000);
    h.frame(2);
    CHECK(h.find("项目4999", Role::ListItem));
    CHECK(h.find("加载更多", Role::Button));
    CHECK(ui::last_rows().laid_out < 30);
    check_packed(h);
}

TEST_CASE("a page arriving below moves nothing on screen; back at the top the cards are where they were", "[ui][projects][frame]") {
    native::Harness h;
    h.state = long_list(400);
    h.frame(2);
    const std::vector<sem::Node> at_top = cards(h);
    // Through the list card by card (every card measured on its way), then a page arrives.
    for (int i = 0; i < 40; ++i) h.scroll(2);
    h.frame(1);
    const std::vector<sem::Node> before = cards(h);
    REQUIRE(before.size() >= 3);
    CHECK(ui::last_rows().first > 0);
    std::vector<Project> more = projects(400, 100);
    auto& items = h.state.projects.edit().items;
    items.insert(items.end(), more.begin(), more.end());
    h.frame(2);
    CHECK(ui::last_rows().count == 500);
    const std::vector<sem::Node> after = cards(h);
    REQUIRE(after.size() == before.size());
    for (size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].label == before[i].label);
        CHECK(after[i].y == before[i].y);
    }

    for (int i = 0; i < 40; ++i) h.scroll(-2);
    h.frame(2);
    const std::vector<sem::Node> back = cards(h);
    REQUIRE(back.size() == at_top.size());
    for (size_t i = 0; i < back.size(); ++i) {
        CHECK(back[i].label == at_top[i].label);
        CHECK(back[i].y == at_top[i].y);
        CHECK(back[i].h == at_top[i].h);
    }
}

TEST_CASE("the team list lays out only the cards near the screen", "[ui][teams][frame]") {
    native::Harness h;
    h.state.route = Route{Route::Teams, 0, {}};
    Page<Team> page;
    for (int i = 0; i < 4248; ++i) {
        Team t;
        t.id = i + 1;
        t.name = "队伍" + std::to_string(i);
        t.org = "海港区青年志愿者协会";
        t.district_name = "海港区";
        page.items.push_back(t);
    }
    page.total = 4248;
    h.state.teams = fixtures::loaded(page);
    h.frame(2);
    CHECK(ui::last_rows().count == 4248);
    CHECK(ui::last_rows().laid_out < 30);
    CHECK(h.find("队伍0", Role::ListItem));
    CHECK(h.find("海港区青年志愿者协会 · 海港区", Role::Text));
    check_packed(h);
}
