// 登录: phone number, 获取验证码 (with the countdown the server's rate limit asks for; the
// code itself on screen in dev mode), the code, 登录. Errors next to their fields.
#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

void screen_login(const State& state) {
    const LoginForm& f = state.login;
    // The platform's clock; without one, ImGui's (consistent between sending and counting down).
    const double now = viewport().now_ms > 0 ? viewport().now_ms : ImGui::GetTime() * 1000.0;
    std::string v;

    FieldOptions phone;
    phone.hint = tr(S::PhoneHint);
    phone.flags = ImGuiInputTextFlags_CharsDecimal;
    phone.capacity = 16;
    phone.kind = sem::InputKind::Tel;
    if (text_field(tr(S::PhoneLabel), "phone", f.phone, v, say_if(f.phone_error), phone)) emit(EditLogin{v, f.code});

    // 获取验证码: disabled while sending and until the server's retry time has passed.
    const double wait_ms = f.code_sent_ms + f.sms.data().retry_after_s * 1000.0 - now;
    const bool counting = f.sms.loaded() && wait_ms > 0;
    std::string label;
    char buf[96];
    if (f.sms.loading()) {
        label = tr(S::Sending);
    } else if (counting) {
        std::snprintf(buf, sizeof buf, tr(S::ResendFmt), static_cast<int>(std::ceil(wait_ms / 1000.0)));
        label = buf;
    } else {
        label = tr(S::GetCode);
    }
    label += "###sms";
    if (secondary_button(label.c_str(), true, f.sms.loading() || counting)) emit(RequestSmsCode{now});
    if (f.sms.loaded() && f.sms.data().dev_code) {
        std::snprintf(buf, sizeof buf, tr(S::DevCodeFmt), f.sms.data().dev_code->c_str());
        text_colored(color::Success, buf);
    }
    if (f.sms.failed() && f.phone_error.empty() && f.code_error.empty()) text_alert(error_message(f.sms.error()));

    spacing(4);
    FieldOptions code;
    code.hint = tr(S::CodeHint);
    code.flags = ImGuiInputTextFlags_CharsDecimal;
    code.capacity = 8;
    code.kind = sem::InputKind::Code;  // numeric keypad + the SMS code the phone offers to fill in
    if (text_field(tr(S::CodeLabel), "code", f.code, v, say_if(f.code_error), code)) emit(EditLogin{f.phone, v});

    spacing(8);
    const bool sending = f.submit.loading();
    std::string go = std::string(tr(sending ? S::Submitting : S::LoginButton)) + "###login";
    if (primary_button(go.c_str(), true, sending)) emit(SubmitLogin{});
    if (f.submit.failed() && f.code_error.empty()) text_alert(error_message(f.submit.error()));
    spacing(4);
    text_muted(tr(S::LoginNote));
}

}  // namespace zygc::ui
