// Attendance, the volunteer's side, through the real screens against a fake transport and a
// recorded device (scanner, location, storage, ticks): the rules explained before acting,
// check-in by code, QR and location, the outbox (stored before sent, 待同步 until the server
// answers, retried with the same key, a final 4xx dropped with its message, restored after a
// reload), check-out behind an unsent check-in, 我的时长 and asking for a correction; English.
#include <catch2/catch.hpp>

#include "app_fixture.h"
#include "core/calendar.h"
#include "core/hours_codec.h"

using namespace zygc;
using sem::Role;

namespace {

constexpr const char* kStart = "2026-12-05T09:00:00+08:00";
constexpr const char* kEnd = "2026-12-05T12:00:00+08:00";

// ms since the epoch of a +08:00 wall time on the shift's day.
int64_t at(const char* hhmm) {
    std::string t = std::string("2026-12-05T") + hhmm + ":00+08:00";
    return *parse_rfc3339(t) * 1000;
}

struct HoursApp {
    FakeTransport transport;
    std::vector<Effect> device;  // what the store asked of the platform, in order
    std::vector<std::string> order;  // "store" / "send" as the effects ran
    Runtime runtime{transport, Runtime::Host{[](const std::string&) {}, [](const std::string&) {},
                                             [](const Settings&) {}, [this](const Effect& e) {
                                                 device.push_back(e);
                                                 if (std::holds_alternative<StoreDurable>(e)) order.push_back("store");
                                             }}};
    native::Harness ui;
    explicit HoursApp(bool english = false) : ui({390, 1600, 1}) {
        ui.source = &runtime.state();
        ui.dispatch = [this](const Action& a) { runtime.dispatch(a); };
        if (english) {
            Settings s;
            s.lang = "en";
            settings = s;
        }
    }
    Settings settings;

    template <class E>
    std::vector<E> effects() const {
        std::vector<E> out;
        for (const Effect& e : device)
            if (const E* x = std::get_if<E>(&e)) out.push_back(*x);
        return out;
    }
    const FakeTransport::Pending* pending(const std::string& method, const std::string& path) const {
        for (const auto& p : transport.pending)
            if (p.request.method == method && p.request.path.rfind(path, 0) == 0) return &p;
        return nullptr;
    }
    static std::string header(const HttpRequest& r, const std::string& name) {
        for (const auto& [k, v] : r.headers)
            if (k == name) return v;
        return "";
    }
    void tick(int64_t now_ms) {
        ui.viewport.now_ms = double(now_ms);
        runtime.dispatch(Tick{now_ms});
    }
};

Project beach() {
    Project p = fixtures::project(3, "金梦海湾净滩", 20, 5);
    p.site.name = "金梦海湾浴场";
    p.site.lat = 39.8250;
    p.site.lng = 119.4800;
    p.site.radius_m = 200;
    p.shifts = {{7, kStart, kEnd, 20, 5}};
    return p;
}

Signup my_signup() {
    Signup s;
    s.id = 900;
    s.shift_id = 7;
    s.project_id = 3;
    s.project_title = "金梦海湾净滩";
    s.start = kStart;
    s.end = kEnd;
    s.site_name = "金梦海湾浴场";
    s.status = "confirmed";
    return s;
}

HourRecord record(Id id, const std::string& status, int64_t minutes) {
    HourRecord r;
    r.id = id;
    r.volunteer = {5, "张三"};
    r.project = {3, "金梦海湾净滩"};
    r.team = {2, "海港区志愿服务队"};
    r.shift = {7, kStart, kEnd};
    r.method = "code";
    r.check_in = "2026-12-05T08:58:00+08:00";
    if (status != "open") r.check_out = "2026-12-05T11:30:00+08:00";
    r.minutes = minutes;
    r.status = status;
    r.certify_by = "2026-12-19";
    return r;
}

std::string hours_json(std::optional<HourRecord> open, std::vector<HourRecord> items = {}) {
    MyHours h;
    h.open = open;
    if (open) items.insert(items.begin(), *open);
    h.items = items;
    for (const HourRecord& r : items) {
        if (r.status == "certified") h.totals.certified_minutes += r.minutes;
        if (r.status == "pending") h.totals.pending_minutes += r.minutes;
    }
    h.totals.records = int64_t(items.size());
    h.by_month = {{"2026-10", 180, 0}, {"2026-11", 240, 60}, {"2026-12", 0, h.totals.pending_minutes}};
    return encode(h).dump();
}

// Opens #/checkin/7 logged in as a volunteer, with the shift's sign-up, my hours and the site.
void open_checkin(HoursApp& app, int64_t now_ms, std::optional<HourRecord> open = std::nullopt) {
    app.runtime.start(Route{Route::Checkin, 7, {}}, 42, app.settings);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    app.tick(now_ms);
    REQUIRE(app.transport.reply("/me/signups", 200, encode(std::vector<Signup>{my_signup()}).dump()));
    REQUIRE(app.transport.reply("/me/hours", 200, hours_json(open)));
    app.tick(now_ms);  // the site, once the sign-up says which project
    REQUIRE(app.transport.reply("/projects/3", 200, encode(beach()).dump()));
    app.ui.frame(2);
}

bool shows(const HoursApp& app, const std::string& text) { return app.ui.find_containing(text) != nullptr; }

bool disabled(const HoursApp& app, const std::string& label) {
    const sem::Node* n = app.ui.find(label, Role::Button);
    return n && (n->flags & sem::Disabled);
}

void type_code(HoursApp& app, const std::string& code, const char* field = "签到码") {
    REQUIRE(app.ui.tap(field, Role::Input));
    app.ui.type(code);
    app.ui.frame(2);
}

}  // namespace

