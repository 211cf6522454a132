// Images (issue 10) in the views: a brand's cover is a box of one size whether its picture is
// loading, drawn or failed (no layout jump), asked for in the right width variant, only when
// on screen; its semantics node is an Image with alt text, Busy → Ready. A bottom sheet is a
// modal window in the semantics, its items marked Modal (the mirror's aria-modal dialog).
#include <catch2/catch.hpp>

#include <algorithm>

#include "app_fixture.h"
#include "core/images.h"
#include "fixtures.h"

using namespace zygc;
using sem::Role;

namespace {

Brand covered(const std::string& slug, const std::string& name) {
    Brand b = fixtures::brand(slug, name);
    b.cover_url = "/img/brands/" + slug + ".png";
    b.cover_widths = {480, 960, 1440};
    return b;
}

// Runs the actions the views emitted through the real update, returning its effects.
Effects run(native::Harness& h) {
    Effects out;
    for (const Action& a : h.actions)
        for (Effect& e : update(h.state, a)) out.push_back(std::move(e));
    h.actions.clear();
    return out;
}

std::vector<std::string> unique_wants(const native::Harness& h) {
    std::vector<std::string> out;
    for (const WantImage& w : h.actions_of<WantImage>())
        if (std::find(out.begin(), out.end(), w.url) == out.end()) out.push_back(w.url);
    return out;
}

}  // namespace

TEST_CASE("a brand's cover keeps its box while it loads, once drawn, and when it fails", "[ui][images]") {
    native::Harness h({390, 844, 3});  // a phone at DPR 3
    h.state.route = Route{Route::Brand, 0, "cuncaoxin"};
    h.state.brand = fixtures::loaded(covered("cuncaoxin", "寸草心"));
    h.frame(2);

    const sem::Node* img = h.find("寸草心封面", Role::Image);
    REQUIRE(img);
    CHECK((img->flags & sem::Busy));
    CHECK_FALSE((img->flags & sem::Ready));
    const sem::Node before = *img;
    // The page's own heading, under the cover (the top bar's title is the brand name too).
    auto page_heading = [&h]() {
        float y = -1;
        for (const sem::Node& n : h.nodes())
            if (n.role == Role::Heading && n.label == "寸草心") y = std::max(y, n.y);
        return y;
    };
    const float heading_y = page_heading();
    // 2.4:1 across the column; the heading starts below it.
    CHECK(before.w / before.h == Approx(2.4f).epsilon(0.02));
    CHECK(heading_y >= before.y + before.h);

    // Asked for once, in the variant for its width: 358 CSS px at DPR 3 counts as 716 → 960.
    // (The harness keeps each frame's actions: the same want comes once per frame until the
    // store has it.)
    auto wants = unique_wants(h);
    REQUIRE(wants.size() == 1);
    CHECK(wants[0] == "/img/brands/cuncaoxin-960.png");
    auto loads = effects_of<LoadImage>(run(h));
    REQUIRE(loads.size() == 1);
    CHECK(loads[0].url == "/img/brands/cuncaoxin-960.png");
    h.frame(2);
    CHECK(h.actions_of<WantImage>().empty());  // on its way: not asked again every frame

    for (Effect& e : update(h.state, ImageLoaded{"/img/brands/cuncaoxin-960.png", 9, 960, 400})) (void)e;
    h.frame(2);
    img = h.find("寸草心封面", Role::Image);
    REQUIRE(img);
    CHECK((img->flags & sem::Ready));
    CHECK_FALSE((img->flags & sem::Busy));
    CHECK(img->x == before.x);
    CHECK(img->y == before.y);
    CHECK(img->w == before.w);
    CHECK(img->h == before.h);
    CHECK(page_heading() == heading_y);  // nothing below moved

    // Another brand whose cover fails: the placeholder stays, same size, neither Busy nor Ready.
    h.state.route = Route{Route::Brand, 0, "heniyiqi"};
    h.state.brand = fixtures::loaded(covered("heniyiqi", "和你一起"));
    h.frame(2);
    run(h);
    update(h.state, ImageFailed{"/img/brands/heniyiqi-960.png", "http_404"});
    h.frame(2);
    img = h.find("和你一起封面", Role::Image);
    REQUIRE(img);
    CHECK_FALSE((img->flags & (sem::Busy | sem::Ready)));
    CHECK(img->h == before.h);
    CHECK(h.actions_of<WantImage>().empty());  // a failed picture is not asked for again
}

