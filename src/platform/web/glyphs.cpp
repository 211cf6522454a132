// [SECTION] JS: Canvas2D rasterizer
// [SECTION] Code point bookkeeping
// [SECTION] Atlas build and shelf packing
// [SECTION] Flush: rasterize, pack, upload
#include "platform/web/glyphs.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui.h"
#include "imgui_impl_opengl3.h"

// =============================================================================================
// [SECTION] JS: Canvas2D rasterizer
// =============================================================================================

// Sets up the glyph canvas for a pixel size; writes ink ascent/descent of a reference CJK
// glyph (px × 64) to m[0], m[1].
EM_JS(void, zygc_js_glyph_setup, (float px, int* m), {
    var G = Module.zygcGlyphs;
    if (!G) {
        var c = document.createElement("canvas");
        c.width = 64;
        c.height = 64;
        // In the document with lang=zh-CN, so Han fallback picks Simplified Chinese forms.
        c.setAttribute("lang", "zh-CN");
        c.setAttribute("aria-hidden", "true");
        c.style.cssText = "position:fixed;left:-10000px;top:0;visibility:hidden;pointer-events:none";
        (document.body || document.documentElement).appendChild(c);
        G = Module.zygcGlyphs = {canvas: c, ctx: null, px: 0, font: ""};
    }
    var cfg = window.ZYGC_CONFIG || {};
    // look: Latin letters and digits in the platform's UI sans (San Francisco, Segoe UI,
    // Roboto), else in the CJK face's own Latin (PingFang, Noto Sans CJK, YaHei), which sits
    // with the Han glyphs; system-ui last (on Linux it is often DejaVu, wide and foreign).
    // All installed faces: no font bytes are downloaded.
    var family = cfg.fontFamily ||
        "-apple-system, BlinkMacSystemFont, Segoe UI, Roboto, PingFang SC, Noto Sans CJK SC, " +
        "Microsoft YaHei, system-ui, Noto Color Emoji, sans-serif";
    G.px = px;
    G.family = family;
    G.font = px + "px " + family;
    G.reset = function() {
        var ctx = G.canvas.getContext("2d", {willReadFrequently: true});
        ctx.font = G.font;
        ctx.fillStyle = "#fff";
        ctx.textBaseline = "alphabetic";
        ctx.textAlign = "left";
        if ("lang" in ctx) ctx.lang = "zh-CN";
        G.ctx = ctx;
    };
    G.reset();
    var tm = G.ctx.measureText(String.fromCharCode(0x56fd));
    HEAP32[(m >> 2) + 0] = Math.round((tm.actualBoundingBoxAscent || px * 0.82) * 64);
    HEAP32[(m >> 2) + 1] = Math.round((tm.actualBoundingBoxDescent || px * 0.08) * 64);
});

