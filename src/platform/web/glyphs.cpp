// [SECTION] JS: the shell draws the glyphs
// [SECTION] Code point bookkeeping
// [SECTION] Atlas build and shelf packing
// [SECTION] Flush: rasterize, pack, upload
#include "platform/web/glyphs.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "imgui.h"
#include "platform/web/glyph_font.h"
#include "platform/web/utf8.h"
#include "platform/web/wake.h"

// =============================================================================================
// [SECTION] JS: the shell draws the glyphs
// =============================================================================================

// The glyphs are drawn by the page's shell (shell/zygc-shell.js, Module.zygcGlyphs: Canvas2D
// fillText with the system's fonts), which may have drawn the first screen's ahead of the app.

// Writes the ink ascent and descent of a reference CJK glyph at px (× 64) to m[0], m[1].
EM_JS(void, zygc_js_glyph_setup, (float px, int* m), {
    var am = Module.zygcGlyphs.setup(px);
    HEAP32[(m >> 2) + 0] = Math.round(am[0] * 64);
    HEAP32[(m >> 2) + 1] = Math.round(am[1] * 64);
});

// Glyphs for code points cps[0..n) at px, for as many as fit in cap bytes (at least one);
// returns how many. Per glyph, m[6 i ..] = ink left, ink top (relative to pen and baseline),
// width, height, advance × 64, colored; its pixels (w×h: alpha, a byte each, unless colored:
// RGBA) follow the previous glyph's in out. Empty glyphs (space, zero-width) have w = h = 0.
EM_JS(int, zygc_js_glyph_raster, (const uint32_t* cps, int n, unsigned char* out, int cap, int* m, float px), {
    var list = Module.zygcGlyphs.take(Array.from(HEAPU32.subarray(cps >> 2, (cps >> 2) + n)), px, cap);
    for (var i = 0, o = out, M = m >> 2; i < list.length; i++, M += 6) {
        var g = list[i];
        HEAP32[M + 0] = g.left; HEAP32[M + 1] = g.top; HEAP32[M + 2] = g.width; HEAP32[M + 3] = g.height;
        HEAP32[M + 4] = Math.round(g.advance * 64);
        HEAP32[M + 5] = g.colored;
        HEAPU8.set(g.pixels, o);
        o += g.pixels.length;
    }
    return list.length;
});

// Asks for zygc_glyphs_idle(ms) in the browser's idle time (between frames, never inside one),
// once: the later queue is worked there so that a frame never waits for it. Without
// requestIdleCallback (Safari), a timer a frame later stands in with a 4 ms budget.
EM_JS(void, zygc_js_glyphs_idle, (), {
    if (Module.zygcGlyphsIdle) return;
    Module.zygcGlyphsIdle = true;
    var run = function(deadline) {
        Module.zygcGlyphsIdle = false;
        _zygc_glyphs_idle(deadline ? Math.min(8, deadline.timeRemaining()) : 4);
    };
    if (window.requestIdleCallback) requestIdleCallback(run, {timeout: 1000});
    else setTimeout(run, 16);
});

