// Teams: the list, a team's detail, joining.
#pragma once
#include "core/model.h"
#include "core/remote.h"
#include "core/request.h"

namespace zygc {

struct State;

struct TeamsSlice {
    Remote<Page<Team>> teams;
    Remote<Team> team;  // detail of route.id
    Remote<bool> join;
    Remote<bool> leave;  // leave team (issue 10)
};

struct JoinTeam { Id team_id = 0; };
struct LeaveTeam { Id team_id = 0; };  // leave team (issue 10): asked to confirm first by the app

namespace teams {
void update(State& s, const JoinTeam& a, Effects& out);
std::optional<HttpRequest> request_teams(State& s);
std::optional<HttpRequest> request_team(State& s);
void receive_join(State& s, const Received& a, Effects& out);
void update(State& s, const LeaveTeam& a, Effects& out);
void receive_leave(State& s, const Received& a, Effects& out);
}  // namespace teams

}  // namespace zygc
