// 积分管理 (#/admin/points), the city office: city-wide totals; issuance and redemption by
// month and by district as charts (ui/chart.h: the redeemed part solid, the rest of what was
// issued light on top); add a partner merchant; add a reward to the catalogue.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "core/points.h"
#include "imgui.h"
#include "ui/chart.h"
#include "ui/format.h"
#include "ui/points_view.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// "2026-11" → "11月" / "Nov".
std::string month_word(const std::string& month) {
    static const char* en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (month.size() < 7) return month;
    const int m = std::atoi(month.c_str() + 5);
    if (m < 1 || m > 12) return month;
    return lang() == Lang::En ? std::string(en[m - 1]) : std::to_string(m) + "月";
}

void totals(const PointsStats& p) {
    const float w = (ImGui::GetContentRegionAvail().x - px(size::Gap)) * 0.5f;
    stat_tile(tr(S::StatIssued), fmt::count(p.issued).c_str(), w);
    ImGui::SameLine(0, px(size::Gap));
    stat_tile(tr(S::StatRedeemed), fmt::count(p.redeemed).c_str(), w);
    stat_tile(tr(S::StatDonated), fmt::count(p.donated).c_str(), w);
    ImGui::SameLine(0, px(size::Gap));
    stat_tile(tr(S::StatOutstanding), fmt::count(p.outstanding).c_str(), w);
}

// One chart: a column per row (month or district), redeemed solid, the rest of the issue light.
void chart(S title, const std::vector<PointsTotals>& rows, bool by_month) {
    if (rows.empty()) return;
    section(tr(title));
    std::vector<BarColumn> cols;
    std::string figures;
    for (const PointsTotals& t : rows) {
        const std::string label = by_month ? month_word(t.month) : t.name;
        const double rest = t.issued > t.redeemed ? double(t.issued - t.redeemed) : 0.0;
        cols.push_back({label, double(t.redeemed), rest});
        char buf[160], buf2[80];
        std::snprintf(buf, sizeof buf, tr(S::IssuedFmt), static_cast<long long>(t.issued));
        std::snprintf(buf2, sizeof buf2, tr(S::RedeemedFmt), static_cast<long long>(t.redeemed));
        if (!figures.empty()) figures += lang() == Lang::En ? "; " : "；";
        figures += label + " " + buf + " " + buf2;
    }
    std::string summary(figures.size() + 64, '\0');
    std::snprintf(summary.data(), summary.size(), tr(S::PointsChartFmt), figures.c_str());
    summary.resize(std::char_traits<char>::length(summary.c_str()));
    bar_chart(cols, summary);
    text_colored(color::Primary, (std::string("■ ") + tr(S::LegendRedeemed)).c_str());
    ImGui::SameLine(0, px(16));
    text_muted((std::string("□ ") + tr(S::LegendNotRedeemed)).c_str());
}

std::string field_err(const std::vector<FieldError>& errors, const char* field) {
    return ui::field_error(errors, field);
}

