// Sign-ups: the user's sign-ups, signing up for a shift, cancelling.
#pragma once
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "core/message.h"
#include "core/model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct SignupsSlice {
    // My confirmed sign-ups, asked in pages of 50: upcoming ones soonest first, then past ones
    // latest first. Pages follow while a whole page is upcoming, so every upcoming sign-up
    // (我的报名, the overlap check) and the latest past ones are here, and a volunteer with
    // years of sign-ups does not download them all on every project page; older past ones
    // come when asked (LoadMore on 我的报名).
    Remote<std::vector<Signup>> my_signups;
    std::string my_signups_next;    // the next page's query (the answer's Link), "" when none
    Remote<bool> signups_more;      // a next page on its way
    Remote<Signup> signup;  // the sign-up in flight
    Id signup_shift = 0;
    Remote<bool> cancel;
    // sign-up flow (issue 10): a sign-up confirmed (报名须知) while logged out or before 实名注册;
    // it goes out when login and registration bring the resident back to its project.
    Id pending_project = 0, pending_shift = 0;
};

// A confirmed sign-up (the app shows 报名须知 before it emits this).
struct SignUp { Id project_id = 0; Id shift_id = 0; };
struct CancelSignup { Id signup_id = 0; };

namespace signups {
void update(State& s, const SignUp& a, Effects& out);
void update(State& s, const CancelSignup& a, Effects& out);
std::optional<HttpRequest> request_my_signups(State& s);
std::optional<HttpRequest> request_more_signups(State& s);
void update(State& s, const LoadMore& a, Effects& out);  // 我的报名's older past sign-ups
void receive_my_signups(State& s, const Received& a, Effects& out);
void receive_more_signups(State& s, const Received& a, Effects& out);
void receive_signup(State& s, const Received& a, Effects& out);
void receive_cancel(State& s, const Received& a, Effects& out);
// sign-up flow: after login or 实名注册, back to the pending sign-up's project and send it
// (or on to 实名注册 first). False when none is pending: the caller goes where it meant to.
bool resume(State& s, Effects& out);
// sign-up flow: leaving the login/registration detour for another screen forgets it.
void route_changed(State& s);
}  // namespace signups

// Why the user cannot sign up for this shift (empty() when they can): shift_full,
// already_signed_up, overlap {project}.
Message signup_blocker(const State& state, const Shift& shift);

}  // namespace zygc