namespace zygc::web::glyphs {
namespace {

// =============================================================================================
// [SECTION] Code point bookkeeping
// =============================================================================================

constexpr uint32_t kMaxCp = IM_UNICODE_CODEPOINT_MAX;  // 0x10FFFF with IMGUI_USE_WCHAR32

// A set of code points, a bit each, grown to the largest one set: nearly all are below U+A000
// (a few KB). Bits up to U+10FFFF were 5 × 136 KB to clear at start (~16 ms of a 4×-throttled
// start).
struct CodePoints {
    std::vector<bool> bits;
    bool operator[](uint32_t cp) const { return cp < bits.size() && bits[cp]; }
    void set(uint32_t cp, bool on) {
        if (cp >= bits.size()) {
            if (!on) return;
            bits.resize(cp + 1);
        }
        bits[cp] = on;
    }
};

CodePoints g_in_font;  // code point has a glyph in the font
CodePoints g_queued;   // code point is in g_pending
std::vector<uint32_t> g_pending;
// first-visit (issue 11): code points that may be drawn later (the UI's static text, API
// answers), rasterized in the browser's idle time once allowed (frame: never inside a frame),
// so the first frame waits only for what it shows. Duplicates are skipped when their turn comes.
std::vector<uint32_t> g_later;
CodePoints g_later_queued;  // code point is in g_later
size_t g_later_next = 0;
bool g_later_allowed = false;
GLuint g_texture = 0;            // the atlas texture (see create_texture)
std::vector<uint32_t> g_known;  // every code point in the font, in order of addition
std::function<void(std::vector<uint32_t>&)> g_essentials;
std::function<std::string()> g_later_text;  // set_later_text

bool drawable(uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    return cp <= kMaxCp;
}

// =============================================================================================
// [SECTION] Atlas build and shelf packing
// =============================================================================================

// A rectangle of the atlas to upload: the union of what was added.
struct Upload {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = 0, y1 = 0;
    void add(int x, int y, int w, int h) {
        x0 = std::min(x0, x), y0 = std::min(y0, y);
        x1 = std::max(x1, x + w), y1 = std::max(y1, y + h);
    }
};

struct Shelf {
    int y = 0, h = 0, x = 0;
};

struct Area {
    int x = 0, y = 0, w = 0, h = 0;
    std::vector<Shelf> shelves;
    int next_y = 0;        // first row not used by a shelf (relative to the area)
};

float g_px = 0;
int g_baseline = 0;  // baseline offset from the top of a line, px
ImFont* g_font = nullptr;
Area g_area;
int g_base_glyphs = 0;  // glyphs in the font right after build_strip() (space, tab)
int g_evictions = 0;
// The rasterizer's output (RGBA). Not zero-filled: the rasterizer writes what is read (a 1 MB
// fill was ~30 ms of a 4×-throttled first frame).
std::unique_ptr<unsigned char[]> g_scratch;
size_t g_scratch_size = 0;

// look (issue 10): a second face for headings at the type scale's title size, in the same
// atlas area; it gets only the code points of headings (want_title). Eviction clears it too.
struct TitleFace {
    ImFont* font = nullptr;
    float ratio = 0;  // title px / body px; 0: no title face
    float px = 0;
    int baseline = 0;
    int base_glyphs = 0;
    CodePoints in_font, queued;
    std::vector<uint32_t> pending, known;
};
TitleFace g_title;

// Reserves w×h inside the area; returns false when full.
bool pack(int w, int h, int& out_x, int& out_y) {
    Area& a = g_area;
    constexpr int gap = 1;
    int hh = (h + 3) & ~3;  // shelf heights in steps of 4 px so shelves get reused
    Shelf* best = nullptr;
    for (Shelf& s : a.shelves) {
        if (s.h < hh || s.h > hh + hh / 3 + 4) continue;
        if (s.x + w + gap > a.w) continue;
        if (!best || s.h < best->h) best = &s;
    }
    if (!best) {
        if (a.next_y + hh + gap > a.h) return false;
        a.shelves.push_back({a.next_y, hh, 0});
        a.next_y += hh + gap;
        best = &a.shelves.back();
    }
    out_x = a.x + best->x;
    out_y = a.y + best->y;
    best->x += w + gap;
    return true;
}

void reset_area() {
    g_area.shelves.clear();
    g_area.next_y = 0;
    if (g_font) g_font->Glyphs.resize(g_base_glyphs);
    for (uint32_t cp : g_known) g_in_font.set(cp, false);
    g_known.clear();
    if (g_title.font) g_title.font->Glyphs.resize(g_title.base_glyphs);
    for (uint32_t cp : g_title.known) g_title.in_font.set(cp, false);
    g_title.known.clear();
}

// first-visit (issue 11): ImGui's atlas holds only ImGui's own pixels (white pixels, baked
// lines, the space glyph): a strip of a few rows, tex_w wide. The texture is tex_w × tex_w, our
// glyph area below the strip, and no copy of it is kept in memory: glyph pixels go straight to
// the texture (a 2048² RGBA copy was 16 MB to allocate and fill, and ImGui cleared a 4 MB 8-bit
// atlas for the area: ~0.3 s of a 4×-throttled start). The strip's non-empty box is kept as
// RGBA (a few KB) for when the texture is made again.
Upload g_imgui_box;
std::vector<unsigned char> g_imgui_pixels;
void take_imgui_pixels() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int w = atlas->TexWidth, h = atlas->TexHeight;
    const unsigned char* a8 = atlas->TexPixelsAlpha8;
    g_imgui_box = {};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (a8[(size_t)y * w + x]) g_imgui_box.add(x, y, 1, 1);
    const Upload& b = g_imgui_box;
    g_imgui_pixels.clear();
    for (int y = b.y0; y < b.y1; ++y)
        for (int x = b.x0; x < b.x1; ++x) g_imgui_pixels.insert(g_imgui_pixels.end(), {255, 255, 255, a8[(size_t)y * w + x]});
    IM_FREE(atlas->TexPixelsAlpha8);  // not used again (ImGui needs TexReady, not the pixels)
    atlas->TexPixelsAlpha8 = nullptr;
}

void build_atlas(float px) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    g_font = add_face(atlas, px);
    g_title.font = nullptr;
    if (g_title.ratio > 0) {
        g_title.px = std::round(px * g_title.ratio);
        g_title.font = add_face(atlas, g_title.px);
    }
    // Room for ~2000 CJK glyphs at this size, in a 1024² or 2048² texture.
    const int tex_w = px * 45 > 1000 ? 2048 : 1024;
    build_strip(atlas, tex_w);
    take_imgui_pixels();
    g_area = {};
    g_area.x = 0;
    g_area.y = atlas->TexHeight + 1;
    g_area.w = tex_w;
    g_area.h = tex_w - g_area.y;
    extend_height(atlas, tex_w);
    g_base_glyphs = g_font->Glyphs.Size;
    // The line: FontSize px tall; baseline so that CJK ink is centered vertically.
    int m[2] = {0, 0};
    zygc_js_glyph_setup(px, m);
    float asc = m[0] / 64.f, desc = m[1] / 64.f;
    g_baseline = (int)std::lround(px * 0.5f + (asc - desc) * 0.5f);
    g_font->Ascent = (float)g_baseline;
    g_font->Descent = (float)(g_baseline - px);
    g_font->FallbackChar = ' ';  // a glyph not added yet shows as a blank for one frame, not '?'
    if (g_title.font) {
        g_title.base_glyphs = g_title.font->Glyphs.Size;
        g_title.baseline = (int)std::lround(g_title.px * 0.5f + (asc - desc) * g_title.ratio * 0.5f);
        g_title.font->Ascent = (float)g_title.baseline;
        g_title.font->Descent = (float)(g_title.baseline - g_title.px);
        g_title.font->FallbackChar = ' ';
        lookup(g_title.font, g_title.px);
    }
    lookup(g_font, px);
}