// Rasterizes one code point at px. m[0..5] = ink left, ink top (relative to pen/baseline),
// width, height, advance × 64, colored. Pixels (RGBA, w×h) go to out (cap bytes).
// Returns 1 when pixels were written, 0 for an empty glyph (space, zero-width).
EM_JS(int, zygc_js_glyph_raster, (int cp, unsigned char* out, int cap, int* m, float px), {
    var G = Module.zygcGlyphs;
    if (px !== G.px) {  // look: the title face is rasterized at its own size
        G.px = px;
        G.font = px + "px " + G.family;
        G.ctx.font = G.font;
    }
    var ctx = G.ctx;
    var s = String.fromCodePoint(cp);
    var tm = ctx.measureText(s);
    var M = m >> 2;
    HEAP32[M + 4] = Math.round(tm.width * 64);
    HEAP32[M + 5] = 0;
    var l = Math.floor(-tm.actualBoundingBoxLeft) - 1, r = Math.ceil(tm.actualBoundingBoxRight) + 1;
    var t = Math.floor(-tm.actualBoundingBoxAscent) - 1, b = Math.ceil(tm.actualBoundingBoxDescent) + 1;
    var w = r - l, h = b - t;
    if (!(w > 2 && h > 2) || w * h * 4 > cap) {
        HEAP32[M + 0] = 0; HEAP32[M + 1] = 0; HEAP32[M + 2] = 0; HEAP32[M + 3] = 0;
        return 0;
    }
    var c = G.canvas;
    if (c.width < w || c.height < h) {
        c.width = Math.max(c.width, w);
        c.height = Math.max(c.height, h);
        G.reset();
        ctx = G.ctx;
    }
    ctx.clearRect(0, 0, w, h);
    ctx.fillText(s, -l, -t);
    var d = ctx.getImageData(0, 0, w, h).data;
    var n = w * h * 4, i;
    var colored = 0;
    for (i = 0; i < n; i += 4) {
        if (d[i + 3] > 96 && (d[i] < 192 || d[i + 1] < 192 || d[i + 2] < 192)) { colored = 1; break; }
    }
    if (colored) {
        HEAPU8.set(d, out);
    } else {
        for (i = 0; i < n; i += 4) {
            HEAPU8[out + i] = 255; HEAPU8[out + i + 1] = 255; HEAPU8[out + i + 2] = 255;
            HEAPU8[out + i + 3] = d[i + 3];
        }
    }
    HEAP32[M + 0] = l; HEAP32[M + 1] = t; HEAP32[M + 2] = w; HEAP32[M + 3] = h;
    HEAP32[M + 5] = colored;
    return 1;
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

std::vector<bool> g_in_font;  // code point has a glyph in the font
std::vector<bool> g_queued;   // code point is in g_pending
std::vector<uint32_t> g_pending;
// first-visit (issue 11): code points that may be drawn later (the UI's static text, API
// answers), rasterized in the browser's idle time once allowed (frame: never inside a frame),
// so the first frame waits only for what it shows. Duplicates are skipped when their turn comes.
std::vector<uint32_t> g_later;
std::vector<bool> g_later_queued;  // code point is in g_later
size_t g_later_next = 0;
bool g_later_allowed = false;
GLuint g_texture = 0;            // the atlas texture: ours, not the backend's (see create_texture)
std::vector<uint32_t> g_known;  // every code point in the font, in order of addition
std::function<void(std::vector<uint32_t>&)> g_essentials;

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
    int rect = -1;         // custom rect index
    int x = 0, y = 0, w = 0, h = 0;
    std::vector<Shelf> shelves;
    int next_y = 0;        // first row not used by a shelf (relative to the area)
};

float g_px = 0;
int g_baseline = 0;  // baseline offset from the top of a line, px
ImFont* g_font = nullptr;
Area g_area;
int g_base_glyphs = 0;  // glyphs in the font right after Build() (space)
int g_evictions = 0;
std::vector<unsigned char> g_scratch;

// look (issue 10): a second face for headings at the type scale's title size, in the same
// atlas area; it gets only the code points of headings (want_title). Eviction clears it too.
struct TitleFace {
    ImFont* font = nullptr;
    float ratio = 0;  // title px / body px; 0: no title face
    float px = 0;
    int baseline = 0;
    int base_glyphs = 0;
    std::vector<bool> in_font, queued;
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

void clear_area_pixels() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* px = atlas->TexPixelsRGBA32 ? (unsigned char*)atlas->TexPixelsRGBA32 : nullptr;
    if (!px) return;
    for (int row = 0; row < g_area.h; ++row) {
        unsigned char* p = px + ((size_t)(g_area.y + row) * atlas->TexWidth + g_area.x) * 4;
        for (int i = 0; i < g_area.w; ++i, p += 4) p[0] = p[1] = p[2] = 255, p[3] = 0;
    }
}

void reset_area() {
    g_area.shelves.clear();
    g_area.next_y = 0;
    if (g_font) g_font->Glyphs.resize(g_base_glyphs);
    for (uint32_t cp : g_known) g_in_font[cp] = false;
    g_known.clear();
    if (g_title.font) g_title.font->Glyphs.resize(g_title.base_glyphs);
    for (uint32_t cp : g_title.known) g_title.in_font[cp] = false;
    g_title.known.clear();
}

// ImFont::BuildLookupTable, then every code point without a glyph yet lays out at the width
// of a CJK ideograph (1 em): nearly all that are not rasterized yet are ideographs (Latin and
// punctuation are added first), so a layout made before its glyphs arrive (the frame that is
// held, whose positions the semantics report) matches the one shown a frame later. With the
// width of a space it wrapped shorter, and what came below moved when the glyphs came.
void lookup(ImFont* f, float em) {
    f->BuildLookupTable();
    f->FallbackAdvanceX = em;
    for (int i = 0; i < f->IndexLookup.Size; ++i)
        if (f->IndexLookup[i] == (ImWchar)-1) f->IndexAdvanceX[i] = em;
}

// first-visit (issue 11): the RGBA pixels we draw glyphs into, made from ImGui's 8-bit atlas
// without converting all of it (ImGui's GetTexDataAsRGBA32 converts every pixel: 4 M at DPR 3):
// everything starts as transparent white; only ImGui's own pixels, outside our area, are copied.
// g_imgui_boxes get their bounding boxes (above or below our area, left of it, right of it):
// the only parts of the texture uploaded at creation.
std::vector<std::pair<int, Upload>> g_imgui_boxes;
void rgba_from_alpha() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int w = atlas->TexWidth, h = atlas->TexHeight;
    const unsigned char* a8 = atlas->TexPixelsAlpha8;
    auto* rgba = (unsigned int*)IM_ALLOC((size_t)w * h * 4);
    std::fill_n(rgba, (size_t)w * h, IM_COL32(255, 255, 255, 0));
    g_imgui_boxes.assign(3, {});
    for (int i = 0; i < 3; ++i) g_imgui_boxes[i].first = i;
    for (int y = 0; y < h; ++y) {
        const bool area_row = y >= g_area.y && y < g_area.y + g_area.h;
        for (int x = 0; x < w; ++x) {
            if (area_row && x == g_area.x) x += g_area.w;  // skip our (empty) area
            if (x >= w) break;
            const unsigned char v = a8[(size_t)y * w + x];
            if (!v) continue;
            rgba[(size_t)y * w + x] = IM_COL32(255, 255, 255, v);
            g_imgui_boxes[!area_row ? 0 : x < g_area.x ? 1 : 2].second.add(x, y, 1, 1);
        }
    }
    IM_FREE(atlas->TexPixelsAlpha8);  // the 8-bit copy is not used again
    atlas->TexPixelsAlpha8 = nullptr;
    atlas->TexPixelsRGBA32 = rgba;
}

