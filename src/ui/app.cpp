// The frame: one full-screen window with a top bar (back + title), the current screen in a
// scrolling child region, and a bottom tab bar. Index:
// [SECTION] Top bar
// [SECTION] Tab bar
// [SECTION] draw()
// [SECTION] static_text()
#include "ui/app.h"

#include "imgui.h"
#include "imgui_internal.h"
#include "core/format.h"
#include "ui/screens.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

Route g_last_route;
bool g_first_frame = true;

// Where the back arrow leads. (The browser's own back button walks the real history.)
Route parent_of(const Route& r) {
    switch (r.kind) {
        case Route::Project: return route_projects();
        default: return route_home();
    }
}

const char* title_of(const State& s) {
    switch (s.route.kind) {
        case Route::Home: return tr(S::AppTitle);
        case Route::Projects: return tr(S::TitleProjects);
        case Route::Project: return tr(S::TitleProject);
        case Route::Brand:
            if (!s.brand.data.name.empty() && s.brand.data.slug == s.route.slug) return s.brand.data.name.c_str();
            return tr(S::TitleBrand);
        default: return tr(S::TitleNotFound);  // routes whose screens are not built yet
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Top bar
//-----------------------------------------------------------------------------

void top_bar(const State& s, const Viewport& vp, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar = px(size::TopBar), y = vp.safe_top;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.width, height), color::Primary);

    const float side = px(size::TopBar);  // back button square; the title avoids both sides
    if (s.route.kind != Route::Home) {
        ImGui::SetCursorScreenPos(ImVec2(0, y));
        const bool pressed = ImGui::InvisibleButton("##back", ImVec2(side, bar));
        const bool held = ImGui::IsItemActive();
        sem_last(sem::Role::Button, tr(S::Back));
        if (held) dl->AddRectFilled(ImVec2(0, y), ImVec2(side, y + bar), color::PrimaryDark);
        const float cx = side * 0.5f, cy = y + bar * 0.5f, r = px(7);
        const ImVec2 chevron[3] = {ImVec2(cx + r * 0.5f, cy - r), ImVec2(cx - r * 0.5f, cy),
                                   ImVec2(cx + r * 0.5f, cy + r)};
        dl->AddPolyline(chevron, 3, color::OnPrimary, 0, ImMax(1.0f, px(2)));
        if (is_tap(pressed)) emit(Navigate{parent_of(s.route)});
    }

    const char* title = title_of(s);
    const float tw = ImGui::CalcTextSize(title).x;
    float x = (vp.width - tw) * 0.5f;
    if (x < side) x = side;
    ImGui::PushClipRect(ImVec2(side, y), ImVec2(vp.width - side, y + bar), true);
    ImGui::SetCursorScreenPos(ImVec2(x, y + (bar - ImGui::GetFontSize()) * 0.5f));
    text_line(title, color::OnPrimary, true, sem::Role::Heading);
    ImGui::PopClipRect();
}

//-----------------------------------------------------------------------------
// [SECTION] Tab bar
//-----------------------------------------------------------------------------

enum class Icon { Home, List };

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float r, ImU32 col) {
    const float t = ImMax(1.0f, px(1.8f));
    if (icon == Icon::Home) {
        const ImVec2 roof[3] = {ImVec2(c.x - r, c.y - r * 0.1f), ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y - r * 0.1f)};
        dl->AddPolyline(roof, 3, col, 0, t);
        dl->AddRect(ImVec2(c.x - r * 0.7f, c.y - r * 0.3f), ImVec2(c.x + r * 0.7f, c.y + r), col, 0, 0, t);
    } else {
        for (int i = 0; i < 3; ++i) {
            const float yy = c.y - r * 0.7f + i * r * 0.7f;
            dl->AddCircleFilled(ImVec2(c.x - r * 0.8f, yy), t * 0.9f, col);
            dl->AddLine(ImVec2(c.x - r * 0.45f, yy), ImVec2(c.x + r, yy), col, t);
        }
    }
}

