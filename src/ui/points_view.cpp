#include "ui/points_view.h"

#include <cstdio>

#include "core/calendar.h"
#include "core/qr.h"
#include "imgui_internal.h"
#include "ui/format.h"
#include "ui/qr_view.h"
#include "ui/semantics.h"
#include "ui/widgets.h"

namespace zygc::ui {

const char* reward_category_word(const std::string& code) {
    if (code == "transit") return tr(S::CatTransit);
    if (code == "museum") return tr(S::CatMuseum);
    if (code == "park") return tr(S::CatPark);
    if (code == "shop") return tr(S::CatShop);
    if (code == "service") return tr(S::CatService);
    return code.c_str();
}

const char* points_cause_word(const std::string& reason) {
    if (reason == "earn") return tr(S::CauseEarn);
    if (reason == "reversal") return tr(S::CauseReversal);
    if (reason == "redeem") return tr(S::CauseRedeem);
    if (reason == "settle") return tr(S::CauseSettle);
    if (reason == "refund") return tr(S::CauseRefund);
    if (reason == "donate") return tr(S::CauseDonate);
    if (reason == "expire") return tr(S::CauseExpire);
    if (reason == "hold_applied") return tr(S::CauseHoldApplied);
    return reason.c_str();
}

const char* redemption_status_word(const std::string& status) {
    if (status == "settled") return tr(S::StatusSettled);
    if (status == "expired") return tr(S::StatusExpired);
    return tr(S::StatusReserved);
}

ImU32 redemption_status_color(const std::string& status) {
    if (status == "settled") return color::Success;
    if (status == "expired") return color::Muted;
    return color::PrimaryDark;
}

std::string signed_points(int64_t points) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%lld %s", points > 0 ? "+" : points < 0 ? "-" : "",
                  static_cast<long long>(points < 0 ? -points : points), tr(S::PointsUnit));
    return buf;
}

std::string date_time(const std::string& rfc3339) {
    auto w = parse_wall(rfc3339);
    if (!w) return "";
    return fmt::date(*w) + " " + fmt::time_hm(*w);
}

namespace {

void big_digits(const std::string& code, float height_css) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    // "1234 5678" for reading aloud at the counter; the semantics carry the plain digits.
    const std::string shown = code.size() == 8 ? code.substr(0, 4) + " " + code.substr(4) : code;
    const float fs = px(height_css);
    ImFont* font = ImGui::GetFont();
    ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, shown.c_str());
    const float avail = ImGui::GetContentRegionAvail().x;
    // At 200 % on a narrow phone the digits shrink to fit rather than run off the card.
    const float size = ts.x > avail && ts.x > 0 ? fs * avail / ts.x : fs;
    ts = font->CalcTextSizeA(size, FLT_MAX, 0, shown.c_str());
    const ImVec2 p = win->DC.CursorPos;
    const ImVec2 at(p.x + ImMax(0.0f, (avail - ts.x) * 0.5f), p.y);
    ImGui::Dummy(ImVec2(avail, ts.y));
    win->DrawList->AddText(font, size, at, color::Text, shown.c_str());
    win->DrawList->AddText(font, size, ImVec2(at.x + px(1.5f), at.y), color::Text, shown.c_str());  // bold
    sem::add_last_item(sem::Role::Heading, code.c_str());
}

}  // namespace

void pickup_code(const Redemption& r) {
    text_muted(tr(S::PickupCodeLabel));
    big_digits(r.code, 44);
    if (r.qr_payload.empty()) return;
    const float side = ImMin(ImGui::GetContentRegionAvail().x, px(220));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - side) * 0.5f);
    draw_qr(r.qr_payload, side);
}

}  // namespace zygc::ui
