// Images (issue 10): the width a view asks for, lazy loading through the store, the bound on
// textures kept, and the brand's cover_widths through the codec.
#include <catch2/catch.hpp>

#include <variant>

#include "core/codec.h"
#include "core/images.h"
#include "core/store.h"
#include "fake_transport.h"

using namespace zygc;

namespace {

std::string url(int i) { return "/img/brands/b" + std::to_string(i) + "-480.png"; }

}  // namespace

TEST_CASE("images: the narrowest width variant that covers the drawn width, DPR counted up to 2", "[core][images]") {
    const std::vector<int> widths = {480, 960, 1440};
    // A phone at 390 CSS px, DPR 3: a banner 358 CSS px wide is 1074 device px, counted as 716.
    CHECK(images::pick_width(widths, 358 * 3, 3) == 960);
    CHECK(images::variant_url("/img/brands/cuncaoxin.png", widths, 358 * 3, 3) == "/img/brands/cuncaoxin-960.png");
    // A home card 160 CSS px wide at DPR 3: 320 device px → the small one.
    CHECK(images::pick_width(widths, 160 * 3, 3) == 480);
    // At DPR 1 a 480 px drawing fits exactly; one pixel more takes the next.
    CHECK(images::pick_width(widths, 480, 1) == 480);
    CHECK(images::pick_width(widths, 481, 1) == 960);
    // A desktop column of 720 CSS px at DPR 2 needs 1440; wider than every variant: the widest.
    CHECK(images::pick_width(widths, 1440, 2) == 1440);
    CHECK(images::pick_width(widths, 4000, 1) == 1440);
    // The order the widths come in does not matter.
    CHECK(images::pick_width({1440, 480, 960}, 700, 1) == 960);
    // No widths: the URL itself, untouched.
    CHECK(images::pick_width({}, 700, 1) == 0);
    CHECK(images::variant_url("/img/x.png", {}, 700, 1) == "/img/x.png");
    // No extension, or a dot only in a folder's name: the width goes at the end.
    CHECK(images::variant_url("/img.v2/cover", {480}, 100, 1) == "/img.v2/cover-480");
}

TEST_CASE("images: nothing loads until a view asks; then one LoadImage, and the answer is kept", "[core][images]") {
    State s;
    CHECK(s.images.empty());
    CHECK(images::should_want(s, url(1)));
    CHECK_FALSE(images::should_want(s, ""));

    Effects fx = update(s, WantImage{url(1)});
    auto loads = effects_of<LoadImage>(fx);
    REQUIRE(loads.size() == 1);
    CHECK(loads[0].url == url(1));
    REQUIRE(images::find(s, url(1)));
    CHECK(images::find(s, url(1))->status == ImageStatus::Loading);
    // Asked again while on its way (the next frames): no second request, nothing more to ask.
    CHECK_FALSE(images::should_want(s, url(1)));
    CHECK(effects_of<LoadImage>(update(s, WantImage{url(1)})).empty());

    fx = update(s, ImageLoaded{url(1), 7, 480, 200});
    CHECK(fx.empty());
    const ImageEntry* e = images::find(s, url(1));
    REQUIRE(e);
    CHECK(e->status == ImageStatus::Ready);
    CHECK(e->texture == 7);
    CHECK(e->w == 480);
    CHECK(e->h == 200);
    CHECK(images::bytes_kept(s) == 480u * 200 * 4);
}

TEST_CASE("images: a failed picture stays failed, and is not asked for again", "[core][images]") {
    State s;
    update(s, WantImage{url(1)});
    Effects fx = update(s, ImageFailed{url(1), "http_404"});
    CHECK(effects_of<LoadImage>(fx).empty());
    REQUIRE(images::find(s, url(1)));
    CHECK(images::find(s, url(1))->status == ImageStatus::Failed);
    CHECK(effects_of<LoadImage>(update(s, WantImage{url(1)})).empty());
    // An answer for a picture nobody waits for gives its texture straight back.
    auto freed = effects_of<FreeImage>(update(s, ImageLoaded{url(9), 42, 10, 10}));
    REQUIRE(freed.size() == 1);
    CHECK(freed[0].texture == 42);
}

