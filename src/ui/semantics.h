// The semantics tree: every widget drawn in the last frame, with role, label, rect and
// state, recorded through Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE).
// Tests drive the real UI by label; the web platform mirrors it for screen readers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace zygc::sem {

enum class Role { Window, Button, Text, Heading, Input, Checkbox, Tab, Link, ListItem, Image };
const char* role_name(Role r);

enum Flags : uint32_t {
    None = 0,
    Disabled = 1 << 0,
    Checked = 1 << 1,
    Selected = 1 << 2,
    Focused = 1 << 3,  // the active text field
    Busy = 1 << 4,     // loading placeholder (skeleton)
    Alert = 1 << 5,    // an error or notice the platform announces (aria-live)
    Numeric = 1 << 6,  // a text field for digits: the hidden input opens the numeric keypad
    // images (issue 10): an Image whose picture is drawn (Busy while it loads, neither when
    // it failed and the placeholder stays); a Window that is modal (a bottom sheet, a dialog)
    Ready = 1 << 7,
    Modal = 1 << 8,
    // input kinds (issue 10): bits 24–27 of a text field's flags hold its InputKind
    KindShift = 24,
    KindMask = 0xFu << 24,
};

// input kinds (issue 10): what a text field holds, so the platform's hidden input can ask for
// the right keyboard (inputmode, type, autocomplete, enterkeyhint). Stored in Node::flags.
enum class InputKind : uint32_t { Text = 0, Tel, Code, IdCard, Number, Decimal, Search };
inline uint32_t kind_flags(InputKind k) { return uint32_t(k) << KindShift; }
inline InputKind input_kind(uint32_t flags) { return InputKind((flags & KindMask) >> KindShift); }
// A text field's flags for its kind: the kind's bits, plus Numeric for the digit kinds.
inline uint32_t input_flags(InputKind k) {
    const bool digits = k == InputKind::Tel || k == InputKind::Code || k == InputKind::Number || k == InputKind::Decimal;
    return kind_flags(k) | (digits ? uint32_t(Numeric) : 0u);
}

struct Node {
    uint32_t id = 0;      // ImGuiID
    Role role = Role::Button;
    std::string label;    // visible text, "##suffix" removed
    float x = 0, y = 0, w = 0, h = 0;  // framebuffer pixels
    uint32_t flags = 0;
    float whole_y = 0, whole_h = 0;    // zoom: the rect's top and height before the scroll area cut it
};

// Role and flags for the next item the hooks see (default: inferred from ImGui's status flags).
void set_next(Role role, uint32_t flags = 0);

// Records a non-interactive item (text, heading, image) whose rect was just laid out by
// ImGui as the last item. Goes through the same hook as widgets.
void add_last_item(Role role, const char* label, uint32_t flags = 0);

void begin_frame();  // after ImGui::NewFrame(): start a new tree
void end_frame();    // before ImGui::Render(): the tree becomes "last frame"

const std::vector<Node>& last_frame();

// zoom: follows one item by id (the pinch's anchor), also where the scroll area cuts it or
// hides it entirely. watched(): the item as laid out in the last frame (x/y/w/h visible part,
// whole_y/whole_h all of it; h = 0 when hidden), or nullptr when it was not laid out.
void watch(uint32_t id);  // 0: stop
const Node* watched();
uint64_t frame_version();  // increments when the last frame's tree differs from the one before

// JSON array of {id,role,label,x,y,w,h,flags} in CSS pixels (framebuffer px / scale).
std::string to_json(float scale);

// Helpers for tests and the platform.
const Node* find(const std::string& label, Role role);
const Node* find_containing(const std::string& text, Role role);

// images (issue 10): records a node with its own rect (framebuffer px), for what is not an
// ImGui item: a modal window (role Window + Modal) around the items drawn inside it.
void add_rect(Role role, const char* label, float x, float y, float w, float h, uint32_t flags = 0);
// The nodes recorded so far this frame, and `flags` added to those recorded since `from` (a
// modal sheet marks its items Modal, so the mirror puts them inside its dialog).
size_t recorded();
void flag_since(size_t from, uint32_t flags);

}  // namespace zygc::sem