void build_atlas(float px) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
    static const ImWchar space_only[] = {0x20, 0x20, 0};
    ImFontConfig cfg;
    cfg.SizePixels = px;
    cfg.GlyphRanges = space_only;
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    g_font = atlas->AddFontDefault(&cfg);
    g_title.font = nullptr;
    if (g_title.ratio > 0) {
        ImFontConfig tcfg = cfg;
        tcfg.SizePixels = g_title.px = std::round(px * g_title.ratio);
        g_title.font = atlas->AddFontDefault(&tcfg);
    }
    // Room for ~2000 CJK glyphs at this size, within a 1024- or 2048-wide texture.
    int tex_w = px * 45 > 1000 ? 2048 : 1024;
    atlas->TexDesiredWidth = tex_w;
    g_area = {};
    g_area.w = tex_w - 8;
    g_area.h = tex_w - 8;
    g_area.rect = atlas->AddCustomRectRegular(g_area.w, g_area.h);
    atlas->Build();
    const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(g_area.rect);
    g_area.x = r->X;
    g_area.y = r->Y;
    rgba_from_alpha();
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

// Adds one code point to the body face (title: to the title face); false when the area is full.
bool add_glyph(uint32_t cp, std::vector<std::pair<int, Upload>>& uploads, bool title = false) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFont* font = title ? g_title.font : g_font;
    const float px = title ? g_title.px : g_px;
    const int baseline = title ? g_title.baseline : g_baseline;
    int m[6] = {0, 0, 0, 0, 0, 0};
    size_t cap = (size_t)(px * 4 + 8) * (size_t)(px * 2 + 8) * 4;
    if (g_scratch.size() < cap) g_scratch.resize(cap);
    int has_pixels = zygc_js_glyph_raster((int)cp, g_scratch.data(), (int)g_scratch.size(), m, px);
    float advance = std::round(m[4] / 64.f);
    if (!has_pixels) {
        font->AddGlyph(nullptr, (ImWchar)cp, 0, 0, 0, 0, 0, 0, 0, 0, advance);
    } else {
        int w = m[2], h = m[3], x = 0, y = 0;
        if (!pack(w, h, x, y)) return false;
        unsigned char* dst = (unsigned char*)atlas->TexPixelsRGBA32;
        for (int row = 0; row < h; ++row)
            std::memcpy(dst + ((size_t)(y + row) * atlas->TexWidth + x) * 4, g_scratch.data() + (size_t)row * w * 4,
                        (size_t)w * 4);
        float x0 = (float)m[0], y0 = (float)(baseline + m[1]);
        float iw = 1.f / atlas->TexWidth, ih = 1.f / atlas->TexHeight;
        font->AddGlyph(nullptr, (ImWchar)cp, x0, y0, x0 + w, y0 + h, x * iw, y * ih, (x + w) * iw, (y + h) * ih,
                       advance);
        font->Glyphs.back().Colored = m[5] != 0;
        // One upload per shelf touched in this batch.
        auto it = std::find_if(uploads.begin(), uploads.end(), [&](auto& u) { return u.first == y; });
        if (it == uploads.end()) uploads.push_back({y, Upload{}}), it = uploads.end() - 1;
        it->second.add(x, y, w, h);
    }
    if (title) {
        g_title.in_font[cp] = true;
        g_title.known.push_back(cp);
    } else {
        g_in_font[cp] = true;
        g_known.push_back(cp);
    }
    return true;
}

