// zoom: the zoom gestures (ui::Pinch) driven by hand, as the web platform drives them from DOM
// touch and wheel events: which touches they own, the level shown during the gesture, its
// focus, and the level left when it ends. At scale 3 (framebuffer px per CSS px), as a phone.
#include <catch2/catch.hpp>

#include "ui/pinch.h"

using namespace zygc;

namespace {

ui::Pinch phone(float rest = 1.0f) {
    ui::Pinch p;
    p.scale = 3;
    p.rest_zoom = rest;
    return p;
}

}  // namespace

TEST_CASE("two fingers spread to twice their distance double the zoom, centred between them", "[ui][zoom]") {
    ui::Pinch p = phone();
    CHECK_FALSE(p.begin(1, 400, 900, 0));  // one finger: the one-finger gesture's
    CHECK_FALSE(p.took_over());
    CHECK(p.begin(2, 800, 900, 10));       // a second: the pinch takes both
    CHECK(p.took_over());
    CHECK_FALSE(p.took_over());            // once
    CHECK(p.active());
    CHECK(p.focus_x() == Approx(600));
    CHECK(p.focus_y() == Approx(900));
    CHECK(p.move(1, 300, 900, 20));
    CHECK(p.move(2, 900, 900, 20));
    CHECK(p.zoom() == Approx(1.5f));
    CHECK(p.move(1, 200, 910, 30));
    CHECK(p.move(2, 1000, 910, 30));
    CHECK(p.zoom() == Approx(2.0f));
    CHECK(p.focus_y() == Approx(910));     // the focus follows the fingers' centre
    float z = 0;
    CHECK_FALSE(p.take_result(z));         // nothing until a finger lifts
    CHECK(p.end(2, 40));
    CHECK_FALSE(p.active());
    REQUIRE(p.take_result(z));
    CHECK(z == Approx(2.0f));
    CHECK_FALSE(p.take_result(z));         // once
    // The finger left down stays the pinch's until it lifts: it never scrolls.
    CHECK(p.move(1, 200, 500, 50));
    CHECK(p.end(1, 60));
    // And a new finger is the one-finger gesture's again.
    CHECK_FALSE(p.begin(3, 100, 100, 1000));
}

TEST_CASE("a pinch stops at 100 % and 200 %, starting from the level in effect", "[ui][zoom]") {
    ui::Pinch p = phone(1.6f);
    p.begin(1, 500, 500, 0);
    p.begin(2, 700, 500, 0);
    p.move(2, 2000, 500, 10);  // far past the end stop
    CHECK(p.zoom() == Approx(2.0f));
    p.move(2, 510, 500, 20);   // fingers almost together
    CHECK(p.zoom() == Approx(1.0f));
    p.move(2, 600, 500, 30);   // half the distance: 1.6 × 0.5 → the lower stop
    CHECK(p.zoom() == Approx(1.0f));
    p.move(2, 800, 500, 40);   // 300/200 × 1.6 = 2.4 → 2
    CHECK(p.zoom() == Approx(2.0f));
    p.move(2, 650, 500, 50);   // 150/200 × 1.6 = 1.2
    CHECK(p.zoom() == Approx(1.2f));
    p.end(1, 60);
    p.end(2, 60);
    float z = 0;
    REQUIRE(p.take_result(z));
    CHECK(z == Approx(1.2f));
}

TEST_CASE("double-tap, hold and drag down zooms in with one finger; up zooms out", "[ui][zoom]") {
    ui::Pinch p = phone();
    CHECK_FALSE(p.begin(1, 300, 600, 0));   // the first tap is an ordinary tap
    CHECK_FALSE(p.end(1, 80));
    CHECK(p.begin(2, 310, 610, 200));        // a second touch, soon and near: ours
    CHECK_FALSE(p.took_over());              // nothing to cancel: the first finger is gone
    CHECK(p.move(2, 310, 615, 220));         // within the slop: still only armed
    CHECK_FALSE(p.active());
    CHECK(p.move(2, 310, 610 + 450, 350));   // rested, then 150 CSS px down: twice
    CHECK(p.active());
    CHECK(p.zoom() == Approx(2.0f));
    CHECK(p.focus_x() == Approx(310));       // the focus stays where the finger went down
    CHECK(p.focus_y() == Approx(610));
    CHECK(p.move(2, 310, 610 + 225, 370));   // back up half way: √2
    CHECK(p.zoom() == Approx(1.41421f).epsilon(0.001));
    CHECK(p.end(2, 400));
    float z = 0;
    REQUIRE(p.take_result(z));
    CHECK(z == Approx(1.41421f).epsilon(0.001));

    // From 2, dragging up zooms out.
    ui::Pinch q = phone(2.0f);
    q.begin(1, 300, 600, 0);
    q.end(1, 50);
    q.begin(2, 300, 600, 100);
    q.move(2, 300, 600 - 450, 250);
    CHECK(q.zoom() == Approx(1.0f));
}

