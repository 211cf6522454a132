// The account: who is logged in (me), the login form (SMS code, WeChat), 实名注册.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"
#include "core/model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct LoginForm {
    std::string phone;
    std::string code;
    Message phone_error;  // shown next to its field
    Message code_error;
    Remote<SmsCodeSent> sms;  // dev_code shown when the server sent one
    double code_sent_ms = -1e12;  // platform clock when the code was sent; the view counts down
    Remote<Session> submit;
};

struct RegisterForm {
    VolunteerApplication app;
    std::vector<FieldError> errors;  // by field: real_name, id_number, district_id, consent
    Remote<Me> submit;
};

struct AccountSlice {
    Remote<Me> me;  // Loaded with me.data().id == 0: not logged in
    LoginForm login;
    RegisterForm reg;

    bool logged_in() const { return me.loaded() && me.data().id != 0; }
    bool has_role(std::string_view role) const;
    bool leads_team(Id team_id) const;
};

struct EditLogin { std::string phone; std::string code; };
struct RequestSmsCode { double now_ms = 0; };
struct SubmitLogin {};
struct WechatCode { std::string code; };  // one-time code the mini-program put in the URL
struct Logout {};
struct EditRegistration { VolunteerApplication app; };
struct SubmitRegistration { std::string today; };  // YYYYMMDD, to reject future birth dates

namespace account {
void update(State& s, const EditLogin& a, Effects& out);
void update(State& s, const RequestSmsCode& a, Effects& out);
void update(State& s, const SubmitLogin& a, Effects& out);
void update(State& s, const WechatCode& a, Effects& out);
void update(State& s, const Logout& a, Effects& out);
void update(State& s, const EditRegistration& a, Effects& out);
void update(State& s, const SubmitRegistration& a, Effects& out);

void receive_me(State& s, const Received& a, Effects& out);
void receive_sms_code(State& s, const Received& a, Effects& out);
void receive_login(State& s, const Received& a, Effects& out);
void receive_logout(State& s, const Received& a, Effects& out);
void receive_register(State& s, const Received& a, Effects& out);
}  // namespace account

}  // namespace zygc
