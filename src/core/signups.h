// Sign-ups: the user's sign-ups, signing up for a shift, cancelling.
#pragma once
#include <string>
#include <vector>

#include "core/message.h"
#include "core/model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct SignupsSlice {
    Remote<std::vector<Signup>> my_signups;
    Remote<Signup> signup;  // the sign-up in flight
    Id signup_shift = 0;
    Remote<bool> cancel;
};

struct SignUp { Id project_id = 0; Id shift_id = 0; };
struct CancelSignup { Id signup_id = 0; };

namespace signups {
void update(State& s, const SignUp& a, Effects& out);
void update(State& s, const CancelSignup& a, Effects& out);
std::optional<HttpRequest> request_my_signups(State& s);
void receive_signup(State& s, const Received& a, Effects& out);
void receive_cancel(State& s, const Received& a, Effects& out);
}  // namespace signups

// Why the user cannot sign up for this shift (empty() when they can): shift_full,
// already_signed_up, overlap {project}.
Message signup_blocker(const State& state, const Shift& shift);

}  // namespace zygc
