// Finger scrolling with inertia, and pull-to-refresh: the physics as plain structs (no
// platform, no ImGui) and a TouchScroll that applies them to the ImGui window under the finger.
// The web platform feeds it touch events; native tests feed it by hand (tests/ui/touch_scroll_test.cpp).
//
// Units: positions in framebuffer px, time in milliseconds (the platform's clock), velocities
// in px per second. Thresholds are given in CSS px and multiplied by `scale`.
#pragma once
#include <cstdint>

namespace zygc::ui {

// Velocity of the finger from its recent samples: a least-squares slope over the last
// `window_ms` (default 100 ms), so one jittery sample does not decide a fling. A finger
// that rested before lifting (no sample within `window_ms` of the release) has velocity 0.
struct VelocityTracker {
    static constexpr int kSamples = 16;
    double window_ms = 100;
    double t[kSamples] = {};
    float pos[kSamples] = {};
    int count = 0, head = 0;  // ring buffer

    void reset() { count = head = 0; }
    void add(double t_ms, float p);
    float velocity(double now_ms) const;  // px/s
};

// Inertia after the finger lifts: exponential decay v(t) = v0·e^(−t/τ); the total travel is v0·τ.
struct Fling {
    float velocity = 0;          // px/s, sign of the scroll direction (+: scroll offset grows)
    float time_constant = 0.325f;  // τ in seconds (close to iOS/Android "normal" deceleration)
    float stop_velocity = 20;    // px/s below which it stops (set from the scale)

    bool active() const { return velocity != 0; }
    void start(float v, float min_velocity);  // starts only when |v| ≥ min_velocity
    void stop() { velocity = 0; }
    float step(float dt_s);  // advances; returns the distance travelled in dt (exact integral)
};

// Clamps an offset to [0, max]; true when it had to (a scroll limit was hit).
bool clamp_scroll(float& offset, float max);

// CSS px of shown pull distance that trigger a refresh: the one value for the gesture,
// the indicator (app.cpp) and the platform.
constexpr float kPullThreshold = 64;

// Pull-to-refresh: finger travel past the top, with resistance; released beyond the
// threshold it triggers; afterwards the indicator eases back to 0.
struct Pull {
    float distance = 0;      // shown distance, px (after resistance)
    float resistance = 0.5f;  // shown = finger travel × resistance
    float threshold = kPullThreshold;  // px of shown distance that trigger a refresh
    float max = 128;         // px

    void drag(float finger_dy);  // + pulls down, − pushes back up; returns nothing
    bool release();              // true when it triggers; starts easing back
    void step(float dt_s);       // eases back when not dragging
    bool dragging = false;
};

// The gesture applied to Dear ImGui windows. Call order per touch:
//   press() at touch start (stops a running fling; returns true when one was running, so the
//   caller can swallow that touch as a "stop" rather than a tap), begin_drag() once the
//   finger has moved past the tap slop, drag() for each move, release() when it lifts;
//   and once per frame, after ImGui::NewFrame() and before the windows are drawn, apply().
class TouchScroll {
public:
    float scale = 1;  // framebuffer px per CSS px

    bool press(double t_ms);
    void begin_drag(float x0, float y0, int axis, float pos, double t_ms);  // axis 0: x, 1: y
    void drag(float pos, double t_ms);  // finger position along the axis
    void release(double t_ms);
    void cancel();

    // Applies pending finger travel and inertia to the window under the drag's start point.
    // Returns true while something is moving (keep rendering).
    bool apply(float dt_s);

    float pull_px() const { return pull_.distance; }  // framebuffer px, for an indicator
    bool take_refresh();  // true once after a pull past the threshold was released
    bool flinging() const { return fling_.active(); }
    bool dragging() const { return dragging_; }
    bool active() const { return dragging_ || fling_.active() || pull_.distance > 0 || acc_ != 0; }
    uint32_t target() const { return target_; }

private:
    VelocityTracker tracker_;
    Fling fling_;
    Pull pull_;
    bool dragging_ = false;
    bool need_target_ = false;
    bool refresh_ = false;
    int axis_ = 1;
    float x0_ = 0, y0_ = 0;
    float last_pos_ = 0;
    float acc_ = 0;          // finger travel not yet applied (+: finger moved right/down)
    float carry_ = 0;        // sub-pixel remainder (ImGui keeps whole-pixel scroll offsets)
    uint32_t target_ = 0;    // ImGuiID of the window being scrolled (0: none)
};

}  // namespace zygc::ui
