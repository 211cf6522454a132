// zoom: the zoom gestures (pinch.h).
#include "ui/pinch.h"

#include <cmath>

#include "core/settings.h"
#include "ui/touch_gesture.h"  // kSlopCss

namespace zygc::ui {

float Pinch::clamp(float z) const {
    return z < settings::kZoomMin ? settings::kZoomMin : z > settings::kZoomMax ? settings::kZoomMax : z;
}

int Pinch::index(long id) const {
    for (int i = 0; i < 2; ++i)
        if (f_[i].down && f_[i].id == id) return i;
    return -1;
}

float Pinch::distance() const {
    const float dx = f_[0].x - f_[1].x, dy = f_[0].y - f_[1].y;
    return std::sqrt(dx * dx + dy * dy);
}

bool Pinch::begin(long id, float x, float y, double t) {
    if (mode_ == Mode::Wheel) {  // a touch ends a wheel zoom
        has_result_ = true;
        result_ = zoom_;
        mode_ = Mode::None;
    }
    if (mode_ == Mode::None) {
        f_[0] = {id, true, x, y};
        f_[1] = {};
        x0_ = x, y0_ = y, t0_ = t;
        moved_ = false;
        const float near = kDoubleTapCss * scale;
        if (last_tap_ && t >= tap_t_ && t - tap_t_ <= kDoubleTapMs && std::fabs(x - tap_x_) <= near && std::fabs(y - tap_y_) <= near) {
            mode_ = Mode::Armed;  // maybe a one-finger zoom: held until it drags or lifts
            last_tap_ = false;
            zoom_ = z0_ = rest_zoom;
            fx_ = x, fy_ = y;
            return true;
        }
        mode_ = Mode::Down;
        return false;
    }
    if (mode_ == Mode::Down) {
        // A second finger: a pinch from here. (A finger left from a pinch was never the
        // one-finger gesture's: nothing to cancel then.)
        f_[1] = {id, true, x, y};
        mode_ = Mode::Pinch;
        took_over_ = !ignore_rest_;
        ignore_rest_ = false;
        last_tap_ = false;
        zoom_ = z0_ = rest_zoom;
        d0_ = std::fmax(distance(), 1.0f);
        fx_ = (f_[0].x + f_[1].x) * 0.5f;
        fy_ = (f_[0].y + f_[1].y) * 0.5f;
        return true;
    }
    return mode_ != Mode::Down;  // a third finger, or any finger during a gesture: ours, ignored
}

bool Pinch::move(long id, float x, float y, double t) {
    const int i = index(id);
    if (i < 0) return mode_ != Mode::None && mode_ != Mode::Down;
    f_[i].x = x, f_[i].y = y;
    const float slop = kSlopCss * scale;
    switch (mode_) {
        case Mode::Down:
            if (std::fabs(x - x0_) > slop || std::fabs(y - y0_) > slop) moved_ = true;
            return ignore_rest_;
        case Mode::Pinch:
            if (f_[0].down && f_[1].down) {
                zoom_ = clamp(z0_ * distance() / d0_);
                fx_ = (f_[0].x + f_[1].x) * 0.5f;
                fy_ = (f_[0].y + f_[1].y) * 0.5f;
            }
            return true;
        case Mode::Armed:
            if (std::fabs(y - y0_) <= slop && std::fabs(x - x0_) <= slop) return true;
            if (t - t0_ < kZoomHoldMs || std::fabs(y - y0_) < std::fabs(x - x0_)) {
                mode_ = Mode::Down;  // no rest, or sideways: not a zoom; an ordinary touch
                moved_ = true;
                has_release_ = true;
                return false;
            }
            mode_ = Mode::Drag;
            [[fallthrough]];
        case Mode::Drag:
            zoom_ = clamp(z0_ * std::exp2((y - y0_) / (kDragDoubleCss * scale)));
            return true;
        default: return true;
    }
}

bool Pinch::end(long id, double t) {
    const int i = index(id);
    if (i < 0) return mode_ != Mode::None && mode_ != Mode::Down;
    f_[i].down = false;
    const bool any_down = f_[0].down || f_[1].down;
    switch (mode_) {
        case Mode::Down: {
            const bool ours = ignore_rest_;
            if (!ours && !moved_ && t - t0_ <= kTapMs) {
                last_tap_ = true;
                tap_x_ = x0_, tap_y_ = y0_, tap_t_ = t;
            }
            ignore_rest_ = false;
            mode_ = Mode::None;
            return ours;
        }
        case Mode::Pinch:
            has_result_ = true;
            result_ = zoom_;
            // The other finger, if still down, stays ours (it must not start scrolling).
            mode_ = any_down ? Mode::Down : Mode::None;
            ignore_rest_ = any_down;
            if (any_down && i == 0) f_[0] = f_[1], f_[1] = {};
            return true;
        case Mode::Armed:
            has_tap_ = true;
            replay_x_ = x0_, replay_y_ = y0_;
            mode_ = Mode::None;
            return true;
        case Mode::Drag:
            has_result_ = true;
            result_ = zoom_;
            mode_ = Mode::None;
            return true;
        default: return true;
    }
}

void Pinch::wheel(float dy, float x, float y, double t) {
    if (mode_ != Mode::None && mode_ != Mode::Wheel) return;
    if (mode_ == Mode::None) {
        mode_ = Mode::Wheel;
        zoom_ = rest_zoom;
    }
    zoom_ = clamp(zoom_ * std::exp(-dy / 100.0f));
    fx_ = x, fy_ = y;
    wheel_t_ = t;
}

void Pinch::tick(double t) {
    if (mode_ == Mode::Wheel && t - wheel_t_ >= kWheelRestMs) {
        has_result_ = true;
        result_ = zoom_;
        mode_ = Mode::None;
    }
}

bool Pinch::took_over() {
    const bool r = took_over_;
    took_over_ = false;
    return r;
}

bool Pinch::take_result(float& zoom) {
    if (!has_result_) return false;
    has_result_ = false;
    zoom = result_;
    return true;
}

bool Pinch::take_release(float& x, float& y, double& t) {
    if (!has_release_) return false;
    has_release_ = false;
    x = x0_, y = y0_, t = t0_;
    return true;
}

bool Pinch::take_tap(float& x, float& y) {
    if (!has_tap_) return false;
    has_tap_ = false;
    x = replay_x_, y = replay_y_;
    return true;
}

}  // namespace zygc::ui
