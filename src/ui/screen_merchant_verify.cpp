// 核销 (#/merchant/verify), the partner merchant's clerk: the pickup code typed on a large
// numeric keypad (no phone keyboard covering the screen) or scanned with the camera
// (core/device.h StartScan), then 核销. The answer stays on screen: 核销成功 with the reward,
// quantity and who redeemed it, or why not (unknown, already used, expired).
#include <cstdio>
#include <string>

#include "core/points.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/points_view.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

// The typed digits in a box, spaced "1234 5678", underscores for the ones still to come.
void code_box(const std::string& code) {
    std::string shown;
    for (size_t i = 0; i < 8 || i < code.size(); ++i) {
        if (i == 4) shown += ' ';
        shown += i < code.size() ? code[i] : '_';
    }
    begin_panel();
    // Large, but never wider than the card (200 % text on a narrow phone).
    const float natural = ImGui::CalcTextSize(shown.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetWindowFontScale(natural > 0 ? ImMin(1.8f, avail / natural) : 1.0f);
    const float w = ImGui::CalcTextSize(shown.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
    ImGui::TextUnformatted(shown.c_str());
    ImGui::SetWindowFontScale(1.0f);
    char label[96];
    std::snprintf(label, sizeof label, tr(S::PickupCodeTyped), code.c_str());
    sem::add_last_item(sem::Role::Text, label);
    end_panel();
}

// 1 2 3 / 4 5 6 / 7 8 9 / 清除 0 删除: three columns of touch-sized keys.
void keypad(bool busy) {
    static const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "del"};
    const float gap = px(size::Gap);
    const float w = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    const float h = ImMax(px(size::Touch), ImGui::GetFontSize() * 2.2f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, px(size::Radius));
    ImGui::PushStyleColor(ImGuiCol_Button, color::Surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color::Surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, color::PrimarySoft);
    if (busy) ImGui::BeginDisabled();
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine(0, gap);
        const std::string k = keys[i];
        const char* label = k == "clear" ? tr(S::KeyClear) : k == "del" ? tr(S::KeyDelete) : keys[i];
        ImGui::PushID(i);
        sem::set_next(sem::Role::Button, busy ? uint32_t(sem::Disabled) : 0u);
        const bool pressed = ImGui::Button(label, ImVec2(w, h));
        ImGui::PopID();
        if (is_tap(pressed)) emit(KeypadPress{k});
    }
    if (busy) ImGui::EndDisabled();
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
}

void result(const Redemption& r) {
    begin_panel();
    text_line(tr(S::VerifiedTitle), color::Success, true, sem::Role::Heading);
    char buf[256];
    std::snprintf(buf, sizeof buf, tr(S::QuantityPointsFmt), static_cast<long long>(r.quantity),
                  static_cast<long long>(r.points));
    text((r.reward.name + " " + buf).c_str());
    field(tr(S::PickupCodeLabel), r.code);
    if (!r.volunteer_name.empty()) field(tr(S::FieldRedeemer), r.volunteer_name);
    text_colored(redemption_status_color(r.status), redemption_status_word(r.status));
    end_panel();
}

}  // namespace

void screen_merchant_verify(const State& state) {
    if (role_only(state, "merchant", tr(S::MerchantOnly))) return;
    heading(tr(S::EnterPickupCode));
    code_box(state.verify_code);
    text_alert(say_if(state.verify_message));
    const bool busy = state.verify.loading();
    keypad(busy);
    spacing(8);
    if (primary_button(tr(busy ? S::Submitting : S::VerifyButton), true, busy || state.verify_code.empty()))
        emit(VerifyCode{});
    if (secondary_button(tr(state.verify_scanning ? S::Scanning : S::ScanPickup), true, busy || state.verify_scanning))
        emit(ScanPickup{});
    if (state.verify.loaded()) result(state.verify.data());
}

}  // namespace zygc::ui
