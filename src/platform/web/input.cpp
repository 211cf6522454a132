// [SECTION] Queue and per-frame application
// [SECTION] Touch gestures (forwarded to ui::TouchGesture)
// [SECTION] html5 callbacks
// [SECTION] Hidden <input>
#include "platform/web/input.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <bitset>
#include <cmath>
#include <cstring>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web/glyphs.h"
#include "ui/pinch.h"
#include "ui/semantics.h"
#include "ui/text_input.h"
#include "ui/theme.h"
#include "ui/touch_gesture.h"

// ---- JS shims (each has an obvious no-op native twin) ----
// kind: the field's sem::InputKind (Text, Tel, Code, IdCard, Number, Decimal, Search), or -1
// when unknown (keep what the element has). Each kind sets the keyboard the phone opens.
EM_JS(void, zygc_js_text_focus, (int focus, float x, float y, float h, int kind), {
    var el = document.getElementById("zygc-text");
    if (!el) return;
    if (focus) {
        if (kind >= 0) {
            // [type, inputmode, autocomplete, enterkeyhint, autocapitalize]
            var kinds = [
                ["text", "text", "off", "done", "off"],               // Text
                ["tel", "tel", "tel", "next", "off"],                 // Tel: phone numbers
                ["text", "numeric", "one-time-code", "done", "off"],  // Code: SMS 验证码 (autofill)
                ["text", "text", "off", "next", "characters"],        // IdCard: digits and X, latin
                ["text", "numeric", "off", "done", "off"],            // Number: 名额, points
                ["text", "decimal", "off", "done", "off"],            // Decimal: coordinates
                ["search", "search", "off", "search", "off"]          // Search
            ];
            var k = kinds[kind] || kinds[0];
            if (el.type !== k[0]) el.type = k[0];
            el.inputMode = k[1];
            el.setAttribute("autocomplete", k[2]);
            el.setAttribute("enterkeyhint", k[3]);
            el.setAttribute("autocapitalize", k[4]);
            if (kind === 3) el.setAttribute("lang", "en"); else el.removeAttribute("lang");
            if (kind === 4 || kind === 2) el.setAttribute("pattern", "[0-9]*"); else el.removeAttribute("pattern");
            el.dataset.kind = String(kind);
        }
        if (h > 0) {
            el.style.left = x + "px";
            el.style.top = y + "px";
            el.style.height = h + "px";
        }
        if (document.activeElement !== el) el.focus({preventScroll: true});
    } else if (document.activeElement === el) {
        el.blur();
    }
});

EM_JS(void, zygc_js_text_place, (float x, float y), {
    var el = document.getElementById("zygc-text");
    if (!el) return;
    el.style.left = x + "px";
    el.style.top = y + "px";
});

EM_JS(void, zygc_js_set_clipboard, (const char* text), {
    var s = UTF8ToString(text);
    Module.zygcClipboard = s;
    try {
        if (navigator.clipboard) navigator.clipboard.writeText(s).catch(function() {});
    } catch (e) {
    }
});

EM_JS(char*, zygc_js_get_clipboard, (), {
    var t = Module.zygcClipboard || "";
    var n = lengthBytesUTF8(t) + 1;
    var p = _malloc(n);
    stringToUTF8(t, p, n);
    return p;
});

EM_JS(int, zygc_js_is_mac, (), {
    var p = navigator.platform || "";
    return p.indexOf("Mac") >= 0 || p.indexOf("iPhone") >= 0 || p.indexOf("iPad") >= 0 ? 1 : 0;
});

