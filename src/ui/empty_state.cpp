#include "ui/empty_state.h"

#include <cmath>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/semantics.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace zygc::ui {
namespace {

constexpr float kPicture = 96;  // CSS px

const char* alt_of(Picture p) {
    switch (p) {
        case Picture::Search: return tr(S::PicSearch);
        case Picture::Missing: return tr(S::PicMissing);
        case Picture::Offline: return tr(S::PicOffline);
        case Picture::Empty: return tr(S::PicEmpty);
    }
    return "";
}

// The drawings, in a unit square scaled to `s` px with its corner at `o`.
struct Pen {
    ImDrawList* dl;
    ImVec2 o;
    float s;
    ImVec2 at(float x, float y) const { return ImVec2(o.x + x * s, o.y + y * s); }
    float w(float f) const { return f * s; }
};

void magnifier(const Pen& p) {
    p.dl->AddCircleFilled(p.at(0.5f, 0.5f), p.w(0.46f), color::PrimarySoft, 48);
    p.dl->AddCircleFilled(p.at(0.44f, 0.42f), p.w(0.2f), color::Background, 40);
    p.dl->AddCircle(p.at(0.44f, 0.42f), p.w(0.2f), color::Primary, 40, p.w(0.05f));
    p.dl->AddLine(p.at(0.58f, 0.57f), p.at(0.74f, 0.74f), color::Primary, p.w(0.08f));
    // "nothing here": a short dash in the lens
    p.dl->AddLine(p.at(0.36f, 0.42f), p.at(0.52f, 0.42f), color::Muted, p.w(0.035f));
}

void blank_page(const Pen& p) {
    p.dl->AddCircleFilled(p.at(0.5f, 0.5f), p.w(0.46f), color::PrimarySoft, 48);
    const ImVec2 a = p.at(0.3f, 0.2f), b = p.at(0.7f, 0.8f);
    const float fold = p.w(0.14f);
    ImVec2 page[5] = {a, ImVec2(b.x - fold, a.y), ImVec2(b.x, a.y + fold), b, ImVec2(a.x, b.y)};
    p.dl->AddConvexPolyFilled(page, 5, color::Background);
    p.dl->AddPolyline(page, 5, color::Primary, ImDrawFlags_Closed, p.w(0.035f));
    p.dl->AddLine(ImVec2(b.x - fold, a.y), ImVec2(b.x - fold, a.y + fold), color::Primary, p.w(0.03f));
    p.dl->AddLine(ImVec2(b.x - fold, a.y + fold), ImVec2(b.x, a.y + fold), color::Primary, p.w(0.03f));
    // a question mark drawn as an arc and a dot
    p.dl->PathArcTo(p.at(0.5f, 0.46f), p.w(0.08f), IM_PI, IM_PI * 2.4f, 16);
    p.dl->PathLineTo(p.at(0.5f, 0.6f));
    p.dl->PathStroke(color::Muted, 0, p.w(0.04f));
    p.dl->AddCircleFilled(p.at(0.5f, 0.68f), p.w(0.03f), color::Muted, 12);
}

void cut_cloud(const Pen& p) {
    p.dl->AddCircleFilled(p.at(0.5f, 0.5f), p.w(0.46f), color::PrimarySoft, 48);
    // the cloud: three puffs on a flat base
    p.dl->AddCircleFilled(p.at(0.38f, 0.52f), p.w(0.12f), color::Primary, 32);
    p.dl->AddCircleFilled(p.at(0.53f, 0.44f), p.w(0.16f), color::Primary, 32);
    p.dl->AddCircleFilled(p.at(0.66f, 0.53f), p.w(0.11f), color::Primary, 32);
    p.dl->AddRectFilled(p.at(0.38f, 0.52f), p.at(0.66f, 0.64f), color::Primary);
    // the line cut across it
    p.dl->AddLine(p.at(0.26f, 0.28f), p.at(0.76f, 0.78f), color::PrimarySoft, p.w(0.09f));
    p.dl->AddLine(p.at(0.28f, 0.26f), p.at(0.78f, 0.76f), color::Danger, p.w(0.04f));
}

void open_box(const Pen& p) {
    p.dl->AddCircleFilled(p.at(0.5f, 0.5f), p.w(0.46f), color::PrimarySoft, 48);
    ImVec2 body[4] = {p.at(0.28f, 0.45f), p.at(0.72f, 0.45f), p.at(0.68f, 0.74f), p.at(0.32f, 0.74f)};
    p.dl->AddConvexPolyFilled(body, 4, color::Background);
    p.dl->AddPolyline(body, 4, color::Primary, ImDrawFlags_Closed, p.w(0.035f));
    p.dl->AddLine(p.at(0.28f, 0.45f), p.at(0.2f, 0.34f), color::Primary, p.w(0.035f));  // the flaps
    p.dl->AddLine(p.at(0.72f, 0.45f), p.at(0.8f, 0.34f), color::Primary, p.w(0.035f));
}

}  // namespace

void draw_picture(Picture picture, float css) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    const float side = px(css);
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > side) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - side) * 0.5f);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    if (!ImGui::IsItemVisible()) return;
    const Pen pen{win->DrawList, o, side};
    switch (picture) {
        case Picture::Search: magnifier(pen); break;
        case Picture::Missing: blank_page(pen); break;
        case Picture::Offline: cut_cloud(pen); break;
        case Picture::Empty: open_box(pen); break;
    }
    sem::add_last_item(sem::Role::Image, alt_of(picture), sem::Ready);
}

bool state_view(Picture picture, const char* title, const char* detail, const char* action) {
    if (ImGui::GetCurrentWindow()->SkipItems) return false;
    ImGui::PushID(static_cast<int>(picture));
    spacing(space::XL);
    draw_picture(picture, kPicture);
    spacing(space::M);
    if (picture == Picture::Offline) text_alert(title);
    else heading(title);
    if (detail && detail[0]) text_muted(detail);
    bool tapped = false;
    if (action) {
        spacing(space::M);
        tapped = primary_button(action, true);
    }
    spacing(space::L);
    ImGui::PopID();
    return tapped;
}

bool error_state(const ApiError& e) {
    const std::string msg = error_message(e);
    const std::string detail = error_detail(e);
    return state_view(Picture::Offline, msg.c_str(), detail.c_str(), tr(S::Retry));
}

}  // namespace zygc::ui
