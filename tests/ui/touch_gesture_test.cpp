// One finger's decisions (ui::TouchGesture) driven by hand, as the web platform drives them
// from DOM touch events: what ImGui is told (pointer events) and what the scroller is told.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/touch_gesture.h"

using namespace zygc;
using ui::GesturePhase;
using ui::PointerEvent;

namespace {

// The pointer events as text, e.g. "move 10,20 | down 0 | up 0 | move off".
std::string describe(const std::vector<PointerEvent>& ev) {
    std::string s;
    for (const PointerEvent& e : ev) {
        if (!s.empty()) s += " | ";
        switch (e.kind) {
            case PointerEvent::Kind::Move:
                s += e.x == ui::kOffscreen ? std::string("move off")
                                           : "move " + std::to_string(int(e.x)) + "," + std::to_string(int(e.y));
                break;
            case PointerEvent::Kind::Down: s += "down " + std::to_string(e.button); break;
            case PointerEvent::Kind::Up: s += "up " + std::to_string(e.button); break;
        }
    }
    return s;
}

// A gesture at devicePixelRatio 2 (slop 8 CSS px = 16 framebuffer px) and what it emitted.
struct Finger {
    ui::TouchGesture g;
    std::vector<PointerEvent> out;
    Finger() { g.scale = g.scroll.scale = 2; }
    std::string take() {
        std::string s = describe(out);
        out.clear();
        return s;
    }
};

}  // namespace

TEST_CASE("a quick touch is a tap: hover, press, release, hover nothing", "[ui][touch][gesture]") {
    Finger f;
    f.g.begin(1, 100, 200, 0, 0, f.out);
    CHECK(f.take() == "move 100,200");
    CHECK(f.g.phase() == GesturePhase::Pending);
    f.g.tick(50, f.out);  // before the hold
    CHECK(f.take() == "");
    f.g.move(1, 105, 203, 60, f.out);  // within the slop: still a tap, the hover follows
    CHECK(f.take() == "move 105,203");
    CHECK(f.g.end(1, false, 80, f.out));
    CHECK(f.take() == "down 0 | up 0 | move off");
    CHECK(f.g.phase() == GesturePhase::None);
    CHECK_FALSE(f.g.scroll.active());
}

TEST_CASE("a resting finger presses after the hold and clicks on release", "[ui][touch][gesture]") {
    Finger f;
    f.g.begin(1, 100, 200, 0, 0, f.out);
    f.take();
    f.g.tick(ui::kHoldMs - 1, f.out);
    CHECK(f.take() == "");
    f.g.tick(ui::kHoldMs, f.out);
    CHECK(f.take() == "down 0");
    CHECK(f.g.phase() == GesturePhase::Pressed);
    CHECK(f.g.end(1, false, 300, f.out));  // a click (and a tap)
    CHECK(f.take() == "up 0 | move off");
}

TEST_CASE("a cancelled press releases away from the widget: no click", "[ui][touch][gesture]") {
    Finger f;
    f.g.begin(1, 100, 200, 0, 0, f.out);
    f.g.tick(ui::kHoldMs, f.out);
    f.take();
    CHECK_FALSE(f.g.end(1, true, 300, f.out));
    CHECK(f.take() == "move off | up 0 | move off");
    // A cancelled pending touch clicks nothing at all.
    f.g.begin(2, 100, 200, 400, 400, f.out);
    f.take();
    CHECK_FALSE(f.g.end(2, true, 420, f.out));
    CHECK(f.take() == "move off");
}

TEST_CASE("a press held however long still clicks on release: a tap is never lost", "[ui][touch][gesture]") {
    // A resident who rests a finger on 定位签到 for a second, or a busy browser that delivers
    // the lift late (the fault-injection run: touchend 0.5 s+ after touchstart), taps it.
    // (This was a "long press": a right click after 500 ms, the left press released away
    // from the button, so nothing happened.)
    Finger f;
    f.g.begin(1, 100, 200, 0, 0, f.out);
    f.g.move(1, 104, 202, 100, f.out);  // a little jitter is still holding still
    f.take();
    f.g.tick(ui::kHoldMs, f.out);
    CHECK(f.take() == "down 0");
    for (double t = 200; t <= 5000; t += 100) f.g.tick(t, f.out);
    CHECK(f.take() == "");  // the press stays down under the finger, nothing else happens
    CHECK(f.g.phase() == GesturePhase::Pressed);
    CHECK(f.g.end(1, false, 5050, f.out));  // a tap: the platform focuses a field under it
    CHECK(f.take() == "up 0 | move off");
}

