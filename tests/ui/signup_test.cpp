// Sign-ups on the project detail against a fake transport through a Runtime: 报名 sends
// POST with an Idempotency-Key, the answer comes back as a toast; a full shift is refused
// before sending; what a user may not do is not offered.
#include <catch2/catch.hpp>

#include "app_fixture.h"

using namespace zygc;
using sem::Role;

namespace {

Project two_shifts() {
    Project p = fixtures::project(101, "小候鸟课后陪伴", 12, 5);
    p.shifts = {{1, "2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00", 10, 3},
                {2, "2026-12-05T14:00:00+08:00", "2026-12-05T17:30:00+08:00", 2, 2}};
    return p;
}

Signup mine(Id id, const Project& p, const Shift& s) {
    Signup x;
    x.id = id;
    x.shift_id = s.id;
    x.project_id = p.id;
    x.project_title = p.title;
    x.start = s.start;
    x.end = s.end;
    x.site_name = p.site.name;
    x.status = "confirmed";
    return x;
}

void open_project(fixtures::App& app, const Me& me, const Project& p = two_shifts(),
                  const std::vector<Signup>& signups = {}) {
    app.runtime.start(Route{Route::Project, p.id, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(me).dump()));
    REQUIRE(app.transport.reply("/projects/" + std::to_string(p.id), 200, encode(p).dump()));
    if (me.id) REQUIRE(app.transport.reply("/me/signups", 200, encode(signups).dump()));
    app.ui.frame(2);
}

std::vector<sem::Node> buttons(const native::Harness& h, const std::string& label) {
    std::vector<sem::Node> out;
    for (const sem::Node& n : h.nodes())
        if (n.role == Role::Button && n.label == label) out.push_back(n);
    return out;
}

void tap_node(native::Harness& h, const sem::Node& n) { h.tap_at(n.x + n.w / 2, n.y + n.h / 2); }

// 报名, then 确认报名 in the 报名须知 sheet (sign-up flow).
void sign_up(native::Harness& h, const sem::Node& n) {
    tap_node(h, n);
    h.frame();
    REQUIRE(h.find("报名须知", Role::Heading));
    REQUIRE(h.tap("确认报名", Role::Button));
}

}  // namespace