TEST_CASE("签到: the window is explained before it opens, and the ways open with it", "[ui][attendance]") {
    HoursApp app;
    open_checkin(app, at("08:00"));
    CHECK(shows(app, "签到将于08:30开放"));
    CHECK(shows(app, "金梦海湾浴场"));
    CHECK(app.ui.find("扫码签到", Role::Button) == nullptr);  // nothing to tap yet

    app.tick(at("08:31"));
    app.ui.frame(2);
    CHECK(shows(app, "签到已开放，至12:00班次结束"));
    CHECK(shows(app, "定位签到需在服务地点200米范围内"));
    CHECK_FALSE(disabled(app, "扫码签到"));
    CHECK_FALSE(disabled(app, "定位签到"));
    CHECK(disabled(app, "确认签到"));  // no code typed yet

    app.tick(at("12:01"));
    app.ui.frame(2);
    CHECK(shows(app, "班次已结束，不能再签到"));
    CHECK(app.ui.find("扫码签到", Role::Button) == nullptr);
}

TEST_CASE("签到: the site's lines arriving do not move the buttons (a tap lands where it was aimed)", "[ui][attendance]") {
    // The fault run's lost 定位签到 tap: the screen was up with its buttons before the site
    // (name, radius rule, 尚未定位) came, the site came between the sighting and the touch,
    // the buttons moved down and the tap landed beside 定位签到. Its lines keep their room.
    HoursApp app;
    app.runtime.start(Route{Route::Checkin, 7, {}}, 42, app.settings);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    app.tick(at("08:40"));
    REQUIRE(app.transport.reply("/me/signups", 200, encode(std::vector<Signup>{my_signup()}).dump()));
    REQUIRE(app.transport.reply("/me/hours", 200, hours_json(std::nullopt)));
    app.tick(at("08:40"));  // asks for the site
    app.ui.frame(2);
    const sem::Node* before = app.ui.find("定位签到", Role::Button);
    REQUIRE(before);
    CHECK_FALSE((before->flags & sem::Disabled));
    CHECK_FALSE(shows(app, "定位签到需在服务地点"));  // not there yet
    const float y_loc = before->y, y_scan = app.ui.find("扫码签到", Role::Button)->y;

    REQUIRE(app.transport.reply("/projects/3", 200, encode(beach()).dump()));
    app.ui.frame(2);
    CHECK(shows(app, "金梦海湾浴场"));
    CHECK(shows(app, "定位签到需在服务地点200米范围内"));
    CHECK(shows(app, "尚未定位"));
    CHECK(app.ui.find("定位签到", Role::Button)->y == y_loc);
    CHECK(app.ui.find("扫码签到", Role::Button)->y == y_scan);
}