namespace zygc::web::input {
namespace {

// =============================================================================================
// [SECTION] Queue and per-frame application
// =============================================================================================

enum class Ev : uint8_t { Move, Down, Up, Key, Text, Wheel, ReleaseAll, Edit };

enum Mods : uint8_t { ModCtrl = 1, ModShift = 2, ModAlt = 4, ModSuper = 8 };

struct Event {
    Ev type = Ev::Move;
    float x = 0, y = 0;  // Move: framebuffer px; Wheel: wheel units
    int code = 0;        // Down/Up: ImGui mouse button; Key: KeysDown index or -1 (modifiers only)
    bool down = false;
    uint8_t mods = 0;
    std::string text;
    ui::text_input::Edit::Kind edit = ui::text_input::Edit::Commit;  // Ev::Edit
};

std::deque<Event> g_queue;
float g_scale = 1;
const ImVec2 kOffscreen(ui::kOffscreen, ui::kOffscreen);

void push_move(float x, float y) {
    // Consecutive moves collapse into one.
    if (!g_queue.empty() && g_queue.back().type == Ev::Move) {
        g_queue.back().x = x;
        g_queue.back().y = y;
        return;
    }
    Event e;
    e.type = Ev::Move;
    e.x = x;
    e.y = y;
    g_queue.push_back(e);
}

void push_button(int button, bool down) {
    Event e;
    e.type = down ? Ev::Down : Ev::Up;
    e.code = button;
    g_queue.push_back(e);
}

void push_key(int code, bool down, uint8_t mods) {
    Event e;
    e.type = Ev::Key;
    e.code = code;
    e.down = down;
    e.mods = mods;
    g_queue.push_back(e);
}

void apply_mods(ImGuiIO& io, uint8_t m) {
    io.KeyCtrl = m & ModCtrl;
    io.KeyShift = m & ModShift;
    io.KeyAlt = m & ModAlt;
    io.KeySuper = m & ModSuper;
}

// =============================================================================================
// [SECTION] Touch gestures
// =============================================================================================

// The decisions (tap, hold, scroll, stop) are ui::TouchGesture's; here its pointer
// events join the queue, and the first finger's DOM touches are forwarded to it.
ui::TouchGesture g_gesture;
std::vector<ui::PointerEvent> g_pointer;  // the gesture's output, moved into the queue at once
int g_gestures_ended = 0;                 // touches followed to their end (test bridge)
double g_now = 0;
double g_prev_now = 0;  // g_now of the previous frame

// zoom: pinch, double-tap-and-drag and Ctrl + wheel (ui::Pinch) see every touch first; the
// touches they own never reach g_gesture.
ui::Pinch g_pinch;
long g_finger = -1;       // the touch g_gesture follows (-1: none)
float g_zoom_result = 0;  // a gesture's final level, for the platform to keep (0: none)
int g_zoom_settle = 0;    // frames to keep drawing after a zoom gesture (the anchor settles)

void queue_pointer() {
    for (const ui::PointerEvent& p : g_pointer) {
        switch (p.kind) {
            case ui::PointerEvent::Kind::Move: push_move(p.x, p.y); break;
            case ui::PointerEvent::Kind::Down: push_button(p.button, true); break;
            case ui::PointerEvent::Kind::Up: push_button(p.button, false); break;
        }
    }
    g_pointer.clear();
}

// =============================================================================================
// [SECTION] html5 callbacks
// =============================================================================================

void focus_if_on_input(float x, float y);

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    float x = e->targetX * g_scale, y = e->targetY * g_scale;
    int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
    switch (type) {
        case EMSCRIPTEN_EVENT_MOUSEMOVE: push_move(x, y); return false;
        case EMSCRIPTEN_EVENT_MOUSEDOWN:
            if (button < 0) return false;
            push_move(x, y);
            push_button(button, true);
            return true;
        case EMSCRIPTEN_EVENT_MOUSEUP:
            if (button < 0) return false;
            push_move(x, y);
            push_button(button, false);
            if (button == 0) focus_if_on_input(x, y);  // inside the gesture (tablets with a mouse or pen)
            return true;
        case EMSCRIPTEN_EVENT_MOUSELEAVE:
            if (!e->buttons) push_move(kOffscreen.x, kOffscreen.y);
            return false;
    }
    return false;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    if (e->mouse.ctrlKey) {  // zoom: a touchpad pinch (or Ctrl + wheel) zooms the app, not the page
        const double px = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 : e->deltaMode == DOM_DELTA_LINE ? 33.0 : 400.0;
        g_pinch.wheel(float(e->deltaY * px), e->mouse.targetX * g_scale, e->mouse.targetY * g_scale,
                      emscripten_get_now());
        g_zoom_settle = 30;
        return true;
    }
    // One ImGui wheel unit scrolls ~5 lines; a browser notch is ~100 CSS px or 3 lines.
    double div = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 0.1;
    Event ev;
    ev.type = Ev::Wheel;
    ev.x = float(-e->deltaX / div);
    ev.y = float(-e->deltaY / div);
    g_queue.push_back(ev);
    return true;
}

// When a tap lands on a text field, focus the hidden input inside the gesture handler:
// mobile browsers only open the on-screen keyboard for focus() during a user gesture.
void focus_if_on_input(float x, float y) {
    for (const sem::Node& n : sem::last_frame()) {
        if (n.role != sem::Role::Input) continue;
        if (x >= n.x && x < n.x + n.w && y >= n.y && y < n.y + n.h) {
            zygc_js_text_focus(1, n.x / g_scale, n.y / g_scale, n.h / g_scale, int(sem::input_kind(n.flags)));
            return;
        }
    }
}

// When the event happened (event.timeStamp, the clock of performance.now()): a busy main
// thread delivers events late, and the fling velocity must come from when the finger moved.
double event_time(const EmscriptenTouchEvent* e) {
    const double now = emscripten_get_now();
    return e->timestamp > 0 && e->timestamp <= now + 1 ? e->timestamp : now;  // (not an epoch time)
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    const double now = emscripten_get_now(), at = event_time(e);
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        const float x = t.targetX * g_scale, y = t.targetY * g_scale;
        // zoom: a zoom gesture's touches stop here; a pinch cancels the first finger's gesture.
        bool zoom_owns = false;
        switch (type) {
            case EMSCRIPTEN_EVENT_TOUCHSTART: zoom_owns = g_pinch.begin(t.identifier, x, y, at); break;
            case EMSCRIPTEN_EVENT_TOUCHMOVE: zoom_owns = g_pinch.move(t.identifier, x, y, at); break;
            default: zoom_owns = g_pinch.end(t.identifier, at); break;
        }
        if (g_pinch.took_over() && g_gesture.down()) {
            g_gesture.end(g_finger, true, at, g_pointer);
            ++g_gestures_ended;
            g_finger = -1;
        }
        if (float z = 0; g_pinch.take_result(z)) g_zoom_result = z;
        if (float tx = 0, ty = 0; g_pinch.take_tap(tx, ty)) {  // a double tap that did not drag
            g_gesture.begin(t.identifier, tx, ty, now, at, g_pointer);
            g_gesture.end(t.identifier, false, at, g_pointer);
            ++g_gestures_ended;
            focus_if_on_input(tx, ty);
        }
        if (zoom_owns) {
            g_zoom_settle = 30;
            continue;
        }
        float rx = 0, ry = 0;
        double rt = 0;
        if (g_pinch.take_release(rx, ry, rt)) {  // an armed touch that was not a zoom after all
            if (!g_gesture.down()) g_finger = t.identifier;
            g_gesture.begin(t.identifier, rx, ry, now, rt, g_pointer);
        }
        switch (type) {
            case EMSCRIPTEN_EVENT_TOUCHSTART:
                if (!g_gesture.down()) g_finger = t.identifier;
                g_gesture.begin(t.identifier, x, y, now, at, g_pointer);
                break;
            case EMSCRIPTEN_EVENT_TOUCHMOVE: g_gesture.move(t.identifier, x, y, at, g_pointer); break;
            case EMSCRIPTEN_EVENT_TOUCHEND:
            case EMSCRIPTEN_EVENT_TOUCHCANCEL: {
                const bool followed = g_gesture.down();
                if (g_gesture.end(t.identifier, type == EMSCRIPTEN_EVENT_TOUCHCANCEL, at, g_pointer))
                    focus_if_on_input(g_gesture.x(), g_gesture.y());
                if (followed && !g_gesture.down()) ++g_gestures_ended, g_finger = -1;
                break;
            }
        }
    }
    queue_pointer();
    return true;  // the page never scrolls or zooms under the finger
}

