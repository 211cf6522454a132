// Shared widgets of the app's screens. Immediate mode like ImGui itself: call them between
// Begin/End of a window; the ones that can be tapped return true on the frame they are.
// Every meaningful item is recorded in the semantics tree (role + label) as it is drawn.
#pragma once
#include <string>
#include <vector>

#include "core/store.h"
#include "ui/context.h"
#include "ui/semantics.h"
#include "ui/theme.h"

namespace zygc::ui {

// ---- Frame context (set by draw(), kept in the current ui::Context) ----
void set_frame(std::vector<Action>* out, const Viewport& viewport);
void emit(Action action);  // queue an action for the caller of draw()
// ImGui::PushID for a 64-bit id (PushID(int) would truncate it); pop with ImGui::PopID().
void push_id(Id id);
const Viewport& viewport();

// Records the last submitted ImGui item (its own id and rect) in the semantics tree under
// `label` with `role`. For items whose ImGui label is hidden or that ImGui does not report.
void sem_last(sem::Role role, const char* label, uint32_t flags = 0);

// ---- Text ----
void text(const char* s);                       // wrapped, Role::Text
void text(const std::string& s);
void text_muted(const char* s);                 // wrapped, secondary colour, Role::Text
void text_colored(ImU32 col, const char* s);    // wrapped, Role::Text
// The room of a line still on its way (a balance, a site's name): as tall as `sample` wrapped,
// a grey bar where the words will be, so the screen does not jump when they come. Nothing for
// the semantics: no words.
void reserved_line(const std::string& sample, float indent = 0);
void text_alert(const std::string& s);          // error next to a field: Danger, Role::Text + Alert ("" → nothing)
void heading(const char* s);                    // wrapped, bold, Role::Heading
void text_line(const char* s, ImU32 col, bool bold, sem::Role role);  // one line, no wrap
void section(const char* title);                // spacing + heading
void field(const char* label, const std::string& value);  // "组织队伍  秦皇岛…" row
void bullet(const char* s);
void spacing(float css);

// ---- Controls ----
// Disabled buttons are greyed, do nothing, and carry sem::Disabled.
bool primary_button(const char* label, bool full_width = false, bool disabled = false);
bool secondary_button(const char* label, bool full_width = false, bool disabled = false);
bool danger_button(const char* label, bool full_width = false);
float button_width(const char* label);  // of a button above that is not full width
// A switch (label + track), Role::Checkbox with Checked when on. Returns true when tapped.
bool toggle(const char* label, bool on);
// A checkbox row: box, bold label, optional wrapped explanation below (Role::Text);
// the whole row is the target. Role::Checkbox with Checked when on.
bool check_row(const char* label, const char* detail, bool on);

// A labelled text field bound to a value in State: while it is being edited the edit buffer
// is the truth, otherwise it follows `value`. On a change returns true with the text in
// `out`. `error` ("" when none) is shown under the field (Alert). Role::Input = label.
struct FieldOptions {
    const char* hint = "";
    int flags = 0;          // ImGuiInputTextFlags
    size_t capacity = 256;  // bytes
    bool multiline = false;
    float lines = 4;        // multiline height
    float width = 0;        // CSS px; 0 = full width
    // input kinds: the keyboard the phone opens (Text with CharsDecimal flags means Number)
    sem::InputKind kind = sem::InputKind::Text;
};
bool text_field(const char* label, const char* id, const std::string& value, std::string& out,
                const std::string& error = "", const FieldOptions& options = {});

// Places the next item of `width` on the same line when it fits.
void flow(bool first, float width);
// A chip that opens a popup of choices below it; true while the popup is open (then call
// option() for each choice and ImGui::EndPopup()).
bool choice(const char* chip_label, const char* popup_id, bool active, bool first);
bool link(const char* label);                                // Role::Link
// A row of a menu panel (个人中心): its label, a chevron at the right end; the whole row is
// the link. `first` leaves out the divider above it. Label may carry "##id".
bool menu_row(const char* label, bool first);
// Rounded pill; `caret` adds a ▾ for chips that open a choice. Label may carry "##id".
bool chip(const char* label, bool selected, bool caret = false, sem::Role role = sem::Role::Button);
float chip_width(const char* label, bool caret = false);
bool option(const char* label, bool selected);  // a row in a choice popup, Role::Button

// True when a press that ImGui reported is a tap, not the end of a drag (touch scroll).
bool is_tap(bool pressed);

// ---- Cards and panels ----
void begin_panel();                             // rounded, padded box around what follows
void end_panel(ImU32 bg = color::Surface);      // (panels do not nest)
// A figure: label above, value below (each Role::Text), in a tinted tile.
void stat_tile(const char* label, const char* value, float width, float height_css = 64);
bool project_card(const Project& p);             // whole card tappable, Role::ListItem = title
bool brand_card(const Brand& b, float width_css, float height_css);
bool team_card(const Team& t);                   // whole card tappable, Role::ListItem = name

// ---- States ----
void skeleton(int rows);                         // grey placeholders, Role::Text "加载中" + Busy
void busy_line();                                // "正在更新…" above stale data, Busy
std::string error_message(const ApiError& e);    // readable headline
std::string error_detail(const ApiError& e);     // secondary line ("" when none)
void error_box(const ApiError& e, Target retry); // message + detail + 重试 → Retry{retry} (no 重试 on 403/404/410)
void empty_state(const char* message);
// The foot of a paged list: the next page's error (重试 → Retry{retry}), its placeholder while
// it loads, or 加载更多 when `more` is there — true when tapped, or once the reader has
// scrolled down to it (infinite scroll).
bool load_more(const Remote<bool>& next, Target retry, bool more);

// Draws the placeholder for a Remote that has nothing to show yet and returns true;
// returns false when the caller should draw the data.
//   ready: data is there and belongs to what the screen shows (Loaded, or Loading with
//          data kept from before, which is then shown under a busy line).
template <class T>
bool placeholder(const Remote<T>& r, Target target, bool has_data, int skeleton_rows) {
    if (r.failed()) {
        error_box(r.error(), target);
        return true;
    }
    if (has_data && (r.loaded() || r.loading())) {
        if (r.loading()) busy_line();
        return false;
    }
    skeleton(skeleton_rows);
    return true;
}

}  // namespace zygc::ui