// =============================================================================================
// [SECTION] Flush
// =============================================================================================

void upload_rect(int x, int y, int w, int h, const unsigned char* rgba) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    GLuint tex = (GLuint)(intptr_t)atlas->TexID;
    if (!tex || w <= 0 || h <= 0) return;
    // No binding to restore: the renderer binds each draw's texture.
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

// The bytes of a glyph's pixels (m: its metrics): alpha only unless colored.
size_t pixel_bytes(const int* m) { return (size_t)m[2] * m[3] * (m[5] ? 4 : 1); }

// White RGBA with the ink in alpha, from a glyph's alpha (the atlas is RGBA, and WebGL2 uploads
// to it only in RGBA). Here, not in the shell: the page keeps a byte per pixel (the glyphs kept
// in localStorage), and widening them there, pixel by pixel, was ~30 ms of a warm start at 4×
// CPU.
const unsigned char* white_rgba(const unsigned char* alpha, size_t n) {
    static std::vector<uint32_t> rgba;
    rgba.resize(n);
    for (size_t i = 0; i < n; ++i) rgba[i] = 0x00ffffffu | (uint32_t)alpha[i] << 24;
    return reinterpret_cast<const unsigned char*>(rgba.data());
}

// Adds one rasterized code point (m: its metrics, pixels: see zygc_js_glyph_raster) to the body
// face (title: to the title face) and uploads its pixels; false when the area is full. One
// upload per glyph, from the rasterizer's buffer: gathering a flush's glyphs into one upload per
// shelf took two copies, a fill and ~1 MB of heap (~55 of a throttled first frame's 156 ms of
// glyphs).
bool add_glyph(uint32_t cp, const int* m, const unsigned char* pixels, bool title) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFont* font = title ? g_title.font : g_font;
    CodePoints& in_font = title ? g_title.in_font : g_in_font;
    if (in_font[cp]) return true;  // twice in one call
    const int baseline = title ? g_title.baseline : g_baseline;
    float advance = std::round(m[4] / 64.f);
    if (m[2] == 0) {
        font->AddGlyph(nullptr, (ImWchar)cp, 0, 0, 0, 0, 0, 0, 0, 0, advance);
    } else {
        int w = m[2], h = m[3], x = 0, y = 0;
        if (!pack(w, h, x, y)) return false;
        upload_rect(x, y, w, h, m[5] ? pixels : white_rgba(pixels, (size_t)w * h));
        float x0 = (float)m[0], y0 = (float)(baseline + m[1]);
        float iw = 1.f / atlas->TexWidth, ih = 1.f / atlas->TexHeight;
        font->AddGlyph(nullptr, (ImWchar)cp, x0, y0, x0 + w, y0 + h, x * iw, y * ih, (x + w) * iw, (y + h) * ih,
                       advance);
        font->Glyphs.back().Colored = m[5] != 0;
    }
    in_font.set(cp, true);
    (title ? g_title.known : g_known).push_back(cp);
    return true;
}

