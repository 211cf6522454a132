// The look: a light theme, white background, harbour-blue accents, rounded cards.
#include <cmath>

#include "ui/theme.h"

#include "ui/context_internal.h"

namespace zygc::ui {
namespace {
ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
ImVec4 v4(ImU32 c, float alpha) {
    ImVec4 v = v4(c);
    v.w = alpha;
    return v;
}

// Every size's factor over CSS px × devicePixelRatio: 关怀版 × the text zoom (set_zoom()).
float zoom() { return (context().care ? care::Zoom : 1.0f) * context().zoom; }

struct Palette {
    ImU32 primary, primary_dark, primary_soft, surface, surface_pressed, border, text, muted, success, danger;
};
// Normal, and 关怀版: darker text and accents (contrast ≥ 7:1 on white), visible borders.
constexpr Palette kNormal = {IM_COL32(0x0B, 0x6C, 0xB8, 0xFF), IM_COL32(0x08, 0x52, 0x8C, 0xFF),
                             IM_COL32(0xE8, 0xF2, 0xFB, 0xFF), IM_COL32(0xF5, 0xF7, 0xFA, 0xFF),
                             IM_COL32(0xE6, 0xEB, 0xF1, 0xFF), IM_COL32(0xE3, 0xE8, 0xEE, 0xFF),
                             IM_COL32(0x1D, 0x26, 0x33, 0xFF), IM_COL32(0x6B, 0x76, 0x86, 0xFF),
                             IM_COL32(0x1B, 0x8A, 0x5A, 0xFF), IM_COL32(0xC6, 0x3B, 0x2F, 0xFF)};
constexpr Palette kCare = {IM_COL32(0x06, 0x4A, 0x85, 0xFF), IM_COL32(0x03, 0x33, 0x5E, 0xFF),
                           IM_COL32(0xDC, 0xEA, 0xF7, 0xFF), IM_COL32(0xEE, 0xF1, 0xF5, 0xFF),
                           IM_COL32(0xD5, 0xDD, 0xE6, 0xFF), IM_COL32(0x8A, 0x96, 0xA6, 0xFF),
                           IM_COL32(0x00, 0x00, 0x00, 0xFF), IM_COL32(0x33, 0x3D, 0x4A, 0xFF),
                           IM_COL32(0x0B, 0x5E, 0x3B, 0xFF), IM_COL32(0x9E, 0x1C, 0x12, 0xFF)};

void use_palette(const Palette& p) {
    color::Primary = p.primary;
    color::PrimaryDark = p.primary_dark;
    color::PrimarySoft = p.primary_soft;
    color::Surface = p.surface;
    color::SurfacePressed = p.surface_pressed;
    color::Border = p.border;
    color::Text = p.text;
    color::Muted = p.muted;
    color::Success = p.success;
    color::Danger = p.danger;
}

// The palette is shared by all contexts (theme.h); another one may have switched it.
bool palette_is(const Palette& p) { return color::Primary == p.primary; }

void apply_style();
}  // namespace

float px(float css) { return css * context().scale * zoom(); }
float scale() { return context().scale; }
void set_scale(float s) {
    Context& ctx = context();
    ctx.scale = s > 0 ? s : 1;
    if (ImGui::GetCurrentContext() && ctx.styled_for != ctx.scale * zoom()) apply_style();
}
bool care_mode() { return context().care; }
float text_zoom() { return context().zoom; }
void set_zoom(float z) {
    Context& ctx = context();
    ctx.zoom = z >= 1 ? z : 1;
    if (ImGui::GetCurrentContext() && ctx.styled_for != ctx.scale * zoom()) apply_style();
}
void set_care(bool on) {
    Context& ctx = context();
    if (on == ctx.care && palette_is(on ? kCare : kNormal)) return;
    ctx.care = on;
    use_palette(on ? kCare : kNormal);
    if (ImGui::GetCurrentContext()) apply_style();
}
float line_gap() { return ImGui::GetFontSize() * ((context().care ? care::LineHeight : kLineHeight) - 1.0f); }

float font_pixels(float s, bool care_mode, float text_zoom) {
    return std::round(size::Font * (s > 0 ? s : 1) * (care_mode ? care::Zoom : 1.0f) * (text_zoom >= 1 ? text_zoom : 1.0f));
}

void apply_theme(float s) {
    context().scale = s > 0 ? s : 1;
    apply_style();
}

namespace {
void apply_style() {
    Context& ctx = context();
    ctx.styled_for = ctx.scale * zoom();
    use_palette(ctx.care ? kCare : kNormal);  // the style is built from this context's palette
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
    st.ScaleAllSizes(ctx.scale * zoom());

    ImGui::GetStyle() = st;
}
}  // namespace

}  // namespace zygc::ui
