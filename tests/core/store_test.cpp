// The store: update is pure; the runtime sends its requests and feeds answers back.
#include <catch2/catch.hpp>

#include "core/calendar.h"
#include "core/codec.h"
#include "core/runtime.h"
#include "fake_transport.h"

using namespace zygc;

namespace {

std::string project_json(Id id, const std::string& title) {
    Project p;
    p.id = id;
    p.title = title;
    p.category = "community";
    p.team_id = 1;
    p.district_id = 1;
    p.status = "open";
    return encode(p).dump();
}

std::string page_json(std::vector<std::pair<Id, std::string>> rows, const char* cursor, int total) {
    nlohmann::json items = nlohmann::json::array();
    for (auto& [id, title] : rows) items.push_back(nlohmann::json::parse(project_json(id, title)));
    return nlohmann::json{{"items", items},
                          {"next_cursor", cursor ? nlohmann::json(cursor) : nlohmann::json()},
                          {"total", total}}
        .dump();
}

struct StoreFixture {
    FakeTransport t;
    std::vector<std::string> hashes;
    Runtime rt{t, [this](const std::string& h) { hashes.push_back(h); }};
};

}  // namespace

TEST_CASE("home start loads figures, brands and upcoming projects", "[store]") {
    StoreFixture f;
    f.rt.start(parse_route("#/"));
    CHECK(f.t.has("/stats/city"));
    CHECK(f.t.has("/brands"));
    CHECK(f.t.has("/projects?status=open&sort=start&limit=10"));
    CHECK(f.rt.state().stats.loading());
    CHECK(f.hashes.empty());  // starting from a URL does not push it again

    REQUIRE(f.t.reply("/stats/city", 200, encode(CityStats{609000, 3107000, 19.6, 40, 320, 60, {}}).dump()));
    CHECK(f.rt.state().stats.loaded());
    CHECK(f.rt.state().stats.data().registered_volunteers == 609000);
}

TEST_CASE("errors become a Failed state and Retry sends again", "[store]") {
    StoreFixture f;
    f.rt.start(parse_route("#/"));
    REQUIRE(f.t.fail_network("/stats/city"));
    CHECK(f.rt.state().stats.failed());
    CHECK(f.rt.state().stats.error().kind == ApiError::Network);
    CHECK_FALSE(f.t.has("/stats/city"));

    f.rt.dispatch(Retry{Target::Stats});
    CHECK(f.rt.state().stats.loading());
    REQUIRE(f.t.reply("/stats/city", 200, R"({"registered_volunteers":"x"})"));
    CHECK(f.rt.state().stats.failed());
    CHECK(f.rt.state().stats.error().kind == ApiError::BadPayload);
}

TEST_CASE("navigation pushes the hash and loads the screen's data", "[store]") {
    StoreFixture f;
    f.rt.start(parse_route("#/"));
    f.rt.dispatch(Navigate{parse_route("#/projects/42")});
    REQUIRE(f.hashes == std::vector<std::string>{"#/projects/42"});
    CHECK(f.rt.state().route.kind == Route::Project);
    REQUIRE(f.t.reply("/projects/42", 200, project_json(42, "社区老人冬季助浴")));
    CHECK(f.rt.state().project.loaded());
    CHECK(f.rt.state().project.data().title == "社区老人冬季助浴");

    // Back to the same project: already loaded, nothing sent.
    f.rt.dispatch(Navigate{parse_route("#/"), true});
    f.rt.dispatch(Navigate{parse_route("#/projects/42"), true});
    CHECK_FALSE(f.t.has("/projects/42"));
    CHECK(f.hashes.size() == 1);

    // Another project replaces the old one, which is not shown meanwhile.
    f.rt.dispatch(Navigate{parse_route("#/projects/43"), true});
    CHECK(f.rt.state().project.loading());
    CHECK(f.rt.state().project.data().id == 0);
}

