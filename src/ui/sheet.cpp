#include "ui/sheet.h"

#include <cstdio>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/context_internal.h"
#include "ui/semantics.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace zygc::ui {

int sheet_footer(bool done_disabled, ImGuiStorage* st, unsigned open_key) {
    int act = 0;
    ImGui::Columns(2, "##sheet_actions", false);
    if (secondary_button(tr(S::PickerCancel), true)) act = 2;
    ImGui::NextColumn();
    if (primary_button(tr(S::PickerDone), true, done_disabled)) act = 1;
    ImGui::Columns(1);
    if (act != 0) {
        st->SetInt(open_key, 0);
        ImGui::CloseCurrentPopup();
    }
    return act;
}

bool begin_sheet(const char* id) {
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const Viewport& vp = viewport();
    // Full width, as tall as its content, standing on the bottom edge (above the safe area).
    ImGui::SetNextWindowPos(ImVec2(0, vp.height), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(vp.width, 0));
    ImGui::PushStyleColor(ImGuiCol_ModalWindowDimBg, IM_COL32(0, 0, 0, 0x80));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, color::Background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(20), px(20)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, px(16));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    const bool open = ImGui::BeginPopupModal(id, nullptr, flags);
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    context().sheet_nodes_from = sem::recorded();  // images (issue 10): its items, for the mirror
    return open;
}

void end_sheet() {
    ImGui::Dummy(ImVec2(1, viewport().safe_bottom));  // clear of the home indicator
    // images (issue 10): the sheet as a modal window in the semantics, so the screen-reader
    // mirror makes it a dialog (aria-modal) and keeps focus inside it while it is open.
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    char label[96];
    std::snprintf(label, sizeof label, "%s##%s", tr(S::SheetLabel), ImGui::GetCurrentWindow()->Name);
    sem::flag_since(context().sheet_nodes_from, sem::Modal);
    sem::add_rect(sem::Role::Window, label, pos.x, pos.y, size.x, size.y, sem::Modal);
    ImGui::EndPopup();
}

void close_sheets() {
    context().signup_sheet = 0;
    if (ImGui::GetTopMostPopupModal()) ImGui::ClosePopupToLevel(0, false);
}

}  // namespace zygc::ui
