#include "ui/touch_scroll.h"

#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"

namespace zygc::ui {

// =============================================================================================
// Physics
// =============================================================================================

void VelocityTracker::add(double t_ms, float p) {
    t[head] = t_ms;
    pos[head] = p;
    head = (head + 1) % kSamples;
    if (count < kSamples) ++count;
}

float VelocityTracker::velocity(double now_ms) const {
    if (count < 2) return 0;
    const int last = (head + kSamples - 1) % kSamples;
    if (now_ms - t[last] > window_ms * 0.5) return 0;  // the finger rested before lifting
    // Least-squares slope over the samples within the window before the last one.
    double st = 0, sp = 0, stt = 0, stp = 0;
    int n = 0;
    for (int i = 0; i < count; ++i) {
        const int k = (last - i + kSamples) % kSamples;
        const double dt = t[k] - t[last];
        if (-dt > window_ms) break;
        const double dp = pos[k] - pos[last];
        st += dt, sp += dp, stt += dt * dt, stp += dt * dp;
        ++n;
    }
    if (n < 2) return 0;
    const double den = n * stt - st * st;
    if (den <= 1e-9) return 0;
    return float((n * stp - st * sp) / den * 1000.0);
}

void Fling::start(float v, float min_velocity) { velocity = std::fabs(v) >= min_velocity ? v : 0; }

float Fling::step(float dt_s) {
    if (velocity == 0 || dt_s <= 0) return 0;
    const float k = std::exp(-dt_s / time_constant);
    const float d = velocity * time_constant * (1 - k);
    velocity *= k;
    if (std::fabs(velocity) < stop_velocity) velocity = 0;
    return d;
}

bool clamp_scroll(float& offset, float max) {
    if (max < 0) max = 0;
    if (offset < 0) {
        offset = 0;
        return true;
    }
    if (offset > max) {
        offset = max;
        return true;
    }
    return false;
}

void Pull::drag(float finger_dy) {
    distance += finger_dy * resistance;
    if (distance < 0) distance = 0;
    if (distance > max) distance = max;
}

bool Pull::release() {
    dragging = false;
    return distance >= threshold;
}

void Pull::step(float dt_s) {
    if (dragging || distance <= 0) return;
    distance *= std::exp(-dt_s / 0.08f);
    if (distance < 0.5f) distance = 0;
}

// =============================================================================================
// TouchScroll
// =============================================================================================

namespace {

// The deepest window under (x, y) that can scroll along the axis.
ImGuiWindow* scroll_window_at(float x, float y, int axis) {
    ImGuiContext& g = *GImGui;
    ImVec2 p(x, y);
    ImGuiWindow* root = nullptr;
    for (int i = g.Windows.Size - 1; i >= 0 && !root; --i) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        if (w->Flags & ImGuiWindowFlags_NoMouseInputs) continue;
        if (w->OuterRectClipped.Contains(p)) root = w;
    }
    if (!root) return nullptr;
    ImGuiWindow* best = nullptr;
    int best_depth = -1;
    for (ImGuiWindow* w : g.Windows) {
        if (!w->WasActive || w->Hidden || w->RootWindow != root) continue;
        if (!w->OuterRectClipped.Contains(p)) continue;
        if ((axis ? w->ScrollMax.y : w->ScrollMax.x) <= 0) continue;
        int depth = 0;
        for (ImGuiWindow* q = w; q->ParentWindow; q = q->ParentWindow) ++depth;
        if (depth > best_depth) best = w, best_depth = depth;
    }
    return best;
}

float current_scroll(ImGuiWindow* w, int axis) {
    const float target = axis ? w->ScrollTarget.y : w->ScrollTarget.x;
    if (target < FLT_MAX) return target;
    return axis ? w->Scroll.y : w->Scroll.x;
}

}  // namespace

bool TouchScroll::press(double) {
    const bool was = fling_.active() && std::fabs(fling_.velocity) > 150 * scale;
    fling_.stop();
    return was;
}

void TouchScroll::begin_drag(float x0, float y0, int axis, float pos, double t_ms) {
    dragging_ = true;
    need_target_ = true;
    axis_ = axis;
    x0_ = x0;
    y0_ = y0;
    last_pos_ = pos;
    tracker_.reset();
    tracker_.add(t_ms, pos);
    fling_.stop();
    carry_ = 0;
    pull_.threshold = kPullThreshold * scale;
    pull_.max = 140 * scale;
    pull_.dragging = axis == 1;
}

void TouchScroll::drag(float pos, double t_ms) {
    if (!dragging_) return;
    acc_ += pos - last_pos_;
    last_pos_ = pos;
    tracker_.add(t_ms, pos);
}

void TouchScroll::release(double t_ms) {
    if (!dragging_) return;
    dragging_ = false;
    if (pull_.distance > 0) {
        if (pull_.release()) refresh_ = true;
        return;
    }
    pull_.dragging = false;
    fling_.stop_velocity = 12 * scale;
    fling_.start(-tracker_.velocity(t_ms), 120 * scale);
}

void TouchScroll::cancel() {
    dragging_ = false;
    pull_.dragging = false;
    fling_.stop();
    acc_ = 0;
}

bool TouchScroll::take_refresh() {
    const bool r = refresh_;
    refresh_ = false;
    return r;
}

bool TouchScroll::apply(float dt_s) {
    ImGuiWindow* w = nullptr;
    if (need_target_) {
        need_target_ = false;
        w = scroll_window_at(x0_, y0_, axis_);
        target_ = w ? w->ID : 0;
    } else if (target_) {
        w = ImGui::FindWindowByID(target_);
    }

    // Finger travel: first closes a pull, then scrolls, and past the top (vertical) pulls.
    float finger = acc_;
    acc_ = 0;
    if (finger != 0 && axis_ == 1 && pull_.distance > 0 && finger < 0) {
        const float close = pull_.distance / pull_.resistance;  // finger travel that closes the pull
        const float used = std::fmin(close, -finger);
        pull_.drag(-used);
        finger += used;
    }
    float offset = w ? current_scroll(w, axis_) : 0;
    float delta = -finger;  // finger down/right → offset decreases
    if (fling_.active()) delta += fling_.step(dt_s);
    if (w && delta != 0) {
        float exact = offset + carry_ + delta;
        if (axis_ == 1 && exact < 0 && finger > 0 && dragging_) pull_.drag(std::fmin(finger, -exact));  // past the top
        if (clamp_scroll(exact, axis_ ? w->ScrollMax.y : w->ScrollMax.x)) fling_.stop();
        // ImGui floors scroll offsets: keep the fraction for the next frame, so a slow fling
        // tail still moves and the total travel is exact.
        float next = std::floor(exact);
        carry_ = exact - next;
        if (axis_)
            ImGui::SetScrollY(w, next);
        else
            ImGui::SetScrollX(w, next);
    } else if (!w) {
        fling_.stop();
        if (axis_ == 1 && finger > 0 && dragging_) pull_.drag(finger);  // nothing to scroll: all of it pulls
    }
    if (!dragging_ && !fling_.active()) carry_ = 0;
    pull_.step(dt_s);
    return active();
}

}  // namespace zygc::ui