void upload(const std::vector<std::pair<int, Upload>>& uploads) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    GLuint tex = (GLuint)(intptr_t)atlas->TexID;
    if (!tex || uploads.empty()) return;
    GLint prev = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &prev);
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    std::vector<unsigned char> buf;
    const unsigned char* src = (const unsigned char*)atlas->TexPixelsRGBA32;
    for (auto& [key, u] : uploads) {
        int w = u.x1 - u.x0, h = u.y1 - u.y0;
        if (w <= 0 || h <= 0) continue;
        buf.resize((size_t)w * h * 4);
        for (int row = 0; row < h; ++row)
            std::memcpy(buf.data() + (size_t)row * w * 4, src + ((size_t)(u.y0 + row) * atlas->TexWidth + u.x0) * 4,
                        (size_t)w * 4);
        glTexSubImage2D(GL_TEXTURE_2D, 0, u.x0, u.y0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, buf.data());
    }
    glBindTexture(GL_TEXTURE_2D, (GLuint)prev);
}

// first-visit (issue 11): the atlas texture is made here, not by the backend, whose
// ImGui_ImplOpenGL3_CreateFontsTexture uploads the whole RGBA atlas (16 MB at DPR 3, 0.6 s of
// a throttled phone's first frame). Allocated empty, then ImGui's own pixels; glyphs follow as
// they are added. (Texels never uploaded read as transparent black: every glyph carries a
// 1 px transparent white border, so filtering never blends ink with them.)
void create_texture() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    GLint prev = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &prev);
    glGenTextures(1, &g_texture);
    glBindTexture(GL_TEXTURE_2D, g_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, atlas->TexWidth, atlas->TexHeight, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, (GLuint)prev);
    atlas->SetTexID((ImTextureID)(intptr_t)g_texture);
    upload(g_imgui_boxes);
}

