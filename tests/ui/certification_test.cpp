// Certification through the real loop (harness ↔ Runtime ↔ fake transport): the organizer's
// shift console (the code refreshes on Tick, the roster in three groups, manual check-in
// with method manual and an Idempotency-Key), the 时长认定 queue (flags before deciding, a
// reject without a reason never leaves core, adjust within the shift, bulk approval), the
// certificate and its SaveImage effect, the public verification, and the English words.
#include <catch2/catch.hpp>

#include "../core/fake_transport.h"
#include "core/codec.h"
#include "core/hours_codec.h"
#include "core/runtime.h"
#include "app_fixture.h"
#include "cjk.h"
#include "device_app.h"
#include "platform/native/harness.h"
#include "ui/format.h"

using namespace zygc;
using sem::Role;
using nlohmann::json;

namespace {

// The app with a device host that records its effects (ticks, images).
struct CertApp : fixtures::DeviceApp {
    explicit CertApp(const native::HarnessDesc& d = {390, 1600, 1}) : DeviceApp(d) {}
    std::vector<sem::Node> all(const std::string& label, Role role = Role::Button) const {
        std::vector<sem::Node> out;
        for (const sem::Node& n : ui.nodes())
            if (n.role == role && n.label == label) out.push_back(n);
        return out;
    }
    void tap(const sem::Node& n) { ui.tap_at(n.x + n.w / 2, n.y + n.h / 2); }
};

Me leader() {
    Me m;
    m.id = 5;
    m.phone_masked = "138****0001";
    m.display_name = "张队长";
    m.roles = {"resident", "volunteer", "organizer"};
    m.teams = {{7, "海港区青年志愿者协会", "leader"}};
    m.volunteer = VolunteerProfile{"张三", "1303**********123X", 1, {}, {}, "2026-11-28T10:00:00+08:00"};
    return m;
}

Project project() {
    Project p = fixtures::project(101, "小候鸟课后陪伴");
    p.shifts = {{1, "2026-11-30T09:00:00+08:00", "2026-11-30T12:00:00+08:00", 10, 3}};
    return p;
}

HourRecord record(Id id, Id volunteer, const std::string& name, const std::string& status = "pending") {
    HourRecord r;
    r.id = id;
    r.volunteer = {volunteer, name};
    r.project = {101, "小候鸟课后陪伴"};
    r.team = {7, "海港区青年志愿者协会"};
    r.shift = {1, "2026-11-30T09:00:00+08:00", "2026-11-30T12:00:00+08:00"};
    r.method = "code";
    r.check_in = "2026-11-30T08:55:00+08:00";
    r.check_out = "2026-11-30T11:35:00+08:00";
    r.minutes = 155;
    r.status = status;
    r.certify_by = "2026-12-14";
    return r;
}

AttendancePage roster_page() {
    AttendancePage p;
    HourRecord in = record(21, 32, "李**", "open");
    in.check_out.reset();
    in.minutes = 0;
    p.items = {in, record(22, 33, "赵**")};
    p.roster = {{{31, "王**"}, 1, "expected", std::nullopt},
                {{32, "李**"}, 1, "in", Id(21), in.check_in},
                {{33, "赵**"}, 1, "out", Id(22), "2026-11-30T08:55:00+08:00", "2026-11-30T11:35:00+08:00"}};
    p.total = 2;
    return p;
}

CheckinCode code(const std::string& digits, const std::string& expires) {
    return {1, digits, "zygc:checkin:1:" + digits, expires, 60};
}

const int64_t kExpiresMs = 1796005260000;  // 2026-11-30T10:21:00+08:00
const char* kExpires = "2026-11-30T10:21:00+08:00";

void open_console(CertApp& app, Settings settings = {}) {
    app.runtime.start(Route{Route::ShiftConsole, 101, {}, 1}, 42, settings);
    REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
    REQUIRE(app.transport.reply("/projects/101/checkin-code?shift_id=1", 200, encode(code("482913", kExpires)).dump()));
    REQUIRE(app.transport.reply("/projects/101/attendance?shift_id=1&limit=1", 200, encode(roster_page()).dump()));
    REQUIRE(app.transport.reply("/projects/101", 200, encode(project()).dump()));
    app.runtime.dispatch(Tick{kExpiresMs - 30000});
    app.ui.frame(2);
}

AttendancePage queue_page() {
    AttendancePage p;
    HourRecord far = record(12, 40, "周**");
    far.flags = {"far_from_site", "offline"};
    far.distance_m = 350;
    far.client_check_in = "2026-11-30T08:54:00+08:00";
    HistoryEvent e;
    e.at = "2026-11-30T08:55:00+08:00";
    e.actor = {40, "周**"};
    e.action = "check_in";
    far.history = {e};
    HourRecord plain = record(13, 41, "吴**");
    plain.overdue = true;
    plain.certify_by = "2026-11-27";
    p.items = {far, plain};
    p.total = 2;
    return p;
}

void open_queue(CertApp& app, Settings settings = {}) {
    app.runtime.start(Route{Route::Hours, 101, {}}, 42, settings);
    REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
    REQUIRE(app.transport.reply("/projects/101/attendance?status=pending", 200, encode(queue_page()).dump()));
    REQUIRE(app.transport.reply("/projects/101", 200, encode(project()).dump()));
    app.ui.frame(2);
}

Certificate certificate() {
    Certificate c;
    c.serial = "ZYGC-2026-0000123-AB12";
    c.issued_on = "2026-11-30";
    c.name = "王小明";
    c.id_masked = "1303**********123X";
    CertificateOrganisation o;
    o.team = {7, "海港区青年志愿者协会"};
    o.minutes = 335;
    o.projects = {{101, "小候鸟课后陪伴", "2026-10-11", "2026-11-29", 335, 3}};
    c.organisations = {o};
    c.total_minutes = 335;
    c.verify_url = "/#/verify/ZYGC-2026-0000123-AB12";
    c.qr_payload = "https://zygc.example/#/verify/ZYGC-2026-0000123-AB12";
    c.mac = "ab12";
    return c;
}

}  // namespace

