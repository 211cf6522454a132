// 我的报名: upcoming confirmed sign-ups, each with its project, time and place, and 取消报名
// (with confirmation). They come in pages, which follow one another (signups.h).
#include <string>

#include "imgui.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

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
        const std::string title = s.project_title + "##project";
        if (link(title.c_str())) emit(Navigate{route_project(s.project_id)});
        text(fmt::shift_range(s.start, s.end));
        if (!s.site_name.empty()) text_muted(s.site_name.c_str());
        cancel_control(state, s);
        if (secondary_button(tr(S::CheckinButton))) emit(Navigate{route_checkin(s.shift_id)});  // attendance
        end_panel();
        ImGui::PopID();
    }
    load_more(state.signups_more, Target::MoreSignups, false);  // the next page comes by itself; its error, with 重试
    if (shown == 0 && !state.signups_more.loading()) {
        empty_state(tr(S::NoSignups));
        if (primary_button(tr(S::FindProjects), true)) emit(Navigate{route_projects()});
    }
}

}  // namespace zygc::ui