TEST_CASE("签到码: stored before it is sent, 待同步 until 201, then 签退 is offered", "[ui][attendance]") {
    HoursApp app;
    open_checkin(app, at("08:40"));
    type_code(app, "48a29x13");  // only digits reach the field's value
    CHECK(app.runtime.state().checkin.code == "482913");
    REQUIRE(app.ui.tap("确认签到", Role::Button));
    app.ui.frame();

    const auto* post = app.pending("POST", "/attendance/check-in");
    REQUIRE(post);
    const std::string key = HoursApp::header(post->request, "Idempotency-Key");
    CHECK(key.size() == 36);
    auto body = nlohmann::json::parse(post->request.body);
    CHECK(body["shift_id"] == 7);
    CHECK(body["method"] == "code");
    CHECK(body["code"] == "482913");
    CHECK(body["client_time"] == "2026-12-05T08:40:00+08:00");
    // Persisted first: the stored outbox holds the event with its key.
    auto stored = app.effects<StoreDurable>();
    REQUIRE(!stored.empty());
    CHECK(stored.back().key == "zygc.outbox");
    CHECK(stored.back().json.find(key) != std::string::npos);
    app.ui.frame();
    CHECK(shows(app, "待同步 · 签到 08:40"));
    CHECK(shows(app, "你已于08:40签到"));

    HourRecord open = record(12, "open", 0);
    open.check_in = "2026-12-05T08:40:00+08:00";
    REQUIRE(app.transport.reply("/attendance/check-in", 201, encode(open).dump()));
    REQUIRE(app.transport.reply("/me/hours", 200, hours_json(open)));
    app.ui.frame(2);
    CHECK(app.ui.find("签到成功", Role::Button));
    CHECK_FALSE(shows(app, "待同步"));
    CHECK(app.runtime.state().outbox.events.empty());
    CHECK(app.effects<StoreDurable>().back().json.find(key) == std::string::npos);  // removed once answered
    CHECK(shows(app, "你已于08:40签到"));
    REQUIRE(app.ui.find("签退", Role::Button));

    app.tick(at("11:30"));
    REQUIRE(app.ui.tap("签退", Role::Button));
    app.ui.frame();
    const auto* out = app.pending("POST", "/attendance/check-out");
    REQUIRE(out);
    CHECK(nlohmann::json::parse(out->request.body)["attendance_id"] == 12);
    CHECK(HoursApp::header(out->request, "Idempotency-Key") != key);
}

