// Forms (issue 10): each field tells the platform its kind (the keyboard the phone opens);
// unfinished pinyin in the search box is not searched for; × clears the search; a card shows
// its next shift with a place; 报名须知 before a sign-up.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "platform/native/harness.h"

using namespace zygc;
using sem::Role;

namespace {
sem::InputKind kind_of(const native::Harness& h, const char* label) {
    const sem::Node* n = h.find(label, Role::Input);
    REQUIRE(n);
    return sem::input_kind(n->flags);
}
}  // namespace

TEST_CASE("fields carry their kind: phone, SMS code, ID number, search", "[ui][forms]") {
    native::Harness h;
    h.state.route = Route{Route::Login, 0, {}};
    h.state.me.set(Me{});
    h.frame(2);
    CHECK(kind_of(h, "手机号") == sem::InputKind::Tel);
    CHECK(kind_of(h, "验证码") == sem::InputKind::Code);
    CHECK((h.find("验证码", Role::Input)->flags & sem::Numeric));

    native::Harness r;
    r.state.route = Route{Route::Register, 0, {}};
    Me resident;
    resident.id = 3;
    resident.roles = {"resident"};
    r.state.me.set(resident);
    r.frame(2);
    CHECK(kind_of(r, "身份证号码") == sem::InputKind::IdCard);
    CHECK(kind_of(r, "真实姓名") == sem::InputKind::Text);

    native::Harness p;
    p.state = fixtures::projects_screen();
    p.frame(2);
    CHECK(kind_of(p, "搜索项目") == sem::InputKind::Search);
}

TEST_CASE("pinyin being composed is not searched; the committed text is", "[ui][forms]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.frame(2);
    REQUIRE(h.tap("搜索项目", Role::Input));
    h.compose("xiao");
    h.compose("xiaohou");
    CHECK(h.actions_of<SetSearch>().empty());
    h.commit("小候");
    auto s = h.actions_of<SetSearch>();
    REQUIRE(s.size() == 1);
    CHECK(s[0].q == "小候");
}

// Chrome's order: the last compositionupdate already holds the chosen characters, then
// compositionend commits the same text: the field does not change, the search still runs.
TEST_CASE("a commit equal to the last preedit is searched once", "[ui][forms]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.frame(2);
    REQUIRE(h.tap("搜索项目", Role::Input));
    h.compose("xiao");
    h.compose("小候鸟");
    CHECK(h.actions_of<SetSearch>().empty());
    h.commit("小候鸟");
    h.frame(2);
    auto s = h.actions_of<SetSearch>();
    REQUIRE(s.size() == 1);
    CHECK(s[0].q == "小候鸟");
}

TEST_CASE("× clears the search", "[ui][forms]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.frame(2);
    CHECK_FALSE(h.find("清除搜索", Role::Button));  // nothing to clear
    h.state.query.q = "海滩";
    h.frame(2);
    REQUIRE(h.tap("清除搜索", Role::Button));
    auto s = h.actions_of<SetSearch>();
    REQUIRE(s.size() == 1);
    CHECK(s[0].q.empty());
}

TEST_CASE("a card shows the next shift with a place, not sums over all shifts", "[ui][forms]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    Project p = fixtures::project(101, "小候鸟课后陪伴", 12, 5);  // first shift 12月3日
    p.next_shift = {2, "2026-12-05T14:00:00+08:00", "2026-12-05T17:00:00+08:00", 3, 2};
    h.state.projects = fixtures::loaded(fixtures::page({p}, 1, nullptr));
    h.frame(2);
    CHECK(h.find("12月5日 周六", Role::Text));
    CHECK(h.find("剩余 1 个名额", Role::Text));
    CHECK_FALSE(h.find("12月3日 周四", Role::Text));
    CHECK_FALSE(h.find("剩余 7 个名额", Role::Text));
}

TEST_CASE("a member leaves a team after confirming; the leader is not offered it", "[ui][forms]") {
    native::Harness h;
    h.state.route = Route{Route::Team, 9, {}};
    Team t;
    t.id = 9;
    t.name = "海港区助老服务队";
    t.member_count = 12;
    h.state.team.set(t);
    Me me;
    me.id = 4;
    me.roles = {"resident", "volunteer"};
    me.teams = {{9, "海港区助老服务队", "member"}};
    h.state.me.set(me);
    h.frame(2);
    REQUIRE(h.scroll_to("退出队伍"));
    REQUIRE(h.tap("退出队伍", Role::Button));
    h.frame();
    CHECK(h.actions_of<LeaveTeam>().empty());  // asks first
    CHECK(h.find_containing("确定退出这支队伍吗"));
    REQUIRE(h.scroll_to("确认退出"));
    REQUIRE(h.tap("确认退出", Role::Button));
    auto leave = h.actions_of<LeaveTeam>();
    REQUIRE(leave.size() == 1);
    CHECK(leave[0].team_id == 9);

    me.teams = {{9, "海港区助老服务队", "leader"}};
    h.state.me.set(me);
    h.frame(2);
    CHECK_FALSE(h.find("退出队伍", Role::Button));
}

TEST_CASE("an empty search says so, with the search and a way forward", "[ui][forms]") {
    native::Harness h;
    h.state = fixtures::projects_screen();
    h.state.query.q = "潜水";
    h.state.projects = fixtures::loaded(fixtures::page({}, 0));
    h.frame(2);
    CHECK(h.find("没有找到与“潜水”相关的项目", Role::Heading));
    REQUIRE(h.tap("清除搜索和筛选", Role::Button));
    REQUIRE(h.actions_of<SetSearch>().size() == 1);
    CHECK(h.actions_of<SetSearch>()[0].q.empty());
    REQUIRE(h.actions_of<SetFilter>().size() == 1);
}

TEST_CASE("a missing project says so in words, with a way forward", "[ui][forms]") {
    native::Harness h;
    h.state.route = Route{Route::Project, 404, {}};
    ApiError e;
    e.kind = ApiError::Http;
    e.status = 404;
    e.problem.detail = "Project not found.";
    h.state.project.start(1);
    h.state.project.fail(e);
    h.frame(2);
    CHECK(h.find("这个项目不存在或已下线", Role::Heading));
    CHECK_FALSE(h.find_containing("Project not found"));
    CHECK_FALSE(h.find("重试", Role::Button));
    REQUIRE(h.tap("看看其他项目", Role::Button));
    REQUIRE(h.actions_of<Navigate>().size() == 1);
    CHECK(h.actions_of<Navigate>()[0].route.kind == Route::Projects);
}