TEST_CASE("certification routes parse and print", "[ui][certification]") {
    const Route console = parse_route("#/projects/12/shifts/7/console");
    CHECK(console.kind == Route::ShiftConsole);
    CHECK(console.id == 12);
    CHECK(console.shift == 7);
    CHECK(route_hash(console) == "#/projects/12/shifts/7/console");
    CHECK(parse_route("#/projects/12/hours") == Route{Route::Hours, 12, {}});
    CHECK(parse_route("#/me/certificate").kind == Route::MyCertificate);
    const Route v = parse_route("#/verify/ZYGC-2026-0000123-AB12");
    CHECK(v.kind == Route::Verify);
    CHECK(v.slug == "ZYGC-2026-0000123-AB12");
    CHECK(route_hash(v) == "#/verify/ZYGC-2026-0000123-AB12");
    CHECK(parse_route("#/verify/ZYGC%2F..").kind == Route::NotFound);
    CHECK(parse_route("#/projects/12/shifts/x/console").kind == Route::NotFound);
    CHECK(parent_route(console) == Route{Route::Project, 12, {}});
}

TEST_CASE("the console shows the code large with its QR and asks for the next one on Tick when it expires",
          "[ui][certification]") {
    CertApp app;
    open_console(app);
    // Ticks run while the console is open.
    REQUIRE(app.effects<WantTicks>().size() == 1);
    CHECK(app.effects<WantTicks>()[0].every_ms == 1000);
    const sem::Node* digits = app.ui.find("482913", Role::Heading);
    REQUIRE(digits);
    CHECK(digits->h >= 50);  // large figures, readable at arm's length
    CHECK(app.ui.find("QR", Role::Image));
    CHECK(app.ui.find("30 秒后更换"));

    // Before it expires, a Tick asks for nothing.
    app.runtime.dispatch(Tick{kExpiresMs - 1000});
    CHECK_FALSE(app.pending("GET", "/projects/101/checkin-code"));
    app.ui.frame();
    CHECK(app.ui.find("1 秒后更换"));
    // At expiry the next code is asked for (and the roster comes along).
    app.runtime.dispatch(Tick{kExpiresMs});
    REQUIRE(app.pending("GET", "/projects/101/checkin-code?shift_id=1"));
    CHECK(app.pending("GET", "/projects/101/attendance?shift_id=1"));
    // Only once while it is on its way.
    app.runtime.dispatch(Tick{kExpiresMs + 1000});
    size_t asks = 0;
    for (const auto& p : app.transport.pending) asks += p.request.path.find("checkin-code") != std::string::npos;
    CHECK(asks == 1);
    REQUIRE(app.transport.reply("/projects/101/checkin-code", 200,
                                encode(code("551204", "2026-11-30T10:22:00+08:00")).dump()));
    app.ui.frame();
    CHECK(app.ui.find("551204", Role::Heading));
    CHECK_FALSE(app.ui.find("482913", Role::Heading));

    // Leaving the console stops the ticks.
    app.runtime.dispatch(Navigate{Route{Route::Project, 101, {}}});
    REQUIRE(app.effects<WantTicks>().size() == 2);
    CHECK(app.effects<WantTicks>()[1].every_ms == 0);
}