TEST_CASE("a late first frame after a long rest presses once; the lift clicks", "[ui][touch][gesture]") {
    // A frame that comes late (busy phone) sees the finger resting for long already.
    Finger f;
    f.g.begin(1, 10, 20, 0, 0, f.out);
    f.take();
    f.g.tick(700, f.out);
    CHECK(f.take() == "down 0");
    CHECK(f.g.end(1, false, 720, f.out));
    CHECK(f.take() == "up 0 | move off");
    // Lifted before any frame saw it rest: the whole click at the lift.
    f.g.begin(2, 10, 20, 1000, 1000, f.out);
    f.take();
    CHECK(f.g.end(2, false, 1900, f.out));
    CHECK(f.take() == "down 0 | up 0 | move off");
}

TEST_CASE("a held press that then moves past the slop scrolls and clicks nothing", "[ui][touch][gesture]") {
    Finger f;
    f.g.begin(1, 100, 300, 0, 0, f.out);
    f.g.tick(ui::kHoldMs, f.out);
    f.g.tick(2000, f.out);  // rested long
    f.take();
    f.g.move(1, 100, 200, 2100, f.out);
    CHECK(f.take() == "move off | up 0");
    CHECK(f.g.phase() == GesturePhase::Scrolling);
    CHECK_FALSE(f.g.end(1, false, 2200, f.out));
}

TEST_CASE("moving past the slop scrolls and never clicks", "[ui][touch][gesture]") {
    const float slop = ui::kSlopCss * 2;  // scale 2
    SECTION("from a pending touch") {
        Finger f;
        f.g.begin(1, 100, 300, 0, 0, f.out);
        f.take();
        f.g.move(1, 100, 300 - slop, 16, f.out);  // exactly the slop: still a tap
        CHECK(f.take() == "move 100," + std::to_string(int(300 - slop)));
        f.g.move(1, 100, 300 - slop - 1, 32, f.out);
        CHECK(f.take() == "move off");
        CHECK(f.g.phase() == GesturePhase::Scrolling);
        CHECK(f.g.scroll.dragging());
        f.g.move(1, 100, 200, 48, f.out);
        CHECK(f.take() == "");  // scrolling moves no pointer
        CHECK_FALSE(f.g.end(1, false, 64, f.out));
        CHECK(f.take() == "move off");
        CHECK_FALSE(f.g.scroll.dragging());
    }
    SECTION("from a held press: the press is released away from the widget") {
        Finger f;
        f.g.begin(1, 100, 300, 0, 0, f.out);
        f.g.tick(ui::kHoldMs, f.out);
        f.take();
        f.g.move(1, 100, 250, 200, f.out);
        CHECK(f.take() == "move off | up 0");
        CHECK(f.g.phase() == GesturePhase::Scrolling);
        f.g.tick(2000, f.out);  // scrolling never becomes a press again
        CHECK(f.take() == "");
        CHECK_FALSE(f.g.end(1, false, 700, f.out));
    }
    SECTION("the larger direction decides the axis") {
        Finger f;
        f.g.begin(1, 100, 300, 0, 0, f.out);
        f.g.move(1, 160, 310, 16, f.out);  // mostly sideways
        CHECK(f.g.phase() == GesturePhase::Scrolling);
        CHECK(f.g.axis() == 0);
        f.g.end(1, false, 32, f.out);
        f.g.begin(2, 100, 300, 100, 100, f.out);
        f.g.move(2, 110, 240, 116, f.out);  // mostly up
        CHECK(f.g.axis() == 1);
    }
}

TEST_CASE("a fast flick leaves the list flinging; the next touch only stops it", "[ui][touch][gesture]") {
    Finger f;
    f.g.begin(1, 200, 600, 0, 0, f.out);
    for (int i = 1; i <= 6; ++i) f.g.move(1, 200, 600 - 50.f * i, 16.0 * i, f.out);  // ~3 px/ms up
    CHECK_FALSE(f.g.end(1, false, 100, f.out));
    REQUIRE(f.g.scroll.flinging());
    f.take();
    f.g.begin(2, 200, 400, 150, 150, f.out);
    CHECK(f.g.phase() == GesturePhase::Stopper);
    CHECK_FALSE(f.g.scroll.flinging());
    CHECK(f.take() == "");  // no hover, no press: the stopping touch is not a tap
    f.g.tick(2000, f.out);
    CHECK(f.take() == "");  // nor a press however long it rests
    CHECK_FALSE(f.g.end(2, false, 200, f.out));
    CHECK(f.take() == "move off");
}