TEST_CASE("offline: the check-in is retried with the same key; a check-out waits for its id", "[ui][attendance]") {
    HoursApp app;
    open_checkin(app, at("09:10"));
    type_code(app, "482913");
    REQUIRE(app.ui.tap("确认签到", Role::Button));
    app.ui.frame();
    const std::string key = HoursApp::header(app.pending("POST", "/attendance/check-in")->request, "Idempotency-Key");
    REQUIRE(app.transport.fail_network("/attendance/check-in"));
    app.ui.frame();
    CHECK(shows(app, "待同步 · 签到 09:10"));
    CHECK(app.effects<WantTicks>().back().every_ms > 0);  // ticks drive the retry

    // Checking out while the check-in is still unsent: queued behind it.
    app.tick(at("09:10") + 200);  // before the backoff: nothing goes
    CHECK(app.pending("POST", "/attendance/") == nullptr);
    REQUIRE(app.ui.tap("签退", Role::Button));
    app.ui.frame();
    CHECK(shows(app, "待同步 · 签退 09:10"));
    CHECK(app.pending("POST", "/attendance/") == nullptr);

    app.tick(at("09:11"));  // past the first backoff (≤ 1 s)
    const auto* again = app.pending("POST", "/attendance/check-in");
    REQUIRE(again);
    CHECK(HoursApp::header(again->request, "Idempotency-Key") == key);
    HourRecord open = record(31, "open", 0);
    REQUIRE(app.transport.reply("/attendance/check-in", 201, encode(open).dump()));
    const auto* out = app.pending("POST", "/attendance/check-out");
    REQUIRE(out);
    CHECK(nlohmann::json::parse(out->request.body)["attendance_id"] == 31);
    REQUIRE(app.transport.reply("/attendance/check-out", 200, encode(record(31, "pending", 0)).dump()));
    app.ui.frame(2);
    CHECK(app.runtime.state().outbox.events.empty());
    CHECK_FALSE(shows(app, "待同步"));
    app.tick(at("09:12"));
    app.runtime.dispatch(Navigate{Route{Route::MyHours, 0, {}}});
    app.tick(at("09:13"));
    CHECK(app.effects<WantTicks>().back().every_ms == 0);  // nothing waits: the clock rests
}

TEST_CASE("a final 4xx drops the event and says why; 5xx keeps it", "[ui][attendance]") {
    HoursApp app;
    open_checkin(app, at("09:30"));
    type_code(app, "111111");
    REQUIRE(app.ui.tap("确认签到", Role::Button));
    REQUIRE(app.transport.reply("/attendance/check-in", 503, fixtures::problem(503, "忙")));
    app.ui.frame();
    CHECK(app.runtime.state().outbox.events.size() == 1);
    app.tick(at("09:31"));
    nlohmann::json p = {{"type", "about:blank"}, {"title", "Unprocessable"}, {"status", 422},
                        {"detail", "签到码不正确"}, {"code", "code_wrong"}};
    REQUIRE(app.transport.reply("/attendance/check-in", 422, p.dump(), "application/problem+json"));
    app.ui.frame(2);
    CHECK(app.runtime.state().outbox.events.empty());
    CHECK_FALSE(shows(app, "待同步"));
    const sem::Node* alert = app.ui.find("签到码不正确", Role::Text);
    REQUIRE(alert);
    CHECK((alert->flags & sem::Alert));
    CHECK_FALSE(disabled(app, "扫码签到"));  // the volunteer can try again
}

TEST_CASE("定位签到: outside the radius says how far; inside sends the position; refused says so", "[ui][attendance]") {
    HoursApp app;
    open_checkin(app, at("09:00"));
    REQUIRE(app.ui.tap("定位签到", Role::Button));
    app.ui.frame();
    CHECK(app.effects<Locate>().size() == 1);
    CHECK(disabled(app, "正在定位…"));
    app.runtime.dispatch(Located{39.8300, 119.4800, 10});  // ~556 m north
    app.ui.frame(2);
    CHECK(shows(app, "你距服务地点556米，超出200米签到范围"));
    CHECK(app.pending("POST", "/attendance/check-in") == nullptr);

    REQUIRE(app.ui.tap("定位签到", Role::Button));
    app.runtime.dispatch(LocateFailed{"permission_denied"});
    app.ui.frame(2);
    CHECK(shows(app, "无法获取位置：请允许访问位置信息"));

    REQUIRE(app.ui.tap("定位签到", Role::Button));
    app.runtime.dispatch(Located{39.8251, 119.4801, 8});
    app.ui.frame(2);
    const auto* post = app.pending("POST", "/attendance/check-in");
    REQUIRE(post);
    auto body = nlohmann::json::parse(post->request.body);
    CHECK(body["method"] == "gps");
    CHECK(body["lat"] == Approx(39.8251));
    CHECK(body["lng"] == Approx(119.4801));
}

