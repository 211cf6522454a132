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
};

// Sets style sizes for the scale (call when the scale changes, before a frame).
void apply_theme(float scale);

// Font size in framebuffer pixels the platform should build glyphs for.
float font_pixels(float scale);

void draw(const State& state, const Viewport& viewport, std::vector<Action>& out);

// Every user-visible string the UI can show by itself (not from the API), concatenated:
// the web platform rasterizes their glyphs before the first frame.
std::string static_text();

}  // namespace zygc::ui
