// 项目详情: title, brand, who/where, description, shifts with places left and what the user
// may do with each: 报名 (disabled with the reason when they cannot), 取消报名 for their own;
// 编辑项目 for the team's leader. What a user may not do is not offered. Shifts that have
// ended come last, under their own heading.
#include <cstdio>

#include "imgui.h"
#include "ui/context_internal.h"
#include "ui/empty_state.h"
#include "ui/format.h"
#include "ui/sheet.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// Where a shift is in time, by this device's clock (the server refuses a sign-up or a
// cancellation once the shift has started: the app does not offer them).
struct ShiftTime {
    bool started = false, ended = false, checkin_open = false;
};
ShiftTime shift_time(const Shift& s) {
    const auto start = parse_rfc3339(s.start), end = parse_rfc3339(s.end);
    const int64_t now = static_cast<int64_t>(viewport().now_ms / 1000);
    if (!start || !end) return {};
    // attendance: 签到 while the shift's check-in window is open.
    return {now >= *start, now > *end, now >= *start - kWindowBeforeS && now <= *end};
}

// The sign-up control of a shift. True when it ends with a button that another one may
// follow on its line.
bool shift_actions(const State& state, const Project& p, const Shift& s, const ShiftTime& t) {
    if (const Signup* mine = my_signup_for(state, s.id)) {
        text_colored(color::Success, tr(S::SignedUp));
        const bool one_button = !t.started && cancel_control(state, *mine);
        if (!t.checkin_open) return one_button;
        const char* checkin = tr(S::CheckinButton);
        if (one_button) flow(false, button_width(checkin));
        if (primary_button(checkin)) emit(Navigate{route_checkin(s.id)});
        return true;
    }
    if (p.status == "closed" || t.ended) return false;
    if (t.started) {
        text_muted(say({"shift_started"}).c_str());
        return false;
    }
    if (state.logged_in() && !state.has_role("volunteer")) {
        // Residents register first (and come back here to sign up); organizers without a
        // volunteer profile too.
        if (link(tr(S::RegisterToSignUp))) context().signup_sheet = s.id;
        return false;
    }
    const Message why = signup_blocker(state, s);
    const bool sending = state.signup.loading() && state.signup_shift == s.id;
    char label[96];
    std::snprintf(label, sizeof label, "%s##signup", tr(sending ? S::Submitting : S::SignUp));
    // sign-up flow: 报名须知 first (a bottom sheet), then the sign-up.
    if (primary_button(label, false, !why.empty() || state.signup.loading())) context().signup_sheet = s.id;
    if (why.empty()) return true;
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (px(size::Touch) - ImGui::GetFontSize()) * 0.5f);
    text_muted(say(why).c_str());
    return false;
}

void shift_row(const State& state, const Project& p, const Shift& s, const ShiftTime& t) {
    push_id(s.id);
    begin_panel();
    const std::string when = fmt::shift_range(s.start, s.end);
    const int64_t left = s.capacity - s.signed_up;
    if (t.ended) {
        text_muted(when.c_str());
    } else if (t.started) {  // places no longer matter: shift_actions says it has started
        text(when);
    } else if (left > 0) {
        text(when);
        char buf[64];
        std::snprintf(buf, sizeof buf, tr(S::PlacesLeftFmt), static_cast<long long>(left));
        text_colored(color::Success, buf);
    } else {
        text(when);
        text_colored(color::Danger, tr(S::Full));
    }
    const bool beside = shift_actions(state, p, s, t);
    // certification: the leader's check-in desk for this shift
    if (state.leads_team(p.team_id)) {
        const char* console = tr(S::TitleShiftConsole);
        if (beside) flow(false, button_width(console));
        if (secondary_button(console)) emit(Navigate{route_shift_console(p.id, s.id)});
    }
    end_panel();
    ImGui::PopID();
}