TEST_CASE("扫码签到 opens the scanner; the scanned code checks in", "[ui][attendance]") {
    HoursApp app;
    open_checkin(app, at("09:05"));
    REQUIRE(app.ui.tap("扫码签到", Role::Button));
    app.ui.frame();
    CHECK(app.effects<StartScan>().size() == 1);
    app.runtime.dispatch(Scanned{"hello"});
    app.ui.frame(2);
    CHECK(shows(app, "这不是签到二维码"));
    CHECK(app.pending("POST", "/attendance/check-in") == nullptr);

    REQUIRE(app.ui.tap("扫码签到", Role::Button));
    app.runtime.dispatch(Scanned{"zygc:checkin:7:654321"});
    app.ui.frame();
    CHECK(app.effects<StopScan>().size() == 2);
    const auto* post = app.pending("POST", "/attendance/check-in");
    REQUIRE(post);
    auto body = nlohmann::json::parse(post->request.body);
    CHECK(body["method"] == "qr");
    CHECK(body["code"] == "654321");

    app.runtime.dispatch(ScanFailed{"permission_denied"});
    app.ui.frame(2);
    CHECK(shows(app, "无法使用相机"));
}

TEST_CASE("after a reload the stored outbox goes out again with its keys and shows 待同步", "[ui][attendance]") {
    HoursApp first;
    open_checkin(first, at("09:20"));
    type_code(first, "222222");
    REQUIRE(first.ui.tap("确认签到", Role::Button));
    const std::string key = HoursApp::header(first.pending("POST", "/attendance/check-in")->request, "Idempotency-Key");
    const std::string stored = first.effects<StoreDurable>().back().json;
    // The page goes away before any answer.

    HoursApp second;
    second.runtime.start(Route{Route::MyHours, 0, {}}, 777);
    second.runtime.dispatch(LoadedDurable{"zygc.outbox", stored});
    const auto* again = second.pending("POST", "/attendance/check-in");
    REQUIRE(again);
    CHECK(HoursApp::header(again->request, "Idempotency-Key") == key);
    REQUIRE(second.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    REQUIRE(second.transport.reply("/me/hours", 200, hours_json(std::nullopt)));
    second.ui.frame(2);
    CHECK(shows(second, "待同步 · 签到 09:20 · 金梦海湾净滩"));
    REQUIRE(second.transport.fail_network("/attendance/check-in"));
    second.runtime.dispatch(Online{});  // back online: no waiting for the backoff
    REQUIRE(second.pending("POST", "/attendance/check-in"));
}

TEST_CASE("我的时长: totals, the chart by month, records with status and reason; 申请更正", "[ui][attendance]") {
    HoursApp app;
    app.runtime.start(Route{Route::MyHours, 0, {}}, 1);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    HourRecord certified = record(40, "certified", 150);
    HourRecord rejected = record(41, "rejected", 0);
    rejected.reason = "当天未到场";
    HourRecord pending = record(42, "pending", 180);
    pending.flags = {"auto_closed", "offline"};
    HourRecord disputed = record(43, "disputed", 60);
    disputed.dispute = Dispute{"我11点才离开", "2026-12-06T10:00:00+08:00", std::nullopt, std::nullopt};
    REQUIRE(app.transport.reply("/me/hours", 200, hours_json(std::nullopt, {certified, rejected, pending, disputed})));
    app.ui.frame(2);
    CHECK(shows(app, "2 小时 30 分钟"));  // certified total
    CHECK(shows(app, "3 小时 0 分钟"));   // pending total
    const sem::Node* chart = app.ui.find_containing("每月服务时长图");
    REQUIRE(chart);
    CHECK(chart->role == Role::Image);
    CHECK(chart->label.find("11月 已认定 4 小时 0 分钟 待认定 1 小时 0 分钟") != std::string::npos);
    CHECK(shows(app, "已认定 · 2 小时 30 分钟"));
    CHECK(shows(app, "当天未到场"));
    CHECK(shows(app, "未签退，班次结束时自动签退"));
    CHECK(shows(app, "离线补报的时间"));
    CHECK(shows(app, "我11点才离开"));
    CHECK(shows(app, "等待组织者处理"));

    // 申请更正 on the certified record: a reason is required.
    REQUIRE(app.ui.tap("申请更正", Role::Link));
    app.ui.frame(2);
    CHECK(disabled(app, "提交申请"));
    REQUIRE(app.ui.tap("更正理由", Role::Input));
    app.ui.type("实际服务到12点");
    app.ui.frame(2);
    REQUIRE(app.ui.tap("提交申请", Role::Button));
    const auto* post = app.pending("POST", "/hours/40/disputes");
    REQUIRE(post);
    CHECK(nlohmann::json::parse(post->request.body)["reason"] == "实际服务到12点");
    certified.status = "disputed";
    certified.dispute = Dispute{"实际服务到12点", "2026-12-06T10:00:00+08:00", std::nullopt, std::nullopt};
    REQUIRE(app.transport.reply("/hours/40/disputes", 200, encode(certified).dump()));
    app.ui.frame();
    CHECK(app.ui.find("更正申请已提交", Role::Button));
    CHECK(app.pending("GET", "/me/hours"));
}

TEST_CASE("我的时长 of a new volunteer: no empty chart, the empty state and a way to projects", "[ui][attendance]") {
    HoursApp app;
    app.runtime.start(Route{Route::MyHours, 0, {}}, 1);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    MyHours none;
    none.by_month = {{"2026-10", 0, 0}, {"2026-11", 0, 0}, {"2026-12", 0, 0}};  // the server's zero months
    REQUIRE(app.transport.reply("/me/hours", 200, encode(none).dump()));
    app.ui.frame(2);
    CHECK(shows(app, "还没有服务时长记录"));
    CHECK_FALSE(app.ui.find_containing("每月服务时长"));
    REQUIRE(app.ui.tap("去找项目", Role::Button));
    CHECK(app.runtime.state().route.kind == Route::Projects);
}

TEST_CASE("我的时长 asks again each time it is opened: a record certified meanwhile shows so", "[ui][attendance]") {
    HoursApp app;
    app.runtime.start(Route{Route::MyHours, 0, {}}, 1);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    HourRecord r = record(40, "pending", 30);
    REQUIRE(app.transport.reply("/me/hours", 200, hours_json(std::nullopt, {r})));
    app.ui.frame(2);
    CHECK(shows(app, "待认定 · 30 分钟"));
    app.runtime.dispatch(Navigate{Route{Route::Me, 0, {}}});
    CHECK_FALSE(app.pending("GET", "/me/hours"));
    // The organizer certifies while the volunteer is elsewhere; back on 我的时长 the list is
    // asked again (a conditional GET: 304 when nothing changed) and the new status shows.
    app.runtime.dispatch(Navigate{Route{Route::MyHours, 0, {}}});
    REQUIRE(app.pending("GET", "/me/hours"));
    r.status = "certified";
    REQUIRE(app.transport.reply("/me/hours", 200, hours_json(std::nullopt, {r})));
    app.ui.frame(2);
    CHECK(shows(app, "已认定 · 30 分钟"));
}

TEST_CASE("attendance screens in English show no Chinese of their own", "[ui][attendance][english]") {
    HoursApp app(true);
    open_checkin(app, at("08:40"));
    type_code(app, "482913", "Check-in code");
    REQUIRE(app.ui.tap("Check in", Role::Button));
    app.ui.frame(2);
    CHECK(shows(app, "Waiting to sync"));
    CHECK(shows(app, "You checked in at 08:40"));
    auto clean = [](const HoursApp& a) {
        for (const sem::Node& n : a.ui.nodes()) {
            std::string l = n.label;
            for (const char* data : {"金梦海湾净滩", "金梦海湾浴场", "张三", "海港区志愿服务队", "当天未到场"}) {
                for (size_t p; (p = l.find(data)) != std::string::npos;) l.erase(p, std::string(data).size());
            }
            // CJK ideographs and CJK / full-width punctuation; "–", "·", "→", "■" are fine.
            for (size_t i = 0; i < l.size();) {
                const unsigned char b = l[i];
                const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
                char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
                for (int k = 1; k < len && i + k < l.size(); ++k) c = (c << 6) | (l[i + k] & 0x3F);
                if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF)) {
                    INFO(n.label);
                    return false;
                }
                i += len;
            }
        }
        return true;
    };
    CHECK(clean(app));
    HourRecord rejected = record(41, "rejected", 0);
    rejected.reason = "当天未到场";
    rejected.flags = {"overlap", "far_from_site"};
    app.runtime.dispatch(Navigate{Route{Route::MyHours, 0, {}}});  // asks again: records in every state
    REQUIRE(app.transport.reply("/me/hours", 200, hours_json(std::nullopt, {rejected, record(40, "certified", 90)})));
    app.ui.frame(2);
    CHECK(shows(app, "Hours by month chart"));
    CHECK(shows(app, "Rejected"));
    CHECK(clean(app));
}