void tab(const char* label, Icon icon, bool selected, const Route& current, const Route& to, ImVec2 pos,
         ImVec2 size) {
    ImGui::SetCursorScreenPos(pos);
    const bool pressed = ImGui::InvisibleButton(label, size);
    sem_last(sem::Role::Tab, label, selected ? uint32_t(sem::Selected) : 0u);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = selected ? color::Primary : color::Muted;
    const float icon_r = px(9), cx = pos.x + size.x * 0.5f;
    draw_icon(dl, icon, ImVec2(cx, pos.y + px(8) + icon_r), icon_r, col);
    const ImVec2 ts = ImGui::CalcTextSize(label, nullptr, true);
    dl->AddText(ImVec2(cx - ts.x * 0.5f, pos.y + px(8) + 2 * icon_r + px(4)), col, label,
                ImGui::FindRenderedTextEnd(label));
    if (is_tap(pressed) && !(current == to)) emit(Navigate{to});
}

void tab_bar(const State& s, const Viewport& vp, float top, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, top), ImVec2(vp.width, top + height), color::Background);
    dl->AddLine(ImVec2(0, top), ImVec2(vp.width, top), color::Border, ImMax(1.0f, px(1)));
    const bool home = s.route.kind != Route::Projects && s.route.kind != Route::Project;
    const ImVec2 sz(vp.width * 0.5f, px(size::TabBar));
    // A tab leads to its root, also from a detail under it.
    tab(tr(S::TabHome), Icon::Home, home, s.route, route_home(), ImVec2(0, top), sz);
    tab(tr(S::TabProjects), Icon::List, !home, s.route, route_projects(), ImVec2(sz.x, top), sz);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] draw()
//-----------------------------------------------------------------------------

void draw(const State& state, const Viewport& vp, std::vector<Action>& out) {
    set_scale(vp.scale);
    set_frame(&out, vp);

    const float top_h = vp.safe_top + px(size::TopBar);
    const float tab_h = vp.safe_bottom + px(size::TabBar);
    const float content_h = ImMax(vp.height - top_h - tab_h, 1.0f);

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(vp.width, vp.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##zygc", nullptr, flags);
    ImGui::PopStyleVar(3);

    top_bar(state, vp, top_h);

    // The screen: one scrolling child per kind of route, so the list keeps its place while a
    // detail is open; a detail starts at the top whenever the route changes.
    const Route& route = state.route;
    const bool changed = g_first_frame || !(route == g_last_route);
    if (changed && (route.kind == Route::Project || route.kind == Route::Brand))
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    ImGui::SetCursorScreenPos(ImVec2(0, top_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(size::Pad), px(size::Pad)));
    ImGui::PushID(static_cast<int>(route.kind));
    const bool visible =
        ImGui::BeginChild("##screen", ImVec2(vp.width, content_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    if (visible) {
        switch (route.kind) {
            case Route::Home: screen_home(state); break;
            case Route::Projects: screen_projects(state); break;
            case Route::Project: screen_project(state); break;
            case Route::Brand: screen_brand(state); break;
            default: screen_not_found(state); break;  // routes whose screens are not built yet
        }
    }
    ImGui::EndChild();
    ImGui::PopID();

    tab_bar(state, vp, vp.height - tab_h, tab_h);
    ImGui::End();

    g_last_route = route;
    g_first_frame = false;
    set_frame(nullptr, vp);
}

//-----------------------------------------------------------------------------
// [SECTION] static_text()
//-----------------------------------------------------------------------------

std::string static_text() {
    static std::string text;
    if (!text.empty()) return text;
    for (int i = 0; i < static_cast<int>(S::COUNT); ++i) text += tr_zh(i);
    text += fmt::glyphs();
    for (const Category& c : categories()) text += c.label_zh;
    for (char c = 0x20; c < 0x7F; ++c) text += c;
    text += "·…–—，。：；！？（）《》“”、";
    return text;
}

}  // namespace zygc::ui