TEST_CASE("search answers that arrive out of order never show stale results", "[store]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects"));
    REQUIRE(f.t.reply("/projects", 200, page_json({{1, "甲"}, {2, "乙"}}, nullptr, 2)));

    f.rt.dispatch(SetSearch{"小"});
    f.rt.dispatch(SetSearch{"小候鸟"});
    // The answer to the newer query comes first, then the older one.
    REQUIRE(f.t.reply("/projects?q=%E5%B0%8F%E5%80%99%E9%B8%9F", 200, page_json({{7, "小候鸟驿站"}}, nullptr, 1)));
    REQUIRE(f.t.reply("/projects?q=%E5%B0%8F", 200, page_json({{7, "小候鸟驿站"}, {8, "小岛"}}, nullptr, 2)));
    const auto& s = f.rt.state();
    CHECK(s.projects.loaded());
    REQUIRE(s.projects.data().items.size() == 1);
    CHECK(s.projects.data().items[0].title == "小候鸟驿站");
}

TEST_CASE("load more appends the next page once", "[store]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects"));
    REQUIRE(f.t.reply("/projects", 200, page_json({{1, "甲"}, {2, "乙"}}, "c2", 3)));
    f.rt.dispatch(LoadMore{});
    f.rt.dispatch(LoadMore{});  // a second tap while loading sends nothing more
    REQUIRE(f.t.reply("/projects?status=open&cursor=c2", 200, page_json({{3, "丙"}}, nullptr, 3)));
    CHECK_FALSE(f.t.reply("/projects?status=open&cursor=c2", 200, "{}"));
    const auto& s = f.rt.state();
    REQUIRE(s.projects.data().items.size() == 3);
    CHECK(s.projects.data().items[2].id == 3);
    CHECK_FALSE(s.projects.data().next_cursor.has_value());
    size_t before = f.t.pending.size();
    f.rt.dispatch(LoadMore{});  // no cursor: nothing to load
    CHECK(f.t.pending.size() == before);
}

TEST_CASE("a filter change drops a pending load-more", "[store]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects"));
    REQUIRE(f.t.reply("/projects", 200, page_json({{1, "甲"}}, "c2", 2)));
    f.rt.dispatch(LoadMore{});
    f.rt.dispatch(SetFilter{2, "", ""});
    REQUIRE(f.t.reply("/projects?district_id=2", 200, page_json({{5, "戊"}}, nullptr, 1)));
    REQUIRE(f.t.reply("/projects?status=open&cursor=c2", 200, page_json({{2, "乙"}}, nullptr, 2)));
    REQUIRE(f.rt.state().projects.data().items.size() == 1);
    CHECK(f.rt.state().projects.data().items[0].id == 5);
}

TEST_CASE("update is pure: the same state and action give the same result", "[store]") {
    State a;
    start(a, parse_route("#/projects"));
    State b = a;
    auto ea = update(a, SetSearch{"老人"});
    auto eb = update(b, SetSearch{"老人"});
    REQUIRE(ea.size() == 2);  // the page's request, and the URL that keeps the search
    REQUIRE(eb.size() == 2);
    CHECK(std::get<SendRequest>(ea[0]).http.path == std::get<SendRequest>(eb[0]).http.path);
    CHECK(a.query == b.query);
    CHECK(a.projects.request() == b.projects.request());
}

namespace {

std::string me_json(bool volunteer) {
    Me me;
    me.id = 7;
    me.phone_masked = "138****0001";
    me.roles = {"resident"};
    if (volunteer) me.roles.push_back("volunteer");
    return encode(me).dump();
}

std::string project_with_shifts() {
    Project p;
    p.id = 42;
    p.title = "社区老人冬季助浴";
    p.category = "elderly";
    p.team_id = 1;
    p.district_id = 1;
    p.status = "open";
    p.shifts = {{1, "2026-12-05T09:00:00+08:00", "2026-12-05T11:00:00+08:00", 10, 10},
                {2, "2026-12-06T09:00:00+08:00", "2026-12-06T11:00:00+08:00", 10, 3}};
    return encode(p).dump();
}

}  // namespace

