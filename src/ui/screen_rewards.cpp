// 积分商城 (#/rewards): rewards by district and category (two choice chips), each a card with
// its merchant, district, price and stock; a tap opens the reward. The volunteer's balance
// and 我的兑换码 on top when logged in.
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

const char* district_name(const State& state, Id id) {
    for (const District& d : state.districts.data())
        if (d.id == id) return d.name.c_str();
    return "";
}

void reward_filters(const State& state) {
    char label[160];
    const Id district = state.rewards_district;
    const std::string& category = state.rewards_category;
    std::snprintf(label, sizeof label, "%s###rdistrict", district ? district_name(state, district) : tr(S::AllDistricts));
    if (choice(label, "##rdistricts", district != 0, true)) {
        if (option(tr(S::AllDistricts), district == 0)) emit(FilterRewards{0, category});
        for (const District& d : state.districts.data()) {
            push_id(d.id);
            if (option(d.name.c_str(), d.id == district)) emit(FilterRewards{d.id, category});
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    std::snprintf(label, sizeof label, "%s###rcategory",
                  category.empty() ? tr(S::AllCategories) : reward_category_word(category));
    if (choice(label, "##rcategories", !category.empty(), false)) {
        if (option(tr(S::AllCategories), category.empty())) emit(FilterRewards{district, ""});
        for (const char* c : kRewardCategories)
            if (option(reward_category_word(c), category == c)) emit(FilterRewards{district, c});
        ImGui::EndPopup();
    }
}

void card(const State& state, const Reward& r) {
    push_id(r.id);
    begin_panel();
    if (link((r.name + "##reward").c_str())) emit(Navigate{route_reward(r.id)});
    std::string who = r.merchant.name;
    if (const char* d = district_name(state, r.district_id); *d) who += std::string(" · ") + d;
    who += std::string(" · ") + reward_category_word(r.category);
    text_muted(who.c_str());
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(S::RewardPriceFmt), static_cast<long long>(r.points));
    text_colored(color::PrimaryDark, buf);
    ImGui::SameLine(0, px(12));
    if (r.stock > 0) {
        std::snprintf(buf, sizeof buf, tr(S::StockFmt), static_cast<long long>(r.stock));
        text_muted(buf);
    } else {
        text_colored(color::Danger, tr(S::SoldOut));
    }
    end_panel();
    ImGui::PopID();
}

}  // namespace

void screen_rewards(const State& state) {
    if (state.logged_in() && state.my_points.loaded()) {
        char buf[96];
        std::snprintf(buf, sizeof buf, tr(S::MyBalanceFmt), static_cast<long long>(state.my_points.data().balance));
        text_colored(color::PrimaryDark, buf);
    }
    if (state.logged_in() && link(tr(S::TitleMyRedemptions))) emit(Navigate{route_my_redemptions()});
    reward_filters(state);
    const auto& r = state.rewards;
    const bool current = r.key() == points::rewards_key(state);
    if (placeholder(r, Target::Rewards, current && (r.loaded() || !r.data().items.empty()), 4)) return;
    if (r.data().items.empty()) {
        empty_state(tr(S::NoRewards));
        return;
    }
    for (const Reward& rw : r.data().items) card(state, rw);
}

}  // namespace zygc::ui
