// 结对与走访 (social worker): the district's pairs with their agreed rhythm, last and next
// visit (overdue flagged), 记录一次走访 (an hours record to certify) and the way to the
// hours queue where the visits are certified.
#include <string>

#include "imgui.h"
#include "ui/care_widgets.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {

void screen_elder_pairs(const State& state) {
    if (role_only(state, "social_worker", tr(S::SocialWorkerOnly))) return;
    Id picked = 0;
    if (district_picker(state, "pair_district", care_district(state), picked)) emit(PickCareDistrict{picked});
    if (state.visit_project && link(tr(S::CertifyVisits))) emit(Navigate{route_hours(state.visit_project)});
    const auto& r = state.pairs;
    if (placeholder(r, Target::ElderPairs, r.loaded() || !r.data().items.empty(), 3)) return;
    if (r.data().items.empty()) empty_state(tr(S::NoPairs));
    for (const ElderPair& p : r.data().items) {
        push_id(p.id);
        begin_panel();
        const std::string title = p.helper_name + " → " + p.need_name;
        heading(title.c_str());
        if (p.overdue) text_colored(color::Danger, tr(S::VisitOverdue));
        text(fmt_n(S::RhythmFmt, static_cast<long long>(p.rhythm_days)));
        text(p.last_visit ? fmt_s(S::LastVisitFmt, fmt::date_of(*p.last_visit)) : std::string(tr(S::NeverVisited)));
        if (!p.next_due.empty()) text_muted(fmt_s(S::NextDueFmt, fmt::date_of(p.next_due)).c_str());
        text_muted(fmt_n(S::VisitsFmt, static_cast<long long>(p.visits)).c_str());
        const std::string log = std::string(tr(S::LogVisit)) + "##visit";
        // The visit just made: the last hour of the clock.
        const std::string end = now_rfc3339(viewport().now_ms), start = now_rfc3339(viewport().now_ms - 3600 * 1000.0);
        if (!end.empty() && secondary_button(log.c_str(), true, state.visit.loading())) emit(LogVisit{p.id, start, end});
        if (p.project_id && p.visits > 0) {
            const std::string go = std::string(tr(S::CertifyVisits)) + "##certify";
            if (link(go.c_str())) emit(Navigate{route_hours(p.project_id)});
        }
        end_panel();
        ImGui::PopID();
    }
}

}  // namespace zygc::ui
