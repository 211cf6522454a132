// Helpers the screens share (screens.h).
#include <cmath>
#include <cstdio>

#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

const Signup* my_signup_for(const State& state, Id shift_id) {
    if (!state.logged_in() || !state.my_signups.loaded()) return nullptr;
    for (const Signup& s : state.my_signups.data)
        if (s.shift_id == shift_id && s.status == "confirmed") return &s;
    return nullptr;
}

namespace {
// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm).
void civil(int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}
}  // namespace

std::string today_yyyymmdd(double now_ms) {
    if (now_ms <= 0) return "";
    const int64_t s = static_cast<int64_t>(std::floor(now_ms / 1000.0)) + 8 * 3600;  // China Standard Time
    int y = 0, m = 0, d = 0;
    civil(s >= 0 ? s / 86400 : (s - 86399) / 86400, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
    return buf;
}

std::string now_rfc3339(double now_ms) {
    if (now_ms <= 0) return "";
    const int64_t s = static_cast<int64_t>(std::floor(now_ms / 1000.0)) + 8 * 3600;
    const int64_t days = s >= 0 ? s / 86400 : (s - 86399) / 86400;
    const int64_t sec = s - days * 86400;
    int y = 0, m = 0, d = 0;
    civil(days, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", y, m, d, static_cast<int>(sec / 3600),
                  static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60));
    return buf;
}

const char* role_label(const std::string& role) {
    if (role == "resident") return tr(S::RoleResident);
    if (role == "volunteer") return tr(S::RoleVolunteer);
    if (role == "organizer") return tr(S::RoleOrganizer);
    if (role == "social_worker") return tr(S::RoleSocialWorker);
    if (role == "admin") return tr(S::RoleAdmin);
    return role.c_str();
}

namespace {
Id g_confirm_cancel = 0;  // the sign-up whose 取消报名 asks for confirmation
}

void cancel_control(const State& state, const Signup& signup) {
    ImGui::PushID(static_cast<int>(signup.id));
    if (g_confirm_cancel != signup.id) {
        if (secondary_button(tr(S::CancelSignup), false, state.cancel.loading())) g_confirm_cancel = signup.id;
    } else {
        text(tr(S::ConfirmCancel));
        if (danger_button(tr(S::ConfirmYes))) {
            emit(CancelSignup{signup.id});
            g_confirm_cancel = 0;
        }
        ImGui::SameLine();
        if (secondary_button(tr(S::ConfirmNo))) g_confirm_cancel = 0;
    }
    ImGui::PopID();
}

std::string field_error(const std::vector<FieldError>& errors, const std::string& field) {
    for (const FieldError& e : errors)
        if (e.field == field) return e.message;
    return "";
}

}  // namespace zygc::ui
