// The whole interface for one frame: a function of State. User intent comes back as
// Actions appended to `out`; the caller dispatches them after the frame.
// Call between ImGui::NewFrame()/sem::begin_frame() and sem::end_frame()/ImGui::Render(),
// with the platform's ui::Context current (context.h).
#pragma once
#include <string>
#include <vector>

#include "core/store.h"
#include "ui/context.h"  // Viewport, the UI context the platform creates
#include "ui/theme.h"    // apply_theme(), font_pixels()

namespace zygc::ui {

void draw(const State& state, const Viewport& viewport, std::vector<Action>& out);

// Every user-visible string the UI can show by itself (not from the API), concatenated:
// the web platform rasterizes their glyphs before the first frame.
std::string static_text();

}  // namespace zygc::ui
