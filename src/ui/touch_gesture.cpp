#include "ui/touch_gesture.h"

#include <cmath>

namespace zygc::ui {
namespace {

void move_to(std::vector<PointerEvent>& out, float x, float y) { out.push_back({PointerEvent::Kind::Move, x, y, 0}); }
void hover_nothing(std::vector<PointerEvent>& out) { move_to(out, kOffscreen, kOffscreen); }
void button(std::vector<PointerEvent>& out, int b, bool down) {
    out.push_back({down ? PointerEvent::Kind::Down : PointerEvent::Kind::Up, 0, 0, b});
}

}  // namespace

void TouchGesture::begin(long id, float x, float y, double now_ms, double event_ms, std::vector<PointerEvent>& out) {
    if (phase_ != GesturePhase::None) return;  // one finger at a time
    const bool stopped = scroll.press(event_ms);
    phase_ = stopped ? GesturePhase::Stopper : GesturePhase::Pending;
    id_ = id;
    x0_ = x_ = x;
    y0_ = y_ = y;
    t0_ = now_ms;
    te0_ = event_ms;
    axis_ = 1;
    if (!stopped) move_to(out, x, y);  // hover first: the press lands on what is under the finger
}

void TouchGesture::move(long id, float x, float y, double event_ms, std::vector<PointerEvent>& out) {
    if (phase_ == GesturePhase::None || id != id_) return;
    if (phase_ == GesturePhase::Scrolling) {
        x_ = x;
        y_ = y;
        scroll.drag(axis_ ? y : x, event_ms);
        return;
    }
    const float dx = x - x0_, dy = y - y0_;
    x_ = x;
    y_ = y;
    const float slop = kSlopCss * scale;
    if (dx * dx + dy * dy <= slop * slop) {
        if (phase_ == GesturePhase::Pending || phase_ == GesturePhase::Pressed) move_to(out, x, y);
        return;
    }
    // Becomes a scroll: the press (if any) is released away from every widget, so no click.
    hover_nothing(out);
    if (phase_ == GesturePhase::Pressed) button(out, 0, false);
    phase_ = GesturePhase::Scrolling;
    axis_ = std::fabs(dx) > std::fabs(dy) ? 0 : 1;
    scroll.begin_drag(x0_, y0_, axis_, axis_ ? y0_ : x0_, te0_);
    scroll.drag(axis_ ? y : x, event_ms);
}

bool TouchGesture::end(long id, bool cancel, double event_ms, std::vector<PointerEvent>& out) {
    if (phase_ == GesturePhase::None || id != id_) return false;
    const bool tapped = !cancel && (phase_ == GesturePhase::Pending || phase_ == GesturePhase::Pressed);
    switch (phase_) {
        case GesturePhase::Pending:  // lifted before the hold: the whole click now
            if (!cancel) {
                button(out, 0, true);
                button(out, 0, false);
            }
            break;
        case GesturePhase::Pressed:
            if (cancel) hover_nothing(out);  // released away from the widget: no click
            button(out, 0, false);
            break;
        case GesturePhase::Scrolling:
            if (cancel)
                scroll.cancel();
            else
                scroll.release(event_ms);
            break;
        default: break;
    }
    hover_nothing(out);  // no hover left behind on a touch screen
    phase_ = GesturePhase::None;
    return tapped;
}

void TouchGesture::tick(double now_ms, std::vector<PointerEvent>& out) {
    if (phase_ == GesturePhase::Pending && now_ms - t0_ >= kHoldMs) {
        button(out, 0, true);
        phase_ = GesturePhase::Pressed;
    }
}

}  // namespace zygc::ui
