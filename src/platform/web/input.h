// Browser input → Dear ImGui 1.86 (which reads io.MousePos / MouseDown[] / KeysDown[] once
// per frame and has no event queue of its own).
//
// Every DOM event is queued; each frame applies a prefix of the queue that ImGui can see
// without losing anything: moves up to the first button change, then (next frame) the
// button change alone; at most one transition per key per frame; text and keys in order.
// So a tap whose touchstart and touchend arrive within one frame is still a hover, a press
// and a release in three frames, and keyboard.press() (down+up at once) is one key press.
//
// Touch: the first finger is the mouse, and what it does is decided by ui::TouchGesture
// (src/ui/touch_gesture.h; this file only forwards the DOM touches and queues its pointer
// events). It moves the pointer at touchstart; the press
// follows on release (a tap) or after a short hold, and lifting clicks however long the finger
// rested (there is no long press: a slow press is a tap, never lost); moving more than a few CSS px
// turns the gesture into scrolling of the window under the finger (ui::TouchScroll: inertia,
// clean stop at the ends, pull-to-refresh at the top) and cancels the press. A touch on a
// list that is still flinging stops it and taps nothing.
//
// Text: the shell's hidden <input> sends typed text (on_text) and IME composition events
// (zygc_on_ime → ui::text_input): the composition is shown inside the ImGui field.
#pragma once
#include <cstdint>
#include <string>

namespace zygc::web::input {

void install();             // registers the html5 callbacks on #canvas and window
void set_scale(float dpr);  // framebuffer px per CSS px (for event coordinates)
float scale();
void begin_frame(double now_ms);   // before ImGui::NewFrame: apply queued events to io
void after_new_frame();     // after ImGui::NewFrame: apply touch scrolling to the window under the finger
void end_frame();           // after the frame: follow io.WantTextInput with the hidden <input>

bool busy();  // input still queued or a gesture in progress (keep rendering)
// A press is on its way to ImGui: queued, or a finger resting on the screen that may become
// one. The frame that handles it must draw what was on screen when the finger touched it.
bool press_pending();

// zoom: pinch, double-tap-and-drag, Ctrl + wheel (ui::Pinch). While one runs, the level to
// show and its focus (framebuffer px); take_zoom() answers a finished gesture's level once
// (0: none), for the platform to keep in Settings.
bool zooming();
float zoom_live();  // 0: no zoom gesture
float zoom_focus_x();
float zoom_focus_y();
float take_zoom();
float host_zoom();  // the host's text size (browser default font size, WeChat's 字体大小) as a level

bool scrolling();     // a finger scroll, fling or pull in progress
float pull_px();      // pull-to-refresh distance now, framebuffer px (0: none)
bool take_refresh();  // true once after a pull past the threshold was released

// For the test bridge: what the input layer still has to do, so tests can wait for it.
struct Counters {
    int queued = 0;          // events not yet applied to ImGui
    int gestures_ended = 0;  // touches followed from start to end (or cancel) so far
    const char* gesture = "none";  // the finger's phase: none, pending, pressed, scrolling, stopper,
                                   // or zooming (a zoom gesture)
};
Counters counters();

void tap(float x, float y);  // a synthetic tap at framebuffer px (screen-reader activation)
void ime(int kind, const char* utf8);  // composition: 0 start, 1 update, 2 end, 3 cancel
std::string selected_text();           // of the active text field

// From the shell (hidden <input>): committed text, UTF-8.
void on_text(const char* utf8);

}  // namespace zygc::web::input
