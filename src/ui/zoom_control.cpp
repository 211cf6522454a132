// zoom: the 文字大小 control — "文字大小 150%" with a smaller and a larger step (−/+), in steps
// of 25 % from 100 % to 200 % (WeChat's sizes). A step sets the user's own level
// (Settings::zoom), which the host's text size then no longer overrides.
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/settings.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/strings.h"
#include "ui/widgets.h"
#include "ui/zoom.h"

namespace zygc::ui {
namespace {

constexpr float kStep = 0.25f;

// A round target drawing − or +, recorded as a button labelled `label`.
bool step_button(const char* id, const char* label, bool plus, bool disabled) {
    const float d = px(size::Touch);
    const bool pressed = ImGui::InvisibleButton(id, ImVec2(d, d));
    sem_last(sem::Role::Button, label, disabled ? uint32_t(sem::Disabled) : 0u);
    if (ImGui::IsItemVisible()) {
        const ImVec2 a = ImGui::GetItemRectMin();
        const ImVec2 c(a.x + d * 0.5f, a.y + d * 0.5f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImU32 fg = disabled ? color::Muted : color::Primary;
        dl->AddCircleFilled(c, d * 0.5f, ImGui::IsItemActive() && !disabled ? color::PrimarySoft : color::Background);
        dl->AddCircle(c, d * 0.5f - px(0.5f), disabled ? color::Border : color::Primary, 0, ImMax(1.0f, px(1)));
        const float r = d * 0.22f, t = ImMax(1.0f, px(2));
        dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x + r, c.y), fg, t);
        if (plus) dl->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, c.y + r), fg, t);
    }
    return !disabled && is_tap(pressed);
}

}  // namespace

void zoom_control(const State& state) {
    const float z = text_zoom();
    char line[64];
    std::snprintf(line, sizeof line, "%s %d%%", tr(S::TextSize), int(std::lround(z * 100)));
    const ImGuiStyle& st = ImGui::GetStyle();
    const float d = px(size::Touch), gap = st.ItemSpacing.x;
    const float tw = ImGui::CalcTextSize(line).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    // − 文字大小 150% +, on one line when it fits; otherwise the words above the buttons.
    const bool one_line = tw + 2 * (d + gap) <= avail;
    const float y0 = ImGui::GetCursorPosY();
    if (one_line) ImGui::SetCursorPosY(y0 + (d - ImGui::GetFontSize()) * 0.5f);
    // The words are a known string (semantics: 文字大小); the level is drawn after them.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    text_line(tr(S::TextSize), color::Text, false, sem::Role::Text);
    const float words = ImGui::CalcTextSize(tr(S::TextSize)).x;
    ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + words, at.y), color::Text, line + std::strlen(tr(S::TextSize)));
    if (one_line) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 2 * d - gap);
        ImGui::SetCursorPosY(y0);
    }
    const float down = std::fmax(settings::kZoomMin, std::ceil(z / kStep - 1.001f) * kStep);
    const float up = std::fmin(settings::kZoomMax, std::floor(z / kStep + 1.001f) * kStep);
    Settings next = state.settings;
    if (step_button("##zoom-out", tr(S::ZoomOut), false, z <= settings::kZoomMin + 0.001f)) {
        next.zoom = down;
        emit(SetSettings{next});
    }
    ImGui::SameLine();
    if (step_button("##zoom-in", tr(S::ZoomIn), true, z >= settings::kZoomMax - 0.001f)) {
        next.zoom = up;
        emit(SetSettings{next});
    }
}

}  // namespace zygc::ui
