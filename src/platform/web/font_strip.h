// ImGui's font atlas without a TrueType font (first-visit, issue 11).
//
// Every glyph the app draws comes from the browser (glyphs.cpp); ImGui's atlas only has to
// hold ImGui's own pixels (the white pixels and the baked anti-aliased lines) and a space.
// Built here with ImGui's own building blocks (imgui_internal.h) instead of
// ImFontAtlas::Build(), so the default font (ProggyClean, 12 KB of data) and stb_truetype are
// not linked into the app, and no TrueType font is decompressed and rasterized at start.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace zygc::web::glyphs {

// A face of `px` pixels, empty until build_strip().
ImFont* add_face(ImFontAtlas* atlas, float px);

// Lays out ImGui's own pixels in a strip `tex_w` wide (atlas->TexHeight rows) and gives each
// face a space glyph. The atlas is built afterwards (IsBuilt(); TexPixelsAlpha8 holds the strip).
void build_strip(ImFontAtlas* atlas, int tex_w);

}  // namespace zygc::web::glyphs