TEST_CASE("not logged in: /me answers 401 and protected screens go to login, then back", "[store][account]") {
    StoreFixture f;
    f.rt.start(parse_route("#/me/signups"));
    REQUIRE(f.t.reply("/me", 401, R"({"title":"Unauthorized","status":401})", "application/problem+json"));
    CHECK(f.rt.state().me.loaded());
    CHECK_FALSE(f.rt.state().logged_in());
    CHECK(f.rt.state().route.kind == Route::Login);
    CHECK(f.hashes.back() == "#/login");

    // Client-side checks: nothing is sent for a bad phone or code.
    f.rt.dispatch(EditLogin{"1380000", ""});
    f.rt.dispatch(RequestSmsCode{1000});
    CHECK(f.rt.state().login.phone_error.code == "phone_invalid");
    CHECK_FALSE(f.t.has("/auth/sms-code"));

    f.rt.dispatch(EditLogin{"13800000001", ""});
    CHECK(f.rt.state().login.phone_error.empty());
    f.rt.dispatch(RequestSmsCode{1000});
    REQUIRE(f.t.pending.back().request.path == "/auth/sms-code");
    CHECK(f.t.pending.back().request.body == R"({"phone":"13800000001"})");
    bool csrf = false;
    for (auto& [k, v] : f.t.pending.back().request.headers) csrf = csrf || (k == "X-Requested-With" && v == "zygc");
    CHECK(csrf);
    REQUIRE(f.t.reply("/auth/sms-code", 200, R"({"dev_code":"123456","retry_after_s":60})"));
    CHECK(f.rt.state().login.sms.data().dev_code == std::optional<std::string>("123456"));

    // Within the minute a second code is not requested.
    f.rt.dispatch(RequestSmsCode{30000});
    CHECK_FALSE(f.t.has("/auth/sms-code"));

    f.rt.dispatch(EditLogin{"13800000001", "12345"});
    f.rt.dispatch(SubmitLogin{});
    CHECK(f.rt.state().login.code_error.code == "sms_code_invalid");
    f.rt.dispatch(EditLogin{"13800000001", "123456"});
    f.rt.dispatch(SubmitLogin{});
    REQUIRE(f.t.reply("/auth/login", 200, "{\"user\":" + me_json(true) + "}"));
    CHECK(f.rt.state().logged_in());
    CHECK(f.rt.state().route.kind == Route::MySignups);
    CHECK(f.hashes.back() == "#/me/signups");
    CHECK(f.t.has("/me/signups?limit=50"));
}

TEST_CASE("wrong code shows the server's message next to the code field", "[store][account]") {
    StoreFixture f;
    f.rt.start(parse_route("#/login"));
    f.rt.dispatch(EditLogin{"13800000001", "000000"});
    f.rt.dispatch(SubmitLogin{});
    REQUIRE(f.t.reply("/auth/login", 401, R"({"title":"Unauthorized","status":401,"detail":"验证码错误"})"));
    // A server without codes: its detail is kept (shown in Chinese only).
    CHECK(f.rt.state().login.code_error == Message{"", {}, "验证码错误"});
    f.rt.dispatch(SubmitLogin{});
    REQUIRE(f.t.reply("/auth/login", 401,
                      R"({"title":"Unauthorized","status":401,"code":"sms_code_wrong","detail":"验证码错误"})"));
    CHECK(f.rt.state().login.code_error == Message{"sms_code_wrong", {}, "验证码错误"});
    CHECK_FALSE(f.rt.state().logged_in());
}