TEST_CASE("the roster is in three groups; 手动签到 sends method manual with a key, resent unchanged after a "
          "network failure",
          "[ui][certification]") {
    CertApp app;
    open_console(app);
    CHECK(app.ui.find("待签到（1）", Role::Heading));
    CHECK(app.ui.find("已签到（1）", Role::Heading));
    CHECK(app.ui.find("已签退（1）", Role::Heading));
    REQUIRE(app.all("手动签到").size() == 1);
    REQUIRE(app.all("手动签退").size() == 1);
    CHECK(app.ui.find("王**"));
    // Each one's times come with the roster (the console asks for no page of records).
    CHECK(app.ui.find("签到 08:55", Role::Text));
    CHECK(app.ui.find("签到 08:55 · 签退 11:35", Role::Text));

    app.tap(app.all("手动签到")[0]);
    const auto* post = app.pending("POST", "/attendance/check-in");
    REQUIRE(post);
    const std::string key = CertApp::header(post->request, "Idempotency-Key");
    CHECK(key.size() == 36);
    const json body = json::parse(post->request.body);
    CHECK(body["method"] == "manual");
    CHECK(body["volunteer_id"] == 31);
    CHECK(body["shift_id"] == 1);
    CHECK(body["client_time"] == "2026-11-30T10:20:30+08:00");
    const std::string first_body = post->request.body;

    // No answer: tapping again sends the same event (same key, same body).
    REQUIRE(app.transport.fail_network("/attendance/check-in"));
    app.ui.frame();
    CHECK(app.ui.find("网络不通，未能提交：请再点一次", Role::Button));
    app.runtime.dispatch(Tick{kExpiresMs - 20000});  // time moves on; the event does not
    app.ui.frame();
    app.tap(app.all("手动签到")[0]);
    post = app.pending("POST", "/attendance/check-in");
    REQUIRE(post);
    CHECK(CertApp::header(post->request, "Idempotency-Key") == key);
    CHECK(post->request.body == first_body);

    HourRecord made = record(23, 31, "王**", "open");
    made.method = "manual";
    made.flags = {"manual"};
    REQUIRE(app.transport.reply("/attendance/check-in", 201, encode(made).dump()));
    app.ui.frame();
    CHECK(app.ui.find("已为王**签到", Role::Button));
    // The roster is asked for again.
    CHECK(app.pending("GET", "/projects/101/attendance?shift_id=1"));

    // 手动签退 names the record.
    AttendancePage after = roster_page();
    after.roster[0].state = "in";
    after.roster[0].attendance_id = 23;
    REQUIRE(app.transport.reply("/projects/101/attendance", 200, encode(after).dump()));
    app.ui.frame();
    CHECK(app.all("手动签到").empty());
    REQUIRE(app.all("手动签退").size() == 2);
    app.tap(app.all("手动签退")[0]);
    const auto* out = app.pending("POST", "/attendance/check-out");
    REQUIRE(out);
    CHECK(json::parse(out->request.body)["attendance_id"] == 23);
    CHECK(json::parse(out->request.body)["volunteer_id"] == 31);
    CHECK(CertApp::header(out->request, "Idempotency-Key") != key);
}

