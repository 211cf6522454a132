// A long list of rows laid out only near the visible part of its scroll area (issue 11, the
// frame): flinging 58,000 projects costs what flinging 20 does. Each row's height is measured
// when it is laid out and kept (rows differ: titles wrap), so the rows above and below the
// visible ones are a sum of kept heights: the scrollbar and the scroll position stay right,
// and appending a page moves nothing. Rows not measured yet count as the mean row.
//
//   RowRange rows = begin_rows("##projects", items.size());
//   for (size_t i; next_row(rows, i);) draw(items[i]);   // never break out of the loop
//
// Heights are kept per list (its ImGui id in the current window, so per screen) in CSS px at
// the zoom in effect, so a zoom or a pinch keeps them as estimates; the rows drawn are
// measured again each frame, and a row that grows above the visible part moves the scroll by
// as much, so what is on screen stays put. While a pinch's anchor is followed (zoom.h) every
// row is laid out, as before this list existed: a pinch is rare, a fling is not. Off-screen rows are not drawn, so the semantics tree
// (and the screen reader's mirror) holds the rows on and near the screen only.
#pragma once
#include <cstddef>

#include "imgui.h"

namespace zygc::ui {

struct RowRange {
    ImGuiID id = 0;
    size_t count = 0;         // rows in the list
    size_t first = 0;         // the first row laid out
    size_t next = 0;          // the row next_row() hands out next
    float unit = 1;           // px(1): heights are kept in CSS px at the zoom in effect
    float x = 0, top = 0;     // the list's top-left (screen px)
    float clip_top = 0;       // the visible part's top (screen px)
    float row_top = 0;        // the row being drawn's top (screen px)
    float view_top = 0, view_bottom = 0;  // rows are laid out if they meet this band (screen px)
    float scroll_fix = 0;     // growth of rows above the visible part this frame (px)
};

RowRange begin_rows(const char* id, size_t count);
// Hands out the next row to draw in `i` and measures the one drawn before; false (once) when
// the rows near the screen are done: the cursor is then below the whole list.
bool next_row(RowRange& rows, size_t& i);

// The last list laid out in the current context: how many rows it has and which it drew.
struct RowStats {
    size_t count = 0, first = 0, laid_out = 0;
};
RowStats last_rows();

}  // namespace zygc::ui