TEST_CASE("registration is checked before sending and 409 lands on the ID field", "[store][account]") {
    StoreFixture f;
    f.rt.start(parse_route("#/me/volunteer"));
    REQUIRE(f.t.reply("/me", 200, me_json(false)));
    VolunteerApplication app{"张三", "110105194912310021", 1, {}, {}, false};
    f.rt.dispatch(EditRegistration{app});
    f.rt.dispatch(SubmitRegistration{"20261128"});
    auto errs = f.rt.state().reg.errors;
    REQUIRE(errs.size() == 2);
    CHECK(errs[0].field == "id_number");
    CHECK(errs[1].field == "consent");
    CHECK_FALSE(f.t.has("/me/volunteer"));

    app.id_number = "11010519491231002x";
    app.consent = true;
    f.rt.dispatch(EditRegistration{app});
    f.rt.dispatch(SubmitRegistration{"20261128"});
    REQUIRE(f.t.pending.back().request.method == "PUT");
    CHECK(f.t.pending.back().request.body.find("11010519491231002X") != std::string::npos);
    REQUIRE(f.t.reply("/me/volunteer", 409, R"({"title":"Conflict","status":409,"detail":"该身份证号码已注册"})"));
    REQUIRE(f.rt.state().reg.errors.size() == 1);
    CHECK(f.rt.state().reg.errors[0].field == "id_number");
}

TEST_CASE("sign-up refuses full and overlapping shifts before sending, and handles 409", "[store][signup]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects/42"), 99);
    REQUIRE(f.t.reply("/me", 200, me_json(true)));
    REQUIRE(f.t.reply("/projects/42", 200, project_with_shifts()));
    Signup other{5, 77, 9, "海滩净滩", "2026-12-06T10:00:00+08:00", "2026-12-06T12:00:00+08:00", "", "confirmed", ""};
    REQUIRE(f.t.reply("/me/signups", 200, encode(std::vector<Signup>{other}).dump()));

    f.rt.dispatch(SignUp{42, 1});
    CHECK(f.rt.state().notice == Message{"shift_full"});
    f.rt.dispatch(SignUp{42, 2});
    CHECK(f.rt.state().notice == Message{"overlap", {{"project", "海滩净滩"}}, ""});
    CHECK_FALSE(f.t.has("/projects/42/signups"));

    // The overlapping sign-up was cancelled elsewhere; the server now refuses: full meanwhile.
    f.rt.dispatch(Retry{Target::MySignups});
    REQUIRE(f.t.reply("/me/signups", 200, "[]"));
    f.rt.dispatch(SignUp{42, 2});
    REQUIRE(f.t.pending.back().request.path == "/projects/42/signups");
    std::string key;
    for (auto& [k, v] : f.t.pending.back().request.headers)
        if (k == "Idempotency-Key") key = v;
    CHECK(key.size() == 36);
    REQUIRE(f.t.reply("/projects/42/signups", 409,
                      R"({"title":"Conflict","status":409,"code":"shift_full","detail":"名额已满"})"));
    CHECK(f.rt.state().notice == Message{"shift_full", {}, "名额已满"});
    CHECK(f.t.has("/projects/42"));  // places left reloaded
}

