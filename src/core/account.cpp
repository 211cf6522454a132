#include "core/account.h"

#include "core/feature.h"
#include "core/validate.h"

namespace zygc {

bool AccountSlice::has_role(std::string_view role) const {
    if (!logged_in()) return false;
    for (const auto& r : me.data().roles)
        if (r == role) return true;
    return false;
}

bool AccountSlice::leads_team(Id team_id) const {
    if (!logged_in()) return false;
    for (const auto& t : me.data().teams)
        if (t.id == team_id && t.role == "leader") return true;
    return false;
}

namespace account {

void update(State& s, const EditLogin& a, Effects&) {
    if (a.phone != s.login.phone) s.login.phone_error = {};
    if (a.code != s.login.code) s.login.code_error = {};
    s.login.phone = a.phone;
    s.login.code = a.code;
}

void update(State& s, const RequestSmsCode& a, Effects& out) {
    LoginForm& f = s.login;
    if (!valid_phone(f.phone)) {
        f.phone_error = {"phone_invalid"};
        return;
    }
    if (f.sms.loading() || a.now_ms - f.code_sent_ms < f.sms.data().retry_after_s * 1000.0) return;
    f.code_sent_ms = a.now_ms;
    f.sms.reset();
    out.push_back(begin(s, f.sms, Target::SmsCode, api::post_sms_code(f.phone)));
}

void update(State& s, const SubmitLogin&, Effects& out) {
    LoginForm& f = s.login;
    f.phone_error = valid_phone(f.phone) ? Message{} : Message{"phone_invalid"};
    f.code_error = valid_sms_code(f.code) ? Message{} : Message{"sms_code_invalid"};
    if (!f.phone_error.empty() || !f.code_error.empty() || f.submit.loading()) return;
    out.push_back(begin(s, f.submit, Target::Login, api::post_login(f.phone, f.code)));
}

void update(State& s, const WechatCode& a, Effects& out) {
    if (a.code.empty() || s.login.submit.loading()) return;
    s.after_login = s.route;
    out.push_back(begin(s, s.login.submit, Target::Login, api::post_wechat(a.code)));
}

void update(State& s, const Logout&, Effects& out) {
    Remote<bool> ignored;  // whatever the answer, the app forgets the user (receive_logout)
    out.push_back(begin(s, ignored, Target::Logout, api::post_logout()));
}

void update(State& s, const EditRegistration& a, Effects&) {
    s.reg.app = a.app;
    s.reg.errors.clear();
}

void update(State& s, const SubmitRegistration& a, Effects& out) {
    s.reg.errors = check_registration(s.reg.app, a.today);
    if (!s.reg.errors.empty() || s.reg.submit.loading()) return;
    VolunteerApplication app = s.reg.app;
    if (app.id_number.size() == 18 && app.id_number[17] == 'x') app.id_number[17] = 'X';
    out.push_back(begin(s, s.reg.submit, Target::Register, api::put_volunteer(app)));
}

void receive_me(State& s, const Received& a, Effects& out) {
    auto r = take(s.me, a);
    if (!r) return;
    if (!r->ok() && r->error.kind == ApiError::Http && r->error.status == 401)
        s.me.set(Me{});  // not logged in is an answer, not an error
    if (!redirect_to_login(s, out)) load_screen(s, out);
}

void receive_sms_code(State& s, const Received& a, Effects&) {
    auto r = take(s.login.sms, a);
    if (!r || r->ok()) {
        if (r) s.login.code_error = {};
        return;
    }
    s.login.code_sent_ms = -1e12;  // let the user try again
    if (r->error.status == 429)
        s.login.code_error = problem_message(r->error, "rate_limited");
    else if (r->error.status == 422 || r->error.status == 400)
        s.login.phone_error = problem_message(r->error, "phone_invalid");
}

void receive_login(State& s, const Received& a, Effects& out) {
    auto r = take(s.login.submit, a);
    if (!r) return;
    if (!r->ok()) {
        if (r->error.kind == ApiError::Http && r->error.status < 500)
            s.login.code_error = problem_message(r->error, "sms_code_wrong");
        return;
    }
    s.me.set(r->value->user);
    s.login = {};
    s.my_signups.reset();
    Route next = s.after_login;
    if (next.kind == Route::Login || next.kind == Route::NotFound) next = Route{};
    s.after_login = {};
    if (signups::resume(s, out)) return;  // sign-up flow: back to the project (or 实名注册 first)
    go(s, next, out);
}

void receive_logout(State& s, const Received&, Effects& out) {
    // Whatever the answer, the app forgets the user.
    s.me.set(Me{});
    s.my_signups.reset();
    go(s, Route{}, out);
}

void receive_register(State& s, const Received& a, Effects& out) {
    auto r = take(s.reg.submit, a);
    if (!r) return;
    if (r->ok()) {
        s.me.set(*r->value);
        s.reg = {};
        s.notice = {"registered"};
        if (signups::resume(s, out)) return;  // sign-up flow: back to the project, signed up
        go(s, Route{Route::Me, 0, {}}, out);
    } else if (a.response.status == 202) {
        // The ID number is held by another account (or replaces this volunteer's own): the
        // server keeps an appeal for a social worker to settle in person (docs/security.md).
        s.reg = {};
        s.notice = {"pending_verification"};
        go(s, Route{Route::Me, 0, {}}, out);
    } else if (r->error.status == 409) {
        Message m = problem_message(r->error, "id_taken");
        if (m.code.empty()) m.code = "id_taken";
        s.reg.errors = {{"id_number", m.detail, m.code, m.params}};
    } else if (!r->error.problem.errors.empty()) {
        s.reg.errors = r->error.problem.errors;
    }
}

}  // namespace account
}  // namespace zygc
