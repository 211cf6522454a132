// 登录, 个人中心, 志愿队伍 and 发布项目 through the semantics and a Runtime.
#include <catch2/catch.hpp>

#include "app_fixture.h"

using namespace zygc;
using sem::Role;

namespace {

void open_login(fixtures::App& app) {
    app.runtime.start(Route{Route::Login, 0, {}});
    REQUIRE(app.transport.reply("/me", 401, fixtures::problem(401, ""), "application/problem+json"));
    app.ui.frame(2);
}

Me organizer() {
    Me m = fixtures::volunteer();
    m.roles.push_back("organizer");
    m.teams = {{7, "海港区青年志愿者协会", "leader"}, {8, "北戴河区文明实践队", "member"}};
    return m;
}

}  // namespace

TEST_CASE("login: phone, code with countdown and dev code, then in", "[ui][login]") {
    fixtures::App app;
    open_login(app);
    CHECK(app.ui.find("登录", Role::Heading));
    REQUIRE(app.ui.tap("手机号", Role::Input));
    app.ui.type("13800000001");
    CHECK(app.state().login.phone == "13800000001");
    REQUIRE(app.ui.tap("获取验证码", Role::Button));
    const auto* sms = app.pending("POST", "/auth/sms-code");
    REQUIRE(sms);
    CHECK(nlohmann::json::parse(sms->request.body)["phone"] == "13800000001");
    app.ui.frame();
    CHECK((app.ui.find("发送中…", Role::Button)->flags & sem::Disabled));

    REQUIRE(app.transport.reply("/auth/sms-code", 200, R"({"dev_code":"123456","retry_after_s":60})"));
    app.ui.frame(2);
    CHECK(app.ui.find("开发模式验证码：123456", Role::Text));
    const sem::Node* wait = app.ui.find("60秒后重新获取", Role::Button);
    REQUIRE(wait);
    CHECK((wait->flags & sem::Disabled));
    app.ui.advance(30000);
    app.ui.frame();
    CHECK(app.ui.find("30秒后重新获取", Role::Button));
    app.ui.advance(31000);
    app.ui.frame();
    const sem::Node* again = app.ui.find("获取验证码", Role::Button);
    REQUIRE(again);
    CHECK_FALSE((again->flags & sem::Disabled));

    REQUIRE(app.ui.tap("验证码", Role::Input));
    app.ui.type("123456");
    REQUIRE(app.ui.tap("登录", Role::Button));
    const auto* login = app.pending("POST", "/auth/login");
    REQUIRE(login);
    auto body = nlohmann::json::parse(login->request.body);
    CHECK(body["code"] == "123456");
    Session s;
    s.user = fixtures::volunteer();
    REQUIRE(app.transport.reply("/auth/login", 200, encode(s).dump()));
    app.ui.frame(2);
    CHECK(app.state().logged_in());
    CHECK(app.state().route.kind == Route::Home);
}

TEST_CASE("login: errors show next to their fields", "[ui][login]") {
    fixtures::App app;
    open_login(app);
    REQUIRE(app.ui.tap("手机号", Role::Input));
    app.ui.type("12345");
    REQUIRE(app.ui.tap("获取验证码", Role::Button));
    CHECK_FALSE(app.pending("POST", "/auth/sms-code"));
    app.ui.frame();
    const sem::Node* field = app.ui.find("手机号", Role::Input);
    const sem::Node* error = app.ui.find("请输入11位手机号码", Role::Text);
    REQUIRE(field);
    REQUIRE(error);
    CHECK((error->flags & sem::Alert));
    CHECK(error->y >= field->y + field->h);
    CHECK(error->y < app.ui.find("获取验证码", Role::Button)->y);

    REQUIRE(app.ui.tap("手机号", Role::Input));
    app.ui.backspace(5);
    app.ui.type("13800000001");
    CHECK(app.state().login.phone == "13800000001");
    CHECK_FALSE(app.ui.find("请输入11位手机号码", Role::Text));
    REQUIRE(app.ui.tap("登录", Role::Button));
    app.ui.frame();
    CHECK(app.ui.find("请输入6位验证码", Role::Text));
    CHECK_FALSE(app.pending("POST", "/auth/login"));

    REQUIRE(app.ui.tap("验证码", Role::Input));
    app.ui.type("000000");
    CHECK(app.state().login.code == "000000");
    app.ui.frame();  // the error under the field goes; 登录 moves up
    CHECK_FALSE(app.ui.find("请输入6位验证码", Role::Text));
    REQUIRE(app.ui.tap("登录", Role::Button));
    REQUIRE(app.transport.reply("/auth/login", 401, fixtures::problem(401, "验证码不正确或已过期"),
                                "application/problem+json"));
    app.ui.frame(2);
    const sem::Node* code_error = app.ui.find("验证码不正确或已过期", Role::Text);
    REQUIRE(code_error);
    CHECK(code_error->y > app.ui.find("验证码", Role::Input)->y);
}

