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

// Route changes made by the app: a new history entry, without a hashchange event.
EM_JS(void, zygc_js_set_hash, (const char* hash_p), {
    var h = UTF8ToString(hash_p);
    var norm = function(s) { return (!s || s === "#" || s === "#/") ? "#/" : s; };
    if (norm(location.hash) === norm(h)) return;
    if (!location.hash && h === "#/") history.replaceState(history.state, "", h);
    else history.pushState(null, "", h);
});

EM_JS(void, zygc_js_listen_history, (), {
    var f = function() { _zygc_on_location(); };
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

std::string location_hash() {
    char* p = zygc_js_location_hash();
    std::string s = p ? p : "";
    free(p);
    return s;
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
    if (dpr != a.dpr) {
        a.dpr = dpr;
        ui::apply_theme(dpr);
        glyphs::build(ui::font_pixels(dpr));
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
    for (const Action& act : actions) a.runtime->dispatch(act);

    // Anything on screen whose glyphs are missing gets them before the next frame.
    if (sem::frame_version() != a.sem_version) {
        a.sem_version = sem::frame_version();
        for (const sem::Node& n : sem::last_frame()) glyphs::want_utf8(n.label);
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
    char buf[384];
    snprintf(buf, sizeof buf,
             "{\"frame\":%d,\"dpr\":%g,\"fb_w\":%d,\"fb_h\":%d,\"glyphs\":%d,\"atlas_w\":%d,\"atlas_h\":%d,"
             "\"glyph_area_w\":%d,\"glyph_area_h\":%d,\"glyph_area_used_h\":%d,\"glyph_evictions\":%d,"
             "\"fetch_in_flight\":%d,\"want_text_input\":%s,\"frame_ms\":%.2f,\"renders\":%d,\"font_texture\":%d}",
             g_app.frame, g_app.dpr, g_app.fb_w, g_app.fb_h, st.glyphs, st.atlas_w, st.atlas_h, st.area_w, st.area_h,
             st.used_h, st.evictions, web::fetch_transport().in_flight(),
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

    a.runtime = std::make_unique<Runtime>(web::fetch_transport(), [](const std::string& hash) {
        zygc_js_set_hash(hash.c_str());
    });
    zygc_js_listen_history();
    a.runtime->start(parse_route(location_hash()));

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