// Rasterizes and adds cps, in order, to the body face (title: the title face); returns how
// many were added before the area was full (all: cps.size()).
size_t add_glyphs(const std::vector<uint32_t>& cps, bool title = false) {
    const float px = title ? g_title.px : g_px;
    const size_t cap = std::max((size_t)(px * 4 + 8) * (size_t)(px * 2 + 8) * 4, (size_t)1 << 20);
    if (g_scratch_size < cap) {
        g_scratch.reset(new unsigned char[cap]);
        g_scratch_size = cap;
    }
    std::vector<int> m;
    for (size_t i = 0; i < cps.size();) {
        m.assign((cps.size() - i) * 6, 0);
        const int k = zygc_js_glyph_raster(cps.data() + i, (int)(cps.size() - i), g_scratch.get(), (int)g_scratch_size,
                                           m.data(), px);
        size_t at = 0;
        for (int j = 0; j < k; ++j, ++i) {
            const int* mj = m.data() + j * 6;
            if (!add_glyph(cps[i], mj, g_scratch.get() + at, title)) return i;
            at += pixel_bytes(mj);
        }
    }
    return cps.size();
}

// first-visit (issue 11): the atlas texture is made here, not from ImGui's RGBA atlas (ImGui's
// OpenGL3 backend uploaded the whole of it: 16 MB at DPR 3, 0.6 s of a throttled phone's first
// frame). Allocated empty, then ImGui's own pixels; glyphs follow as
// they are added. (Texels never uploaded read as transparent black: every glyph carries a
// 1 px transparent white border, so filtering never blends ink with them.) Made again when the
// area is full and starts over: no old glyph's ink is left beside a new one.
void create_texture() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!g_texture) glGenTextures(1, &g_texture);
    glBindTexture(GL_TEXTURE_2D, g_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, atlas->TexWidth, atlas->TexHeight, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    atlas->SetTexID((ImTextureID)(intptr_t)g_texture);
    const Upload& b = g_imgui_box;
    upload_rect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, g_imgui_pixels.data());
}

