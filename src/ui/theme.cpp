// The look: a light theme, white background, harbour-blue accents, rounded cards.
#include <cmath>

#include "ui/app.h"
#include "ui/theme.h"

namespace zygc::ui {
namespace {
float g_scale = 1;

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
ImVec4 v4(ImU32 c, float alpha) {
    ImVec4 v = v4(c);
    v.w = alpha;
    return v;
}
}  // namespace

float px(float css) { return css * g_scale; }
float scale() { return g_scale; }
void set_scale(float s) { g_scale = s > 0 ? s : 1; }

float font_pixels(float s) { return std::round(size::Font * (s > 0 ? s : 1)); }

void apply_theme(float s) {
    set_scale(s);
    ImGuiStyle st;
    ImGui::StyleColorsLight(&st);

    ImVec4* c = st.Colors;
    c[ImGuiCol_Text] = v4(color::Text);
    c[ImGuiCol_TextDisabled] = v4(color::Muted);
    c[ImGuiCol_WindowBg] = v4(color::Background);
    c[ImGuiCol_ChildBg] = v4(color::Background, 0);
    c[ImGuiCol_PopupBg] = v4(color::Background);
    c[ImGuiCol_Border] = v4(color::Border);
    c[ImGuiCol_BorderShadow] = v4(0, 0);
    c[ImGuiCol_FrameBg] = v4(color::Surface);
    c[ImGuiCol_FrameBgHovered] = v4(color::Surface);
    c[ImGuiCol_FrameBgActive] = v4(color::PrimarySoft);
    c[ImGuiCol_Button] = v4(color::Primary);
    c[ImGuiCol_ButtonHovered] = v4(color::Primary);
    c[ImGuiCol_ButtonActive] = v4(color::PrimaryDark);
    c[ImGuiCol_Header] = v4(color::PrimarySoft);
    c[ImGuiCol_HeaderHovered] = v4(color::Surface);
    c[ImGuiCol_HeaderActive] = v4(color::SurfacePressed);
    c[ImGuiCol_ScrollbarBg] = v4(0, 0);
    c[ImGuiCol_ScrollbarGrab] = v4(color::Muted, 0.35f);
    c[ImGuiCol_ScrollbarGrabHovered] = v4(color::Muted, 0.5f);
    c[ImGuiCol_ScrollbarGrabActive] = v4(color::Muted, 0.6f);
    c[ImGuiCol_CheckMark] = v4(color::Primary);
    c[ImGuiCol_TextSelectedBg] = v4(color::Primary, 0.25f);
    c[ImGuiCol_NavHighlight] = v4(color::Primary, 0.6f);
    c[ImGuiCol_Separator] = v4(color::Border);
    c[ImGuiCol_ModalWindowDimBg] = v4(color::Text, 0.35f);

    // Sizes in CSS pixels, then scaled.
    st.WindowPadding = ImVec2(size::Pad, size::Pad);
    st.FramePadding = ImVec2(12, 12);
    st.ItemSpacing = ImVec2(size::Gap, size::Gap);
    st.ItemInnerSpacing = ImVec2(8, 6);
    st.CellPadding = ImVec2(6, 4);
    st.IndentSpacing = 16;
    st.ScrollbarSize = 6;
    st.GrabMinSize = 20;
    st.WindowRounding = 0;
    st.ChildRounding = size::Radius;
    st.FrameRounding = 10;
    st.PopupRounding = size::Radius;
    st.ScrollbarRounding = 3;
    st.GrabRounding = 3;
    st.TabRounding = 8;
    st.WindowBorderSize = 0;
    st.ChildBorderSize = 0;
    st.PopupBorderSize = 1;
    st.FrameBorderSize = 0;
    st.WindowMinSize = ImVec2(1, 1);
    st.DisplaySafeAreaPadding = ImVec2(0, 0);
    st.ScaleAllSizes(g_scale);

    ImGui::GetStyle() = st;
}

}  // namespace zygc::ui