TEST_CASE("个人中心 shows the phone and the ID only masked, and what the user may do", "[ui][me]") {
    SECTION("organizer leading a team") {
        native::Harness h({390, 1400, 1});
        h.state.route = Route{Route::Me, 0, {}};
        h.state.me = fixtures::loaded(organizer());
        h.frame(2);
        CHECK(h.find("138****0001", Role::Text));
        CHECK(h.find("居民、志愿者、组织者", Role::Text));
        CHECK(h.find("张三", Role::Text));
        CHECK(h.find("1303**********123X", Role::Text));
        CHECK_FALSE(h.find("实名注册成为志愿者", Role::Button));
        CHECK(h.find("我的报名", Role::Link));
        CHECK(h.find("志愿队伍", Role::Link));
        CHECK(h.find("海港区青年志愿者协会 · 负责人", Role::Link));
        // look: menu rows, each a whole row of its panel (inside the panel's padding), one
        // under another; the teams' in a panel of their own above them.
        const sem::Node* signups = h.find("我的报名", Role::Link);
        const sem::Node* hours = h.find("我的时长", Role::Link);
        const sem::Node* team = h.find("海港区青年志愿者协会 · 负责人", Role::Link);
        REQUIRE((signups && hours && team));
        CHECK(signups->w > 300);
        CHECK(signups->x + signups->w < 390 - 16);
        CHECK(signups->h >= 44);
        CHECK(hours->x == signups->x);
        CHECK(hours->w == signups->w);
        CHECK(hours->y > signups->y + signups->h);
        CHECK(team->w == signups->w);
        CHECK(team->y < signups->y);
        REQUIRE(h.tap("发布项目", Role::Link));
        REQUIRE(h.tap("退出登录", Role::Button));
        CHECK(h.actions_of<Navigate>().at(0).route.kind == Route::NewProject);
        CHECK(h.actions_of<Logout>().size() == 1);
    }
    SECTION("resident") {
        native::Harness h({390, 1400, 1});
        h.state.route = Route{Route::Me, 0, {}};
        h.state.me = fixtures::loaded(fixtures::resident());
        h.frame(2);
        CHECK_FALSE(h.find("发布项目", Role::Link));
        CHECK_FALSE(h.find("我的报名", Role::Link));
        REQUIRE(h.tap("实名注册成为志愿者", Role::Button));
        CHECK(h.actions_of<Navigate>().at(0).route.kind == Route::Register);
    }
}

