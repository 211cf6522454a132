// Helpers the screens share (screens.h).
#include <cmath>

#include "core/calendar.h"
#include "ui/context_internal.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

const Signup* my_signup_for(const State& state, Id shift_id) {
    if (!state.logged_in() || !state.my_signups.loaded()) return nullptr;
    for (const Signup& s : state.my_signups.data())
        if (s.shift_id == shift_id && s.status == "confirmed") return &s;
    return nullptr;
}

std::string today_yyyymmdd(double now_ms) {
    if (now_ms <= 0) return "";
    return yyyymmdd(cst_day(static_cast<int64_t>(std::floor(now_ms / 1000.0))));
}

std::string now_rfc3339(double now_ms) {
    if (now_ms <= 0) return "";
    return format_cst(static_cast<int64_t>(std::floor(now_ms / 1000.0)));
}

const char* role_label(const std::string& role) {
    if (role == "resident") return tr(S::RoleResident);
    if (role == "volunteer") return tr(S::RoleVolunteer);
    if (role == "organizer") return tr(S::RoleOrganizer);
    if (role == "social_worker") return tr(S::RoleSocialWorker);
    if (role == "admin") return tr(S::RoleAdmin);
    if (role == "merchant") return tr(S::RoleMerchant);  // points
    return role.c_str();
}

bool role_only(const State& state, const char* role, const char* message) {
    if (!state.me.loaded() || !state.logged_in() || state.has_role(role)) return false;
    if (state_view(Picture::Missing, message, tr(S::RoleOnlyHint), tr(S::BackToMe))) emit(Navigate{route_me()});
    return true;
}

void menu(std::initializer_list<MenuItem> items) {
    bool first = true;
    for (const MenuItem& m : items) {
        if (!m.shown) continue;
        if (first) begin_panel();
        if (menu_row(m.label, first)) emit(Navigate{m.to});
        first = false;
    }
    if (!first) {
        end_panel();
        spacing(4);
    }
}

bool cancel_control(const State& state, const Signup& signup) {
    Id& confirming = context().confirm_cancel;  // the sign-up whose 取消报名 asks for confirmation
    push_id(signup.id);
    const bool one_button = confirming != signup.id;
    if (one_button) {
        if (secondary_button(tr(S::CancelSignup), false, state.cancel.loading())) confirming = signup.id;
    } else {
        text(tr(S::ConfirmCancel));
        if (danger_button(tr(S::ConfirmYes))) {
            emit(CancelSignup{signup.id});
            confirming = 0;
        }
        ImGui::SameLine();
        if (secondary_button(tr(S::ConfirmNo))) confirming = 0;
    }
    ImGui::PopID();
    return one_button;
}

std::string field_error(const std::vector<FieldError>& errors, const std::string& field) {
    for (const FieldError& e : errors)
        if (e.field == field) return say(message_of(e));
    return "";
}

}  // namespace zygc::ui
