// Finger scrolling: the physics alone, then applied to a real (headless) ImGui list and
// observed through the semantics tree, as the web platform applies it.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/context.h"
#include "ui/semantics.h"
#include "ui/touch_scroll.h"

using namespace zygc;

TEST_CASE("velocity from the last 100 ms of samples", "[ui][touch]") {
    ui::VelocityTracker v;
    // An old slow part, then a fast swipe: only the recent part counts.
    for (int i = 0; i < 10; ++i) v.add(i * 16.0, i * 2.0f);
    for (int i = 0; i < 6; ++i) v.add(200 + i * 16.0, 20 + i * 32.0f);  // 2 px/ms
    CHECK(v.velocity(280) == Approx(2000).epsilon(0.01));
    // A finger that rested before lifting does not fling.
    CHECK(v.velocity(280 + 120) == 0);
    v.reset();
    v.add(0, 0);
    CHECK(v.velocity(0) == 0);
}

TEST_CASE("fling decays exponentially and stops cleanly", "[ui][touch]") {
    ui::Fling f;
    f.start(3000, 100);
    REQUIRE(f.active());
    float travelled = 0, last_step = 1e9f;
    int frames = 0;
    while (f.active() && frames < 1000) {
        const float d = f.step(1 / 60.f);
        CHECK(d > 0);
        CHECK(d <= last_step);  // never speeds up
        last_step = d;
        travelled += d;
        ++frames;
    }
    CHECK_FALSE(f.active());
    CHECK(frames < 200);  // comes to rest within ~3 s
    CHECK(travelled == Approx(3000 * f.time_constant).epsilon(0.02));
    // Too slow to fling.
    f.start(50, 100);
    CHECK_FALSE(f.active());
    float off = -3;
    CHECK(ui::clamp_scroll(off, 100));
    CHECK(off == 0);
    off = 130;
    CHECK(ui::clamp_scroll(off, 100));
    CHECK(off == 100);
}

TEST_CASE("pull-to-refresh: threshold, resistance, easing back", "[ui][touch]") {
    ui::Pull p;
    p.dragging = true;
    p.drag(100);  // finger 100 px → 50 shown
    CHECK(p.distance == Approx(50));
    CHECK_FALSE(p.release());
    p.dragging = true;
    p.drag(1000);
    CHECK(p.distance == p.max);
    CHECK(p.release());
    for (int i = 0; i < 60; ++i) p.step(1 / 60.f);
    CHECK(p.distance == 0);
}

namespace {

// A headless ImGui with one full-screen window holding a scrolling list of 100 rows.
struct ListHarness {
    ImGuiContext* ctx;
    ui::Context* ui = ui::create_context();  // the semantics recorder lives in it
    ui::TouchScroll scroll;
    std::function<void()> before_draw;
    ListHarness() {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(400, 800);
        io.Fonts->AddFontDefault();
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        io.Fonts->SetTexID((ImTextureID)(intptr_t)1);
    }
    ~ListHarness() {
        ui::destroy_context(ui);
        ImGui::DestroyContext(ctx);
    }
    void frame(int n = 1) {
        for (int i = 0; i < n; ++i) {
            ImGui::GetIO().DeltaTime = 1 / 60.f;
            ImGui::NewFrame();
            scroll.apply(1 / 60.f);
            sem::begin_frame();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(400, 800));
            ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::BeginChild("list", ImVec2(400, 700));
            for (int r = 0; r < 100; ++r) {
                std::string label = "row " + std::to_string(r);
                sem::set_next(sem::Role::ListItem);
                ImGui::Button(label.c_str(), ImVec2(380, 40));
            }
            ImGui::EndChild();
            ImGui::End();
            sem::end_frame();
            ImGui::Render();
        }
    }
    float y_of(const std::string& label) {
        const sem::Node* n = sem::find(label, sem::Role::ListItem);
        return n ? n->y : NAN;
    }
    float scroll_y() { return ImGui::FindWindowByName("screen")->DC.ChildWindows.empty() ? 0 : ImGui::FindWindowByName("screen")->DC.ChildWindows[0]->Scroll.y; }
    // A drag along y from y0 to y1 over `ms`, 8 ms per sample, then release.
    void flick(float y0, float y1, double ms, double t0 = 1000) {
        scroll.press(t0);
        scroll.begin_drag(200, y0, 1, y0, t0);
        const int steps = (int)(ms / 8);
        for (int i = 1; i <= steps; ++i) {
            scroll.drag(y0 + (y1 - y0) * i / steps, t0 + i * 8);
            if (i % 2 == 0) frame();
        }
        scroll.release(t0 + ms);
    }
};

}  // namespace