void destroy_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();  // the backend's, made at its init (main)
    if (g_texture) glDeleteTextures(1, &g_texture);
    g_texture = 0;
    ImGui::GetIO().Fonts->SetTexID(0);
}

void upload_whole_area() {
    std::vector<std::pair<int, Upload>> all(1);
    all[0].second.add(g_area.x, g_area.y, g_area.w, g_area.h);
    upload(all);
}

}  // namespace

void build(float font_px, float title_ratio) {
    if (g_in_font.empty()) {
        g_in_font.assign(kMaxCp + 1, false);
        g_queued.assign(kMaxCp + 1, false);
        g_title.in_font.assign(kMaxCp + 1, false);
        g_title.queued.assign(kMaxCp + 1, false);
        g_later_queued.assign(kMaxCp + 1, false);
    }
    g_px = font_px;
    g_title.ratio = title_ratio > 1 ? title_ratio : 0;
    destroy_texture();
    // The code points known at the old size come back in idle time; what is on screen is
    // wanted again by the next frame's labels (and drawn once it is there).
    for (uint32_t cp : g_known) g_in_font[cp] = false, later(cp);
    g_known.clear();
    for (uint32_t cp : g_title.known) g_title.in_font[cp] = false;
    g_title.known.clear();
    build_atlas(font_px);
    create_texture();
}

void later(uint32_t cp) {
    if (!drawable(cp) || g_in_font.empty() || g_in_font[cp] || g_later_queued[cp]) return;
    g_later_queued[cp] = true;
    g_later.push_back(cp);
    if (g_later_allowed) zygc_js_glyphs_idle();
}

void want(uint32_t cp) {
    if (!drawable(cp) || g_in_font.empty() || g_in_font[cp] || g_queued[cp]) return;
    g_queued[cp] = true;
    g_pending.push_back(cp);
}

void want_title(uint32_t cp) {
    if (!drawable(cp) || g_title.in_font.empty() || g_title.in_font[cp] || g_title.queued[cp]) return;
    g_title.queued[cp] = true;
    g_title.pending.push_back(cp);
}

namespace {
template <class Want>
void decode_utf8(std::string_view s, Want want) {
    const unsigned char* p = (const unsigned char*)s.data();
    const unsigned char* end = p + s.size();
    auto hex4 = [](const unsigned char* q, uint32_t& v) {
        v = 0;
        for (int i = 0; i < 4; ++i) {
            unsigned c = q[i];
            unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
            if (d > 15) return false;
            v = v * 16 + d;
        }
        return true;
    };
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            // JSON escapes: \uXXXX, with surrogate pairs.
            uint32_t v = 0, lo = 0;
            if (c == '\\' && end - p >= 6 && p[1] == 'u' && hex4(p + 2, v)) {
                p += 6;
                if (v >= 0xD800 && v < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u' && hex4(p + 2, lo) &&
                    lo >= 0xDC00 && lo < 0xE000) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
                want(v);
                continue;
            }
            want(c);
            ++p;
            continue;
        }
        int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (n < 0 || end - p <= n) {
            ++p;
            continue;
        }
        uint32_t cp = c & (0x3F >> n);
        bool ok = true;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        p += ok ? n + 1 : 1;
        if (ok) want(cp);
    }
}
}  // namespace

void want_utf8(std::string_view s) { decode_utf8(s, [](uint32_t cp) { want(cp); }); }
void want_later_utf8(std::string_view s) { decode_utf8(s, [](uint32_t cp) { later(cp); }); }
void want_title_utf8(std::string_view s) { decode_utf8(s, [](uint32_t cp) { want_title(cp); }); }

