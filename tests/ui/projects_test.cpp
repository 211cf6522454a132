// 项目 list: search, filters, paging.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

TEST_CASE("the list shows its cards and the total", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.frame(2);
    CHECK(h.find("志愿项目", Role::Heading));
    CHECK(h.find("返回", Role::Button));
    CHECK(h.find("共 37 个项目", Role::Text));
    CHECK(h.labels(Role::ListItem) == std::vector<std::string>{"小候鸟课后陪伴", "海滩清洁日"});
    CHECK(h.find("海港区青年志愿者协会 · 海港区", Role::Text));
    CHECK(h.find("12月3日 周四", Role::Text));
    CHECK(h.find("剩余 15 个名额", Role::Text));
    CHECK(h.find("已满", Role::Text));
    const sem::Node* tab = h.find("项目", Role::Tab);
    REQUIRE(tab);
    CHECK((tab->flags & sem::Selected));
}

TEST_CASE("a card without a shift to sign up for says whether it is under way or over", "[ui][projects]") {
    // The harness's clock: 2026-11-28 12:00.
    Project running = fixtures::project(201, "老帮老结对探访");
    running.start = "2026-11-26T09:00:00+08:00";
    running.end = "2026-12-31T17:00:00+08:00";
    running.next_shift = {};
    Project over = fixtures::project(202, "秋季海滩清洁");
    over.start = "2026-10-10T09:00:00+08:00";
    over.end = "2026-10-10T12:00:00+08:00";
    over.next_shift = {};
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.projects.edit().items = {running, over};
    h.frame(2);
    const sem::Node* since = h.find("11月26日 周四", Role::Text);
    const sem::Node* under_way = h.find("进行中", Role::Text);
    REQUIRE((since && under_way));
    CHECK(under_way->y == since->y);
    CHECK(h.find("已结束", Role::Text));
    CHECK_FALSE(h.find("10月10日 周六", Role::Text));  // not a past date on its own

    // Closed by its organizer before its dates: says so, not 进行中 or a date to come.
    Project closed = fixtures::project(203, "冬季送温暖");
    closed.status = "closed";
    closed.start = "2026-12-10T09:00:00+08:00";
    closed.end = "2026-12-20T12:00:00+08:00";
    closed.next_shift = {};
    h.state.projects.edit().items = {closed};
    h.frame(2);
    CHECK(h.find("项目已结束报名", Role::Text));
    CHECK_FALSE(h.find("12月10日 周四", Role::Text));
    CHECK_FALSE(h.find("进行中", Role::Text));
}

TEST_CASE("typing into the search box emits SetSearch with the Chinese text", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.frame(2);
    const sem::Node* box = h.find("搜索项目", Role::Input);
    REQUIRE(box);
    CHECK_FALSE((box->flags & sem::Focused));
    REQUIRE(h.tap("搜索项目", Role::Input));
    box = h.find("搜索项目", Role::Input);
    REQUIRE(box);
    CHECK((box->flags & sem::Focused));
    CHECK(h.actions.empty());

    h.type("小候鸟");
    auto s = h.actions_of<SetSearch>();
    REQUIRE(s.size() == 1);
    CHECK(s[0].q == "小候鸟");

    SECTION("each edit is one SetSearch with the whole text") {
        h.type("课");
        h.backspace();
        s = h.actions_of<SetSearch>();
        REQUIRE(s.size() == 3);
        CHECK(s[1].q == "小候鸟课");
        CHECK(s[2].q == "小候鸟");
    }
}

TEST_CASE("the search box shows the query of the state when not edited", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.query.q = "海滩";
    h.frame(2);
    REQUIRE(h.tap("搜索项目", Role::Input));
    h.backspace();
    auto s = h.actions_of<SetSearch>();
    REQUIRE(s.size() == 1);
    CHECK(s[0].q == "海");
}

TEST_CASE("choosing a district emits SetFilter keeping the other filters", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.query.category = "children";
    h.frame(2);
    CHECK(h.find("关爱儿童", Role::Button));  // the category chip shows the choice
    REQUIRE(h.tap("全部区县", Role::Button));
    h.frame();  // a popup shows from its second frame (ImGui sizes it in the first)
    REQUIRE(h.find("山海关区", Role::Button));
    REQUIRE(h.tap("山海关区", Role::Button));
    auto f = h.actions_of<SetFilter>();
    REQUIRE(f.size() == 1);
    CHECK(f[0].district_id == 2);
    CHECK(f[0].category == "children");
    CHECK(f[0].brand == "");
    h.frame(2);
    CHECK_FALSE(h.find("山海关区", Role::Button));  // the popup closed
}

TEST_CASE("choosing a category and a brand", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.query.district_id = 1;
    h.frame(2);
    const sem::Node* d = h.find("海港区", Role::Button);
    REQUIRE(d);
    CHECK((d->flags & sem::Selected));

    REQUIRE(h.tap("全部类别", Role::Button));
    h.frame();
    REQUIRE(h.tap("生态环保", Role::Button));
    REQUIRE(h.tap("全部品牌", Role::Button));
    h.frame();
    REQUIRE(h.tap("小候鸟", Role::Button));
    auto f = h.actions_of<SetFilter>();
    REQUIRE(f.size() == 2);
    CHECK(f[0].district_id == 1);
    CHECK(f[0].category == "environment");
    CHECK(f[1].brand == "xiaohouniao");
}

