// 老帮老台账 (social worker): the district's older residents who need help and the older
// volunteers who help (masked), with the ways to register either, the suggested pairs and
// the pairs with their visits.
#include <string>

#include "imgui.h"
#include "ui/care_widgets.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// "（儿子）" / " (儿子)"
std::string relation(const std::string& r) {
    if (r.empty()) return "";
    return lang() == Lang::En ? " (" + r + ")" : "（" + r + "）";
}

void need_card(const ElderNeed& n) {
    push_id(n.id);
    begin_panel();
    const std::string title = n.name + (n.community.empty() ? "" : " · " + n.community);
    heading(title.c_str());
    field(tr(S::FieldNeeds), elder_skills_text(n.needs));
    if (!n.times.empty()) field(tr(S::FieldTimes), elder_times_text(n.times));
    if (!n.mobility.empty()) field(tr(S::FieldMobility), elder_mobility_label(n.mobility));
    if (!n.guardian_phone.empty())
        field(tr(S::FieldGuardian), n.guardian_name + relation(n.guardian_relation) + " " + n.guardian_phone);
    text_muted(tr(n.status == "paired" ? S::ElderStatusPaired : S::ElderStatusOpen));
    end_panel();
    ImGui::PopID();
}

void helper_card(const ElderHelper& h) {
    push_id(h.id);
    begin_panel();
    const std::string title = h.name + (h.community.empty() ? "" : " · " + h.community);
    heading(title.c_str());
    field(tr(S::FieldAbilities), elder_skills_text(h.abilities));
    if (!h.times.empty()) field(tr(S::FieldTimes), elder_times_text(h.times));
    if (h.walk_m) field(tr(S::FieldWalk), fmt_n(S::MetresFmt, static_cast<long long>(h.walk_m)));
    field(tr(S::FieldLoad), std::to_string(h.load) + " / " + std::to_string(h.capacity));
    if (!h.phone.empty()) field(tr(S::FieldPhone), h.phone);
    end_panel();
    ImGui::PopID();
}

}  // namespace

void screen_eldercare(const State& state) {
    if (role_only(state, "social_worker", tr(S::SocialWorkerOnly))) return;
    Id picked = 0;
    if (district_picker(state, "care_district", care_district(state), picked)) emit(PickCareDistrict{picked});
    spacing(4);
    if (primary_button(tr(S::RegisterNeed), true)) emit(Navigate{Route{Route::ElderNeedNew, 0, {}}});
    if (secondary_button(tr(S::RegisterHelper), true)) emit(Navigate{Route{Route::ElderHelperNew, 0, {}}});
    if (link(tr(S::LinkMatches))) emit(Navigate{Route{Route::ElderMatches, 0, {}}});
    if (link(tr(S::LinkPairs))) emit(Navigate{Route{Route::ElderPairs, 0, {}}});

    const auto& needs = state.elder_needs;
    section(fmt_n(S::SectionNeedsFmt, static_cast<long long>(needs.data().total)).c_str());
    if (!placeholder(needs, Target::ElderNeeds, needs.loaded() || !needs.data().items.empty(), 2)) {
        if (needs.data().items.empty()) empty_state(tr(S::NoNeeds));
        for (const ElderNeed& n : needs.data().items) need_card(n);
    }
    const auto& helpers = state.elder_helpers;
    section(fmt_n(S::SectionHelpersFmt, static_cast<long long>(helpers.data().total)).c_str());
    if (!placeholder(helpers, Target::ElderHelpers, helpers.loaded() || !helpers.data().items.empty(), 2)) {
        if (helpers.data().items.empty()) empty_state(tr(S::NoHelpers));
        for (const ElderHelper& h : helpers.data().items) helper_card(h);
    }
}

}  // namespace zygc::ui