// DOM keyCode → io.KeysDown index (we use the keyCode itself). -1: not for ImGui.
int map_key(unsigned long code) {
    switch (code) {
        case 8: case 9: case 13: case 27: case 32: case 33: case 34: case 35: case 36: case 37:
        case 38: case 39: case 40: case 45: case 46:
            return int(code);
        case 65: case 67: case 86: case 88: case 89: case 90: return int(code);  // A C V X Y Z
    }
    return -1;
}

bool is_modifier(unsigned long code) {
    return code == 16 || code == 17 || code == 18 || code == 91 || code == 92 || code == 93 || code == 224;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    // IME composing: the text arrives through the hidden input.
    if (e->keyCode == 229 || std::strcmp(e->key, "Process") == 0 || std::strcmp(e->key, "Dead") == 0) return false;
    uint8_t mods = (e->ctrlKey ? ModCtrl : 0) | (e->shiftKey ? ModShift : 0) | (e->altKey ? ModAlt : 0) |
                   (e->metaKey ? ModSuper : 0);
    if (is_modifier(e->keyCode)) {
        push_key(-1, down, mods);
        return false;
    }
    int k = map_key(e->keyCode);
    if (k < 0) return false;
    bool shortcut = e->ctrlKey || e->metaKey;
    bool letter = k >= 65 && k <= 90;
    if (letter && down && !shortcut) return false;  // plain typing: the input event carries it
    if (k == 86 && shortcut) return false;          // paste: the browser's paste event carries it
    if ((k == 67 || k == 88) && shortcut) {         // copy, cut: ImGui edits; the browser's copy
        push_key(k, down, mods);                    // event (not prevented) fills the system clipboard
        return false;
    }
    if (k == 32) {                                  // space types a character too
        push_key(k, down, mods);
        return false;
    }
    push_key(k, down, mods);
    return true;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
    Event e;
    e.type = Ev::ReleaseAll;
    g_queue.push_back(e);
    return false;
}