void destroy_texture() {
    if (g_texture) glDeleteTextures(1, &g_texture);
    g_texture = 0;
    ImGui::GetIO().Fonts->SetTexID(0);
}

}  // namespace

void build(float font_px, float title_ratio) {
    g_px = font_px;
    g_title.ratio = title_ratio > 1 ? title_ratio : 0;
    destroy_texture();
    // The code points known at the old size come back in idle time; what is on screen is
    // wanted again by the next frame's labels (and drawn once it is there).
    for (uint32_t cp : g_known) g_in_font.set(cp, false), later(cp);
    g_known.clear();
    for (uint32_t cp : g_title.known) g_title.in_font.set(cp, false);
    g_title.known.clear();
    build_atlas(font_px);
    create_texture();
}

void later(uint32_t cp) {
    if (!drawable(cp) || !g_font || g_in_font[cp] || g_later_queued[cp]) return;
    g_later_queued.set(cp, true);
    g_later.push_back(cp);
    if (g_later_allowed) zygc_js_glyphs_idle();
}

void want(uint32_t cp) {
    if (!drawable(cp) || !g_font || g_in_font[cp] || g_queued[cp]) return;
    g_queued.set(cp, true);
    g_pending.push_back(cp);
}

void want_title(uint32_t cp) {
    if (!drawable(cp) || !g_font || g_title.in_font[cp] || g_title.queued[cp]) return;
    g_title.queued.set(cp, true);
    g_title.pending.push_back(cp);
}


void want_utf8(std::string_view s) { for_each_code_point(s, [](uint32_t cp) { want(cp); }); }
void want_later_utf8(std::string_view s) { for_each_code_point(s, [](uint32_t cp) { later(cp); }); }

void want_answer_utf8(std::string_view s) {
    const size_t end = g_later.size();
    for_each_code_point(s, [](uint32_t cp) { later(cp); });
    // Ahead of what waits: the list's next cards come from answers more often than a screen
    // not opened yet comes from the UI's text (a fling's frames rasterized titles otherwise).
    std::rotate(g_later.begin() + (std::ptrdiff_t)g_later_next, g_later.begin() + (std::ptrdiff_t)end, g_later.end());
}
void want_title_utf8(std::string_view s) { for_each_code_point(s, [](uint32_t cp) { want_title(cp); }); }

namespace {
// look: the title face's wanted code points, after the body's. When the area is full they
// wait (headings are drawn in the body face until their glyphs are all there).
bool flush_title() {
    if (g_title.pending.empty() || !g_title.font) return false;
    std::vector<uint32_t> batch;
    batch.swap(g_title.pending);
    for (uint32_t cp : batch) g_title.queued.set(cp, false);
    ImFont* f = g_title.font;
    if (f->Glyphs.Size > g_title.base_glyphs && f->Glyphs.back().Codepoint == '\t') f->Glyphs.pop_back();
    std::erase_if(batch, [](uint32_t cp) { return !drawable(cp) || g_title.in_font[cp]; });
    const int from = f->Glyphs.Size;
    add_glyphs(batch, true);
    lookup_added(f, from, g_title.px);
    return true;
}
}  // namespace

