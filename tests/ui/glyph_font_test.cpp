// ImGui's side of the browser's glyphs (src/platform/web/glyph_font.h; first-visit, issue 11):
// the atlas strip built without a TrueType font, and the lookup tables kept up glyph by glyph.
// Native: the file uses ImGui only (the browser part of the glyphs is in glyphs.cpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web/glyph_font.h"

using namespace zygc::web::glyphs;

namespace {

// What glyphs.cpp does around a batch: the tab glyph BuildLookupTable keeps last comes off
// (when it is not one of the face's first glyphs), the batch is appended, then the table.
void add_batch(ImFont* f, int base, const std::vector<uint32_t>& cps, bool incremental, float em) {
    if (f->Glyphs.Size > base && f->Glyphs.back().Codepoint == '\t') f->Glyphs.pop_back();
    const int from = f->Glyphs.Size;
    for (uint32_t cp : cps) {
        const float advance = cp < 0x80 ? std::round(em * 0.55f) : em + (float)(cp % 3);
        f->AddGlyph(nullptr, (ImWchar)cp, 1, 2, 10, 12, 0.1f, 0.2f, 0.3f, 0.4f, advance);
    }
    if (incremental) lookup_added(f, from, em);
    else lookup(f, em);
}

// Both faces answer every code point alike: the same glyph (code point, advance, quad) or none,
// the same advance, the same fallback.
void require_same_lookup(const ImFont* a, const ImFont* b) {
    REQUIRE(a->IndexAdvanceX.Size == b->IndexAdvanceX.Size);
    for (int cp = 0; cp < a->IndexAdvanceX.Size; ++cp) {
        const ImFontGlyph* ga = a->FindGlyphNoFallback((ImWchar)cp);
        const ImFontGlyph* gb = b->FindGlyphNoFallback((ImWchar)cp);
        const bool same = a->IndexAdvanceX[cp] == b->IndexAdvanceX[cp] && (ga == nullptr) == (gb == nullptr) &&
                          (!ga || (ga->Codepoint == gb->Codepoint && ga->AdvanceX == gb->AdvanceX &&
                                   ga->Visible == gb->Visible && ga->X0 == gb->X0 && ga->U1 == gb->U1));
        if (!same) FAIL("code point " << cp << " differs");
    }
    REQUIRE(a->FallbackGlyph != nullptr);
    REQUIRE(b->FallbackGlyph != nullptr);
    REQUIRE(a->FallbackGlyph->Codepoint == b->FallbackGlyph->Codepoint);
    REQUIRE(a->FallbackAdvanceX == b->FallbackAdvanceX);
    REQUIRE(a->EllipsisChar == b->EllipsisChar);
    REQUIRE(a->DotChar == b->DotChar);
    for (int i = 0; i < IM_ARRAYSIZE(a->Used4kPagesMap); ++i) REQUIRE(a->Used4kPagesMap[i] == b->Used4kPagesMap[i]);
}

// An atlas as glyphs.cpp makes it, with two faces.
struct Strip {
    ImFontAtlas atlas;
    ImFont* a = nullptr;
    ImFont* b = nullptr;
    Strip(float px_a, float px_b) {
        atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
        a = add_face(&atlas, px_a);
        b = add_face(&atlas, px_b);
        build_strip(&atlas, 2048);
    }
};

}  // namespace

TEST_CASE("glyph_font: the strip holds ImGui's own pixels where stb_rect_pack put them, and a space per face") {
    Strip strip(45, 54);
    ImFontAtlas& atlas = strip.atlas;
    ImFont* body = strip.a;
    ImFont* title = strip.b;

    REQUIRE(atlas.IsBuilt());
    REQUIRE(atlas.TexWidth == 2048);
    REQUIRE(atlas.TexHeight == 65);  // the lines' rectangle (64 rows) + 1, as before
    const ImFontAtlasCustomRect* lines = atlas.GetCustomRectByIndex(atlas.PackIdLines);
    const ImFontAtlasCustomRect* white = atlas.GetCustomRectByIndex(atlas.PackIdMouseCursors);
    REQUIRE((lines->X == 0 && lines->Y == 0 && lines->Width == 65 && lines->Height == 64));
    REQUIRE((white->X == 65 && white->Y == 0 && white->Width == 2 && white->Height == 2));
    // The white pixels are white, and the UV of the white pixel falls inside them.
    for (int y = 0; y < 2; ++y)
        for (int x = 65; x < 67; ++x) REQUIRE(atlas.TexPixelsAlpha8[y * atlas.TexWidth + x] == 0xFF);
    REQUIRE(atlas.TexUvWhitePixel.x * atlas.TexWidth > 65);
    REQUIRE(atlas.TexUvWhitePixel.x * atlas.TexWidth < 67);
    REQUIRE(atlas.TexUvLines[1].x > 0);  // the baked lines are there

    // A space 7/13 em wide (ProggyClean's, which stood in before), invisible; and its tab.
    REQUIRE(body->FontSize == 45);
    REQUIRE(title->FontSize == 54);
    REQUIRE(body->FindGlyphNoFallback(' ')->AdvanceX == 24);
    REQUIRE(title->FindGlyphNoFallback(' ')->AdvanceX == 29);
    REQUIRE(body->FindGlyphNoFallback(' ')->Visible == 0);
    REQUIRE(body->FindGlyphNoFallback('\t')->AdvanceX == 24 * IM_TABSIZE);
    REQUIRE(body->FindGlyphNoFallback(0x4E00) == nullptr);
}

TEST_CASE("glyph_font: a table kept up batch by batch answers as one rebuilt each time") {
    Strip strip(45, 45);
    ImFont* rebuilt = strip.a;
    ImFont* kept_up = strip.b;
    const float em = 45;
    for (ImFont* f : {rebuilt, kept_up}) {
        f->FallbackChar = ' ';
        lookup(f, em);
    }
    const int base = rebuilt->Glyphs.Size;
    REQUIRE(kept_up->Glyphs.Size == base);

    const std::vector<std::vector<uint32_t>> batches = {
        {0x5FD7, 0x613F, 0x6E2F, 0x57CE},       // 志愿港城
        {0x5BF8, 0x8349, 0x5FC3},               // 寸草心
        {0x1F600},                              // an emoji: the table grows past U+FFFF
        {'A', 'b', '1', ' ', 0x3002},           // a space among them: invisible, and the tab follows it
        {0x4E00, 0x9FA5, 0x3001, 0xFF0E},       // a fullwidth full stop: ImGui's second dot for an ellipsis
        {0x2026, '.'},                          // the ellipsis and its dot
        {0x5C0F, 0x5019, 0x9E1F, 0x4E00},       // one already there (a later glyph wins)
    };
    for (const std::vector<uint32_t>& batch : batches) {
        add_batch(rebuilt, base, batch, false, em);
        add_batch(kept_up, base, batch, true, em);
        require_same_lookup(rebuilt, kept_up);
    }
    // Not yet rasterized: an ideograph's width, so a held layout matches the one drawn next.
    REQUIRE(kept_up->GetCharAdvance(0x4E01) == em);
    REQUIRE(kept_up->GetCharAdvance(0x1F601) == em);
    REQUIRE(kept_up->Glyphs.back().Codepoint == '\t');  // the tab stays last, as BuildLookupTable keeps it
}