TEST_CASE("images: at most kMaxLoading on their way; the rest wait, the most recently asked first", "[core][images]") {
    State s;
    int loads = 0;
    for (int i = 0; i < images::kMaxLoading + 2; ++i) loads += int(effects_of<LoadImage>(update(s, WantImage{url(i)})).size());
    CHECK(loads == images::kMaxLoading);
    CHECK(images::find(s, url(images::kMaxLoading))->status == ImageStatus::Wanted);
    // One answer frees a place: the last asked (url(kMaxLoading + 1)) goes next.
    auto next = effects_of<LoadImage>(update(s, ImageLoaded{url(0), 1, 10, 10}));
    REQUIRE(next.size() == 1);
    CHECK(next[0].url == url(images::kMaxLoading + 1));
    next = effects_of<LoadImage>(update(s, ImageFailed{url(1), "network"}));
    REQUIRE(next.size() == 1);
    CHECK(next[0].url == url(images::kMaxLoading));
}

TEST_CASE("images: beyond kMaxTextures the least recently drawn is let go, never one on screen", "[core][images]") {
    State s;
    const int n = int(images::kMaxTextures);
    for (int i = 0; i < n; ++i) {
        update(s, WantImage{url(i)});
        update(s, ImageLoaded{url(i), uint32_t(100 + i), 10, 10});
    }
    CHECK(effects_of<FreeImage>(update(s, WantImage{url(n)})).empty());  // still within the bound
    // The views draw url(0) again (it is behind the clock, so they ask once).
    CHECK(images::should_want(s, url(0)));
    update(s, WantImage{url(0)});
    CHECK_FALSE(images::should_want(s, url(0)));
    // One more texture: the oldest not drawn since (url(1)) goes, with its texture.
    auto freed = effects_of<FreeImage>(update(s, ImageLoaded{url(n), 999, 10, 10}));
    REQUIRE(freed.size() == 1);
    CHECK(freed[0].url == url(1));
    CHECK(freed[0].texture == 101);
    CHECK_FALSE(images::find(s, url(1)));
    CHECK(images::find(s, url(0)));
    CHECK(images::find(s, url(n)));
    // Drawn again later: asked for and loaded again.
    CHECK(effects_of<LoadImage>(update(s, WantImage{url(1)})).size() == 1);
}

TEST_CASE("images: the bytes bound lets big textures go even under the count", "[core][images]") {
    State s;
    // Each 4096 × 1024 RGBA texture is 16 MiB: a third fits 48 MiB, a fourth does not.
    for (int i = 0; i < 4; ++i) {
        update(s, WantImage{url(i)});
        Effects fx = update(s, ImageLoaded{url(i), uint32_t(i + 1), 4096, 1024});
        if (i < 3) CHECK(effects_of<FreeImage>(fx).empty());
        else {
            auto freed = effects_of<FreeImage>(fx);
            REQUIRE(freed.size() == 1);
            CHECK(freed[0].url == url(0));
        }
    }
    CHECK(images::bytes_kept(s) <= images::kMaxBytes);
}

TEST_CASE("images: a brand's cover_widths survive the codec; absent is empty", "[core][images]") {
    Brand b;
    b.slug = "cuncaoxin";
    b.name = "寸草心";
    b.owner_org = "团市委";
    b.cover_url = "/img/brands/cuncaoxin.png";
    b.cover_widths = {480, 960, 1440};
    auto back = decode_json<Brand>(encode(b));
    REQUIRE(back.ok());
    CHECK(back.value.cover_widths == std::vector<int>{480, 960, 1440});
    b.cover_widths.clear();
    CHECK_FALSE(encode(b).contains("cover_widths"));
    back = decode_json<Brand>(encode(b));
    REQUIRE(back.ok());
    CHECK(back.value.cover_widths.empty());
}