TEST_CASE("the queue shows flags, distance and the overdue deadline before any decision", "[ui][certification]") {
    CertApp app;
    open_queue(app);
    CHECK(app.ui.find("周** · 待认定", Role::Heading));
    CHECK(app.ui.find("签到地点距服务地点 350 米"));
    CHECK(app.ui.find("离线补报的时间"));
    CHECK(app.ui.find("认定截止 12月14日 周一"));
    CHECK(app.ui.find("认定截止 11月27日 周五 · 已逾期"));
    CHECK(app.ui.find("共 2 条"));
    // The history thread opens on demand.
    CHECK_FALSE(app.ui.find_containing("周** 签到"));
    REQUIRE(app.ui.tap("查看记录", Role::Link));
    app.ui.frame();
    CHECK(app.ui.find_containing("周** 签到"));
    CHECK(app.ui.find("收起记录", Role::Link));
}

TEST_CASE("不予认定 without a reason is stopped in core; with one it is sent", "[ui][certification]") {
    CertApp app;
    open_queue(app);
    REQUIRE(app.all("不予认定").size() == 2);
    app.tap(app.all("不予认定")[0]);
    app.ui.frame();
    REQUIRE(app.ui.tap("确定", Role::Button));
    app.ui.frame();
    CHECK_FALSE(app.pending("POST", "/hours/"));
    const sem::Node* err = app.ui.find("请填写理由", Role::Text);
    REQUIRE(err);
    CHECK((err->flags & sem::Alert));

    REQUIRE(app.ui.tap("理由（必填）", Role::Input));
    app.ui.type("未到岗，签到记录为他人代签");
    app.ui.frame();
    CHECK_FALSE(app.ui.find("请填写理由", Role::Text));  // fixed: the error goes at once
    REQUIRE(app.ui.tap("确定", Role::Button));
    const auto* post = app.pending("POST", "/hours/12/certify");
    REQUIRE(post);
    const json body = json::parse(post->request.body);
    CHECK(body["decision"] == "reject");
    CHECK(body["reason"] == "未到岗，签到记录为他人代签");
    CHECK_FALSE(body.contains("minutes"));

    HourRecord done = queue_page().items[0];
    done.status = "rejected";
    REQUIRE(app.transport.reply("/hours/12/certify", 200, encode(done).dump()));
    app.ui.frame();
    CHECK(app.ui.find("已不予认定", Role::Button));
    // It leaves the pending queue where it is: no page is loaded again.
    CHECK_FALSE(app.pending("GET", "/projects/101/attendance"));
    CHECK(app.all("不予认定").size() == 1);
    CHECK(app.ui.find("共 1 条", Role::Text));
}

TEST_CASE("调整时长 keeps the minutes inside the shift and needs a reason", "[ui][certification]") {
    CertApp app;
    open_queue(app);
    app.tap(app.all("调整时长")[1]);  // 吴**, 155 min of a 180 min shift
    app.ui.frame();
    REQUIRE(app.ui.tap("认定时长（分钟）", Role::Input));
    app.ui.backspace(3);
    app.ui.type("181");
    app.ui.frame();
    REQUIRE(app.ui.tap("确定", Role::Button));
    app.ui.frame();
    CHECK(app.ui.find("时长需在1到180分钟之间", Role::Text));
    CHECK(app.ui.find("请填写理由", Role::Text));
    CHECK_FALSE(app.pending("POST", "/hours/"));

    REQUIRE(app.ui.tap("认定时长（分钟）", Role::Input));
    app.ui.backspace(3);
    app.ui.type("120");
    app.ui.frame();  // the minutes' error goes, and the reason field moves up
    REQUIRE(app.ui.tap("理由（必填）", Role::Input));
    app.ui.type("提前离开");
    app.ui.frame();
    REQUIRE(app.ui.tap("确定", Role::Button));
    const auto* post = app.pending("POST", "/hours/13/certify");
    REQUIRE(post);
    const json body = json::parse(post->request.body);
    CHECK(body["decision"] == "adjust");
    CHECK(body["minutes"] == 120);
    CHECK(body["reason"] == "提前离开");

    // The server's own 422 lands on the field too.
    Problem p;
    p.status = 422;
    p.code = "minutes_range";
    p.params = {{"max", "180"}};
    p.detail = "时长需在1到180分钟之间";
    REQUIRE(app.transport.reply("/hours/13/certify", 422, encode(p).dump(), "application/problem+json"));
    app.ui.frame();
    CHECK(app.ui.find("时长需在1到180分钟之间", Role::Text));
}

