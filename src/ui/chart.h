// A small bar chart drawn with ImGui's draw list: one stacked bar per column (a solid part
// and a lighter part on top), labels under the bars. Recorded in the semantics tree as one
// Image whose label carries the figures, so screen readers and tests read what it shows.
#pragma once
#include <string>
#include <vector>

namespace zygc::ui {

struct BarColumn {
    std::string label;     // under the bar ("11月" / "Nov")
    double solid = 0;      // the lower part (certified)
    double light = 0;      // stacked on top (pending)
};

// `summary` is the semantics label (the figures in words). Height in CSS px.
void bar_chart(const std::vector<BarColumn>& columns, const std::string& summary, float height_css = 140);

}  // namespace zygc::ui
