// Wrapped text for the widgets (internal to src/ui): lines broken where ImGui's word wrap
// would, then moved to keep Chinese line-breaking rules (line_break.h); drawn with the
// theme's line spacing, optionally faux-bold; cut with "…" where a box ends.
#pragma once
#include <cstdint>

#include "imgui.h"
#include "ui/semantics.h"

namespace zygc::ui {

struct Line {
    const char* b;
    const char* e;
    bool ellipsis = false;  // draw "…" after it (the text goes on beyond its box)
};

// Device pixels a faux-bold copy is shifted by.
float bold_offset();

// Splits [s, end) into lines that fit `wrap` (FLT_MAX: no wrapping) at the current font
// size: at '\n', and where ImGui's word wrap would break, kept to 禁则. Blanks at a break are
// skipped. Returns the size of the block.
ImVec2 layout_lines(const char* s, const char* end, float wrap, ImVector<Line>& lines);

// Keeps the lines that fit in `height` (at the line pitch); when some are dropped the last
// kept one is shortened to fit `wrap` with "…" after it. Returns the kept block's height.
float fit_lines(ImVector<Line>& lines, float wrap, float height);

// Text as a laid-out item at the cursor, wrapped at the current wrap position (the content
// edge when none is set), with the theme's line spacing, optionally faux-bold, and recorded in
// the semantics tree when `record` (widgets.cpp).
void text_impl(const char* s, const char* end, ImU32 col, bool bold, bool record, sem::Role role,
               uint32_t flags = 0);

void draw_lines(ImDrawList* dl, ImVec2 pos, ImU32 col, const ImVector<Line>& lines, bool bold,
                const ImVec4* clip = nullptr);

// Text drawn straight to the draw list (inside cards): wrapped at `wrap`, only whole lines
// that fit above clip.w, the last one ending in "…" when the text goes on. Returns its height.
float draw_text(ImDrawList* dl, ImVec2 pos, ImU32 col, const char* s, float wrap, const ImVec4& clip,
                bool bold = false);

}  // namespace zygc::ui