void district_choice(const State& state, Id chosen, const char* popup, const std::function<void(Id)>& pick) {
    const char* name = tr(S::ChooseDistrict);
    for (const District& d : state.districts.data())
        if (d.id == chosen) name = d.name.c_str();
    char label[160];
    std::snprintf(label, sizeof label, "%s###%s", name, popup);
    if (choice(label, popup, chosen != 0, true)) {
        for (const District& d : state.districts.data()) {
            push_id(d.id);
            if (option(d.name.c_str(), d.id == chosen)) pick(d.id);
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
}

void merchant_form(const State& state) {
    section(tr(S::SectionAddMerchant));
    const MerchantDraft& d = state.merchant_draft;
    const auto& errs = state.merchant_errors;
    std::string v;
    FieldOptions o;
    o.capacity = 200;
    if (text_field(tr(S::MerchantNameLabel), "##mname", d.name, v, field_err(errs, "name"), o)) {
        MerchantDraft n = d;
        n.name = v;
        emit(EditMerchant{n});
    }
    text_muted(tr(S::DistrictLabel));
    district_choice(state, d.district_id, "##mdistrict", [&](Id id) {
        MerchantDraft n = d;
        n.district_id = id;
        emit(EditMerchant{n});
    });
    text_alert(field_err(errs, "district_id"));
    if (text_field(tr(S::AddressLabel), "##maddress", d.address, v, field_err(errs, "address"), o)) {
        MerchantDraft n = d;
        n.address = v;
        emit(EditMerchant{n});
    }
    if (toggle(tr(S::MerchantKindPublic), d.kind == "public")) {
        MerchantDraft n = d;
        n.kind = d.kind == "public" ? "shop" : "public";
        emit(EditMerchant{n});
    }
    FieldOptions num;
    num.flags = ImGuiInputTextFlags_CharsDecimal;
    num.capacity = 12;
    if (text_field(tr(S::OwnerUserLabel), "##mowner", d.owner_user_id, v, field_err(errs, "owner_user_id"), num)) {
        MerchantDraft n = d;
        n.owner_user_id = v;
        emit(EditMerchant{n});
    }
    const bool busy = state.add_merchant.loading();
    if (primary_button(tr(busy ? S::Submitting : S::AddMerchantButton), true, busy)) emit(SubmitMerchant{});
}

void reward_form(const State& state) {
    section(tr(S::SectionAddReward));
    const RewardDraft& d = state.reward_draft;
    const auto& errs = state.reward_errors;
    std::string v;
    // Merchant
    const char* merchant = tr(S::ChooseMerchant);
    for (const Merchant& m : state.merchants.data().items)
        if (m.id == d.merchant_id) merchant = m.name.c_str();
    char label[200];
    std::snprintf(label, sizeof label, "%s###rmerchant", merchant);
    text_muted(tr(S::FieldMerchant));
    if (choice(label, "##rmerchants", d.merchant_id != 0, true)) {
        for (const Merchant& m : state.merchants.data().items) {
            push_id(m.id);
            if (option(m.name.c_str(), m.id == d.merchant_id)) {
                RewardDraft n = d;
                n.merchant_id = m.id;
                emit(EditReward{n});
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    text_alert(field_err(errs, "merchant_id"));
    FieldOptions o;
    o.capacity = 200;
    if (text_field(tr(S::RewardNameLabel), "##rname", d.name, v, field_err(errs, "name"), o)) {
        RewardDraft n = d;
        n.name = v;
        emit(EditReward{n});
    }
    // Category
    std::snprintf(label, sizeof label, "%s###rcat", d.category.empty() ? tr(S::ChooseCategory) : reward_category_word(d.category));
    text_muted(tr(S::CategoryLabel));
    if (choice(label, "##rcats", !d.category.empty(), true)) {
        for (const char* c : kRewardCategories)
            if (option(reward_category_word(c), d.category == c)) {
                RewardDraft n = d;
                n.category = c;
                emit(EditReward{n});
            }
        ImGui::EndPopup();
    }
    text_alert(field_err(errs, "category"));
    FieldOptions num;
    num.flags = ImGuiInputTextFlags_CharsDecimal;
    num.capacity = 10;
    if (text_field(tr(S::PointsPriceLabel), "##rpoints", d.points, v, field_err(errs, "points"), num)) {
        RewardDraft n = d;
        n.points = v;
        emit(EditReward{n});
    }
    if (text_field(tr(S::StockLabel), "##rstock", d.stock, v, field_err(errs, "stock"), num)) {
        RewardDraft n = d;
        n.stock = v;
        emit(EditReward{n});
    }
    if (text_field(tr(S::LimitLabel), "##rlimit", d.per_person_limit, v, field_err(errs, "per_person_limit"), num)) {
        RewardDraft n = d;
        n.per_person_limit = v;
        emit(EditReward{n});
    }
    FieldOptions desc;
    desc.multiline = true;
    desc.lines = 3;
    desc.capacity = 2000;
    if (text_field(tr(S::RewardDescLabel), "##rdesc", d.description, v, field_err(errs, "description"), desc)) {
        RewardDraft n = d;
        n.description = v;
        emit(EditReward{n});
    }
    const bool busy = state.add_reward.loading();
    if (primary_button(tr(busy ? S::Submitting : S::AddRewardButton), true, busy)) emit(SubmitReward{});
}

}  // namespace

void screen_admin_points(const State& state) {
    if (role_only(state, "admin", tr(S::AdminOnly))) return;
    const auto& r = state.points_stats;
    if (!placeholder(r, Target::PointsStats, r.loaded(), 3)) {
        totals(r.data());
        chart(S::SectionPointsByMonth, r.data().by_month, true);
        chart(S::SectionPointsByDistrict, r.data().by_district, false);
    }
    merchant_form(state);
    reward_form(state);
}

}  // namespace zygc::ui
