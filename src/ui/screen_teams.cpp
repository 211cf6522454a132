// 志愿队伍: the city's volunteer teams; a card opens the team.
#include "imgui.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

void screen_teams(const State& state) {
    const Remote<Page<Team>>& r = state.teams;
    if (placeholder(r, Target::Teams, r.loaded() || !r.data().items.empty(), 4)) return;
    if (r.data().items.empty()) {
        empty_state(tr(S::NoTeams));
        return;
    }
    for (const Team& t : r.data().items)
        if (team_card(t)) emit(Navigate{route_team(t.id)});
}

}  // namespace zygc::ui