TEST_CASE("我的时长 comes 50 records at a time: 加载更多 appends the older ones, asked again keeps as many", "[ui][attendance]") {
    HoursApp app;
    app.runtime.start(Route{Route::MyHours, 0, {}}, 1);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    const auto* first = app.pending("GET", "/me/hours");
    REQUIRE(first);
    CHECK(first->request.path == "/me/hours?limit=50");
    auto titled = [](Id id) {
        HourRecord r = record(id, "certified", 60);
        r.project.title = "净滩第" + std::to_string(id) + "次";
        return r;
    };
    MyHours page;
    for (Id id = 100; id > 50; --id) page.items.push_back(titled(id));
    page.totals.records = 60;
    page.totals.certified_minutes = 3600;
    page.next_cursor = "older+1/=";
    REQUIRE(app.transport.reply("/me/hours", 200, encode(page).dump()));
    app.ui.frame(2);
    auto scroll_to = [&](const std::string& label) {  // 20 lines at a time down the long list
        for (int i = 0; i < 100 && !app.ui.find_containing(label); ++i) app.ui.scroll(20);
        return app.ui.find_containing(label) != nullptr;
    };
    CHECK(shows(app, "净滩第100次"));
    REQUIRE(scroll_to("共 60 条，已显示 50 条"));
    app.ui.frame();
    if (!app.pending("GET", "/me/hours?")) REQUIRE(app.ui.tap("加载更多", Role::Button));  // scrolled to, it loads itself
    const auto* more = app.pending("GET", "/me/hours?limit=50&cursor=");
    REQUIRE(more);
    CHECK(more->request.path.ends_with("&cursor=older%2B1%2F%3D"));  // the cursor as sent, escaped

    // A failed page says so and offers to try again; the records shown stay.
    REQUIRE(app.transport.reply("/me/hours", 503, R"({"title":"Service Unavailable","status":503})",
                                "application/problem+json"));
    app.ui.frame(2);
    REQUIRE(scroll_to("重试"));
    CHECK(shows(app, "净滩第51次"));
    REQUIRE(app.ui.tap("重试", Role::Button));
    REQUIRE(app.pending("GET", "/me/hours?limit=50&cursor=older%2B1%2F%3D"));
    MyHours rest;
    for (Id id = 50; id > 40; --id) rest.items.push_back(titled(id));
    rest.totals = page.totals;
    REQUIRE(app.transport.reply("/me/hours", 200, encode(rest).dump()));
    app.ui.frame(2);
    CHECK(shows(app, "净滩第51次"));  // appended after the records shown
    REQUIRE(scroll_to("净滩第41次"));
    CHECK_FALSE(shows(app, "已显示"));
    CHECK_FALSE(app.ui.find("加载更多", Role::Button));

    // Opened again, it asks for as many as were shown (a check-out or a correction elsewhere
    // must not cut the list back to the first page).
    app.runtime.dispatch(Navigate{Route{Route::Me, 0, {}}});
    app.runtime.dispatch(Navigate{Route{Route::MyHours, 0, {}}});
    REQUIRE(app.pending("GET", "/me/hours?limit=60"));
}
