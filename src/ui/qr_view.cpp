#include "ui/qr_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <map>

#include "ui/semantics.h"
#include "ui/widgets.h"

namespace zygc::ui {

void draw_qr(const qr::Matrix& m, float side_px) {
    constexpr int kQuiet = 4;  // modules of white around the code (ISO/IEC 18004)
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 box(side_px, side_px);
    const ImRect rect(origin, ImVec2(origin.x + box.x, origin.y + box.y));
    ImGui::ItemSize(box);
    if (!ImGui::ItemAdd(rect, ImGui::GetID("##qr"))) return;
    sem_last(sem::Role::Image, "QR");
    if (m.size <= 0) return;

    const int total = m.size + 2 * kQuiet;
    const float module = std::max(1.0f, std::floor(side_px / float(total)));
    const float drawn = module * float(total);
    // Whole-pixel top-left corner, centred in the box.
    const float x0 = std::floor(origin.x + (side_px - drawn) / 2);
    const float y0 = std::floor(origin.y + (side_px - drawn) / 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + drawn, y0 + drawn), IM_COL32(255, 255, 255, 255));
    const ImU32 ink = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < m.size; ++y) {
        // Runs of dark modules in a row become one rect: fewer vertices, no seams.
        int x = 0;
        while (x < m.size) {
            if (!m.at(x, y)) { ++x; continue; }
            int end = x;
            while (end < m.size && m.at(end, y)) ++end;
            const float left = x0 + float(x + kQuiet) * module, top = y0 + float(y + kQuiet) * module;
            dl->AddRectFilled(ImVec2(left, top), ImVec2(x0 + float(end + kQuiet) * module, top + module), ink);
            x = end;
        }
    }
}

void draw_qr(const std::string& payload, float side_px) {
    static std::map<std::string, qr::Matrix> cache;
    auto it = cache.find(payload);
    if (it == cache.end()) {
        if (cache.size() > 16) cache.clear();
        it = cache.emplace(payload, qr::encode(payload)).first;
    }
    draw_qr(it->second, side_px);
}

}  // namespace zygc::ui
