#include "core/teams.h"

#include "core/feature.h"

namespace zygc::teams {

void update(State& s, const JoinTeam& a, Effects& out) {
    if (!s.logged_in()) {
        go_to_login(s, out);
        return;
    }
    if (s.join.loading()) return;
    out.push_back(begin(s, s.join, Target::Join, api::post_team_member(a.team_id)));
}

std::optional<HttpRequest> request_teams(State&) { return api::get_teams("", 0); }

std::optional<HttpRequest> request_team(State& s) {
    if (s.route.kind != Route::Team) return std::nullopt;
    return api::get_team(s.route.id);
}

void receive_join(State& s, const Received& a, Effects& out) {
    auto e = take_status(s.join, a);
    if (!e) return;
    if (ok_status(*e)) s.notice = {"team_joined"};
    else if (e->status == 409) s.notice = problem_message(*e, "already_member");
    else if (e->status == 403) s.notice = {"volunteer_required_to_join"};
    else s.notice = problem_message(*e, "join_failed");
    append(out, load(s, Target::Me));
    if (s.route.kind == Route::Team) append(out, load(s, Target::Team));
}

// leave team (issue 10)
void update(State& s, const LeaveTeam& a, Effects& out) {
    if (!s.logged_in() || s.leave.loading()) return;
    out.push_back(begin(s, s.leave, Target::LeaveTeam, api::delete_team_member(a.team_id)));
}

void receive_leave(State& s, const Received& a, Effects& out) {
    auto e = take_status(s.leave, a);
    if (!e) return;
    if (ok_status(*e)) s.notice = {"team_left"};
    else s.notice = problem_message(*e, "leave_failed");
    append(out, load(s, Target::Me));
    if (s.route.kind == Route::Team) append(out, load(s, Target::Team));
}

}  // namespace zygc::teams
