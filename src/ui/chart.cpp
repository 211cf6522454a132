#include "ui/chart.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace zygc::ui {

void bar_chart(const std::vector<BarColumn>& columns, const std::string& summary, float height_css) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    const float width = ImGui::GetContentRegionAvail().x;
    const float label_h = ImGui::GetFontSize() * 0.8f + px(6);
    const ImVec2 p0 = win->DC.CursorPos;
    const ImVec2 size(width, px(height_css) + label_h);
    ImGui::ItemSize(size);
    const ImGuiID id = win->GetID("##bar_chart");
    const ImRect bb(p0, ImVec2(p0.x + size.x, p0.y + size.y));
    if (!ImGui::ItemAdd(bb, id)) return;
    sem_last(sem::Role::Image, summary.c_str());

    ImDrawList* dl = win->DrawList;
    const float plot_h = px(height_css), base = p0.y + plot_h;
    dl->AddLine(ImVec2(p0.x, base), ImVec2(p0.x + width, base), color::Border, ImMax(1.0f, px(1)));
    if (columns.empty()) return;
    double top = 0;
    for (const BarColumn& c : columns) top = std::max(top, c.solid + c.light);
    const float slot = width / float(columns.size());
    const float bar_w = ImMax(px(4), slot * 0.6f);
    const float small = ImGui::GetFontSize() * 0.8f;
    // Every label when all fit their slots with a gap between them, else every second (or
    // third…), each centred under its bar: never two run together (10月11月12月).
    float widest = 0;
    for (const BarColumn& c : columns)
        widest = ImMax(widest, ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, 0, c.label.c_str()).x);
    size_t step = 1;
    while (step < columns.size() && widest + px(6) > slot * float(step)) ++step;
    for (size_t i = 0; i < columns.size(); ++i) {
        const BarColumn& c = columns[i];
        const float x0 = p0.x + slot * float(i) + (slot - bar_w) * 0.5f, x1 = x0 + bar_w;
        const float h_solid = top > 0 ? float(c.solid / top) * (plot_h - px(4)) : 0;
        const float h_light = top > 0 ? float(c.light / top) * (plot_h - px(4)) : 0;
        if (h_solid > 0) dl->AddRectFilled(ImVec2(x0, base - h_solid), ImVec2(x1, base), color::Primary, px(2));
        if (h_light > 0)
            dl->AddRectFilled(ImVec2(x0, base - h_solid - h_light), ImVec2(x1, base - h_solid), color::PrimarySoft, px(2));
        if (h_light > 0)
            dl->AddRect(ImVec2(x0, base - h_solid - h_light), ImVec2(x1, base - h_solid), color::Primary, px(2), 0,
                        ImMax(1.0f, px(1)));
        if (i % step != 0) continue;
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, 0, c.label.c_str());
        const float x = ImClamp(p0.x + slot * (float(i) + 0.5f) - ts.x * 0.5f, p0.x, p0.x + width - ts.x);
        dl->AddText(ImGui::GetFont(), small, ImVec2(x, base + px(4)), color::Muted, c.label.c_str());
    }
}

}  // namespace zygc::ui