namespace {
// look: the title face's wanted code points, after the body's. When the area is full they
// wait (headings are drawn in the body face until their glyphs are all there).
bool flush_title() {
    if (g_title.pending.empty() || !g_title.font) return false;
    std::vector<uint32_t> batch;
    batch.swap(g_title.pending);
    for (uint32_t cp : batch) g_title.queued[cp] = false;
    ImFont* f = g_title.font;
    if (f->Glyphs.Size > g_title.base_glyphs && f->Glyphs.back().Codepoint == '\t') f->Glyphs.pop_back();
    std::vector<std::pair<int, Upload>> uploads;
    for (uint32_t cp : batch) {
        if (!drawable(cp) || g_title.in_font[cp]) continue;
        if (!add_glyph(cp, uploads, true)) break;
    }
    lookup(f, g_title.px);
    upload(uploads);
    return true;
}
}  // namespace

// A slice of the later queue (idle time). Those glyphs are not on screen (what is was wanted
// by its label), so nothing needs drawing again. A full area stops it: no eviction for glyphs
// nobody asked to see.
void flush_later(double budget_ms) {
    if (!g_later_allowed || !g_font || g_later.empty()) return;
    const double start = emscripten_get_now();
    if (g_font->Glyphs.Size > g_base_glyphs && g_font->Glyphs.back().Codepoint == '\t') g_font->Glyphs.pop_back();
    std::vector<std::pair<int, Upload>> uploads;
    int added = 0;
    bool full = false;
    for (; g_later_next < g_later.size() && (added == 0 || emscripten_get_now() - start < budget_ms);
         ++g_later_next) {
        const uint32_t cp = g_later[g_later_next];
        g_later_queued[cp] = false;
        if (g_in_font[cp] || g_queued[cp]) continue;
        if (!add_glyph(cp, uploads)) {
            full = true;
            break;
        }
        ++added;
    }
    if (full || g_later_next >= g_later.size()) {
        for (size_t i = g_later_next; i < g_later.size(); ++i) g_later_queued[g_later[i]] = false;
        g_later.clear();
        g_later_next = 0;
    }
    lookup(g_font, g_px);
    upload(uploads);
    if (!g_later.empty()) zygc_js_glyphs_idle();
}

bool flush() {
    const bool titles = flush_title();
    if (g_pending.empty() || !g_font) return titles;
    std::vector<uint32_t> batch;
    batch.swap(g_pending);
    for (uint32_t cp : batch) g_queued[cp] = false;
    // The tab glyph BuildLookupTable appends must stay last; drop it while we add.
    if (g_font->Glyphs.Size > g_base_glyphs && g_font->Glyphs.back().Codepoint == '\t') g_font->Glyphs.pop_back();

    std::vector<std::pair<int, Upload>> uploads;
    size_t i = 0;
    bool evicted = false;
    for (; i < batch.size(); ++i) {
        if (!drawable(batch[i]) || g_in_font[batch[i]]) continue;
        if (add_glyph(batch[i], uploads)) continue;
        if (evicted) break;  // even a fresh area cannot hold them all: the rest stay blank
        // Full: start over with what is on screen now, then the rest of this batch.
        evicted = true;
        ++g_evictions;
        std::vector<uint32_t> keep;
        for (uint32_t cp = 0x20; cp < 0x7F; ++cp) keep.push_back(cp);
        if (g_essentials) g_essentials(keep);
        keep.insert(keep.end(), batch.begin() + i, batch.end());
        reset_area();
        clear_area_pixels();
        uploads.clear();
        batch.swap(keep);
        i = (size_t)-1;  // ++i → 0
    }
    lookup(g_font, g_px);
    if (evicted && g_title.font) lookup(g_title.font, g_title.px);  // its glyphs went with the area
    if (evicted)
        upload_whole_area();
    else
        upload(uploads);
    return true;
}

void allow_later() {
    if (g_later_allowed) return;
    g_later_allowed = true;
    if (!g_later.empty()) zygc_js_glyphs_idle();
}
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
    if (cp > kMaxCp || g_in_font.empty()) return 0;
    return g_in_font[cp] ? 1 : g_queued[cp] ? 2 : 0;
}

}  // namespace zygc::web::glyphs

// The browser is idle (zygc_js_glyphs_idle): up to budget_ms of the later queue.
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_glyphs_idle(double budget_ms) { zygc::web::glyphs::flush_later(budget_ms); }
