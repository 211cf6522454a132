// 队伍详情: who runs it, how many members, its projects; 加入队伍 for volunteers who are not
// members yet (residents are asked to register first); 发布项目 for its leader.
#include <cstdio>

#include "imgui.h"
#include "ui/context_internal.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// leave team (issue 10): 退出队伍 asks first, in place (like 取消报名).
void leave_control(const State& state, Id team) {
    Id& confirming = context().confirm_leave;
    if (confirming != team) {
        if (secondary_button(tr(S::LeaveTeam), true, state.leave.loading())) confirming = team;
        return;
    }
    text(tr(S::ConfirmLeaveTeam));
    if (danger_button(tr(S::ConfirmLeave), true)) {
        emit(LeaveTeam{team});
        confirming = 0;
    }
    if (secondary_button(tr(S::ConfirmNo), true)) confirming = 0;
}

}  // namespace

void screen_team(const State& state) {
    const Remote<Team>& r = state.team;
    const bool current = r.data().id != 0 && r.data().id == state.route.id;
    if (placeholder(r, Target::Team, current, 3)) return;
    const Team& t = r.data();

    heading(t.name.c_str());
    if (!t.org.empty()) field(tr(S::FieldOrg), t.org);
    if (!t.leader_name.empty()) field(tr(S::FieldLeader), t.leader_name);
    if (!t.district_name.empty()) field(tr(S::FieldDistrict), t.district_name);
    const std::string founded = fmt::long_date_of(t.founded);
    if (!founded.empty()) field(tr(S::FieldFounded), founded);
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(S::MembersFmt), static_cast<long long>(t.member_count));
    text(buf);
    if (!t.summary.empty()) text(t.summary);

    spacing(4);
    bool member = false, leader = false;
    for (const TeamMembership& m : state.me.data().teams) {
        member = member || (state.logged_in() && m.id == t.id);
        leader = leader || (state.logged_in() && m.id == t.id && m.role == "leader");
    }
    if (member) {
        text_colored(color::Success, tr(S::AlreadyMember));
        if (!leader) leave_control(state, t.id);  // leave team (issue 10)
    } else if (!state.logged_in() || state.has_role("volunteer")) {
        const std::string label = std::string(tr(state.join.loading() ? S::Submitting : S::JoinTeam)) + "###join";
        if (primary_button(label.c_str(), true, state.join.loading())) emit(JoinTeam{t.id});
    } else if (link(tr(S::RegisterToJoin))) {
        emit(Navigate{route_register()});
    }
    if (state.leads_team(t.id) && state.has_role("organizer") && secondary_button(tr(S::LinkPublish), true))
        emit(Navigate{route_new_project()});

    section(tr(S::SectionTeamProjects));
    if (t.projects.empty()) text_muted(tr(S::NoProjects));
    RowRange rows = begin_rows("##projects", t.projects.size());  // issue 11: only cards near the screen
    for (size_t i; next_row(rows, i);)
        if (project_card(t.projects[i])) emit(Navigate{route_project(t.projects[i].id)});
}

}  // namespace zygc::ui
