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
};

struct JoinTeam { Id team_id = 0; };

namespace teams {
void update(State& s, const JoinTeam& a, Effects& out);
std::optional<HttpRequest> request_teams(State& s);
std::optional<HttpRequest> request_team(State& s);
void receive_join(State& s, const Received& a, Effects& out);
}  // namespace teams

}  // namespace zygc