const char* get_clipboard(void*) {
    static std::string s;
    char* p = zygc_js_get_clipboard();
    s = p ? p : "";
    free(p);
    return s.c_str();
}

void set_clipboard(void*, const char* text) { zygc_js_set_clipboard(text); }

void set_ime_pos(int x, int y) { zygc_js_text_place(x / g_scale, y / g_scale); }

bool g_text_focused = false;
ui::text_input::Composer g_composer;
ui::text_input::FieldEditor g_field;
std::vector<ui::text_input::Edit> g_edits;  // to apply after NewFrame

}  // namespace

// =============================================================================================
// Public
// =============================================================================================

void install() {
    ImGuiIO& io = ImGui::GetIO();
    const int keys[][2] = {
        {ImGuiKey_Tab, 9},        {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
        {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33},    {ImGuiKey_PageDown, 34},   {ImGuiKey_Home, 36},
        {ImGuiKey_End, 35},       {ImGuiKey_Insert, 45},    {ImGuiKey_Delete, 46},     {ImGuiKey_Backspace, 8},
        {ImGuiKey_Space, 32},     {ImGuiKey_Enter, 13},     {ImGuiKey_Escape, 27},     {ImGuiKey_KeyPadEnter, 13},
        {ImGuiKey_A, 65},         {ImGuiKey_C, 67},         {ImGuiKey_V, 86},          {ImGuiKey_X, 88},
        {ImGuiKey_Y, 89},         {ImGuiKey_Z, 90},
    };
    for (auto& k : keys) io.KeyMap[k[0]] = k[1];
    io.BackendPlatformName = "zygc_web";
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.ImeSetInputScreenPosFn = set_ime_pos;
    io.ConfigMacOSXBehaviors = zygc_js_is_mac();
    io.MousePos = kOffscreen;

    const char* canvas = "#canvas";
    emscripten_set_mousedown_callback(canvas, nullptr, true, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_mouse);
    emscripten_set_mousemove_callback(canvas, nullptr, true, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, true, on_mouse);
    emscripten_set_wheel_callback(canvas, nullptr, true, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, true, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, true, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, true, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, true, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_blur);
}

void set_scale(float dpr) { g_scale = dpr > 0 ? dpr : 1; }
float scale() { return g_scale; }

void begin_frame(double now_ms) {
    g_now = now_ms;
    g_pinch.scale = g_scale;  // zoom
    g_pinch.tick(now_ms);
    if (float z = 0; g_pinch.take_result(z)) g_zoom_result = z;
    if (g_zoom_settle > 0 && !g_pinch.active()) --g_zoom_settle;
    g_gesture.tick(now_ms, g_pointer);  // a resting finger presses (and clicks when it lifts)
    queue_pointer();

    ImGuiIO& io = ImGui::GetIO();
    bool moved = false, button = false, key = false, text = false;
    std::bitset<512> keys_changed;
    while (!g_queue.empty()) {
        Event& e = g_queue.front();
        switch (e.type) {
            case Ev::Move:
                if (button) return;
                io.MousePos = ImVec2(e.x, e.y);
                moved = true;
                break;
            case Ev::Down:
            case Ev::Up:
                if (button || moved) return;
                io.MouseDown[e.code] = e.type == Ev::Down;
                button = true;
                break;
            case Ev::Key:
                if (text || (e.code >= 0 && keys_changed[e.code])) return;
                if (e.code >= 0) {
                    io.KeysDown[e.code] = e.down;
                    keys_changed.set(e.code);
                }
                apply_mods(io, e.mods);
                key = true;
                break;
            case Ev::Text:
                if (key) return;
                io.AddInputCharactersUTF8(e.text.c_str());
                text = true;
                break;
            case Ev::Wheel:
                io.MouseWheelH += e.x;
                io.MouseWheel += e.y;
                break;
            case Ev::ReleaseAll:
                std::memset(io.KeysDown, 0, sizeof io.KeysDown);
                apply_mods(io, 0);
                break;
            case Ev::Edit:
                // Applied to the field after NewFrame: nothing typed may come before it this
                // frame, and nothing after (its committed text joins the queue then).
                if (key || text) return;
                g_edits.push_back({e.edit, std::move(e.text)});
                g_queue.pop_front();
                return;
        }
        g_queue.pop_front();
    }
}

void after_new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    for (const ui::text_input::Edit& e : g_edits) g_field.apply(e);
    g_edits.clear();
    g_gesture.scale = g_gesture.scroll.scale = g_scale;
    // Real elapsed time (not ImGui's clamped DeltaTime): a fling travels as far on a slow phone.
    const float dt = g_prev_now > 0 ? (float)std::fmin(std::fmax((g_now - g_prev_now) / 1000.0, 0.0), 0.25) : io.DeltaTime;
    g_prev_now = g_now;
    g_gesture.scroll.apply(dt);
}