TEST_CASE("认定 approves at once; 一键认定 approves a shift's unflagged records", "[ui][certification]") {
    CertApp app;
    open_queue(app);
    app.tap(app.all("认定")[1]);
    const auto* approve = app.pending("POST", "/hours/13/certify");
    REQUIRE(approve);
    CHECK(json::parse(approve->request.body) == json{{"decision", "approve"}});
    HourRecord done = queue_page().items[1];
    done.status = "certified";
    REQUIRE(app.transport.reply("/hours/13/certify", 200, encode(done).dump()));
    app.ui.frame();
    CHECK(app.all("认定").size() == 1);

    // Bulk approval is per shift: choosing the shift offers it for the one unflagged record.
    CHECK_FALSE(app.ui.find("一键认定（1 条无标记记录）", Role::Button));
    REQUIRE(app.ui.tap(fmt::shift_range("2026-11-30T09:00:00+08:00", "2026-11-30T12:00:00+08:00")));
    REQUIRE(app.pending("GET", "/projects/101/attendance?status=pending&shift_id=1"));
    REQUIRE(app.transport.reply("/projects/101/attendance", 200, encode(queue_page()).dump()));
    app.ui.frame();
    REQUIRE(app.ui.tap("一键认定（1 条无标记记录）", Role::Button));
    REQUIRE(app.pending("POST", "/shifts/1/certify-all"));
    REQUIRE(app.transport.reply("/shifts/1/certify-all", 200, encode(CertifyAllResult{1, 1}).dump()));
    app.ui.frame();
    CHECK(app.ui.find("已认定 1 条，1 条有标记需逐条处理", Role::Button));
    CHECK(app.pending("GET", "/projects/101/attendance?status=pending&shift_id=1"));
}