TEST_CASE("a flick moves the list further than the finger and it comes to rest", "[ui][touch]") {
    ListHarness h;
    h.frame(2);
    const float before = h.y_of("row 3");
    REQUIRE(before == before);
    h.flick(600, 450, 96);  // 150 px in ~0.1 s: a fast flick
    CHECK(h.scroll.flinging());
    int frames = 0;
    float last = h.scroll_y();
    while (h.scroll.active() && frames < 600) {
        h.frame();
        ++frames;
        const float s = h.scroll_y();
        CHECK(s >= last);  // one direction only: no bounce
        last = s;
    }
    CHECK_FALSE(h.scroll.active());
    CHECK(frames < 240);  // at rest within 4 s
    CHECK(last > 150 + 100);  // travelled well past the finger
    const int version = (int)sem::frame_version();
    h.frame(5);
    CHECK((int)sem::frame_version() == version);  // at rest: the semantics stop changing
}

TEST_CASE("a fling stops at the end without overshoot", "[ui][touch]") {
    ListHarness h;
    h.frame(2);
    ImGuiWindow* list = ImGui::FindWindowByName("screen")->DC.ChildWindows[0];
    for (int k = 0; k < 4; ++k) {
        h.flick(650, 100, 64, 1000 + k * 1000);
        for (int i = 0; i < 120; ++i) {
            h.frame();
            CHECK(list->Scroll.y <= list->ScrollMax.y);
        }
    }
    CHECK(list->Scroll.y == list->ScrollMax.y);
    CHECK_FALSE(h.scroll.flinging());
    CHECK(sem::find("row 99", sem::Role::ListItem));
}

TEST_CASE("a slow drag scrolls exactly with the finger, no fling", "[ui][touch]") {
    ListHarness h;
    h.frame(2);
    h.scroll.press(0);
    h.scroll.begin_drag(200, 500, 1, 500, 0);
    for (int i = 1; i <= 20; ++i) {
        h.scroll.drag(500 - i * 5.f, i * 50.0);
        h.frame();
    }
    h.scroll.release(20 * 50.0 + 200);  // rested before lifting
    h.frame(3);
    CHECK(h.scroll_y() == Approx(100));
    CHECK_FALSE(h.scroll.flinging());
}

TEST_CASE("pulling down at the top past the threshold asks for a refresh", "[ui][touch]") {
    ListHarness h;
    h.scroll.scale = 1;
    h.frame(2);
    h.scroll.press(0);
    h.scroll.begin_drag(200, 200, 1, 200, 0);
    for (int i = 1; i <= 10; ++i) {
        h.scroll.drag(200 + i * 20.f, i * 30.0);
        h.frame();
    }
    CHECK(h.scroll.pull_px() >= 64);
    CHECK(h.scroll_y() == 0);
    h.scroll.release(400);
    CHECK(h.scroll.take_refresh());
    CHECK_FALSE(h.scroll.take_refresh());  // once
    h.frame(60);
    CHECK(h.scroll.pull_px() == 0);

    // A short pull does not.
    h.scroll.press(2000);
    h.scroll.begin_drag(200, 200, 1, 200, 2000);
    h.scroll.drag(260, 2100);
    h.frame();
    h.scroll.release(2300);
    CHECK_FALSE(h.scroll.take_refresh());
}
