// 志愿队伍: the city's volunteer teams; a card opens the team.
#include "imgui.h"
#include "ui/empty_state.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace zygc::ui {

void screen_teams(const State& state) {
    const Remote<Page<Team>>& r = state.teams;
    if (r.failed()) {  // errors and empties (issue 10): a picture and 重试
        if (error_state(r.error())) emit(Retry{Target::Teams});
        return;
    }
    if (placeholder(r, Target::Teams, r.loaded() || !r.data().items.empty(), 4)) return;
    if (r.data().items.empty()) {
        empty_state(tr(S::NoTeams));
        return;
    }
    const std::vector<Team>& items = r.data().items;
    RowRange rows = begin_rows("##teams", items.size());  // issue 11: 4,248 teams
    for (size_t i; next_row(rows, i);)
        if (team_card(items[i])) emit(Navigate{route_team(items[i].id)});
}

}  // namespace zygc::ui
