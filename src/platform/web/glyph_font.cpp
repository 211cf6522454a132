// ImGui's side of the browser's glyphs: see glyph_font.h.
#include "platform/web/glyph_font.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"

namespace zygc::web::glyphs {

ImFont* add_face(ImFontAtlas* atlas, float px) {
    static const unsigned char no_font_data[1] = {0};  // AddFont wants bytes; none are read
    ImFontConfig cfg;
    cfg.FontData = (void*)no_font_data;
    cfg.FontDataSize = 1;
    cfg.FontDataOwnedByAtlas = false;  // AddFont copies the byte
    cfg.SizePixels = px;
    cfg.PixelSnapH = true;
    return atlas->AddFont(&cfg);
}

void build_strip(ImFontAtlas* atlas, int tex_w) {
    ImFontAtlasBuildInit(atlas);  // registers the rectangles of the white pixels and the lines
    atlas->ClearTexData();
    atlas->TexID = (ImTextureID)0;

    // The rectangles side by side on one row, tallest first: where stb_rect_pack put them.
    ImVector<ImFontAtlasCustomRect>& rects = atlas->CustomRects;
    int x = 0, height = 0;
    for (int n = 0; n < rects.Size; ++n) {
        ImFontAtlasCustomRect* tallest = nullptr;
        for (ImFontAtlasCustomRect& r : rects)
            if (!r.IsPacked() && (!tallest || r.Height > tallest->Height)) tallest = &r;
        tallest->X = (unsigned short)x;
        tallest->Y = 0;
        x += tallest->Width;
        height = std::max(height, (int)tallest->Height);
    }

    atlas->TexWidth = tex_w;
    atlas->TexHeight = height + 1;  // as ImFontAtlasFlags_NoPowerOfTwoHeight leaves it
    atlas->TexUvScale = ImVec2(1.0f / atlas->TexWidth, 1.0f / atlas->TexHeight);
    const size_t bytes = (size_t)atlas->TexWidth * atlas->TexHeight;
    atlas->TexPixelsAlpha8 = (unsigned char*)IM_ALLOC(bytes);
    std::memset(atlas->TexPixelsAlpha8, 0, bytes);

    // Each face: its size and a space as wide as ProggyClean's (7/13 em), which the
    // browser's space replaces once it is rasterized. Ascent and descent are set by glyphs.cpp.
    for (ImFontConfig& cfg : atlas->ConfigData) {
        ImFontAtlasBuildSetupFont(atlas, cfg.DstFont, &cfg, 0, 0);
        cfg.DstFont->AddGlyph(&cfg, (ImWchar)' ', 0, 0, 0, 0, 0, 0, 0, 0, std::round(cfg.SizePixels * 7.f / 13.f));
    }
    ImFontAtlasBuildFinish(atlas);  // draws the white pixels and the lines; lookup tables
}

void extend_height(ImFontAtlas* atlas, int height) {
    const float k = (float)atlas->TexHeight / (float)height;
    atlas->TexHeight = height;
    atlas->TexUvScale.y *= k;
    atlas->TexUvWhitePixel.y *= k;
    for (ImVec4& l : atlas->TexUvLines) l.y *= k, l.w *= k;
    for (ImFont* f : atlas->Fonts)
        for (ImFontGlyph& g : f->Glyphs) g.V0 *= k, g.V1 *= k;
}

void lookup(ImFont* f, float em) {
    f->BuildLookupTable();
    f->FallbackAdvanceX = em;
    for (int i = 0; i < f->IndexLookup.Size; ++i)
        if (f->IndexLookup[i] == (ImWchar)-1) f->IndexAdvanceX[i] = em;
}

void lookup_added(ImFont* f, int from, float em) {
    // What BuildLookupTable would do for these glyphs, without its passes over every code
    // point up to the largest (~41,000 once a Han glyph is in: ~14 ms of a throttled first
    // frame). Its own cases: the space is invisible, the tab follows the space (below), the
    // ellipsis and the dots it falls back to are found (ImGui's ellipsis_chars and dots_chars,
    // first found first; U+0085 is never drawable).
    for (int i = from; i < f->Glyphs.Size; ++i) {
        const ImWchar cp = f->Glyphs[i].Codepoint;
        if (cp == ' ') f->Glyphs[i].Visible = false;
        if (cp == 0x2026 && f->EllipsisChar == (ImWchar)-1) f->EllipsisChar = cp;
        if (cp == '.' && f->DotChar == (ImWchar)-1) f->DotChar = cp;
    }
    for (int i = from; i < f->Glyphs.Size; ++i)
        if (f->Glyphs[i].Codepoint == 0xFF0E && f->DotChar == (ImWchar)-1) f->DotChar = 0xFF0E;
    // The tables grow once, to the largest new code point, and are filled by std::fill:
    // ImVector's resize(n, v) grows once per larger code point and copies v in with one
    // memcpy call per entry (up to 64 K of them: ~18 ms of a throttled warm first frame).
    const int size = f->IndexLookup.Size;
    int top = size - 1;
    for (int i = from; i < f->Glyphs.Size; ++i) top = std::max(top, (int)f->Glyphs[i].Codepoint);
    if (top >= size) {
        f->IndexAdvanceX.resize(top + 1);
        f->IndexLookup.resize(top + 1);
        std::fill(f->IndexAdvanceX.begin() + size, f->IndexAdvanceX.end(), em);
        std::fill(f->IndexLookup.begin() + size, f->IndexLookup.end(), (ImWchar)-1);
    }
    for (int i = from; i < f->Glyphs.Size; ++i) {
        const int cp = (int)f->Glyphs[i].Codepoint;
        f->IndexAdvanceX[cp] = f->Glyphs[i].AdvanceX;
        f->IndexLookup[cp] = (ImWchar)i;
        const int page = cp / 4096;
        f->Used4kPagesMap[page >> 3] |= (ImU8)(1 << (page & 7));
    }
    // The tab, as BuildLookupTable makes it: the space IM_TABSIZE times as wide, last.
    if (const ImFontGlyph* space = f->FindGlyphNoFallback((ImWchar)' ')) {
        ImFontGlyph tab = *space;
        tab.Codepoint = '\t';
        tab.AdvanceX *= IM_TABSIZE;
        f->Glyphs.push_back(tab);
        f->IndexAdvanceX['\t'] = tab.AdvanceX;
        f->IndexLookup['\t'] = (ImWchar)(f->Glyphs.Size - 1);
    }
    f->FallbackGlyph = f->FindGlyphNoFallback(f->FallbackChar);  // the glyphs may have moved
}

}  // namespace zygc::web::glyphs
