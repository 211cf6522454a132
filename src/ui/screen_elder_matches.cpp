// 配对建议 (social worker): the district's suggested pairs from the server's global
// assignment, best first, each with its score and the score's terms in words; 确认结对.
#include <string>

#include "imgui.h"
#include "ui/care_widgets.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// "meal,escort" → 助餐、陪诊 (codes in a reason's params are worded before the sentence).
std::string worded_list(const std::string& csv, bool slots) {
    std::vector<std::string> codes;
    size_t at = 0;
    while (at <= csv.size()) {
        size_t comma = csv.find(',', at);
        if (comma == std::string::npos) comma = csv.size();
        if (comma > at) codes.push_back(csv.substr(at, comma - at));
        at = comma + 1;
    }
    return slots ? elder_times_text(codes) : elder_skills_text(codes);
}

std::string reason_words(const MatchReason& r) {
    Message m{r.code, r.params, ""};
    for (Param& p : m.params) {
        if (p.name == "services") p.value = worded_list(p.value, false);
        if (p.name == "slots") p.value = worded_list(p.value, true);
    }
    return say(m);
}

}  // namespace

void screen_elder_matches(const State& state) {
    if (role_only(state, "social_worker", tr(S::SocialWorkerOnly))) return;
    Id picked = 0;
    if (district_picker(state, "match_district", care_district(state), picked)) emit(PickCareDistrict{picked});
    text_muted(tr(S::MatchesNote));
    const auto& r = state.matches;
    if (placeholder(r, Target::ElderMatches, r.loaded(), 3)) return;
    const MatchList& m = r.data();
    if (m.items.empty()) empty_state(tr(S::NoMatches));
    for (size_t i = 0; i < m.items.size(); ++i) {
        const MatchSuggestion& s = m.items[i];
        ImGui::PushID(static_cast<int>(i));
        begin_panel();
        const std::string title = s.helper_name + " → " + s.need_name;
        heading(title.c_str());
        text_colored(color::Primary, fmt_n(S::ScoreFmt, static_cast<long long>(s.score)).c_str());
        for (const MatchReason& reason : s.reasons) bullet(reason_words(reason).c_str());
        const std::string confirm = std::string(tr(S::ConfirmPair)) + "##" + std::to_string(i);
        if (primary_button(confirm.c_str(), true, state.pairing.loading())) emit(ConfirmPair{s.need_id, s.helper_id});
        end_panel();
        ImGui::PopID();
    }
    if (!m.unmatched_need_ids.empty())
        text_muted(fmt_n(S::UnmatchedFmt, static_cast<long long>(m.unmatched_need_ids.size())).c_str());
}

}  // namespace zygc::ui
