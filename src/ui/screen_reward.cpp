// 兑换详情 (#/rewards/{id}): the reward, its merchant, price, stock and per-person limit, my
// balance; 兑换 opens a confirmation in place (quantity −/+ up to the limit, the points it
// costs) and 确认兑换 sends it once per tap. The code just issued is shown here, large, with
// its QR and until when and where to show it.
#include <cstdio>
#include <string>

#include "core/points.h"
#include "imgui.h"
#include "ui/points_view.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

std::string number(S fmt, int64_t v) {
    char buf[160];
    std::snprintf(buf, sizeof buf, tr(fmt), static_cast<long long>(v));
    return buf;
}

void issued(const Redemption& c) {
    begin_panel();
    text_line(tr(S::StatusReserved), color::PrimaryDark, true, sem::Role::Text);
    pickup_code(c);
    char buf[256];
    std::snprintf(buf, sizeof buf, tr(S::PickupHintFmt), date_time(c.expires_at).c_str(), c.merchant.name.c_str());
    text(buf);
    if (link(tr(S::TitleMyRedemptions))) emit(Navigate{route_my_redemptions()});
    end_panel();
}

void confirmation(const State& state, const Reward& r) {
    const int64_t q = state.redeem_quantity;
    begin_panel();
    char buf[320];
    std::snprintf(buf, sizeof buf, tr(S::ConfirmRedeemFmt), static_cast<long long>(r.points * q), r.name.c_str(),
                  static_cast<long long>(q));
    text(buf);
    if (r.per_person_limit > 1) {
        text(number(S::QuantityFmt, q));
        ImGui::SameLine(0, px(12));
        if (secondary_button(tr(S::Less), false, q <= 1)) emit(OpenRedeem{r.id, q - 1});
        ImGui::SameLine();
        if (secondary_button(tr(S::More), false, q >= r.per_person_limit || q >= r.stock)) emit(OpenRedeem{r.id, q + 1});
    }
    const bool sending = state.redeem.loading();
    if (primary_button(tr(sending ? S::Submitting : S::ConfirmRedeem), false, sending)) emit(Redeem{});
    ImGui::SameLine();
    if (secondary_button(tr(S::ConfirmNo))) emit(OpenRedeem{0, 1});
    end_panel();
}

}  // namespace

void screen_reward(const State& state) {
    const auto& r = state.reward;
    const bool current = r.data().id == state.route.id;
    if (placeholder(r, Target::Reward, current, 4)) return;
    const Reward& w = r.data();
    heading(w.name.c_str());
    field(tr(S::FieldMerchant), w.merchant.name);
    for (const District& d : state.districts.data())
        if (d.id == w.district_id) field(tr(S::FieldDistrict), d.name);
    field(tr(S::CategoryLabel), reward_category_word(w.category));
    if (!w.description.empty()) text(w.description);
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(S::RewardPriceFmt), static_cast<long long>(w.points));
    text_line(buf, color::PrimaryDark, true, sem::Role::Text);
    if (w.stock > 0) text_muted(number(S::StockFmt, w.stock).c_str());
    else text_colored(color::Danger, tr(S::SoldOut));
    text_muted(number(S::LimitFmt, w.per_person_limit).c_str());
    if (w.my_redeemed && *w.my_redeemed > 0) text_muted(number(S::MyRedeemedFmt, *w.my_redeemed).c_str());
    if (state.logged_in() && state.my_points.loaded())
        text_colored(color::PrimaryDark, number(S::MyBalanceFmt, state.my_points.data().balance).c_str());
    spacing(8);

    const Redemption& just = state.redeem.data();
    if (state.redeem.loaded() && just.reward.id == w.id && just.status == "reserved") issued(just);
    if (state.redeem_confirm == w.id) confirmation(state, w);
    else if (primary_button(tr(S::RedeemButton), true, w.stock <= 0)) emit(OpenRedeem{w.id, 1});
}

}  // namespace zygc::ui
