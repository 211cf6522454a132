// One finger on a touch screen, decided: a tap, a hold (visible press), a scroll with
// inertia, or a touch that only stops a flinging list.
// Plain data in (touch id, position, times), decisions out (pointer events for ImGui, and the
// finger scrolling it drives in a TouchScroll); no platform, no ImGui. The web platform
// forwards its touch events here (src/platform/web/input.cpp) and queues the pointer events;
// native tests drive it by hand (tests/ui/touch_gesture_test.cpp).
//
// Units as in touch_scroll.h: framebuffer px, milliseconds; thresholds in CSS px × `scale`.
//
//   finger down ──(lifted quickly)──────────────────────────────▶ tap: press + release
//        │ ──(rests kHoldMs)──▶ Pressed ──(lifted, however late)─▶ release (a click)
//        │ ──(moves > kSlopCss, from Pending or Pressed)────────▶ Scrolling: no click
//        └─(the list under it was flinging)─────────────────────▶ Stopper: stops it, no tap
//
// There is no long press: a finger that rests on a button and lifts without moving clicks
// it, however long it rested — as a phone's own buttons do. Older residents press slowly,
// and a busy phone (or browser) delivers the lift late; a press that became a right click
// after 500 ms was a tap silently lost (no widget here has a secondary action).
#pragma once
#include <cfloat>
#include <vector>

#include "ui/touch_scroll.h"

namespace zygc::ui {

constexpr double kHoldMs = 120;       // a finger resting this long presses (visible feedback)
constexpr float kSlopCss = 8;         // moving further than this scrolls instead of tapping

// What ImGui should see of the finger, in order (ImGui 1.86 reads the mouse state once per
// frame; the platform queues these and applies them frame by frame).
struct PointerEvent {
    enum class Kind : unsigned char { Move, Down, Up };
    Kind kind = Kind::Move;
    float x = 0, y = 0;  // Move: framebuffer px (kOffscreen: no hover)
    int button = 0;      // Down/Up: 0 primary
};
constexpr float kOffscreen = -FLT_MAX;  // a Move here hovers nothing

enum class GesturePhase {
    None,         // no finger
    Pending,      // finger down, not yet pressing (a quick release is a tap)
    Pressed,      // held: the button is down under the finger until it lifts (a click) or moves
    Scrolling,    // moved past the slop: scrolls, never taps
    Stopper,      // touched a list in flight: stops it, is not a tap
};

class TouchGesture {
public:
    float scale = 1;    // framebuffer px per CSS px (the slop)
    TouchScroll scroll; // the finger scrolling this gesture drives (apply() it once per frame)

    // Each call appends what ImGui should see to `out`. `now_ms` is the clock when the event
    // is handled (hold timers); `event_ms` when it happened (the fling's velocity: a busy main
    // thread delivers events late). A touch other than the one followed is ignored, and so is
    // a second finger while one is down.
    void begin(long id, float x, float y, double now_ms, double event_ms, std::vector<PointerEvent>& out);
    void move(long id, float x, float y, double event_ms, std::vector<PointerEvent>& out);
    // Returns true when the finger lifted as a tap or a held press, however long it was held
    // (not a scroll or a stop): the platform focuses a text field under it (browsers open the keyboard only
    // inside the gesture's event handler).
    bool end(long id, bool cancel, double event_ms, std::vector<PointerEvent>& out);
    // Once per frame: a resting finger becomes a press.
    void tick(double now_ms, std::vector<PointerEvent>& out);

    GesturePhase phase() const { return phase_; }
    bool down() const { return phase_ != GesturePhase::None; }
    int axis() const { return axis_; }  // Scrolling: 0 horizontal, 1 vertical
    float x() const { return x_; }  // last finger position
    float y() const { return y_; }

private:
    GesturePhase phase_ = GesturePhase::None;
    long id_ = 0;
    float x0_ = 0, y0_ = 0;  // start
    float x_ = 0, y_ = 0;    // last
    double t0_ = 0;          // now_ms at the start (hold timers)
    double te0_ = 0;         // event_ms at the start (fling velocity)
    int axis_ = 1;           // Scrolling: 0 horizontal, 1 vertical
};

}  // namespace zygc::ui