void end_frame() {
    g_pinch.rest_zoom = ui::text_zoom();  // zoom: where the next gesture starts from
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput != g_text_focused) {
        g_text_focused = io.WantTextInput;
        int kind = -1;  // the focused field's kind, when the tree knows it
        for (const sem::Node& n : sem::last_frame())
            if (n.role == sem::Role::Input && (n.flags & sem::Focused)) kind = int(sem::input_kind(n.flags));
        zygc_js_text_focus(g_text_focused, 0, 0, 0, kind);
    }
}

bool busy() {
    return !g_queue.empty() || g_gesture.down() || g_gesture.scroll.active() || g_pinch.active() || g_zoom_settle > 0;
}

bool press_pending() {
    for (const Event& e : g_queue)
        if (e.type == Ev::Down) return true;
    const ui::GesturePhase p = g_gesture.phase();
    return p == ui::GesturePhase::Pending || p == ui::GesturePhase::Pressed;
}

// zoom (host_zoom() is in host_zoom.cpp)
bool zooming() { return g_pinch.active(); }
float zoom_live() { return g_pinch.active() ? g_pinch.zoom() : 0.0f; }
float zoom_focus_x() { return g_pinch.active() ? g_pinch.focus_x() : -1.0f; }
float zoom_focus_y() { return g_pinch.active() ? g_pinch.focus_y() : -1.0f; }
float take_zoom() {
    const float z = g_zoom_result;
    g_zoom_result = 0;
    return z;
}

