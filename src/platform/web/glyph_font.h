// ImGui's side of the browser's glyphs (glyphs.cpp): its font atlas without a TrueType font,
// and the faces' lookup tables as glyphs are added (first-visit, issue 11).
//
// Every glyph the app draws comes from the browser; ImGui's atlas only has to hold ImGui's own
// pixels (the white pixels and the baked anti-aliased lines) and a space. Built here with
// ImGui's own building blocks (imgui_internal.h) instead of ImFontAtlas::Build(), so the
// default font (ProggyClean, 12 KB of data) and stb_truetype are not linked into the app, and
// no TrueType font is decompressed and rasterized at start.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace zygc::web::glyphs {

// A face of `px` pixels, empty until build_strip().
ImFont* add_face(ImFontAtlas* atlas, float px);

// Lays out ImGui's own pixels in a strip `tex_w` wide (atlas->TexHeight rows) and gives each
// face a space glyph. The atlas is built afterwards (IsBuilt(); TexPixelsAlpha8 holds the strip).
void build_strip(ImFontAtlas* atlas, int tex_w);

// The atlas grows from the strip's height to the texture's (`height` rows): ImGui computed its
// V coordinates (white pixel, lines, glyphs) for the strip.
void extend_height(ImFontAtlas* atlas, int height);

// ImFont::BuildLookupTable, then every code point without a glyph yet lays out at the width
// of a CJK ideograph (`em`): nearly all that are not rasterized yet are ideographs, so a layout
// made before its glyphs arrive (the frame that is held, whose positions the semantics report)
// matches the one shown a frame later. With the width of a space it wrapped shorter, and what
// came below moved when the glyphs came.
void lookup(ImFont* f, float em);

// The same for the glyphs appended from index `from` on, after the tab glyph that
// BuildLookupTable keeps last was taken off: only their entries, not the table of every code
// point up to the largest (~40,000, more with an emoji), which a glyph flush inside a fling's
// frame paid for. Glyphs BuildLookupTable treats specially (space, tab, the ellipsis and the
// dots it falls back to: '.', U+FF0E) get the same treatment as there.
void lookup_added(ImFont* f, int from, float em);

}  // namespace zygc::web::glyphs