TEST_CASE("a second touch that drags at once after a tap is an ordinary scroll", "[ui][zoom]") {
    ui::Pinch p = phone();
    p.begin(1, 300, 600, 0);
    p.end(1, 80);
    CHECK(p.begin(2, 300, 600, 150));            // armed: held back from the one-finger gesture
    CHECK_FALSE(p.move(2, 300, 400, 170));       // moved 20 ms later: not a zoom
    float x = 0, y = 0, z = 0;
    double t = 0;
    REQUIRE(p.take_release(x, y, t));            // the platform starts its gesture where it began
    CHECK(x == Approx(300));
    CHECK(y == Approx(600));
    CHECK(t == Approx(150));
    CHECK_FALSE(p.take_release(x, y, t));
    CHECK_FALSE(p.active());
    CHECK_FALSE(p.move(2, 300, 300, 190));       // and the rest of it is the platform's
    CHECK_FALSE(p.end(2, 220));
    CHECK_FALSE(p.take_result(z));
    CHECK_FALSE(p.take_tap(x, y));
}

TEST_CASE("a double tap without a drag is replayed as a tap; slow or far second taps are plain", "[ui][zoom]") {
    ui::Pinch p = phone();
    p.begin(1, 300, 600, 0);
    p.end(1, 80);
    CHECK(p.begin(2, 300, 600, 200));
    CHECK(p.end(2, 260));
    float x = 0, y = 0, z = 0;
    REQUIRE(p.take_tap(x, y));
    CHECK(x == Approx(300));
    CHECK(y == Approx(600));
    CHECK_FALSE(p.take_tap(x, y));
    CHECK_FALSE(p.take_result(z));  // the zoom did not change

    // Too late.
    ui::Pinch late = phone();
    late.begin(1, 300, 600, 0);
    late.end(1, 80);
    CHECK_FALSE(late.begin(2, 300, 600, 80 + ui::kDoubleTapMs + 1));
    // Too far (more than 40 CSS px away).
    ui::Pinch far = phone();
    far.begin(1, 300, 600, 0);
    far.end(1, 80);
    CHECK_FALSE(far.begin(2, 300 + 41 * 3, 600, 150));
    // The first touch was a scroll, not a tap.
    ui::Pinch scrolled = phone();
    scrolled.begin(1, 300, 600, 0);
    scrolled.move(1, 300, 700, 40);
    scrolled.end(1, 80);
    CHECK_FALSE(scrolled.begin(2, 300, 700, 150));
    // The first touch was held (a press), not a tap.
    ui::Pinch held = phone();
    held.begin(1, 300, 600, 0);
    held.end(1, ui::kTapMs + 50);
    CHECK_FALSE(held.begin(2, 300, 600, ui::kTapMs + 100));
    // The event clock went back (a page whose clock was reset mixes event and page times):
    // a touch "before" the tap is not its second tap, and stays an ordinary touch.
    ui::Pinch back = phone();
    back.begin(1, 300, 600, 5000);
    back.end(1, 5080);
    CHECK_FALSE(back.begin(2, 300, 600, 900));
    CHECK_FALSE(back.end(2, 960));
    CHECK_FALSE(back.take_tap(x, y));
}

TEST_CASE("a third finger is ignored; lifting either pinching finger ends the pinch", "[ui][zoom]") {
    ui::Pinch p = phone();
    p.begin(1, 100, 100, 0);
    p.begin(2, 300, 100, 0);
    CHECK(p.begin(3, 500, 500, 5));  // owned, ignored
    CHECK(p.move(3, 900, 900, 10));
    CHECK(p.zoom() == Approx(1.0f));
    p.move(2, 500, 100, 20);        // 400 / 200
    CHECK(p.zoom() == Approx(2.0f));
    CHECK(p.end(1, 30));            // the first finger lifts
    float z = 0;
    REQUIRE(p.take_result(z));
    CHECK(z == Approx(2.0f));
    CHECK(p.move(2, 100, 100, 40)); // the other is still ours
    CHECK(p.end(2, 50));
    CHECK_FALSE(p.take_result(z));  // one result per pinch
}

TEST_CASE("Ctrl + wheel zooms about the pointer and ends at rest", "[ui][zoom]") {
    ui::Pinch p = phone(1.0f);
    p.wheel(-100 * 0.6931472f, 200, 300, 0);  // e^(ln 2): twice
    CHECK(p.active());
    CHECK(p.zoom() == Approx(2.0f));
    CHECK(p.focus_x() == Approx(200));
    p.tick(100);
    CHECK(p.active());
    p.wheel(50, 200, 300, 150);
    CHECK(p.zoom() == Approx(2.0f * 0.60653f).epsilon(0.001));
    float z = 0;
    p.tick(150 + ui::kWheelRestMs - 1);
    CHECK_FALSE(p.take_result(z));
    p.tick(150 + ui::kWheelRestMs);
    CHECK_FALSE(p.active());
    REQUIRE(p.take_result(z));
    CHECK(z == Approx(1.21306f).epsilon(0.001));
}
