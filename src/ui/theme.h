// Colours and sizes of the app's look. Sizes are in CSS pixels; px() turns them into
// framebuffer pixels for the scale set by apply_theme()/draw(). 关怀版 (care mode, after
// MIIT's 适老化 norms) zooms every size by Care::Zoom and switches to higher-contrast colours.
#pragma once
#include "imgui.h"

namespace zygc::ui {

// The current palette. Not constexpr: 关怀版 swaps in a higher-contrast set (set_care()).
// Shared by all UI contexts: set_care() and apply_theme() switch it to the current one's mode.
namespace color {
inline ImU32 Primary = IM_COL32(0x0B, 0x6C, 0xB8, 0xFF);      // harbour blue
inline ImU32 PrimaryDark = IM_COL32(0x08, 0x52, 0x8C, 0xFF);
inline ImU32 PrimarySoft = IM_COL32(0xE8, 0xF2, 0xFB, 0xFF);  // tinted tiles, chips
inline ImU32 Background = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline ImU32 Surface = IM_COL32(0xF5, 0xF7, 0xFA, 0xFF);      // cards
inline ImU32 SurfacePressed = IM_COL32(0xE6, 0xEB, 0xF1, 0xFF);
inline ImU32 Border = IM_COL32(0xE3, 0xE8, 0xEE, 0xFF);
inline ImU32 Text = IM_COL32(0x1D, 0x26, 0x33, 0xFF);
inline ImU32 Muted = IM_COL32(0x5B, 0x65, 0x74, 0xFF);
inline ImU32 OnPrimary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline ImU32 Success = IM_COL32(0x17, 0x78, 0x4E, 0xFF);
inline ImU32 Danger = IM_COL32(0xB3, 0x26, 0x1E, 0xFF);
inline ImU32 DangerSoft = IM_COL32(0xFD, 0xEE, 0xEC, 0xFF);
inline ImU32 Skeleton = IM_COL32(0xE9, 0xED, 0xF2, 0xFF);
inline ImU32 Toast = IM_COL32(0x1D, 0x26, 0x33, 0xF0);
}  // namespace color

namespace size {  // CSS pixels
constexpr float Font = 16;
constexpr float TopBar = 48;
constexpr float TabBar = 56;
constexpr float Pad = 16;       // screen edge padding
constexpr float CardPad = 14;
constexpr float Radius = 12;    // cards
constexpr float Gap = 10;       // between items
constexpr float Section = 22;   // before a section heading
constexpr float Touch = 44;     // minimum touch target (×Care::Zoom = 66 in 关怀版)
}  // namespace size

// ---- Design tokens (look, issue 10) ----
// The type scale, CSS px before 关怀版 zoom and text zoom. Body is the size the platform
// builds glyphs for (font_pixels()); the others are drawn from those glyphs at
// type_scale() of the body size (real larger glyphs for titles: see docs/architecture.md).
namespace type {
constexpr float Display = 26;  // a screen's hero figure (brand name, big numbers)
constexpr float Title = 20;    // a screen's title
constexpr float Heading = 17;  // a section heading (bold)
constexpr float Body = 16;     // running text, buttons
constexpr float Caption = 14;  // secondary lines under a title
}  // namespace type
// Spacing steps, CSS px.
namespace space {
constexpr float XS = 4, S = 8, M = 12, L = 16, XL = 24, XXL = 32;
}  // namespace space
// Corner radii, CSS px.
namespace radius {
constexpr float Small = 6, Field = 10, Card = 12, Pill = 999;
}  // namespace radius
// The widest the content column gets on a desktop window (CSS px): wider windows centre it.
constexpr float kColumnMax = 720;

// A text colour role on a background it is drawn on, for the contrast test: every pair the
// widgets draw. min: 4.5 (WCAG AA body text) or 3 (large/bold ≥ 18.66 CSS px, non-text).
struct RolePair {
    const char* fg_role;
    const char* bg_role;
    ImU32 fg, bg;
    float min;
};
// Every pair of the normal palette (care = false) or of 关怀版 (care = true).
int role_pairs(bool care, RolePair* out, int cap);
// WCAG 2 contrast ratio of two opaque colours (1–21).
float contrast_ratio(ImU32 a, ImU32 b);

namespace care {
constexpr float Zoom = 1.5f;        // text and targets in 关怀版
constexpr float LineHeight = 1.35f; // line pitch / font size in 关怀版 (MIIT: ≥ 1.3)
}  // namespace care
constexpr float kLineHeight = 1.25f;  // normal mode: wrapped CJK lines must not touch

// Framebuffer pixels for a length in CSS pixels at the current scale (and 关怀版 zoom).
float px(float css);
float scale();  // devicePixelRatio
void set_scale(float s);
bool care_mode();
void set_care(bool on);  // palette + zoom; re-applies the ImGui style when it changes
// zoom: the text zoom in effect (1–2, on top of 关怀版; app.h zoom_for()); every size follows.
float text_zoom();
void set_zoom(float z);  // re-applies the ImGui style when it changes
// Space between wrapped lines for the current font size.
float line_gap();

// Sets style sizes for the scale (call when the scale changes, before a frame).
void apply_theme(float scale);

// Font size in framebuffer pixels the platform should build glyphs for. 关怀版
// (state.settings.care_mode) is 1.5× larger, and the text zoom (zoom: 1–2) multiplies it:
// the platform rebuilds the glyphs when either changes. (For the frames before it does —
// one after a switch, the length of a pinch — draw() scales the built font.)
float font_pixels(float scale, bool care_mode = false, float text_zoom = 1);

}  // namespace zygc::ui