float pull_px() { return g_gesture.scroll.pull_px(); }
bool scrolling() { return g_gesture.scroll.active(); }
bool take_refresh() { return g_gesture.scroll.take_refresh(); }

Counters counters() {
    static const char* const kPhase[] = {"none", "pending", "pressed", "scrolling", "stopper"};
    return {int(g_queue.size()), g_gestures_ended, g_pinch.active() ? "zooming" : kPhase[int(g_gesture.phase())]};
}

void tap(float x, float y) {
    push_move(x, y);
    push_button(0, true);
    push_button(0, false);
    push_move(kOffscreen.x, kOffscreen.y);
    focus_if_on_input(x, y);
}

void ime(int kind, const char* utf8) {
    using ui::text_input::Edit;
    std::string text = utf8 ? utf8 : "";
    Edit e;
    switch (kind) {
        case 0: g_composer.start(); return;
        case 1: e = g_composer.update(text); break;
        case 2: e = g_composer.end(text); break;
        default: e = g_composer.cancel(); break;
    }
    glyphs::want_utf8(e.text);
    Event ev;
    ev.type = Ev::Edit;
    ev.edit = e.kind;
    ev.text = std::move(e.text);
    // Consecutive preedits collapse into the latest.
    if (ev.edit == Edit::Preedit && !g_queue.empty() && g_queue.back().type == Ev::Edit &&
        g_queue.back().edit == Edit::Preedit) {
        g_queue.back().text = std::move(ev.text);
        return;
    }
    g_queue.push_back(std::move(ev));
}

std::string selected_text() { return ui::text_input::selected_text(); }

void on_text(const char* utf8) {
    if (!utf8 || !*utf8) return;
    glyphs::want_utf8(utf8);
    // Line breaks in pasted text become spaces: every field here is single-line.
    Event e;
    e.type = Ev::Text;
    e.text = utf8;
    for (char& c : e.text)
        if (c == '\n' || c == '\r') c = ' ';
    if (!g_queue.empty() && g_queue.back().type == Ev::Text)
        g_queue.back().text += e.text;
    else
        g_queue.push_back(std::move(e));
}

}  // namespace zygc::web::input

// Called by the shell's hidden <input> listeners.
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_on_text(const char* utf8) { zygc::web::input::on_text(utf8); }

// Backspace from a virtual keyboard that sent no keydown (inputType deleteContentBackward).
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_on_key_press(int code) {
    using namespace zygc::web::input;
    (void)code;
    push_key(code, true, 0);
    push_key(code, false, 0);
}

// From the shell: the hidden <input>'s composition events. kind 0 start, 1 update, 2 end, 3 cancel.
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_on_ime(int kind, const char* utf8) { zygc::web::input::ime(kind, utf8); }

// From the shell: the text selected in the active field (the browser's copy/cut event).
extern "C" EMSCRIPTEN_KEEPALIVE const char* zygc_selected_text() {
    static std::string s;
    s = zygc::web::input::selected_text();
    return s.c_str();
}

// From the screen-reader mirror: activate the widget at (x, y) CSS px.
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_tap(float x, float y) {
    zygc::web::input::tap(x * zygc::web::input::scale(), y * zygc::web::input::scale());
}
