// zoom: the gestures that change the text zoom (ui/zoom.h), decided from plain touch data like
// ui::TouchGesture: no platform, no ImGui. The web platform (src/platform/web/input.cpp) shows
// it every touch first; the touches it owns never reach the one-finger TouchGesture.
//
//   two fingers ──(spread / pinch)──────────────▶ zoom × distance ratio, focus = their centre
//   tap, then within kDoubleTapMs a second touch near it, held kZoomHoldMs and dragged
//        ──(down / up)──────────────────────────▶ zoom × 2^(dy / kDragDoubleCss), focus = the touch
//        ├─(dragged before kZoomHoldMs)─────────▶ released: an ordinary scroll from where it began
//        └─(lifted without dragging)────────────▶ replayed as a plain tap
//   Ctrl + wheel (a laptop's touchpad pinch) ──▶ zoom × e^(−dy / 100), ends kWheelRestMs later
//
// While a gesture runs, zoom() is the level to show (clamped to 1–2) and focus_x/y() the
// point to keep still; when it ends, take_result() answers the level once. Units: framebuffer
// px (thresholds in CSS px × `scale`), milliseconds.
#pragma once

namespace zygc::ui {

constexpr double kDoubleTapMs = 300;    // a second touch this soon after a tap …
constexpr float kDoubleTapCss = 40;     // … and this near it arms the one-finger zoom
constexpr double kTapMs = 250;          // a touch lifted this soon (and not moved) is a tap
constexpr float kDragDoubleCss = 150;   // a one-finger zoom drag this far doubles the zoom
constexpr double kWheelRestMs = 250;    // Ctrl + wheel: the gesture ends after this rest
constexpr double kZoomHoldMs = 100;     // the second touch rests this long before a drag zooms

class Pinch {
public:
    float scale = 1;       // framebuffer px per CSS px
    float rest_zoom = 1;   // the level in effect when no gesture runs (the platform keeps it current)

    // Each returns true when the touch belongs to a zoom gesture: the platform must not give it
    // to the one-finger gesture. begin() of a second finger starts a pinch: took_over() then
    // says the first finger's gesture must be cancelled.
    bool begin(long id, float x, float y, double t);
    bool move(long id, float x, float y, double t);
    bool end(long id, double t);
    void wheel(float dy, float x, float y, double t);  // Ctrl + wheel, DOM deltaY in CSS px
    void tick(double t);                              // ends a wheel zoom at rest

    bool active() const { return mode_ == Mode::Pinch || mode_ == Mode::Drag || mode_ == Mode::Wheel; }
    float zoom() const { return zoom_; }
    float focus_x() const { return fx_; }
    float focus_y() const { return fy_; }

    bool took_over();               // once, after a second finger started a pinch
    bool take_result(float& zoom);  // once, after a gesture ended: the level it left
    // Once, after an armed second touch lifted without dragging: a tap at (x, y) to replay.
    bool take_tap(float& x, float& y);
    // Once, after an armed second touch dragged without resting first: it is an ordinary touch
    // from here (move() answered false); it went down at (x, y) at time t.
    bool take_release(float& x, float& y, double& t);

private:
    enum class Mode { None, Down, Pinch, Drag, Armed, Wheel };
    struct Finger {
        long id = 0;
        bool down = false;
        float x = 0, y = 0;
    };
    float clamp(float z) const;
    int index(long id) const;
    float distance() const;

    Mode mode_ = Mode::None;
    Finger f_[2];
    float zoom_ = 1, z0_ = 1, d0_ = 1;
    float fx_ = 0, fy_ = 0;     // focus
    float x0_ = 0, y0_ = 0;     // one finger: where it went down
    double t0_ = 0;             // … and when
    bool moved_ = false;        // … moved past the slop since
    bool last_tap_ = false;     // a tap ended at (tap_x_, tap_y_) at tap_t_
    float tap_x_ = 0, tap_y_ = 0;
    double tap_t_ = 0;
    double wheel_t_ = 0;
    bool took_over_ = false, has_result_ = false, has_tap_ = false, has_release_ = false;
    float result_ = 1;
    float replay_x_ = 0, replay_y_ = 0;
    bool ignore_rest_ = false;  // a finger left over from a pinch: owned until it lifts
};

}  // namespace zygc::ui
