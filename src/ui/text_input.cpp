#include "ui/text_input.h"

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/context_internal.h"

// stb_textedit's key codes as Dear ImGui 1.86 defines them (imgui_widgets.cpp, private).
static_assert(IMGUI_VERSION_NUM >= 18600 && IMGUI_VERSION_NUM < 18700, "check STB_TEXTEDIT_K_BACKSPACE for this ImGui");
static constexpr int kStbBackspace = 0x200009;

namespace zygc::ui::text_input {

void FieldEditor::erase_preedit() {
    ImGuiInputTextState* st = ImGui::GetInputTextState(field_);
    if (st && len_ > 0) {
        st->ClearSelection();
        for (int i = 0; i < len_ && st->Stb.cursor > 0; ++i) st->OnKeyPressed(kStbBackspace);
    }
    len_ = 0;
}

bool FieldEditor::apply(const Edit& e) {
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState* st = g.ActiveId ? ImGui::GetInputTextState(g.ActiveId) : nullptr;
    if (field_ != (st ? st->ID : 0)) len_ = 0;  // another field (or none): its preedit is gone
    field_ = st ? st->ID : 0;
    if (!st) {
        context().preedit_field = 0;
        return false;
    }
    erase_preedit();
    switch (e.kind) {
        case Edit::Preedit: {
            // Straight into the field, bypassing the character filters: it is not committed yet.
            const char* p = e.text.c_str();
            const char* end = p + e.text.size();
            while (p < end) {
                unsigned int c = 0;
                p += ImTextCharFromUtf8(&c, p, end);
                if (c == 0) break;
                if (c == '\n' || c == '\r') c = ' ';
                const int before = st->CurLenW;
                st->OnKeyPressed((int)c);
                if (st->CurLenW > before) ++len_;
            }
            break;
        }
        case Edit::Commit: ImGui::GetIO().AddInputCharactersUTF8(e.text.c_str()); break;
        case Edit::Cancel: break;
    }
    if (e.kind != Edit::Preedit) {
        context().committed_field = field_;
        context().committed_frame = ImGui::GetFrameCount();
    }
    context().preedit_field = len_ > 0 ? field_ : 0;
    return true;
}

bool composing_in(unsigned field) { return field != 0 && context().preedit_field == field; }

bool composition_ended_in(unsigned field) {
    return field != 0 && context().committed_field == field && context().committed_frame == ImGui::GetFrameCount();
}

std::string selected_text() {
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState* st = g.ActiveId ? ImGui::GetInputTextState(g.ActiveId) : nullptr;
    if (!st || !st->HasSelection()) return {};
    int a = ImMin(st->Stb.select_start, st->Stb.select_end), b = ImMax(st->Stb.select_start, st->Stb.select_end);
    a = ImClamp(a, 0, st->CurLenW);
    b = ImClamp(b, 0, st->CurLenW);
    std::string out;
    out.resize((size_t)(b - a) * 4 + 1);
    const int n = ImTextStrToUtf8(out.data(), (int)out.size(), st->TextW.Data + a, st->TextW.Data + b);
    out.resize((size_t)n);
    return out;
}

std::string active_text() {
    ImGuiContext& g = *GImGui;
    ImGuiInputTextState* st = g.ActiveId ? ImGui::GetInputTextState(g.ActiveId) : nullptr;
    if (!st) return {};
    std::string out;
    out.resize((size_t)st->CurLenW * 4 + 1);
    const int n = ImTextStrToUtf8(out.data(), (int)out.size(), st->TextW.Data, st->TextW.Data + st->CurLenW);
    out.resize((size_t)n);
    return out;
}

}  // namespace zygc::ui::text_input
