// Text from the platform's input element into Dear ImGui's active text field, including
// IME composition (Chinese pinyin, handwriting): the composition ("preedit") is shown in
// place, inside the field, and replaced on each update; when it ends, the composed text is
// committed as typed characters. No platform code here: the web platform feeds it the hidden
// <input>'s events, native tests feed it by hand (tests/ui/text_input_test.cpp).
#pragma once
#include <string>
#include <string_view>

namespace zygc::ui::text_input {

// What to do to the field, in order: erase the current preedit, insert a new preedit
// (uncommitted, directly into the field), commit text (as typed characters, through the
// field's character filters).
struct Edit {
    enum Kind { Preedit, Commit, Cancel };
    Kind kind = Commit;
    std::string text;
};

// Browser composition/input events → Edits. Handles the browsers' orderings: Chrome sends
// compositionend then an input event with the same text; some IMEs end with empty data
// and leave the text in the element.
class Composer {
public:
    bool composing() const { return composing_; }
    void start() { composing_ = true; }
    Edit update(std::string_view text) { return {Edit::Preedit, std::string(text)}; }
    Edit end(std::string_view text) {
        composing_ = false;
        return {Edit::Commit, std::string(text)};
    }
    // A plain input event (typing, paste, autocorrect). Ignored while composing.
    bool input(std::string_view text, Edit& out) {
        if (composing_ || text.empty()) return false;
        out = {Edit::Commit, std::string(text)};
        return true;
    }
    Edit cancel() {
        composing_ = false;
        return {Edit::Cancel, {}};
    }

private:
    bool composing_ = false;
};

// Applies Edits to the active ImGui text field. Call after ImGui::NewFrame() and before the
// field is drawn (the field copies the edited text to its buffer in the same frame).
class FieldEditor {
public:
    // Returns false when no text field is active (the edit is dropped, the preedit forgotten).
    bool apply(const Edit& e);
    int preedit_length() const { return len_; }  // code points of preedit in the field
    unsigned field() const { return field_; }

private:
    void erase_preedit();
    unsigned field_ = 0;  // ImGuiID holding the preedit
    int len_ = 0;
};

// True while the field with this ImGui id holds an uncommitted IME composition (pinyin not yet
// chosen): a search box must not search for it (search typing).
bool composing_in(unsigned field);

// True in the frame a composition in this field ended (committed or cancelled). The browser
// (Chrome) updates the preedit to the chosen text before it commits, so the commit changes
// nothing in the field and ImGui reports no edit: a search box searches then all the same.
bool composition_ended_in(unsigned field);

// The active field's selected text (or "" when none), e.g. for the browser's copy event.
std::string selected_text();

// The active field's whole text as ImGui holds it, preedit included ("" when none): tests.
std::string active_text();

}  // namespace zygc::ui::text_input