TEST_CASE("报名 sends a POST with an Idempotency-Key; 201 shows 报名成功", "[ui][signup]") {
    fixtures::App app({390, 1400, 1});
    open_project(app, fixtures::volunteer());
    auto sign = buttons(app.ui, "报名");
    REQUIRE(sign.size() == 2);
    CHECK_FALSE((sign[0].flags & sem::Disabled));
    tap_node(app.ui, sign[0]);
    app.ui.frame();
    CHECK_FALSE(app.pending("POST", "/projects/101/signups"));  // 报名须知 first
    REQUIRE(app.ui.find("报名须知", Role::Heading));
    REQUIRE(app.ui.tap("确认报名", Role::Button));

    const auto* post = app.pending("POST", "/projects/101/signups");
    REQUIRE(post);
    CHECK(fixtures::App::header(post->request, "Idempotency-Key").size() == 36);
    CHECK(nlohmann::json::parse(post->request.body)["shift_id"] == 1);
    app.ui.frame();
    const sem::Node* sending = app.ui.find("提交中…", Role::Button);
    REQUIRE(sending);
    CHECK((sending->flags & sem::Disabled));

    Project p = two_shifts();
    Signup s = mine(900, p, p.shifts[0]);
    REQUIRE(app.transport.reply("/projects/101/signups", 201, encode(s).dump()));
    app.ui.frame(2);
    const sem::Node* toast = app.ui.find("报名成功", Role::Button);
    REQUIRE(toast);
    CHECK((toast->flags & sem::Alert));

    // Places left and my sign-ups are loaded again: the shift is now mine, with 取消报名.
    p.shifts[0].signed_up = 4;
    REQUIRE(app.transport.reply("/projects/101", 200, encode(p).dump()));
    REQUIRE(app.transport.reply("/me/signups", 200, encode(std::vector<Signup>{s}).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("剩余 6 个名额", Role::Text));
    CHECK(app.ui.find("已报名", Role::Text));
    CHECK(buttons(app.ui, "报名").size() == 1);

    REQUIRE(app.ui.tap("报名成功", Role::Button));  // tap the toast: it goes
    CHECK(app.state().notice.empty());
    app.ui.frame();
    CHECK_FALSE(app.ui.find("报名成功", Role::Button));

    // Cancelling asks first.
    REQUIRE(app.ui.tap("取消报名", Role::Button));
    app.ui.frame();
    CHECK_FALSE(app.pending("DELETE", "/signups/900"));
    CHECK(app.ui.find("确定取消这个时段的报名吗？", Role::Text));
    REQUIRE(app.ui.tap("再想想", Role::Button));
    app.ui.frame();
    CHECK_FALSE(app.ui.find("确认取消", Role::Button));
    REQUIRE(app.ui.tap("取消报名", Role::Button));
    app.ui.frame();
    REQUIRE(app.ui.tap("确认取消", Role::Button));
    CHECK(app.pending("DELETE", "/signups/900"));
    REQUIRE(app.transport.reply("/signups/900", 204, ""));
    app.ui.frame(2);
    CHECK(app.ui.find("已取消报名", Role::Button));
}

TEST_CASE("a 409 (someone took the last place) shows the server's message", "[ui][signup]") {
    fixtures::App app({390, 1400, 1});
    open_project(app, fixtures::volunteer());
    sign_up(app.ui, buttons(app.ui, "报名").at(0));
    REQUIRE(app.transport.reply("/projects/101/signups", 409, fixtures::problem(409, "名额已被抢完"),
                                "application/problem+json"));
    app.ui.frame(2);
    const sem::Node* toast = app.ui.find("名额已被抢完", Role::Button);
    REQUIRE(toast);
    CHECK((toast->flags & sem::Alert));
}

TEST_CASE("a full shift's 报名 is disabled and says why; nothing is sent", "[ui][signup]") {
    fixtures::App app({390, 1400, 1});
    open_project(app, fixtures::volunteer());
    auto sign = buttons(app.ui, "报名");
    REQUIRE(sign.size() == 2);
    CHECK((sign[1].flags & sem::Disabled));
    CHECK(app.ui.find("已满", Role::Text));
    CHECK(app.ui.find("该班次名额已满", Role::Text));
    tap_node(app.ui, sign[1]);
    CHECK_FALSE(app.pending("POST", "/projects/101/signups"));
    CHECK(app.state().notice.empty());
}

TEST_CASE("an overlapping sign-up of mine blocks the shift before sending", "[ui][signup]") {
    Project other = fixtures::project(55, "海滩清洁日");
    Shift overlapping{77, "2026-12-03T10:00:00+08:00", "2026-12-03T11:00:00+08:00", 5, 1};
    fixtures::App app({390, 1400, 1});
    open_project(app, fixtures::volunteer(), two_shifts(), {mine(1, other, overlapping)});
    auto sign = buttons(app.ui, "报名");
    REQUIRE(sign.size() == 2);
    CHECK((sign[0].flags & sem::Disabled));
    CHECK(app.ui.find("与你已报名的「海滩清洁日」时间冲突", Role::Text));
}

TEST_CASE("what a user may not do is not offered", "[ui][signup]") {
    SECTION("a resident is asked to register instead of 报名") {
        fixtures::App app({390, 1400, 1});
        open_project(app, fixtures::resident());
        CHECK(buttons(app.ui, "报名").empty());
        REQUIRE(app.ui.tap("实名注册后可报名", Role::Link));
        app.ui.frame();
        REQUIRE(app.ui.tap("确认报名", Role::Button));  // 报名须知, then 实名注册
        CHECK(app.state().route.kind == Route::Register);
    }
    SECTION("only the team's leader may edit") {
        fixtures::App app({390, 1400, 1});
        open_project(app, fixtures::volunteer());
        CHECK_FALSE(app.ui.find("编辑项目", Role::Button));

        Me leader = fixtures::volunteer();
        leader.roles.push_back("organizer");
        leader.teams = {{7, "海港区青年志愿者协会", "leader"}};
        fixtures::App lead({390, 1400, 1});
        open_project(lead, leader);
        REQUIRE(lead.ui.scroll_to("编辑项目"));
        REQUIRE(lead.ui.tap("编辑项目", Role::Button));
        CHECK(lead.state().route == Route{Route::EditProject, 101, {}});
    }
    SECTION("logged out: 报名 leads to the login and back") {
        fixtures::App app({390, 1400, 1});
        app.runtime.start(Route{Route::Project, 101, {}}, 42);
        REQUIRE(app.transport.reply("/me", 401, fixtures::problem(401, ""), "application/problem+json"));
        REQUIRE(app.transport.reply("/projects/101", 200, encode(two_shifts()).dump()));
        app.ui.frame(2);
        sign_up(app.ui, buttons(app.ui, "报名").at(0));
        CHECK(app.state().route.kind == Route::Login);
        CHECK(app.state().after_login == Route{Route::Project, 101, {}});
    }
}

TEST_CASE("我的报名: 取消报名 and 签到 share a line; asking to cancel puts 签到 under the question", "[ui][signup]") {
    fixtures::App app;
    const Project p = two_shifts();
    app.runtime.start(Route{Route::MySignups, 0, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    REQUIRE(app.transport.reply("/me/signups", 200, encode(std::vector<Signup>{mine(900, p, p.shifts[0])}).dump()));
    app.ui.frame(2);
    const sem::Node* cancel = app.ui.find("取消报名", Role::Button);
    const sem::Node* checkin = app.ui.find("签到", Role::Button);
    REQUIRE((cancel && checkin));
    CHECK(checkin->y == cancel->y);
    CHECK(checkin->x > cancel->x + cancel->w);

    REQUIRE(app.ui.tap("取消报名", Role::Button));
    app.ui.frame();
    const sem::Node* yes = app.ui.find("确认取消", Role::Button);
    const sem::Node* no = app.ui.find("再想想", Role::Button);
    checkin = app.ui.find("签到", Role::Button);
    REQUIRE((yes && no && checkin));
    CHECK(checkin->y >= no->y + no->h);
}

TEST_CASE("a shift that has started offers no 报名 and no 取消报名; ended ones come last", "[ui][signup]") {
    // The harness's clock: 2026-11-28 12:00.
    Project p = fixtures::project(101, "小候鸟课后陪伴", 12, 5);
    p.shifts = {{1, "2026-11-20T09:00:00+08:00", "2026-11-20T11:00:00+08:00", 10, 3},   // ended
                {2, "2026-11-21T09:00:00+08:00", "2026-11-21T11:00:00+08:00", 10, 3},   // ended
                {3, "2026-11-28T11:00:00+08:00", "2026-11-28T14:00:00+08:00", 10, 3},   // running
                {4, "2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00", 10, 3}};  // to come
    SECTION("a volunteer who signed up for none") {
        fixtures::App app({390, 2400, 1});
        open_project(app, fixtures::volunteer(), p);
        const auto sign = buttons(app.ui, "报名");
        REQUIRE(sign.size() == 1);  // shift 4's
        const sem::Node* started = app.ui.find("该班次已开始", Role::Text);
        const sem::Node* past = app.ui.find("已结束的时段", Role::Heading);
        const sem::Node* nov20 = app.ui.find_containing("11月20日");
        const sem::Node* nov21 = app.ui.find_containing("11月21日");
        REQUIRE((started && past && nov20 && nov21));
        CHECK(started->y < sign[0].y);      // the running shift first, then the one to come
        CHECK(past->y > sign[0].y);         // then the ended ones,
        CHECK(nov21->y > past->y);          // the latest first
        CHECK(nov20->y > nov21->y);
        CHECK(app.ui.find_containing("剩余 7 个名额"));  // the shifts not ended still count places
        CHECK_FALSE(app.ui.find_containing("未列出"));  // all four are listed
    }
    SECTION("a project with more shifts than its detail lists (a 老帮老 project's visits) says so") {
        Project many = p;
        many.shift_count = 2504;
        fixtures::App app({390, 2400, 1});
        open_project(app, fixtures::volunteer(), many);
        const sem::Node* note = app.ui.find_containing("共 2504 个时段，更早的 2500 个未列出");
        const sem::Node* nov20 = app.ui.find_containing("11月20日");
        REQUIRE((note && nov20));
        CHECK(note->y > nov20->y);  // after the earliest listed
    }
    SECTION("a volunteer signed up for the running one") {
        fixtures::App app({390, 2400, 1});
        open_project(app, fixtures::volunteer(), p, {mine(900, p, p.shifts[2])});
        CHECK(app.ui.find("已报名", Role::Text));
        CHECK_FALSE(app.ui.find("取消报名", Role::Button));
        CHECK(app.ui.find("签到", Role::Button));
        CHECK(buttons(app.ui, "报名").size() == 1);
    }
}
