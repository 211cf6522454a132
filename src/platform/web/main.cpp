// The app in the browser: WebGL2 canvas, ImGui + its GLES3 renderer, the store runtime with
// the fetch transport, and the frame loop (requestAnimationFrame). Its neighbours: input.cpp
// (DOM events → ImGui; touch decisions in ui/touch_gesture), history.cpp (the URL and back),
// test_bridge.cpp (window.zygc), fetch.cpp (HTTP), glyphs.cpp (the browser draws the glyphs).
// [SECTION] JS shims
// [SECTION] Canvas and scale
// [SECTION] Frame
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
#include "platform/web/durable.h"
#include "platform/web/history.h"
#include "platform/web/location.h"
#include "platform/web/input.h"
#include "platform/web/js_string.h"
#include "platform/web/test_bridge.h"
#include "ui/app.h"
#include "ui/semantics.h"

// =============================================================================================
// [SECTION] JS shims
// =============================================================================================

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

// The semantics tree changed: the shell rebuilds the screen-reader mirror (throttled there).
EM_JS(void, zygc_js_semantics_changed, (), {
    if (Module.zygcSemanticsChanged) Module.zygcSemanticsChanged();
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
    uint64_t sem_version = 0;
    int frame = 0;
    bool ready = false;
    double last_time = 0;
    double frame_ms = 0;  // CPU time of the last frame (smoothed)
    uint64_t drawn_hash = 0;  // of the draw data last rendered
    bool force_render = true;
    int renders = 0;
};

App g_app;

using web::take_js_string;

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
    if (web::history::take_changed()) {
        Route r = parse_route(web::history::location_hash());
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
    web::location::drain(actions);  // attendance: Located, LocateFailed, Tick, Online
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
    web::bridge::publish({a.frame, a.dpr, a.fb_w, a.fb_h, a.frame_ms, a.renders});
    if (a.frame == 1) zygc_js_frame_event(1);
    if (!a.ready && ((a.frame >= 2 && !sem::last_frame().empty()) || a.frame >= 30)) {
        a.ready = true;
        zygc_js_frame_event(2);
    }
}

}  // namespace

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
    web::bridge::publish({0, a.dpr, a.fb_w, a.fb_h, 0, 0});
    glyphs::want_utf8(ui::static_text());
    for (uint32_t cp = 0x20; cp < 0x7F; ++cp) glyphs::want(cp);
    glyphs::want_utf8("…·—“”‘’，。：；！？（）《》、￥¥°×÷±→←↑↓✓✔★☆●○");
    glyphs::flush();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    Runtime::Host host;
    host.set_hash = [](const std::string& hash) { web::history::push(hash); };
    host.go_back = [](const std::string& fallback) { web::history::back(fallback); };
    host.save_settings = [](const Settings& st) { zygc_js_save_settings(st.care_mode, st.lang.c_str()); };
    host.device = [](const Effect& e) {
        // attendance: durable storage (the outbox), location, the clock
        if (auto* d = std::get_if<StoreDurable>(&e)) web::durable::store(d->key, d->json);
        if (std::holds_alternative<Locate>(e)) web::location::locate();
        if (auto* t = std::get_if<WantTicks>(&e)) web::location::want_ticks(t->every_ms);
    };
    a.runtime = std::make_unique<Runtime>(web::fetch_transport(), std::move(host));
    web::bridge::attach(a.runtime.get());
    const std::string code = web::history::take_wechat_code();
    const Route first = parse_route(web::history::location_hash());
    web::history::init(route_hash(parent_route(first)));
    web::history::listen();
    uint32_t seed[2] = {0, 0};
    zygc_js_random(seed);
    Settings settings = load_settings();
    zygc_js_save_settings(settings.care_mode, settings.lang.c_str());  // <html lang>
    a.runtime->start(first, (uint64_t(seed[0]) << 32) | seed[1], settings);
    if (!code.empty()) a.runtime->dispatch(WechatCode{code});
    // attendance: the outbox stored by an earlier visit goes out again (same keys).
    a.runtime->dispatch(LoadedDurable{kOutboxKey, web::durable::load(kOutboxKey)});
    web::location::listen_online();

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
