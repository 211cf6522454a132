// Colours and sizes of the app's look. Sizes are in CSS pixels; px() turns them into
// framebuffer pixels for the scale set by apply_theme()/draw().
#pragma once
#include "imgui.h"

namespace zygc::ui {

namespace color {
constexpr ImU32 Primary = IM_COL32(0x0B, 0x6C, 0xB8, 0xFF);      // harbour blue
constexpr ImU32 PrimaryDark = IM_COL32(0x08, 0x52, 0x8C, 0xFF);
constexpr ImU32 PrimarySoft = IM_COL32(0xE8, 0xF2, 0xFB, 0xFF);  // tinted tiles, chips
constexpr ImU32 Background = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 Surface = IM_COL32(0xF5, 0xF7, 0xFA, 0xFF);      // cards
constexpr ImU32 SurfacePressed = IM_COL32(0xE6, 0xEB, 0xF1, 0xFF);
constexpr ImU32 Border = IM_COL32(0xE3, 0xE8, 0xEE, 0xFF);
constexpr ImU32 Text = IM_COL32(0x1D, 0x26, 0x33, 0xFF);
constexpr ImU32 Muted = IM_COL32(0x6B, 0x76, 0x86, 0xFF);
constexpr ImU32 OnPrimary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 Success = IM_COL32(0x1B, 0x8A, 0x5A, 0xFF);
constexpr ImU32 Danger = IM_COL32(0xC6, 0x3B, 0x2F, 0xFF);
constexpr ImU32 DangerSoft = IM_COL32(0xFD, 0xEE, 0xEC, 0xFF);
constexpr ImU32 Skeleton = IM_COL32(0xE9, 0xED, 0xF2, 0xFF);
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
constexpr float Touch = 44;     // minimum touch target
}  // namespace size

// Framebuffer pixels for a length in CSS pixels at the current scale.
float px(float css);
float scale();
void set_scale(float s);

}  // namespace zygc::ui
