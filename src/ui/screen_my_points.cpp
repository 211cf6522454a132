// 我的积分 (#/me/points): the balance and what codes hold, the earning rule, points about to
// expire (shown ahead), corrections held for review, then every ledger entry with its cause
// in words, the project/reward/fund it names and when.
#include <cstdio>
#include <string>

#include "core/points.h"
#include "imgui.h"
#include "ui/format.h"
#include "ui/points_view.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/virtual_list.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

std::string number(S fmt, int64_t v) {
    char buf[160];
    std::snprintf(buf, sizeof buf, tr(fmt), static_cast<long long>(v));
    return buf;
}

void totals(const MyPoints& p) {
    const float w = (ImGui::GetContentRegionAvail().x - px(size::Gap)) * 0.5f;
    stat_tile(tr(S::PointsBalance), fmt::count(p.balance).c_str(), w);
    ImGui::SameLine(0, px(size::Gap));
    stat_tile(tr(S::PointsReserved), fmt::count(p.reserved).c_str(), w);
    if (p.rule.minutes_per_point > 0) text_muted(number(S::PointsRuleFmt, p.rule.minutes_per_point).c_str());
    if (p.rule.expiry_months > 0) text_muted(number(S::PointsExpiryFmt, p.rule.expiry_months).c_str());
}

void expiring(const MyPoints& p) {
    if (p.expiring.empty()) return;
    section(tr(S::SectionExpiring));
    for (const PointsExpiring& e : p.expiring) {
        char buf[160];
        std::snprintf(buf, sizeof buf, tr(S::ExpiringFmt), static_cast<long long>(e.points), fmt::date_of(e.on).c_str());
        text_colored(color::Danger, buf);
    }
}

void holds(const MyPoints& p) {
    bool any = false;
    for (const PointsHold& h : p.holds) any = any || h.status == "held";
    if (!any) return;
    section(tr(S::SectionHolds));
    for (const PointsHold& h : p.holds) {
        if (h.status != "held") continue;
        text(number(S::HoldFmt, h.points));
        if (!h.reason.empty()) text_muted(h.reason.c_str());
    }
}

void entry(const PointsEntry& e) {
    push_id(e.id);
    begin_panel();
    text_colored(e.points >= 0 ? color::Success : color::Text,
                 (signed_points(e.points) + " · " + points_cause_word(e.reason)).c_str());
    if (!e.detail.empty()) text(e.detail);
    std::string when = date_time(e.at);
    if (!e.counter_name.empty()) when += " · " + e.counter_name;
    text_muted(when.c_str());
    if (e.rule_version && e.reason == "earn") text_muted(number(S::RuleVersionFmt, *e.rule_version).c_str());
    end_panel();
    ImGui::PopID();
}

}  // namespace

void screen_my_points(const State& state) {
    const auto& r = state.my_points;
    if (placeholder(r, Target::MyPoints, r.loaded() || !r.data().entries.empty(), 4)) return;
    const MyPoints& p = r.data();
    totals(p);
    expiring(p);
    holds(p);
    spacing(8);
    menu({{true, tr(S::TitleRewards), route_rewards()},
          {true, tr(S::TitleMyRedemptions), route_my_redemptions()},
          {true, tr(S::TitleFunds), route_funds()}});
    section(tr(S::SectionPointsEntries));
    if (p.entries.empty()) {
        empty_state(tr(S::NoPointsEntries));
        if (primary_button(tr(S::FindProjects), true)) emit(Navigate{route_projects()});
        return;
    }
    RowRange rows = begin_rows("##entries", p.entries.size());  // only the entries near the screen
    for (size_t i; next_row(rows, i);) entry(p.entries[i]);
    // The older entries, 50 at a time (加载更多, or by scrolling to it).
    const int64_t shown = static_cast<int64_t>(p.entries.size());
    if (shown < p.entry_count) text_muted(fmt::shown_of(p.entry_count, shown).c_str());
    if (load_more(state.points_more, Target::MorePoints, p.next_cursor && !r.loading())) emit(LoadMore{});
}

}  // namespace zygc::ui
