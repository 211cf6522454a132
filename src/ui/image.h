// Pictures (issue 10): a box of a fixed size that shows an image of the images slice
// (core/images.h) once the platform has it as a texture, and a placeholder colour until then
// or when it failed, so nothing moves when it arrives. Lazy: the picture is asked for
// (WantImage) only when its box is on screen. Recorded as Role::Image with its alt text,
// Busy while it loads and Ready once drawn.
#pragma once
#include <string>
#include <vector>

#include "core/store.h"

namespace zygc::ui {

// `url` with the width variants in `widths` (empty: the URL alone); w × h in CSS px; the
// picture covers the box (cropped to its aspect), corners rounded by `radius_css`. Returns
// true when tapped (the box is a button for touch; for screen readers it is an image).
bool image(const State& state, const std::string& url, const std::vector<int>& widths, const char* alt,
           float w_css, float h_css, float radius_css);

// A brand's cover: "<name>封面" / "<name> cover" as its alt text.
bool brand_cover(const State& state, const Brand& b, float w_css, float h_css, float radius_css);

}  // namespace zygc::ui