TEST_CASE("my sign-ups follow their pages while a page is all upcoming, and a failed page can be retried",
          "[store][signup]") {
    StoreFixture f;
    f.rt.start(parse_route("#/me/signups"));
    f.rt.dispatch(Tick{*parse_rfc3339("2026-12-04T12:00:00+08:00") * 1000});
    REQUIRE(f.t.reply("/me", 200, me_json(true)));
    auto signup = [](Id id, const char* start, const char* end) {
        return Signup{id, 7, id, "海滩净滩", start, end, "", "confirmed", ""};
    };
    auto page = [](std::vector<Signup> v) { return encode(v).dump(); };
    const Signup a = signup(1, "2026-12-05T09:00:00+08:00", "2026-12-05T11:00:00+08:00");
    const Signup b = signup(2, "2026-12-06T09:00:00+08:00", "2026-12-06T11:00:00+08:00");
    const Signup c = signup(3, "2026-12-07T09:00:00+08:00", "2026-12-07T11:00:00+08:00");
    const Signup old = signup(4, "2026-11-01T09:00:00+08:00", "2026-11-01T11:00:00+08:00");

    // A whole page of upcoming sign-ups: the next one is asked at once, on the app's own path
    // with the Link's query (an answer cannot send the app to another address).
    REQUIRE(f.t.has("/me/signups?limit=50"));
    REQUIRE(f.t.reply("/me/signups", 200, page({a, b}), "application/json", "",
                      R"(<https://elsewhere.example/steal?limit=50&cursor=p2>; rel="next", <x>; rel=prev)"));
    REQUIRE(f.t.has("/me/signups?limit=50&cursor=p2"));
    CHECK(f.rt.state().signups_more.loading());

    // It fails: what was shown stays, the error is the page's, and 重试 asks for the same page.
    REQUIRE(f.t.reply("/me/signups?limit=50&cursor=p2", 503, R"({"title":"Busy","status":503})",
                      "application/problem+json"));
    CHECK(f.rt.state().my_signups.data().size() == 2);
    CHECK(f.rt.state().signups_more.failed());
    f.rt.dispatch(Retry{Target::MoreSignups});
    // A page that reaches the past ones ends the walk, though the server has more.
    REQUIRE(f.t.reply("/me/signups?limit=50&cursor=p2", 200, page({c, old}), "application/json", "",
                      R"(</api/v1/me/signups?limit=50&cursor=p3>; rel="next")"));
    CHECK_FALSE(f.t.has("/me/signups?limit=50&cursor=p3"));
    CHECK(f.rt.state().signups_more.loaded());
    std::vector<Id> ids;
    for (const Signup& s : f.rt.state().my_signups.data()) ids.push_back(s.id);
    CHECK(ids == std::vector<Id>{1, 2, 3, 4});
    // The older past ones when asked (加载更多 under 已结束的报名).
    f.rt.dispatch(LoadMore{});
    REQUIRE(f.t.reply("/me/signups?limit=50&cursor=p3", 200, page({})));
    CHECK(f.rt.state().my_signups_next.empty());
    f.rt.dispatch(LoadMore{});
    CHECK_FALSE(f.t.has("/me/signups?limit=50&cursor=p3"));

    // Asked again (after a sign-up elsewhere) while a later page is on its way: that page's
    // answer no longer appends.
    f.rt.dispatch(Retry{Target::MySignups});
    REQUIRE(f.t.reply("/me/signups?limit=50", 200, page({a, b}), "application/json", "",
                      R"(</api/v1/me/signups?limit=50&cursor=q2>; rel="next")"));
    REQUIRE(f.t.has("/me/signups?limit=50&cursor=q2"));
    f.rt.dispatch(Retry{Target::MySignups});
    REQUIRE(f.t.reply("/me/signups?limit=50&cursor=q2", 200, page({c})));
    CHECK(f.rt.state().my_signups.data().size() == 2);
    REQUIRE(f.t.reply("/me/signups?limit=50", 200, page({a})));
    CHECK(f.rt.state().my_signups.data().size() == 1);
    for (const auto& p : f.t.pending) CHECK(p.request.path.rfind("/me/signups", 0) == std::string::npos);
}

TEST_CASE("a publishing form opened before /me answered gets the team the user leads", "[store][publish]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects/new"));  // a reload on the form: /me is still on its way
    CHECK(f.rt.state().publish.draft.team_id == 0);
    Me me;
    me.id = 2;
    me.roles = {"resident", "volunteer", "organizer"};
    me.teams = {{7, "成员队", "member"}, {9, "带的队", "leader"}};
    REQUIRE(f.t.reply("/me", 200, encode(me).dump()));
    CHECK(f.rt.state().publish.draft.team_id == 9);
    CHECK(f.rt.state().publish.draft.shifts.size() == 1);
}

