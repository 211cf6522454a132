// The look: a light theme, white background, harbour-blue accents, rounded cards.
#include <algorithm>
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
                             IM_COL32(0x1D, 0x26, 0x33, 0xFF), IM_COL32(0x5B, 0x65, 0x74, 0xFF),
                             IM_COL32(0x17, 0x78, 0x4E, 0xFF), IM_COL32(0xB3, 0x26, 0x1E, 0xFF)};
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

namespace {
float channel(unsigned c8) {
    const float c = c8 / 255.0f;
    return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
float luminance(ImU32 c) {
    return 0.2126f * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152f * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722f * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}
}  // namespace

float contrast_ratio(ImU32 a, ImU32 b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

// What the widgets draw on what: text roles on every background they sit on (cards, tiles,
// chips, the error panel, pressed cards, the disabled button), on-primary on the buttons,
// the toast. Keep in step with widgets*.cpp and app.cpp when a widget gets a new pairing.
int role_pairs(bool care, RolePair* out, int cap) {
    const Palette& p = care ? kCare : kNormal;
    const ImU32 background = color::Background, on_primary = color::OnPrimary, danger_soft = color::DangerSoft;
    const ImU32 toast = color::Toast | IM_COL32(0, 0, 0, 0xFF);  // drawn nearly opaque over the screen
    const RolePair all[] = {
        {"text", "background", p.text, background, 4.5f},
        {"text", "surface", p.text, p.surface, 4.5f},
        {"text", "surface-pressed", p.text, p.surface_pressed, 4.5f},
        {"text", "primary-soft", p.text, p.primary_soft, 4.5f},
        {"text", "danger-soft", p.text, danger_soft, 4.5f},
        {"muted", "background", p.muted, background, 4.5f},
        {"muted", "surface", p.muted, p.surface, 4.5f},                  // team / district lines on cards
        {"muted", "surface-pressed", p.muted, p.surface_pressed, 4.5f},  // a card while pressed
        {"muted", "primary-soft", p.muted, p.primary_soft, 4.5f},        // tile labels, brand summaries
        {"muted", "danger-soft", p.muted, danger_soft, 4.5f},            // the error panel's detail
        {"success", "background", p.success, background, 4.5f},
        {"success", "surface", p.success, p.surface, 4.5f},  // 剩余 N 个名额 on a card
        {"danger", "background", p.danger, background, 4.5f},  // error hints under fields
        {"danger", "surface", p.danger, p.surface, 4.5f},      // 已满 on a card
        {"danger", "danger-soft", p.danger, danger_soft, 4.5f},
        {"primary", "background", p.primary, background, 4.5f},  // links, secondary buttons, tabs
        {"primary", "surface", p.primary, p.surface, 4.5f},
        {"primary", "primary-soft", p.primary, p.primary_soft, 4.5f},  // selected chips
        {"primary-dark", "primary-soft", p.primary_dark, p.primary_soft, 4.5f},  // tile figures, brand names
        {"on-primary", "primary", on_primary, p.primary, 4.5f},  // primary buttons
        {"on-primary", "primary-dark", on_primary, p.primary_dark, 4.5f},  // pressed
        {"on-primary", "toast", on_primary, toast, 4.5f},
        {"muted", "surface (disabled button)", p.muted, p.surface, 4.5f},  // 获取验证码 countdown
    };
    int n = 0;
    for (const RolePair& r : all)
        if (n < cap) out[n++] = r;
    return n;
}

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
