// 我的兑换码 (#/me/redemptions): every redemption, newest first. A reserved one shows its code
// large with the QR and the minutes left (the store ticks and reloads while one waits, so the
// merchant's 核销 shows here as 已核销); settled and expired ones say so, and when.
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

void redemption(const State& state, const Redemption& r) {
    push_id(r.id);
    begin_panel();
    text_line(r.reward.name.c_str(), color::Text, true, sem::Role::Text);
    char buf[256];
    std::snprintf(buf, sizeof buf, tr(S::QuantityPointsFmt), static_cast<long long>(r.quantity),
                  static_cast<long long>(r.points));
    text_muted((r.merchant.name + " " + buf).c_str());
    text_colored(redemption_status_color(r.status), redemption_status_word(r.status));
    if (r.status == "reserved") {
        // The store's clock while it ticks; the frame's before the first tick.
        const int64_t now = state.points_clock_ms > 0 ? state.points_clock_ms : static_cast<int64_t>(viewport().now_ms);
        const int64_t left = seconds_left(r, now);
        if (left > 0) {
            std::snprintf(buf, sizeof buf, tr(S::TimeLeftFmt), static_cast<long long>((left + 59) / 60));
            text_colored(color::PrimaryDark, buf);
            pickup_code(r);
            std::snprintf(buf, sizeof buf, tr(S::PickupHintFmt), date_time(r.expires_at).c_str(), r.merchant.name.c_str());
            text_muted(buf);
        } else {
            text_muted(tr(S::ExpiringNow));
        }
    } else if (r.status == "settled") {
        std::snprintf(buf, sizeof buf, tr(S::SettledAtFmt), date_time(r.settled_at.value_or("")).c_str());
        text_muted(buf);
    } else if (r.status == "expired") {
        text_muted(tr(S::ExpiredRefunded));
    }
    end_panel();
    ImGui::PopID();
}

}  // namespace

void screen_my_redemptions(const State& state) {
    const auto& r = state.my_redemptions;
    if (placeholder(r, Target::MyRedemptions, r.loaded() || !r.data().items.empty(), 3)) return;
    if (r.data().items.empty()) {
        empty_state(tr(S::NoRedemptions));
        if (primary_button(tr(S::BrowseRewards), true)) emit(Navigate{route_rewards()});
        return;
    }
    for (const Redemption& x : r.data().items) redemption(state, x);
}

}  // namespace zygc::ui