// A slice of the later queue (idle time). What is on screen was wanted by its label, but text
// drawn without one (a level after its words, an ellipsis) may wait for these: one frame looks
// again, and draws only if the picture changed. A full area stops it: no eviction for glyphs
// nobody asked to see.
void flush_later(double budget_ms) {
    if (g_later_text && g_later_allowed && g_font) {  // this idle slice makes the text; the next draws
        const std::function<std::string()> text = std::move(g_later_text);
        g_later_text = nullptr;
        want_later_utf8(text());
        zygc_js_glyphs_idle();
        return;
    }
    if (!g_later_allowed || !g_font || g_later.empty()) return;
    const double start = emscripten_get_now();
    if (g_font->Glyphs.Size > g_base_glyphs && g_font->Glyphs.back().Codepoint == '\t') g_font->Glyphs.pop_back();
    const int from = g_font->Glyphs.Size;
    size_t added = 0;
    bool full = false;
    std::vector<uint32_t> chunk;  // 16 at a time, one canvas readback each
    while (!full && g_later_next < g_later.size() && (added == 0 || emscripten_get_now() - start < budget_ms)) {
        chunk.clear();
        for (; g_later_next < g_later.size() && chunk.size() < 16; ++g_later_next) {
            const uint32_t cp = g_later[g_later_next];
            g_later_queued.set(cp, false);
            if (!g_in_font[cp] && !g_queued[cp]) chunk.push_back(cp);
        }
        full = add_glyphs(chunk) < chunk.size();
        added += chunk.size();
    }
    if (full || g_later_next >= g_later.size()) {
        for (size_t i = g_later_next; i < g_later.size(); ++i) g_later_queued.set(g_later[i], false);
        g_later.clear();
        g_later_next = 0;
    }
    const bool made = g_font->Glyphs.Size > from;
    lookup_added(g_font, from, g_px);
    if (made) zygc_look_again();
    if (!g_later.empty()) zygc_js_glyphs_idle();
}

bool flush() {
    const bool titles = flush_title();
    if (g_pending.empty() || !g_font) return titles;
    std::vector<uint32_t> batch;
    batch.swap(g_pending);
    for (uint32_t cp : batch) g_queued.set(cp, false);
    // The tab glyph BuildLookupTable appends must stay last; drop it while we add.
    if (g_font->Glyphs.Size > g_base_glyphs && g_font->Glyphs.back().Codepoint == '\t') g_font->Glyphs.pop_back();

    std::erase_if(batch, [](uint32_t cp) { return !drawable(cp) || g_in_font[cp]; });
    const int from = g_font->Glyphs.Size;
    const size_t added = add_glyphs(batch);
    const bool evicted = added < batch.size();
    if (evicted) {
        // Full: start over with what is on screen now, then the rest of this batch. If even a
        // fresh area cannot hold them all, the rest stay blank.
        ++g_evictions;
        std::vector<uint32_t> keep;
        for (uint32_t cp = 0x20; cp < 0x7F; ++cp) keep.push_back(cp);
        if (g_essentials) g_essentials(keep);
        keep.insert(keep.end(), batch.begin() + (std::ptrdiff_t)added, batch.end());
        std::sort(keep.begin(), keep.end());
        keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
        std::erase_if(keep, [](uint32_t cp) { return !drawable(cp); });
        reset_area();
        create_texture();
        add_glyphs(keep);
    }
    if (!evicted) {
        lookup_added(g_font, from, g_px);
    } else {
        lookup(g_font, g_px);
        if (g_title.font) lookup(g_title.font, g_title.px);  // its glyphs went with the area
    }
    return true;
}

void allow_later() {
    if (g_later_allowed) return;
    g_later_allowed = true;
    if (!g_later.empty() || g_later_text) zygc_js_glyphs_idle();
}
void set_later_text(std::function<std::string()> fn) { g_later_text = std::move(fn); }
bool pending() { return !g_pending.empty() || !g_title.pending.empty(); }

void set_essentials(std::function<void(std::vector<uint32_t>&)> fn) { g_essentials = std::move(fn); }

Stats stats() {
    Stats s;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    s.glyphs = (int)g_known.size();
    s.atlas_w = atlas->TexWidth;
    s.atlas_h = atlas->TexHeight;
    s.area_w = g_area.w;
    s.area_h = g_area.h;
    s.used_h = g_area.next_y;
    s.evictions = g_evictions;
    s.font_px = g_px;
    return s;
}

int state(uint32_t cp) {
    if (cp > kMaxCp || !g_font) return 0;
    return g_in_font[cp] ? 1 : g_queued[cp] ? 2 : 0;
}

}  // namespace zygc::web::glyphs

// The browser is idle (zygc_js_glyphs_idle): up to budget_ms of the later queue.
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_glyphs_idle(double budget_ms) { zygc::web::glyphs::flush_later(budget_ms); }
