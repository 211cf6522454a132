// The whole interface for one frame: a function of State. User intent comes back as
// Actions appended to `out`; the caller dispatches them after the frame.
// Call between ImGui::NewFrame()/sem::begin_frame() and sem::end_frame()/ImGui::Render().
#pragma once
#include <string>
#include <vector>

#include "core/store.h"

namespace zygc::ui {

struct Viewport {
    float width = 0, height = 0;  // framebuffer pixels (= CSS pixels × scale)
    float scale = 1;              // devicePixelRatio
    float safe_top = 0, safe_bottom = 0;  // safe-area insets, framebuffer pixels
    float pull_px = 0;    // pull-to-refresh: how far the list is pulled down, framebuffer pixels
    double now_ms = 0;    // wall clock, ms since the Unix epoch (countdowns, today's date)
};

// Sets style sizes for the scale (call when the scale changes, before a frame).
void apply_theme(float scale);

// Font size in framebuffer pixels the platform should build glyphs for. 关怀版
// (state.settings.care_mode) is 1.5× larger: the platform rebuilds the glyphs when it
// changes. (For the one frame before it does, draw() scales the built font.)
float font_pixels(float scale, bool care_mode = false);

void draw(const State& state, const Viewport& viewport, std::vector<Action>& out);

// Every user-visible string the UI can show by itself (not from the API), concatenated:
// the web platform rasterizes their glyphs before the first frame.
std::string static_text();

}  // namespace zygc::ui
