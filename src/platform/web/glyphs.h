// Glyphs drawn by the browser, no font download.
//
// The ImGui atlas is built once per pixel size with no TrueType font (glyph_font.h): ImGui's
// own pixels in a strip of a few rows at the top of a square texture whose rest is ours.
// Each code point the app needs is rasterized in JS (Canvas2D fillText with the system's
// fonts), shelf-packed into that area, uploaded straight to the texture with
// glTexSubImage2D and registered with ImFont::AddGlyph. Code points come from the semantics
// labels of each frame and user input (wanted: added in the next flush(), before the next
// ImGui::NewFrame(); a frame with wanted glyphs is not shown) and from the UI's static text
// and API response bodies (later: in the browser's idle time, once the first data is on screen).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zygc::web::glyphs {

// (Re)builds the atlas and its texture for a font of `font_px` framebuffer pixels. Code
// points already known come back through the later queue.
// look: title_ratio > 1 adds a second face (io.Fonts->Fonts[1]) at font_px × title_ratio
// for headings, filled only with the code points given to want_title().
void build(float font_px, float title_ratio = 0);

void want(uint32_t codepoint);
void want_utf8(std::string_view text);  // UTF-8 text; JSON "\uXXXX" escapes are decoded too
// first-visit (issue 11): text that may be drawn later (the UI's static text, API answers):
// rasterized in the browser's idle time once allow_later() was called (frame: never inside a
// frame, up to 8 ms at a time), so the first frame waits only for the glyphs it shows and a
// fling's frames never wait for glyphs not on screen.
void later(uint32_t codepoint);
void want_later_utf8(std::string_view text);
void want_answer_utf8(std::string_view text);  // an API answer's text: ahead of the queue
void allow_later();
// Text for the later queue, made and queued only when idle time first comes (the UI's static
// text: ~40 ms of a 4×-throttled start to make and decode).
void set_later_text(std::function<std::string()> fn);
bool pending();  // wanted glyphs wait for the next flush() (this frame's text has blanks)
void want_title(uint32_t codepoint);       // look: for the title face
void want_title_utf8(std::string_view text);

// Rasterizes the wanted code points not yet in the font and uploads them.
// Returns true when wanted glyphs were added (the next frame's text changes).
bool flush();

// When the reserved area is full it is cleared and refilled with these code points
// (what is on screen now), then with the ones still wanted.
void set_essentials(std::function<void(std::vector<uint32_t>&)> fn);

struct Stats {
    int glyphs = 0;          // code points in the font
    int atlas_w = 0, atlas_h = 0;
    int area_w = 0, area_h = 0;  // reserved glyph area
    int used_h = 0;          // shelf height used so far
    int evictions = 0;
    float font_px = 0;       // zoom: the pixel size the glyphs are rasterized at
};
Stats stats();

// 1: the font has a glyph for it, 2: wanted (next flush), 0: neither.
int state(uint32_t codepoint);

}  // namespace zygc::web::glyphs
