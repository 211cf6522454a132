// 再奉献 (#/funds): the city's funds (老帮老 helpers' pool, 山区孩子爱心午餐, …) with their running
// totals; 捐赠积分 opens a form (points, checked against the balance in core), 下一步 asks
// 确认向「…」捐赠 N 积分？, and 确认捐赠 moves the points (a ledger transfer, once per tap).
#include <cstdio>
#include <string>

#include "core/points.h"
#include "imgui.h"
#include "ui/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

void donate_form(const State& state, const Fund& f) {
    if (state.donate_confirm) {
        char buf[320];
        std::snprintf(buf, sizeof buf, tr(S::ConfirmDonateFmt), f.name.c_str(), state.donate_points.c_str());
        text(buf);
        const bool sending = state.donate.loading();
        if (primary_button(tr(sending ? S::Submitting : S::ConfirmDonate), false, sending)) emit(Donate{});
        ImGui::SameLine();
        if (secondary_button(tr(S::ConfirmNo))) emit(EditDonation{f.id, state.donate_points, false});
        return;
    }
    FieldOptions o;
    o.hint = tr(S::DonateHint);
    o.flags = ImGuiInputTextFlags_CharsDecimal;
    o.capacity = 8;
    std::string typed;
    if (text_field(tr(S::DonatePointsLabel), "##donate", state.donate_points, typed,
                   field_error(state.donate_errors, "points"), o))
        emit(EditDonation{f.id, typed, false});
    if (primary_button(tr(S::DonateNext), false, state.donate_points.empty()))
        emit(EditDonation{f.id, state.donate_points, true});
    ImGui::SameLine();
    if (secondary_button(tr(S::DialogCancel))) emit(EditDonation{0, "", false});
}

}  // namespace

// A fund's figures: shared with the brand page's block.
void fund_figures(const Fund& f) {
    char buf[128];
    std::snprintf(buf, sizeof buf, tr(S::FundTotalFmt), static_cast<long long>(f.total_points));
    text_line(buf, color::PrimaryDark, true, sem::Role::Text);
    if (f.donor_count > 0) {
        std::snprintf(buf, sizeof buf, tr(S::FundDonorsFmt), static_cast<long long>(f.donor_count));
        text_muted(buf);
    }
}

void screen_funds(const State& state) {
    if (state.logged_in() && !state.my_points.failed()) {
        // The balance keeps its room while it is on its way: a field tapped as it arrives is
        // still the field under the finger.
        char buf[96];
        std::snprintf(buf, sizeof buf, tr(S::MyBalanceFmt),
                      static_cast<long long>(state.my_points.loaded() ? state.my_points.data().balance : 0));
        if (state.my_points.loaded()) text_colored(color::PrimaryDark, buf);
        else reserved_line(buf);
    }
    const auto& r = state.funds;
    if (placeholder(r, Target::Funds, r.loaded() || !r.data().items.empty(), 3)) return;
    if (r.data().items.empty()) {
        empty_state(tr(S::NoFunds));
        return;
    }
    for (const Fund& f : r.data().items) {
        push_id(f.id);
        begin_panel();
        text_line(f.name.c_str(), color::Text, true, sem::Role::Heading);
        if (!f.description.empty()) text(f.description);
        fund_figures(f);
        if (!f.brand_slug.empty() && link(tr(S::TitleBrand))) emit(Navigate{route_brand(f.brand_slug)});
        if (state.donate_fund == f.id) donate_form(state, f);
        else if (primary_button(tr(S::DonateButton))) emit(EditDonation{f.id, "", false});
        end_panel();
        ImGui::PopID();
    }
}

}  // namespace zygc::ui