TEST_CASE("a long queue comes 100 at a time: 加载更多 appends the next page, the total stays true", "[ui][certification]") {
    CertApp app;
    app.runtime.start(Route{Route::Hours, 101, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
    const auto* first = app.pending("GET", "/projects/101/attendance?status=pending&limit=100");
    REQUIRE(first);
    CHECK(first->request.path.find("cursor") == std::string::npos);
    AttendancePage page = queue_page();
    page.total = 3;
    page.next_cursor = "next+1/=";
    REQUIRE(app.transport.reply("/projects/101/attendance", 200, encode(page).dump()));
    REQUIRE(app.transport.reply("/projects/101", 200, encode(project()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("共 3 条，已显示 2 条", Role::Text));
    CHECK(app.all("认定").size() == 2);

    // With more to come, 一键认定 names the whole shift (the server approves every one).
    REQUIRE(app.ui.tap(fmt::shift_range("2026-11-30T09:00:00+08:00", "2026-11-30T12:00:00+08:00")));
    REQUIRE(app.transport.reply("/projects/101/attendance?status=pending&shift_id=1&limit=100", 200, encode(page).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("一键认定本班次全部无标记记录", Role::Button));

    REQUIRE(app.ui.tap("加载更多", Role::Button));
    const auto* more = app.pending("GET", "/projects/101/attendance?status=pending&shift_id=1&limit=100&cursor=");
    REQUIRE(more);
    CHECK(more->request.path.ends_with("&cursor=next%2B1%2F%3D"));  // the cursor as sent, escaped
    AttendancePage rest;
    rest.items = {record(14, 42, "钱**")};
    rest.total = 3;
    REQUIRE(app.transport.reply("/projects/101/attendance", 200, encode(rest).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("共 3 条", Role::Text));
    CHECK(app.all("认定").size() == 3);
    CHECK_FALSE(app.ui.find("加载更多", Role::Button));
    CHECK(app.ui.find("一键认定（2 条无标记记录）", Role::Button));
}

TEST_CASE("a dispute shows the volunteer's reason and is resolved with a reason", "[ui][certification]") {
    CertApp app;
    app.runtime.start(Route{Route::Hours, 101, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
    app.runtime.dispatch(FilterHours{0, "disputed"});
    AttendancePage page;
    HourRecord d = record(15, 44, "郑**", "disputed");
    d.dispute = Dispute{"我11:55才离开，签退忘了点", "2026-11-30T13:00:00+08:00", std::nullopt, std::nullopt};
    page.items = {d};
    REQUIRE(app.transport.reply("/projects/101/attendance?status=disputed", 200, encode(page).dump()));
    REQUIRE(app.transport.reply("/projects/101", 200, encode(project()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("志愿者异议：我11:55才离开，签退忘了点"));
    REQUIRE(app.ui.tap("处理异议", Role::Button));
    app.ui.frame();
    REQUIRE(app.ui.tap("调整时长", Role::Button));  // resolve by adjusting
    app.ui.frame();
    REQUIRE(app.ui.tap("认定时长（分钟）", Role::Input));
    app.ui.backspace(3);
    app.ui.type("175");
    REQUIRE(app.ui.tap("理由（必填）", Role::Input));
    app.ui.type("核对签到表属实");
    app.ui.frame();
    REQUIRE(app.ui.tap("确定", Role::Button));
    const auto* post = app.pending("POST", "/hours/15/disputes/resolve");
    REQUIRE(post);
    CHECK(json::parse(post->request.body) == json{{"decision", "adjust"}, {"minutes", 175}, {"reason", "核对签到表属实"}});
}

TEST_CASE("the certificate reads like a document and 保存图片 asks for a PNG", "[ui][certification]") {
    CertApp app;
    app.runtime.start(Route{Route::MyCertificate, 0, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
    REQUIRE(app.transport.reply("/me/certificate", 200, encode(certificate()).dump()));
    app.ui.frame(2);
    CHECK(app.ui.find("兹证明 王小明（身份证号 1303**********123X）参加志愿服务情况如下："));
    CHECK(app.ui.find("海港区青年志愿者协会 · 5 小时 35 分钟", Role::Heading));
    CHECK(app.ui.find("小候鸟课后陪伴"));
    CHECK(app.ui.find_containing("3 次 · 5 小时 35 分钟"));
    // A document's dates name their year.
    CHECK(app.ui.find("2026年10月11日 至 2026年11月29日 · 3 次 · 5 小时 35 分钟"));
    CHECK(app.ui.find("2026年11月30日"));
    CHECK(app.ui.find("ZYGC-2026-0000123-AB12"));
    CHECK(app.ui.find("QR", Role::Image));
    REQUIRE(app.ui.tap("保存图片", Role::Button));
    REQUIRE(app.effects<SaveImage>().size() == 1);
    const SaveImage img = app.effects<SaveImage>()[0];
    CHECK(img.kind == "certificate");
    CHECK(img.file_name == "证明-ZYGC-2026-0000123-AB12.png");
    CHECK(json::parse(img.json)["serial"] == "ZYGC-2026-0000123-AB12");
    CHECK(json::parse(img.json)["mac"] == "ab12");
}

TEST_CASE("no certified hours: the certificate screen says so and where hours come from", "[ui][certification]") {
    CertApp app;
    app.runtime.start(Route{Route::MyCertificate, 0, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
    Problem p;
    p.status = 404;
    p.code = "no_certified_hours";
    REQUIRE(app.transport.reply("/me/certificate", 404, encode(p).dump(), "application/problem+json"));
    app.ui.frame(2);
    CHECK(app.ui.find("还没有已认定的志愿服务时长"));
    CHECK_FALSE(app.ui.find("保存图片"));
    CHECK(app.ui.find("去找项目", Role::Button));
    REQUIRE(app.ui.tap("我的时长", Role::Button));
    CHECK(app.runtime.state().route.kind == Route::MyHours);
}

TEST_CASE("#/verify/SERIAL needs no login: 真实有效 with the content, or 未找到该证明", "[ui][certification]") {
    {
        CertApp app;
        app.runtime.start(Route{Route::Verify, 0, "ZYGC-2026-0000123-AB12"}, 42);
        REQUIRE(app.transport.reply("/me", 401, fixtures::problem(401, ""), "application/problem+json"));
        REQUIRE(app.transport.reply("/certificates/ZYGC-2026-0000123-AB12", 200,
                                    encode(CertificateCheck{true, certificate()}).dump()));
        app.ui.frame(2);
        CHECK(app.state().route.kind == Route::Verify);
        CHECK(app.ui.find("真实有效", Role::Heading));
        CHECK(app.ui.find("兹证明 王小明（身份证号 1303**********123X）参加志愿服务情况如下："));
    }
    {
        CertApp app;
        app.runtime.start(Route{Route::Verify, 0, "ZYGC-2026-0000123-AB13"}, 42);
        REQUIRE(app.transport.reply("/me", 401, fixtures::problem(401, ""), "application/problem+json"));
        Problem p;
        p.status = 404;
        p.code = "not_found";
        REQUIRE(app.transport.reply("/certificates/ZYGC-2026-0000123-AB13", 404, encode(p).dump(),
                                    "application/problem+json"));
        app.ui.frame(2);
        CHECK(app.ui.find("未找到该证明", Role::Heading));
        CHECK_FALSE(app.ui.find("真实有效"));
    }
}

TEST_CASE("the leader finds 签到管理 per shift and 时长认定 on the project; 我的 links the certificate",
          "[ui][certification]") {
    CertApp app;
    app.runtime.start(Route{Route::Project, 101, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
    REQUIRE(app.transport.reply("/projects/101", 200, encode(project()).dump()));
    REQUIRE(app.transport.reply("/me/signups", 200, "[]"));
    app.ui.frame(2);
    REQUIRE(app.ui.tap("签到管理", Role::Button));
    CHECK(app.state().route == Route{Route::ShiftConsole, 101, {}, 1});
    app.runtime.dispatch(Navigate{Route{Route::Project, 101, {}}});
    app.ui.frame(2);
    REQUIRE(app.ui.scroll_to("时长认定"));
    REQUIRE(app.ui.tap("时长认定", Role::Button));
    CHECK(app.state().route == Route{Route::Hours, 101, {}});
    app.runtime.dispatch(Navigate{Route{Route::Me, 0, {}}});
    app.ui.frame(2);
    REQUIRE(app.ui.scroll_to("志愿服务记录证明"));
    REQUIRE(app.ui.tap("志愿服务记录证明", Role::Link));
    CHECK(app.state().route == Route{Route::MyCertificate, 0, {}});
}

namespace {

// No label shows Chinese once the user data (names, titles, reasons) is taken out.
void check_english(const CertApp& app) {
    std::vector<std::string> data;
    strings_of(encode(app.state().roster.data()), data);
    strings_of(encode(app.state().queue.data()), data);
    strings_of(encode(app.state().certificate.data()), data);
    strings_of(encode(app.state().project.data()), data);
    strings_of(encode(app.state().me.data()), data);
    std::sort(data.begin(), data.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    size_t labels = 0;
    for (const sem::Node& n : app.ui.nodes()) {
        if (n.label == "中文") continue;
        std::string rest = n.label;
        for (const std::string& d : data)
            for (size_t at; !d.empty() && (at = rest.find(d)) != std::string::npos;) rest.erase(at, d.size());
        INFO("label: " << n.label);
        CHECK_FALSE(has_cjk(rest));
        ++labels;
    }
    CHECK(labels > 10);
}

}  // namespace

TEST_CASE("certification screens in English", "[ui][certification][english]") {
    Settings en;
    en.lang = "en";
    {
        CertApp app;
        open_console(app, en);
        CHECK(app.ui.find("Check-in code"));
        CHECK(app.ui.find("Expected (1)", Role::Heading));
        CHECK(app.ui.find("Changes in 30 s"));
        check_english(app);
    }
    {
        CertApp app;
        open_queue(app, en);
        CHECK(app.ui.find("Checked in 350 m from the site"));
        CHECK(app.ui.find_containing("Overdue"));
        app.tap(app.all("Reject")[0]);
        app.ui.frame();
        REQUIRE(app.ui.tap("Confirm", Role::Button));
        app.ui.frame();
        CHECK(app.ui.find("Give a reason", Role::Text));
        check_english(app);
    }
    {
        CertApp app;
        app.runtime.start(Route{Route::MyCertificate, 0, {}}, 42, en);
        REQUIRE(app.transport.reply("/me", 200, encode(leader()).dump()));
        REQUIRE(app.transport.reply("/me/certificate", 200, encode(certificate()).dump()));
        app.ui.frame(2);
        CHECK(app.ui.find("Save image", Role::Button));
        CHECK(app.ui.find("Total service time"));
        check_english(app);
    }
}
