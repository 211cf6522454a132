// 我的报名: upcoming confirmed sign-ups, each with its project, time and place, 取消报名
// (with confirmation) until the shift starts, and 签到; then the past ones, page by page
// (signups.h).
#include <string>

#include "imgui.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

void signup_project_link(const Signup& s) {
    const std::string title = s.project_title + "##project";
    if (link(title.c_str())) emit(Navigate{route_project(s.project_id)});
}

}  // namespace

void screen_my_signups(const State& state) {
    const auto& r = state.my_signups;
    if (placeholder(r, Target::MySignups, r.loaded() || !r.data().empty(), 3)) return;
    const std::string now = now_rfc3339(viewport().now_ms);
    int shown = 0;
    for (const Signup& s : r.data()) {
        if (s.status != "confirmed" || (!now.empty() && s.end < now)) continue;
        ++shown;
        push_id(s.id);
        begin_panel();
        signup_project_link(s);
        text(fmt::shift_range(s.start, s.end));
        if (!s.site_name.empty()) text_muted(s.site_name.c_str());
        const char* checkin = tr(S::CheckinButton);
        const bool started = !now.empty() && !(now < s.start);  // the server no longer cancels it
        if (!started && cancel_control(state, s)) flow(false, button_width(checkin));
        if (secondary_button(checkin)) emit(Navigate{route_checkin(s.shift_id)});  // attendance
        end_panel();
        ImGui::PopID();
    }
    if (shown == 0 && !state.signups_more.loading()) {
        empty_state(tr(S::NoSignups));
        if (primary_button(tr(S::FindProjects), true)) emit(Navigate{route_projects()});
    }
    // 已结束的报名: the past ones come after every upcoming one, latest first; older ones when
    // asked (加载更多, or scrolled to). Only the rows near the screen are laid out: a volunteer
    // may page through years of them.
    const auto& all = r.data();
    size_t first_past = 0;
    while (first_past < all.size() && (now.empty() || !(all[first_past].end < now))) ++first_past;
    const bool past = first_past < all.size();
    if (past) section(tr(S::PastSignups));
    RowRange rows = begin_rows("##past", all.size() - first_past);
    for (size_t i; next_row(rows, i);) {
        const Signup& s = all[first_past + i];
        if (!(s.end < now)) continue;  // the server's clock and this one disagree: it is shown above
        push_id(s.id);
        begin_panel();
        signup_project_link(s);
        text_muted(fmt::shift_range(s.start, s.end).c_str());
        end_panel();
        ImGui::PopID();
    }
    if (load_more(state.signups_more, Target::MoreSignups, past && !state.my_signups_next.empty())) emit(LoadMore{});
}

}  // namespace zygc::ui
