// The sign-up flow (issue 10): a resident who taps 报名 (and confirms 报名须知) while logged out
// goes through login and 实名注册 and comes back to the project, signed up; leaving the detour
// for another screen forgets the sign-up.
#include <catch2/catch.hpp>

#include "core/codec.h"
#include "core/runtime.h"
#include "fake_transport.h"

using namespace zygc;

namespace {

// A valid GB 11643 number (海港区, born 1988-08-08).
std::string id_number() {
    const std::string first17 = "13030219880808123";
    const int w[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * w[i];
    return first17 + "10X98765432"[sum % 11];
}

std::string project_json() {
    Project p;
    p.id = 101;
    p.title = "小候鸟课后陪伴";
    p.status = "open";
    p.shifts = {{1, "2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00", 10, 3}};
    return encode(p).dump();
}

Me user(bool volunteer) {
    Me m;
    m.id = 5;
    m.roles = {"resident"};
    if (volunteer) {
        m.roles.push_back("volunteer");
        m.volunteer = VolunteerProfile{};
    }
    return m;
}

struct SignupFixture {
    FakeTransport t;
    std::vector<std::string> hashes;
    Runtime rt{t, [this](const std::string& h) { hashes.push_back(h); }};

    void open_logged_out() {
        rt.start(parse_route("#/projects/101"));
        REQUIRE(t.reply("/me", 401, R"({"status":401,"code":"unauthorized"})", "application/problem+json"));
        REQUIRE(t.reply("/projects/101", 200, project_json()));
    }
    void log_in(bool volunteer) {
        rt.dispatch(EditLogin{"13912345678", "123456"});
        rt.dispatch(SubmitLogin{});
        REQUIRE(t.reply("/auth/login", 200, encode(Session{user(volunteer)}).dump()));
    }
    bool signup_sent() const {
        for (const auto& p : t.pending)
            if (p.request.method == "POST" && p.request.path == "/projects/101/signups") return true;
        return false;
    }
};

}  // namespace

TEST_CASE("logged out, not registered: login, 实名注册, back to the project and signed up", "[signup_flow]") {
    SignupFixture f;
    f.open_logged_out();
    f.rt.dispatch(SignUp{101, 1});
    CHECK(f.rt.state().route.kind == Route::Login);

    f.log_in(false);
    REQUIRE(f.rt.state().route.kind == Route::Register);  // straight on: no 个人中心 in between
    CHECK_FALSE(f.signup_sent());

    VolunteerApplication app;
    app.real_name = "王小明";
    app.id_number = id_number();
    app.district_id = 1;
    app.consent = true;
    f.rt.dispatch(EditRegistration{app});
    f.rt.dispatch(SubmitRegistration{"20261130"});
    REQUIRE(f.t.reply("/me/volunteer", 200, encode(user(true)).dump()));

    CHECK(f.rt.state().route == Route{Route::Project, 101, {}});
    CHECK(f.hashes.back() == "#/projects/101");
    CHECK(f.signup_sent());
    CHECK(f.rt.state().pending_project == 0);
}

TEST_CASE("logged out volunteer: login brings them back and signs up", "[signup_flow]") {
    SignupFixture f;
    f.open_logged_out();
    f.rt.dispatch(SignUp{101, 1});
    f.log_in(true);
    CHECK(f.rt.state().route == Route{Route::Project, 101, {}});
    CHECK(f.signup_sent());
}

TEST_CASE("leaving the detour forgets the sign-up", "[signup_flow]") {
    SignupFixture f;
    f.open_logged_out();
    f.rt.dispatch(SignUp{101, 1});
    f.rt.dispatch(Navigate{parse_route("#/teams")});
    f.rt.dispatch(Navigate{parse_route("#/login")});
    f.log_in(true);
    CHECK_FALSE(f.signup_sent());
    CHECK(f.rt.state().pending_project == 0);
}