TEST_CASE("editing a project sends If-Match and a 412 marks the form stale", "[store][publish]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects/42/edit"));
    Me me;
    me.id = 2;
    me.roles = {"resident", "volunteer", "organizer"};
    me.teams = {{1, "队", "leader"}};
    REQUIRE(f.t.reply("/me", 200, encode(me).dump()));
    REQUIRE(f.t.pending.size() > 0);
    REQUIRE(f.t.reply("/projects/42", 200, project_with_shifts(), "application/json", "\"v1\""));
    REQUIRE(f.rt.state().publish.editing == 42);
    ProjectDraft d = f.rt.state().publish.draft;
    CHECK(d.shifts.size() == 2);
    d.title = "x";  // too short
    f.rt.dispatch(EditDraft{d});
    f.rt.dispatch(SubmitDraft{});
    REQUIRE_FALSE(f.rt.state().publish.errors.empty());
    CHECK(f.rt.state().publish.errors[0].field == "title");
    d.title = "社区老人冬季助浴（第二期）";
    d.site = {"文化路社区", 39.93, 119.6, 200};
    d.description = "上门助浴";
    f.rt.dispatch(EditDraft{d});
    f.rt.dispatch(SubmitDraft{});
    REQUIRE(f.t.pending.back().request.method == "PATCH");
    bool if_match = false;
    for (auto& [k, v] : f.t.pending.back().request.headers) if_match = if_match || (k == "If-Match" && v == "\"v1\"");
    CHECK(if_match);
    REQUIRE(f.t.reply("/projects/42", 412, R"({"title":"Precondition Failed","status":412})"));
    CHECK(f.rt.state().publish.stale);
}

TEST_CASE("settings are kept and saved; back and refresh", "[store]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects/42"), 1, Settings{true, "zh"});
    CHECK(f.rt.state().settings.care_mode);
    State s = f.rt.state();
    auto fx = update(s, SetSettings{Settings{false, "en"}});
    REQUIRE(fx.size() == 1);
    CHECK(std::get<SaveSettings>(fx[0]).settings.lang == "en");
    CHECK(update(s, SetSettings{Settings{false, "en"}}).empty());

    auto back = update(s, Back{});
    REQUIRE(back.size() == 1);
    CHECK(std::get<GoBack>(back[0]).fallback_hash == "#/projects");
    CHECK(route_hash(parent_route(parse_route("#/projects/3/edit"))) == "#/projects/3");

    REQUIRE(f.t.reply("/projects/42", 200, project_with_shifts()));
    f.rt.dispatch(Refresh{});
    CHECK(f.t.has("/projects/42"));
}

TEST_CASE("a language whose words cannot be loaded falls back to Chinese, saved, with a notice", "[store]") {
    State s;
    s.settings.lang = "en";
    auto saved = effects_of<SaveSettings>(update(s, LanguageUnavailable{"en"}));
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].settings.lang == "zh");
    CHECK(s.settings.lang == "zh");
    CHECK(s.notice.code == "language_unavailable");
    // A late failure after the resident went back to Chinese changes nothing.
    s.notice = {};
    CHECK(effects_of<SaveSettings>(update(s, LanguageUnavailable{"en"})).empty());
    CHECK(s.notice.empty());
}

TEST_CASE("closing a project sends status=closed with the detail's ETag", "[store][publish]") {
    StoreFixture f;
    f.rt.start(parse_route("#/projects/42"));
    REQUIRE(f.t.reply("/projects/42", 200, project_with_shifts(), "application/json", "\"v7\""));
    f.rt.dispatch(CloseProject{42});
    const auto& req = f.t.pending.back().request;
    REQUIRE(req.method == "PATCH");
    CHECK(req.body == R"({"status":"closed"})");
    bool if_match = false;
    for (auto& [k, v] : req.headers) if_match = if_match || (k == "If-Match" && v == "\"v7\"");
    CHECK(if_match);
    REQUIRE(f.t.reply("/projects/42", 412, R"({"title":"Precondition Failed","status":412})"));
    CHECK(f.rt.state().notice == Message{"stale_reloaded"});
    CHECK(f.t.has("/projects/42"));
}
