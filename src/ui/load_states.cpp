// What a screen shows instead of its data: skeleton rows while it loads, an error box with
// 重试, the foot of a paged list, an empty state (declared in widgets.h).
#include <cstdio>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/strings.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace zygc::ui {

void skeleton(int rows) {
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (win->SkipItems) return;
    char label[64];
    for (int i = 0; i < rows; ++i) {
        const float w = ImGui::GetContentRegionAvail().x, h = px(84);
        ImGui::Dummy(ImVec2(w, h));
        std::snprintf(label, sizeof label, "%s##skeleton%d", tr(S::Loading), i);
        sem::add_last_item(sem::Role::Text, label, sem::Busy);
        if (!ImGui::IsItemVisible()) continue;
        const ImVec2 a = ImGui::GetItemRectMin();
        const float pad = px(size::CardPad), line = ImGui::GetFontSize();
        ImDrawList* dl = win->DrawList;
        dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), color::Surface, px(size::Radius));
        dl->AddRectFilled(ImVec2(a.x + pad, a.y + pad), ImVec2(a.x + w * 0.7f, a.y + pad + line), color::Skeleton,
                          px(4));
        dl->AddRectFilled(ImVec2(a.x + pad, a.y + pad + line * 1.7f), ImVec2(a.x + w * 0.45f, a.y + pad + line * 2.7f),
                          color::Skeleton, px(4));
    }
}

void busy_line() {
    text_impl(tr(S::Updating), nullptr, color::Muted, false, true, sem::Role::Text, sem::Busy);
}

std::string error_message(const ApiError& e) {
    switch (e.kind) {
        case ApiError::Network: return tr(S::ErrNetwork);
        case ApiError::BadPayload: return tr(S::ErrBadPayload);
        case ApiError::Http: break;
    }
    if (e.status == 404 || e.status == 410) return tr(S::ErrNotFound);
    if (e.status >= 500) return tr(S::ErrServer);
    if (e.status == 401) return tr(S::ErrUnauthorized);
    if (e.status == 403) return tr(S::ErrForbidden);
    if (e.status == 429) return tr(S::ErrTooMany);
    char buf[96];
    std::snprintf(buf, sizeof buf, tr(S::ErrHttpFmt), e.status);
    return buf;
}

std::string error_detail(const ApiError& e) {
    switch (e.kind) {
        case ApiError::Network: return tr(S::ErrNetworkHint);
        case ApiError::BadPayload: return e.detail;
        case ApiError::Http: break;
    }
    // The server's reason in the user's language (its Chinese detail only in Chinese).
    if (!e.problem.code.empty() || !e.problem.detail.empty())
        return say(Message{e.problem.code, e.problem.params, e.problem.detail});
    // A title only adds something when the headline is generic.
    const bool generic = e.status != 404 && e.status != 410 && e.status < 500 && e.status != 401 &&
                         e.status != 403 && e.status != 429;
    return generic ? e.problem.title : std::string();
}

bool load_more(const Remote<bool>& next, Target retry, bool more) {
    if (next.failed()) error_box(next.error(), retry);
    else if (next.loading()) skeleton(1);
    else if (more) return secondary_button(tr(S::LoadMore), true) || (ImGui::GetScrollY() > 0 && ImGui::IsItemVisible());
    return false;
}

void error_box(const ApiError& e, Target retry) {
    if (ImGui::GetCurrentWindow()->SkipItems) return;
    ImGui::PushID(static_cast<int>(retry));
    begin_panel();
    const std::string msg = error_message(e);
    text_impl(msg.c_str(), nullptr, color::Danger, true, true, sem::Role::Text, sem::Alert);
    const std::string detail = error_detail(e);
    if (!detail.empty()) text_muted(detail.c_str());
    // 重试 where asking again may help: not for a refusal or what is not there.
    const bool final = e.kind == ApiError::Http && (e.status == 403 || e.status == 404 || e.status == 410);
    bool again = false;
    if (!final) {
        spacing(2);
        again = primary_button(tr(S::Retry));
    }
    end_panel(color::DangerSoft);
    ImGui::PopID();
    if (again) emit(Retry{retry});
}

void empty_state(const char* message) {
    spacing(24);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = ImGui::CalcTextSize(message).x;
    if (w < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) * 0.5f);
    text_muted(message);
    spacing(24);
}

}  // namespace zygc::ui