TEST_CASE("加载更多 emits LoadMore; none without a next cursor", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.frame(2);
    CHECK(h.actions.empty());  // no automatic load before the reader scrolls
    REQUIRE(h.tap("加载更多", Role::Button));
    CHECK(h.actions_of<LoadMore>().size() == 1);

    h.state.projects.edit().next_cursor.reset();
    h.frame(2);
    CHECK_FALSE(h.find("加载更多"));
}

TEST_CASE("scrolling to the end of a long list loads more by itself", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    std::vector<Project> many;
    for (int i = 0; i < 30; ++i) many.push_back(fixtures::project(200 + i, "项目" + std::to_string(i)));
    h.state.projects = fixtures::loaded(fixtures::page(many, 80, "c2"));
    h.frame(2);
    CHECK(h.actions.empty());
    for (int i = 0; i < 100 && h.actions_of<LoadMore>().empty(); ++i) h.scroll(3);
    CHECK(h.actions_of<LoadMore>().size() >= 1);
    CHECK(h.find("项目29", Role::ListItem));
}

TEST_CASE("an empty result says so", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.projects = fixtures::loaded(fixtures::page({}, 0));
    h.frame(2);
    // Nothing open to join: the ended ones are offered.
    CHECK(h.find("暂无可报名的项目", Role::Heading));
    REQUIRE(h.tap("查看已结束的项目", Role::Button));
    REQUIRE(h.actions_of<ShowEnded>().size() == 1);
    CHECK(h.actions_of<ShowEnded>()[0].on);

    // Every project, and still none.
    h.state.query.status.clear();
    h.frame(2);
    CHECK(h.find("没有找到符合条件的项目", Role::Text));
    CHECK_FALSE(h.find("共 0 个项目", Role::Text));  // the sentence says it
    CHECK(h.labels(Role::ListItem).empty());
    CHECK(h.find("含已结束", Role::Button));
}

TEST_CASE("含已结束 lists the projects that have ended too, and back", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    for (const bool shown : {false, true}) {
        INFO("ended shown: " << shown);
        h.state.query.status = shown ? "" : "open";
        h.actions.clear();
        h.frame(2);
        const sem::Node* chip = h.find("含已结束", Role::Button);
        REQUIRE(chip);
        CHECK(static_cast<bool>(chip->flags & sem::Selected) == shown);
        REQUIRE(h.tap("含已结束", Role::Button));
        REQUIRE(h.actions_of<ShowEnded>().size() == 1);
        CHECK(h.actions_of<ShowEnded>()[0].on == !shown);
    }
}

TEST_CASE("含已结束 sits at the end of the count's row, not on a row of its own", "[ui][projects]") {
    for (const float width : {390.0f, 320.0f})
        for (const bool care : {false, true}) {
            INFO(width << " px, 关怀版 " << care);
            native::Harness h({width, 844, 1});
            h.state = fixtures::projects_screen();
            h.state.settings.care_mode = care;
            h.frame(2);
            const sem::Node* total = h.find("共 37 个项目", Role::Text);
            const sem::Node* chip = h.find("含已结束", Role::Button);
            const sem::Node* card = h.find("小候鸟课后陪伴", Role::ListItem);
            REQUIRE(total);
            REQUIRE(chip);
            REQUIRE(card);
            CHECK(total->y < chip->y + chip->h);  // one row
            CHECK(chip->y < total->y + total->h);
            CHECK(total->x + total->w <= chip->x);  // side by side
            CHECK(chip->x + chip->w <= width);
            CHECK(card->y >= chip->y + chip->h);  // the list below both
            CHECK(card->y >= total->y + total->h);
        }
}

TEST_CASE("a new search keeps the old list under a busy line", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.projects.start(1);  // reloading: data kept
    h.frame(2);
    const sem::Node* busy = h.find("正在更新…", Role::Text);
    REQUIRE(busy);
    CHECK((busy->flags & sem::Busy));
    CHECK(h.find("小候鸟课后陪伴", Role::ListItem));
    CHECK_FALSE(h.find("加载更多"));
}

TEST_CASE("load more: in flight and failed", "[ui][projects]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.more.start(1);
    h.frame(2);
    CHECK(h.count(Role::Text, sem::Busy) == 1);
    CHECK_FALSE(h.find("加载更多"));

    h.state.more = fixtures::failed<bool>(fixtures::network_error());
    h.frame(2);
    CHECK(h.find("网络连接失败", Role::Text));
    REQUIRE(h.tap("重试", Role::Button));
    auto r = h.actions_of<Retry>();
    REQUIRE(r.size() == 1);
    CHECK(r[0].target == Target::MoreProjects);
}