TEST_CASE("a brand without a cover draws no picture box", "[ui][images]") {
    native::Harness h({390, 844, 1});
    h.state.route = Route{Route::Brand, 0, "cuncaoxin"};
    h.state.brand = fixtures::loaded(fixtures::brand("cuncaoxin", "寸草心"));
    h.frame(2);
    CHECK(h.count(Role::Image) == 0);
    CHECK(h.actions_of<WantImage>().empty());
}

TEST_CASE("home's brand strip asks only for the covers on screen, in the small variant", "[ui][images]") {
    native::Harness h({390, 2400, 3});
    std::vector<Brand> brands;
    for (int i = 0; i < 8; ++i) brands.push_back(covered("brand" + std::to_string(i), "品牌" + std::to_string(i)));
    h.state.brands = fixtures::loaded(brands);
    h.frame(3);
    auto wants = unique_wants(h);
    // 220 CSS px cards in a 390 px strip: the first two show, the other six wait for a swipe.
    REQUIRE(wants.size() == 2);
    CHECK(wants[0] == "/img/brands/brand0-480.png");  // 220 × 3 = 660 device px, counted as 440
    CHECK(wants[1] == "/img/brands/brand1-480.png");
    CHECK(h.find("品牌0封面", Role::Image));
    // Tapping a cover opens its brand like the card under it.
    h.actions.clear();
    REQUIRE(h.tap("品牌0封面", Role::Image));
    auto nav = h.actions_of<Navigate>();
    REQUIRE(nav.size() == 1);
    CHECK(nav[0].route == (Route{Route::Brand, 0, "brand0"}));
}

TEST_CASE("the 报名须知 sheet is a modal window holding its items", "[ui][images]") {
    fixtures::App app({390, 1400, 1});
    Project p = fixtures::project(101, "小候鸟课后陪伴", 12, 5);
    p.shifts = {{1, "2026-12-03T09:00:00+08:00", "2026-12-03T12:00:00+08:00", 10, 3}};
    app.runtime.start(Route{Route::Project, p.id, {}}, 42);
    REQUIRE(app.transport.reply("/me", 200, encode(fixtures::volunteer()).dump()));
    REQUIRE(app.transport.reply("/projects/101", 200, encode(p).dump()));
    REQUIRE(app.transport.reply("/me/signups", 200, "[]"));
    app.ui.frame(2);
    for (const sem::Node& n : app.ui.nodes()) CHECK_FALSE((n.flags & sem::Modal));
    REQUIRE(app.ui.tap("报名", Role::Button));
    app.ui.frame(2);
    const sem::Node* sheet = nullptr;
    for (const sem::Node& n : app.ui.nodes())
        if (n.role == Role::Window && (n.flags & sem::Modal)) sheet = &n;
    REQUIRE(sheet);
    CHECK(sheet->label == "弹出面板");
    const sem::Node* confirm = app.ui.find("确认报名", Role::Button);
    REQUIRE(confirm);
    CHECK((confirm->flags & sem::Modal));
    CHECK(confirm->y >= sheet->y);
    CHECK(confirm->y + confirm->h <= sheet->y + sheet->h + 1);
    const sem::Node* title = app.ui.find("小候鸟课后陪伴", Role::Heading);  // the page behind it
    if (title) CHECK_FALSE((title->flags & sem::Modal));
}
