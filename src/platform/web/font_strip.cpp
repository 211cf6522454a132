// ImGui's font atlas without a TrueType font: see font_strip.h.
#include "font_strip.h"

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

}  // namespace zygc::web::glyphs
