// Rows laid out only near the visible part of the scroll area (virtual_list.h).
#include "ui/virtual_list.h"

#include <cfloat>
#include <cmath>

#include "imgui_internal.h"
#include "ui/context_internal.h"
#include "ui/theme.h"

namespace zygc::ui {
namespace {

using Heights = Context::RowHeights;

constexpr float kFirstGuess = 120;  // CSS px: a row's height before any was measured

// The kept heights as a Fenwick tree (1-based): the rows above a point and the row at a
// point are found in O(log n), so the cost of a frame does not grow with the list.
void build(Heights& h) {
    const size_t n = h.height.size();
    h.tree.assign(n + 1, 0.0);
    h.sum = 0;
    for (size_t i = 1; i <= n; ++i) {
        h.tree[i] += h.height[i - 1];
        h.sum += h.height[i - 1];
        const size_t j = i + (i & (~i + 1));
        if (j <= n) h.tree[j] += h.tree[i];
    }
}

void add(Heights& h, size_t row, double delta) {
    for (size_t i = row + 1; i < h.tree.size(); i += i & (~i + 1)) h.tree[i] += delta;
    h.sum += delta;
}

// The height of the rows before `row`.
double above(const Heights& h, size_t row) {
    double s = 0;
    for (size_t i = row; i > 0; i -= i & (~i + 1)) s += h.tree[i];
    return s;
}

// The row that `y` (from the list's top) falls in; the row count when below them all.
size_t row_at(const Heights& h, double y) {
    const size_t n = h.height.size();
    size_t step = 1;
    while (step * 2 <= n) step *= 2;
    size_t pos = 0;
    for (; step; step /= 2)
        if (pos + step <= n && h.tree[pos + step] <= y) {
            pos += step;
            y -= h.tree[pos];
        }
    return pos;
}

// New rows (a page arrived) count as the mean row until drawn; a shorter list (another
// query) keeps the heights of its first rows as estimates.
void fit(Heights& h, size_t count) {
    if (h.height.size() == count) return;
    const float guess = h.height.empty() ? kFirstGuess : static_cast<float>(h.sum / h.height.size());
    h.height.resize(count, guess);
    build(h);
}

}  // namespace

RowRange begin_rows(const char* id, size_t count) {
    RowRange r;
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return r;
    r.id = win->GetID(id);
    r.count = count;
    Heights& h = context().row_heights[r.id];
    fit(h, count);
    r.unit = px(1);
    r.x = win->DC.CursorPos.x;
    r.top = win->DC.CursorPos.y;
    // Half a screen above and below: the pinch anchor and a fling's next frame stay in it.
    const float margin = (win->ClipRect.Max.y - win->ClipRect.Min.y) * 0.5f;
    r.clip_top = win->ClipRect.Min.y;
    r.view_top = win->ClipRect.Min.y - margin;
    r.view_bottom = win->ClipRect.Max.y + margin;
    // While a pinch's anchor is followed (zoom.h), every row is laid out: the heights change
    // with the zoom, and the anchor's row must be found wherever the guesses put it.
    if (context().zoom_anchor.id) r.view_top = -FLT_MAX, r.view_bottom = FLT_MAX;
    r.first = r.view_top > r.top ? row_at(h, (r.view_top - r.top) / r.unit) : 0;
    if (r.first > count) r.first = count;
    r.next = r.first;
    // Whole pixels: ImGui floors positions inside a row, so a row measures the same wherever it starts.
    r.row_top = std::round(r.top + static_cast<float>(above(h, r.first)) * r.unit);
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.row_top));
    return r;
}

bool next_row(RowRange& r, size_t& i) {
    if (!r.id) return false;
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    Context& ctx = context();
    Heights& h = ctx.row_heights[r.id];
    if (r.next > r.first) {  // the row just drawn: its height from its top to the next row's
        const float y = win->DC.CursorPos.y;
        const float pitch = (y - r.row_top) / r.unit;
        float& kept = h.height[r.next - 1];
        if (std::fabs(pitch - kept) * r.unit >= 0.5f) {
            add(h, r.next - 1, pitch - kept);
            if (r.row_top < r.clip_top) r.scroll_fix += (pitch - kept) * r.unit;  // above the screen
            kept = pitch;
        }
        r.row_top = y;
    }
    if (r.next < r.count && r.row_top < r.view_bottom) {
        i = r.next++;
        return true;
    }

    // Done: the cursor goes below the whole list, as if every row had been drawn.
    const float end = r.next == r.count ? r.row_top : std::round(r.top + static_cast<float>(above(h, r.count)) * r.unit);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    ImGui::SetCursorScreenPos(ImVec2(r.x, end - spacing));
    ImGui::Dummy(ImVec2(0, 0));  // the content's height ends at the last row, the cursor one spacing below
    if (r.scroll_fix != 0) {  // rows above the screen grew: what is on screen stays put
        const float at = win->ScrollTarget.y < FLT_MAX ? win->ScrollTarget.y : win->Scroll.y;
        ImGui::SetScrollY(win, at + r.scroll_fix);
    }
    ctx.last_rows = {r.count, r.first, r.next - r.first};
    r.id = 0;
    return false;
}

RowStats last_rows() { return context().last_rows; }

}  // namespace zygc::ui