TEST_CASE("a finger that rests before lifting does not fling", "[ui][touch][gesture]") {
    Finger f;
    f.g.begin(1, 200, 600, 0, 0, f.out);
    for (int i = 1; i <= 6; ++i) f.g.move(1, 200, 600 - 50.f * i, 16.0 * i, f.out);
    f.g.end(1, false, 96 + 150, f.out);  // lifted 150 ms after the last move
    CHECK_FALSE(f.g.scroll.flinging());
}

TEST_CASE("one finger at a time: other touches are ignored", "[ui][touch][gesture]") {
    Finger f;
    f.g.begin(1, 100, 200, 0, 0, f.out);
    f.take();
    f.g.begin(2, 300, 400, 10, 10, f.out);  // a second finger
    f.g.move(2, 300, 100, 20, f.out);
    CHECK_FALSE(f.g.end(2, false, 30, f.out));
    CHECK(f.take() == "");
    CHECK(f.g.phase() == GesturePhase::Pending);
    CHECK(f.g.end(1, false, 40, f.out));  // the first one still taps
    CHECK(f.take() == "down 0 | up 0 | move off");
    // With no finger down, a stray move or end does nothing.
    f.g.move(1, 0, 0, 50, f.out);
    CHECK_FALSE(f.g.end(1, false, 60, f.out));
    CHECK(f.take() == "");
}

namespace {

// A headless ImGui frame with one full-screen window holding a list at its top, scrolled by
// the gesture's TouchScroll as the web platform does (apply() after NewFrame).
struct Screen {
    ImGuiContext* ctx = ImGui::CreateContext();
    Screen() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(400, 800);
        io.Fonts->AddFontDefault();
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        io.Fonts->SetTexID((ImTextureID)(intptr_t)1);
    }
    ~Screen() { ImGui::DestroyContext(ctx); }
    void frame(ui::TouchScroll& scroll) {
        ImGui::GetIO().DeltaTime = 1 / 60.f;
        ImGui::NewFrame();
        scroll.apply(1 / 60.f);
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 800));
        ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
        for (int r = 0; r < 100; ++r) ImGui::Button(("row " + std::to_string(r)).c_str(), ImVec2(380, 40));
        ImGui::End();
        ImGui::Render();
    }
};

// Pulls down from the top of the list by `finger` framebuffer px at scale 2, slowly, holds,
// lifts; returns whether a refresh was asked for, and the largest pull shown.
bool pull(float finger, float* shown) {
    Screen screen;
    Finger f;
    screen.frame(f.g.scroll);
    f.g.begin(1, 200, 100, 0, 0, f.out);
    *shown = 0;
    for (int i = 1; i <= 20; ++i) {
        f.g.move(1, 200, 100 + finger * i / 20, 30.0 * i, f.out);
        screen.frame(f.g.scroll);
        if (f.g.scroll.pull_px() > *shown) *shown = f.g.scroll.pull_px();
    }
    f.g.end(1, false, 30.0 * 20 + 200, f.out);
    screen.frame(f.g.scroll);
    return f.g.scroll.take_refresh();
}

}  // namespace

TEST_CASE("pull-to-refresh: the threshold is kPullRefreshCss CSS px, shown with resistance",
          "[ui][touch][gesture]") {
    // Scale 2: the shown pull must reach 2 × kPullRefreshCss framebuffer px; the shown pull is
    // the finger's travel past the top × the resistance (from the touch start: the travel
    // within the slop counts once it is a drag). 8 px of finger either side decide.
    const float threshold = ui::kPullRefreshCss * 2, resistance = ui::Pull().resistance;
    float shown = 0;
    CHECK_FALSE(pull(threshold / resistance - 8, &shown));
    CHECK(shown > 0);  // it did pull, just not far enough
    CHECK(shown < threshold);
    CHECK(pull(threshold / resistance + 8, &shown));
    CHECK(shown >= threshold);
}
