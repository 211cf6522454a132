// The app in the browser: WebGL2 canvas, ImGui + its GLES3 renderer, the store runtime with
// the fetch transport, hash routing, and the frame loop (requestAnimationFrame).
// [SECTION] JS shims
// [SECTION] Canvas and scale
// [SECTION] Frame
// [SECTION] Exports for the shell (test bridge)
// [SECTION] main
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/route.h"
#include "core/runtime.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/web/fetch.h"
#include "platform/web/glyphs.h"
#include "platform/web/input.h"
#include "ui/app.h"
#include "ui/semantics.h"

// =============================================================================================
// [SECTION] JS shims
// =============================================================================================

EM_JS(char*, zygc_js_location_hash, (), {
    var s = location.hash || "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

// History. Every entry the app makes carries {zygc: depth}: how many entries of this visit lie
// below it. Back within the app is history.back() while depth > 0; at depth 0 it replaces the
// entry with the fallback (the parent screen), so the app's back never leaves the app.

// Route changes made by the app: a new history entry, without a hashchange event.
EM_JS(void, zygc_js_set_hash, (const char* hash_p), {
    var h = UTF8ToString(hash_p);
    var norm = function(s) { return (!s || s === "#" || s === "#/") ? "#/" : s; };
    if (norm(location.hash) === norm(h)) return;
    var st = history.state && typeof history.state.zygc === "number" ? history.state.zygc : 0;
    if (!location.hash && h === "#/") history.replaceState({zygc: st}, "", h);
    else history.pushState({zygc: st + 1}, "", h);
    if (Module.zygcRouteChanged) Module.zygcRouteChanged(h);
});

// First load: a deep link gets its parent and the home screen underneath, so the browser's
// (or WeChat's) back button walks up to home instead of leaving the app. A reload keeps the
// entries it has (history.state survives reloads).
EM_JS(void, zygc_js_init_history, (const char* parent_p), {
    if (history.state && typeof history.state.zygc === "number") return;
    var here = location.hash || "#/";
    var norm = function(s) { return (!s || s === "#" || s === "#/") ? "#/" : s; };
    if (norm(here) === "#/") {
        history.replaceState({zygc: 0}, "");
        return;
    }
    var parent = UTF8ToString(parent_p);
    var url = location.pathname + location.search;
    history.replaceState({zygc: 0}, "", url + "#/");
    var depth = 1;
    if (norm(parent) !== "#/" && norm(parent) !== norm(here)) history.pushState({zygc: depth++}, "", url + parent);
    history.pushState({zygc: depth}, "", url + here);
});

EM_JS(void, zygc_js_go_back, (const char* fallback_p), {
    var fallback = UTF8ToString(fallback_p);
    var depth = history.state && typeof history.state.zygc === "number" ? history.state.zygc : 0;
    var norm = function(s) { return (!s || s === "#" || s === "#/") ? "#/" : s; };
    var atRoot = norm(location.hash) === "#/";
    if (atRoot && Module.zygcWeChat && Module.zygcWeChat.back()) return;  // WeChat: leave the web-view
    if (depth > 0) {
        history.back();
        return;
    }
    history.replaceState({zygc: 0}, "", location.pathname + location.search + fallback);
    _zygc_on_location();
    if (Module.zygcRouteChanged) Module.zygcRouteChanged(fallback);
});

// Settings kept across visits: "care|lang" ("1|en"), "" when none saved.
EM_JS(char*, zygc_js_load_settings, (), {
    var v = "";
    try {
        var o = JSON.parse(localStorage.getItem("zygc.settings") || "null");
        if (o) v = (o.care_mode ? "1" : "0") + "|" + (o.lang || "zh");
    } catch (e) {
    }
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, zygc_js_save_settings, (int care, const char* lang_p), {
    var lang = UTF8ToString(lang_p);
    try {
        localStorage.setItem("zygc.settings", JSON.stringify({care_mode: !!care, lang: lang}));
    } catch (e) {
    }
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
});

// 64 random bits for Idempotency-Keys.
EM_JS(void, zygc_js_random, (uint32_t* out), {
    var a = new Uint32Array(2);
    if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(a);
    else { a[0] = Math.random() * 4294967296 >>> 0; a[1] = Date.now() >>> 0; }
    HEAPU32[out >> 2] = a[0];
    HEAPU32[(out >> 2) + 1] = a[1];
});

// A one-time WeChat login code (?code=…) in the URL: returned once and removed from the URL.
EM_JS(char*, zygc_js_take_wechat_code, (), {
    var v = "";
    try {
        var u = new URL(location.href);
        v = u.searchParams.get("code") || "";
        if (v) {
            u.searchParams.delete("code");
            u.searchParams.delete("state");
            history.replaceState(history.state, "", u.pathname + u.search + u.hash);
        }
    } catch (e) {
    }
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

// The semantics tree changed: the shell rebuilds the screen-reader mirror (throttled there).
EM_JS(void, zygc_js_semantics_changed, (), {
    if (Module.zygcSemanticsChanged) Module.zygcSemanticsChanged();
});

EM_JS(void, zygc_js_listen_history, (), {
    var f = function() {
        _zygc_on_location();
        if (Module.zygcRouteChanged) Module.zygcRouteChanged(location.hash || "#/");
    };
    window.addEventListener("hashchange", f);
    window.addEventListener("popstate", f);
});

// CSS size of the canvas, devicePixelRatio and safe-area insets (CSS px).
EM_JS(void, zygc_js_canvas_metrics, (float* out), {
    var c = Module.canvas || document.getElementById("canvas");
    var r = c.getBoundingClientRect();
    var F = out >> 2;
    HEAPF32[F + 0] = r.width;
    HEAPF32[F + 1] = r.height;
    HEAPF32[F + 2] = window.devicePixelRatio || 1;
    var probe = document.getElementById("zygc-safe");
    var top = 0, bottom = 0;
    if (probe) {
        var cs = getComputedStyle(probe);
        top = parseFloat(cs.paddingTop) || 0;
        bottom = parseFloat(cs.paddingBottom) || 0;
    }
    HEAPF32[F + 3] = top;
    HEAPF32[F + 4] = bottom;
});

// kind 1: first frame drawn; kind 2: interactive (semantics available).
EM_JS(void, zygc_js_frame_event, (int kind), {
    if (Module.zygcFrameEvent) Module.zygcFrameEvent(kind);
});

namespace {

using namespace zygc;
namespace glyphs = zygc::web::glyphs;

struct App {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::unique_ptr<Runtime> runtime;
    float dpr = 0;        // scale the theme and glyphs are built for
    bool care = false;    // 关怀版: the glyphs are built 1.5× larger
    float css_w = 0, css_h = 0;
    int fb_w = 0, fb_h = 0;
    ui::Viewport viewport;
    std::vector<Action> actions;
    bool location_changed = false;
    uint64_t sem_version = 0;
    int frame = 0;
    bool ready = false;
    double last_time = 0;
    double frame_ms = 0;  // CPU time of the last frame (smoothed)
    uint64_t drawn_hash = 0;  // of the draw data last rendered
    bool force_render = true;
    int renders = 0;
    std::string sem_json, route_str;
};

App g_app;

std::string take_js_string(char* p) {
    std::string s = p ? p : "";
    free(p);
    return s;
}

std::string location_hash() { return take_js_string(zygc_js_location_hash()); }

Settings load_settings() {
    Settings st;
    std::string v = take_js_string(zygc_js_load_settings());
    if (v.size() >= 3 && v[1] == '|') {
        st.care_mode = v[0] == '1';
        st.lang = v.substr(2) == "en" ? "en" : "zh";
    }
    return st;
}

// =============================================================================================
// [SECTION] Canvas and scale
// =============================================================================================

// Backing store = CSS size × devicePixelRatio (physical pixels). A new scale rebuilds the
// theme and the glyph atlas.
void update_canvas() {
    float m[5] = {0, 0, 1, 0, 0};
    zygc_js_canvas_metrics(m);
    float css_w = m[0], css_h = m[1], dpr = m[2] > 0 ? m[2] : 1;
    int fb_w = (int)std::lround(css_w * dpr), fb_h = (int)std::lround(css_h * dpr);
    if (fb_w < 1) fb_w = 1;
    if (fb_h < 1) fb_h = 1;
    App& a = g_app;
    const bool care = a.runtime && a.runtime->state().settings.care_mode;
    if (dpr != a.dpr || care != a.care) {
        a.dpr = dpr;
        a.care = care;
        ui::apply_theme(dpr);
        glyphs::build(ui::font_pixels(dpr, care));
    }
    if (fb_w != a.fb_w || fb_h != a.fb_h || css_w != a.css_w || css_h != a.css_h) {
        a.fb_w = fb_w;
        a.fb_h = fb_h;
        a.css_w = css_w;
        a.css_h = css_h;
        emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
        a.force_render = true;  // resizing clears the canvas
    }
    float scale = css_w > 0 ? fb_w / css_w : dpr;
    web::input::set_scale(scale);
    a.viewport.width = (float)fb_w;
    a.viewport.height = (float)fb_h;
    a.viewport.scale = dpr;
    a.viewport.now_ms = emscripten_date_now();  // wall clock: countdowns, today's date
    a.viewport.safe_top = std::round(m[3] * dpr);
    a.viewport.safe_bottom = std::round(m[4] * dpr);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2((float)fb_w, (float)fb_h);
    io.DisplayFramebufferScale = ImVec2(1, 1);
}

// FNV-1a over everything that reaches the GPU.
uint64_t hash_bytes(uint64_t h, const void* data, size_t n) {
    const unsigned char* p = (const unsigned char*)data;
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

uint64_t hash_draw_data(const ImDrawData* dd) {
    uint64_t h = 0xcbf29ce484222325ull;
    if (!dd || !dd->Valid) return h;
    h = hash_bytes(h, &dd->DisplaySize, sizeof dd->DisplaySize);
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        const ImDrawList* cl = dd->CmdLists[i];
        h = hash_bytes(h, cl->VtxBuffer.Data, (size_t)cl->VtxBuffer.Size * sizeof(ImDrawVert));
        h = hash_bytes(h, cl->IdxBuffer.Data, (size_t)cl->IdxBuffer.Size * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : cl->CmdBuffer) {
            h = hash_bytes(h, &c.ClipRect, sizeof c.ClipRect);
            h = hash_bytes(h, &c.TextureId, sizeof c.TextureId);
            h = hash_bytes(h, &c.VtxOffset, sizeof c.VtxOffset);
            h = hash_bytes(h, &c.IdxOffset, sizeof c.IdxOffset);
            h = hash_bytes(h, &c.ElemCount, sizeof c.ElemCount);
        }
    }
    return h;
}

// Code points on screen now: used to refill the glyph area when it is full.
void essentials(std::vector<uint32_t>& out) {
    std::string text = ui::static_text();
    for (const sem::Node& n : sem::last_frame()) text += n.label;
    // Decode into code points (glyphs::want_utf8 would queue them; here we only list them).
    const unsigned char* p = (const unsigned char*)text.data();
    const unsigned char* end = p + text.size();
    while (p < end) {
        unsigned c = *p;
        int n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (n < 0 || end - p <= n) {
            ++p;
            continue;
        }
        uint32_t cp = n ? (c & (0x3F >> n)) : c;
        for (int i = 1; i <= n; ++i) cp = (cp << 6) | (p[i] & 0x3F);
        out.push_back(cp);
        p += n + 1;
    }
}

// =============================================================================================
// [SECTION] Frame
// =============================================================================================

void frame() {
    App& a = g_app;
    ImGuiIO& io = ImGui::GetIO();
    double now = emscripten_get_now();
    io.DeltaTime = a.last_time > 0 ? (float)std::fmin(std::fmax((now - a.last_time) / 1000.0, 1e-4), 0.1) : 1 / 60.f;
    a.last_time = now;

    update_canvas();

    // The URL changed (back/forward, a typed or shared link).
    if (a.location_changed) {
        a.location_changed = false;
        Route r = parse_route(location_hash());
        if (!(r == a.runtime->state().route)) a.runtime->dispatch(Navigate{r, true});
    }
    web::fetch_transport().drain();
    web::input::begin_frame(now);
    if (glyphs::flush()) a.force_render = true;
    a.viewport.pull_px = web::input::pull_px();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    web::input::after_new_frame();
    sem::begin_frame();
    ui::draw(a.runtime->state(), a.viewport, a.actions);
    sem::end_frame();
    ImGui::Render();

    // Draw only when the picture changed: an unchanged canvas costs the browser nothing,
    // which matters on phones (battery) and with software GL (a full-screen composite each frame).
    uint64_t h = hash_draw_data(ImGui::GetDrawData());
    if (a.force_render || h != a.drawn_hash) {
        a.force_render = false;
        a.drawn_hash = h;
        ++a.renders;
        glViewport(0, 0, a.fb_w, a.fb_h);
        ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }

    web::input::end_frame();

    std::vector<Action> actions;
    actions.swap(a.actions);
    if (web::input::take_refresh()) actions.push_back(Refresh{});
    for (const Action& act : actions) a.runtime->dispatch(act);

    // Anything on screen whose glyphs are missing gets them before the next frame.
    if (sem::frame_version() != a.sem_version) {
        a.sem_version = sem::frame_version();
        for (const sem::Node& n : sem::last_frame()) glyphs::want_utf8(n.label);
        zygc_js_semantics_changed();
    }

    double spent = emscripten_get_now() - now;
    a.frame_ms = a.frame_ms > 0 ? a.frame_ms * 0.9 + spent * 0.1 : spent;
    ++a.frame;
    if (a.frame == 1) zygc_js_frame_event(1);
    if (!a.ready && ((a.frame >= 2 && !sem::last_frame().empty()) || a.frame >= 30)) {
        a.ready = true;
        zygc_js_frame_event(2);
    }
}

}  // namespace

// =============================================================================================
// [SECTION] Exports for the shell (test bridge)
// =============================================================================================

extern "C" {

EMSCRIPTEN_KEEPALIVE void zygc_on_location() { g_app.location_changed = true; }

// window.zygc.semantics(): last frame's widgets, CSS px.
EMSCRIPTEN_KEEPALIVE const char* zygc_semantics_json() {
    g_app.sem_json = sem::to_json(g_app.dpr);
    return g_app.sem_json.c_str();
}

// window.zygc.route(): "#/projects/12".
EMSCRIPTEN_KEEPALIVE const char* zygc_route() {
    g_app.route_str = g_app.runtime ? route_hash(g_app.runtime->state().route) : "";
    return g_app.route_str.c_str();
}

// window.zygc.debug(): platform counters for tests and diagnostics.
EMSCRIPTEN_KEEPALIVE const char* zygc_debug_json() {
    static std::string s;
    glyphs::Stats st = glyphs::stats();
    char buf[512];
    snprintf(buf, sizeof buf,
             "{\"frame\":%d,\"dpr\":%g,\"fb_w\":%d,\"fb_h\":%d,\"glyphs\":%d,\"atlas_w\":%d,\"atlas_h\":%d,"
             "\"glyph_area_w\":%d,\"glyph_area_h\":%d,\"glyph_area_used_h\":%d,\"glyph_evictions\":%d,"
             "\"fetch_in_flight\":%d,\"scrolling\":%s,\"pull_px\":%.1f,\"want_text_input\":%s,\"frame_ms\":%.2f,\"renders\":%d,\"font_texture\":%d}",
             g_app.frame, g_app.dpr, g_app.fb_w, g_app.fb_h, st.glyphs, st.atlas_w, st.atlas_h, st.area_w, st.area_h,
             st.used_h, st.evictions, web::fetch_transport().in_flight(), web::input::scrolling() ? "true" : "false",
             web::input::pull_px() / (g_app.dpr > 0 ? g_app.dpr : 1),
             ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? "true" : "false", g_app.frame_ms, g_app.renders,
             ImGui::GetCurrentContext() ? (int)(intptr_t)ImGui::GetIO().Fonts->TexID : 0);
    s = buf;
    return s.c_str();
}

// window.zygc.glyph(cp): 1 when the atlas has a glyph for the code point, 2 when queued.
EMSCRIPTEN_KEEPALIVE int zygc_glyph_state(int cp) { return glyphs::state((uint32_t)cp); }

}  // extern "C"

// =============================================================================================
// [SECTION] main
// =============================================================================================

int main() {
    App& a = g_app;

    EmscriptenWebGLContextAttributes attr;
    emscripten_webgl_init_context_attributes(&attr);
    attr.majorVersion = 2;
    attr.minorVersion = 0;
    attr.alpha = false;
    attr.depth = false;
    attr.stencil = false;
    attr.antialias = false;
    attr.premultipliedAlpha = true;
    a.gl = emscripten_webgl_create_context("#canvas", &attr);
    if (a.gl <= 0) {
        EM_ASM({
            if (Module.zygcFatal) Module.zygcFatal('WebGL2 不可用 (WebGL2 is not available)');
        });
        return 1;
    }
    emscripten_webgl_make_context_current(a.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ui::create_context();  // the views' state (ui/context.h); like ImGui's, it lives as long as the page
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    web::input::install();
    glyphs::set_essentials(essentials);

    update_canvas();  // theme and atlas for the current scale
    glyphs::want_utf8(ui::static_text());
    for (uint32_t cp = 0x20; cp < 0x7F; ++cp) glyphs::want(cp);
    glyphs::want_utf8("…·—“”‘’，。：；！？（）《》、￥¥°×÷±→←↑↓✓✔★☆●○");
    glyphs::flush();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    Runtime::Host host;
    host.set_hash = [](const std::string& hash) { zygc_js_set_hash(hash.c_str()); };
    host.go_back = [](const std::string& fallback) { zygc_js_go_back(fallback.c_str()); };
    host.save_settings = [](const Settings& st) { zygc_js_save_settings(st.care_mode, st.lang.c_str()); };
    a.runtime = std::make_unique<Runtime>(web::fetch_transport(), std::move(host));
    const std::string code = take_js_string(zygc_js_take_wechat_code());
    const Route first = parse_route(location_hash());
    zygc_js_init_history(route_hash(parent_route(first)).c_str());
    zygc_js_listen_history();
    uint32_t seed[2] = {0, 0};
    zygc_js_random(seed);
    Settings settings = load_settings();
    zygc_js_save_settings(settings.care_mode, settings.lang.c_str());  // <html lang>
    a.runtime->start(first, (uint64_t(seed[0]) << 32) | seed[1], settings);
    if (!code.empty()) a.runtime->dispatch(WechatCode{code});

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