// sign-up flow: 报名须知 over a dimmed screen, with the shift's time; 确认报名 signs up (after
// login and 实名注册 when needed: the store comes back here and sends it).
void signup_sheet(const Project& p) {
    Id& open = context().signup_sheet;
    const Shift* shift = nullptr;
    for (const Shift& s : p.shifts)
        if (s.id == open) shift = &s;
    if (!shift) {
        open = 0;
        return;
    }
    if (!begin_sheet("##signup_notice")) return;
    heading(tr(S::SignupNoticeTitle));
    text(p.title);
    text_muted(fmt::shift_range(shift->start, shift->end).c_str());
    spacing(4);
    text(tr(S::SignupNoticeBody));
    spacing(8);
    if (primary_button(tr(S::ConfirmSignup), true)) {
        emit(SignUp{p.id, shift->id});
        open = 0;
    }
    spacing(4);
    if (secondary_button(tr(S::ConfirmNo), true)) open = 0;
    if (!open) ImGui::CloseCurrentPopup();
    end_sheet();
}

}  // namespace

void screen_project(const State& state) {
    const Remote<Project>& r = state.project;
    const bool current = r.data().id != 0 && r.data().id == state.route.id;
    if (r.failed() && r.error().kind == ApiError::Http && r.error().status == 404) {
        // errors and empties (issue 10): a missing project says so, with a way forward.
        if (state_view(Picture::Missing, tr(S::ProjectNotFound), tr(S::ProjectNotFoundHint), tr(S::BrowseProjects)))
            emit(Navigate{route_projects()});
        return;
    }
    if (placeholder(r, Target::Project, current, 3)) return;
    const Project& p = r.data();

    heading(p.title.c_str());
    if (p.brand && !p.brand->empty()) {
        const std::string label = (p.brand_name.empty() ? *p.brand : p.brand_name) + "##brand";
        if (chip(label.c_str(), true, false, sem::Role::Link)) emit(Navigate{route_brand(*p.brand)});
    }
    spacing(2);
    if (!p.team_name.empty()) field(tr(S::FieldTeam), p.team_name);
    if (!p.district_name.empty()) field(tr(S::FieldDistrict), p.district_name);
    if (!p.site.name.empty()) field(tr(S::FieldSite), p.site.name);
    if (const Category* c = find_category(p.category)) field(tr(S::FieldCategory), category_label(*c));

    const std::string& about = p.description.empty() ? p.summary : p.description;
    if (!about.empty()) {
        section(tr(S::SectionAbout));
        text(about);
    }

    section(tr(S::SectionShifts));
    if (p.shifts.empty()) text_muted(tr(S::NoShifts));
    if (p.status == "closed") text_muted(tr(S::ProjectClosed));
    // The shifts still to come first, soonest first; then those that have ended, latest first
    // (their 签到管理 stays for the team's leader: hours are certified after a shift).
    for (const Shift& s : p.shifts)
        if (const ShiftTime t = shift_time(s); !t.ended) shift_row(state, p, s, t);
    bool past = false;
    for (auto s = p.shifts.rbegin(); s != p.shifts.rend(); ++s) {
        const ShiftTime t = shift_time(*s);
        if (!t.ended) continue;
        if (!past) section(tr(S::PastShifts));
        past = true;
        shift_row(state, p, *s, t);
    }
    if (const auto listed = static_cast<int64_t>(p.shifts.size()); p.shift_count > listed) {
        char buf[128];
        std::snprintf(buf, sizeof buf, tr(S::OlderShiftsFmt), static_cast<long long>(p.shift_count),
                      static_cast<long long>(p.shift_count - listed));
        text_muted(buf);
    }
    signup_sheet(p);

    if (state.leads_team(p.team_id)) {
        spacing(8);
        if (secondary_button(tr(S::EditProject), true)) emit(Navigate{route_edit_project(p.id)});
        spacing(8);  // certification
        if (secondary_button(tr(S::TitleHours), true)) emit(Navigate{route_hours(p.id)});
        if (p.status != "closed") {
            spacing(8);
            if (secondary_button(tr(S::CloseProject), true, state.close.loading())) emit(CloseProject{p.id});
        }
    }
}

}  // namespace zygc::ui