TEST_CASE("teams: list, a team page, 加入队伍 for volunteers", "[ui][teams]") {
    Team t;
    t.id = 9;
    t.name = "山海关区长城志愿服务队";
    t.org = "山海关区文明办";
    t.leader_name = "李队长";
    t.member_count = 128;
    t.project_count = 1;
    t.district_name = "山海关区";
    t.founded = "2012-03-05";
    t.projects = {fixtures::project(301, "长城文明引导")};

    fixtures::App app({390, 1400, 1});
    app.runtime.start(Route{Route::Teams, 0, {}});
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    Page<Team> page;
    page.items = {t};
    page.total = 1;
    REQUIRE(app.transport.reply("/teams", 200, encode(page).dump()));
    app.ui.frame(2);
    REQUIRE(app.ui.tap("山海关区长城志愿服务队", Role::ListItem));
    CHECK(app.state().route == Route{Route::Team, 9, {}});
    REQUIRE(app.transport.reply("/teams/9", 200, encode(t).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("山海关区长城志愿服务队", Role::Heading));
    CHECK(app.ui.find("李队长", Role::Text));
    CHECK(app.ui.find("128 名队员", Role::Text));
    CHECK(app.ui.find("2012年3月5日", Role::Text));  // not the API's 2012-03-05
    CHECK(app.ui.find("长城文明引导", Role::ListItem));
    REQUIRE(app.ui.tap("加入队伍", Role::Button));
    CHECK(app.pending("POST", "/teams/9/members"));
    REQUIRE(app.transport.reply("/teams/9/members", 201, "{}"));
    app.ui.frame(2);
    CHECK(app.ui.find("已加入队伍", Role::Button));
}

TEST_CASE("publish: the form checks before sending and sends RFC 3339 times", "[ui][publish]") {
    native::Harness h({390, 3000, 1});
    h.state.route = Route{Route::NewProject, 0, {}};
    h.state.me = fixtures::loaded(organizer());
    h.state.districts = fixtures::loaded(std::vector<District>{{1, "海港区", 0}});
    h.state.publish.draft.team_id = 7;
    h.state.publish.draft.shifts.push_back({});
    h.dispatch = [&](const Action& a) { update(h.state, a); };
    h.frame(2);
    CHECK(h.find("海港区青年志愿者协会", Role::Button));  // the team chip: led teams only
    // forms (issue 10): times come from the picker sheet (明天 09:00 to start with).
    REQUIRE(h.tap("开始时间：选择日期和时间", Role::Button));
    h.frame(3);
    REQUIRE(h.tap("确定", Role::Button));
    h.frame();
    CHECK(h.state.publish.draft.shifts[0].start == "2026-11-29T09:00:00+08:00");
    REQUIRE(h.tap("结束时间：选择日期和时间", Role::Button));
    h.frame(3);
    REQUIRE(h.tap("09时", Role::Button));  // not after the start
    REQUIRE(h.tap("确定", Role::Button));
    h.frame();
    CHECK(h.state.publish.draft.shifts[0].end == "2026-11-29T09:00:00+08:00");
    REQUIRE(h.tap("发布", Role::Button));
    h.frame();
    const sem::Node* end = h.find("结束时间：11月29日 周日 09:00", Role::Button);
    const sem::Node* end_error = h.find("结束时间需晚于开始时间", Role::Text);
    REQUIRE(end);
    REQUIRE(end_error);
    CHECK(end_error->y >= end->y + end->h);
    CHECK(h.find("标题需要4到60个字", Role::Text));
    CHECK(h.find("请选择服务类别", Role::Text));
    CHECK(h.find("11月29日 周日 09:00", Role::Text) == nullptr);  // shown in the field, not as text

    REQUIRE(h.tap("添加时段", Role::Button));
    CHECK(h.state.publish.draft.shifts.size() == 2);
    h.frame();
    CHECK(h.find("时段 2", Role::Heading));
}

TEST_CASE("publish: a 412 says someone else changed it and offers a reload", "[ui][publish]") {
    native::Harness h({390, 3000, 1});
    h.state.route = Route{Route::EditProject, 101, {}};
    h.state.me = fixtures::loaded(organizer());
    h.state.publish.editing = 101;
    h.state.publish.draft.team_id = 7;
    h.state.publish.stale = true;
    h.frame(2);
    const sem::Node* stale = h.find("内容已被他人修改", Role::Text);
    REQUIRE(stale);
    CHECK((stale->flags & sem::Alert));
    REQUIRE(h.tap("重新加载", Role::Button));
    auto r = h.actions_of<Retry>();
    REQUIRE(r.size() == 1);
    CHECK(r[0].target == Target::Project);
    CHECK(h.find("保存修改", Role::Button));
}

TEST_CASE("publish is not offered to someone who leads no team", "[ui][publish]") {
    native::Harness h;
    h.state.route = Route{Route::NewProject, 0, {}};
    h.state.me = fixtures::loaded(fixtures::volunteer());
    h.frame(2);
    CHECK(h.find("只有队伍负责人可以发布项目", Role::Text));
    CHECK_FALSE(h.find("发布", Role::Button));
}
