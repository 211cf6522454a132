// The app in the browser: WebGL2 canvas, ImGui + its GLES3 renderer, the store runtime with
// the fetch transport, and the frame loop (requestAnimationFrame). Its neighbours: input.cpp
// (DOM events → ImGui; touch decisions in ui/touch_gesture), history.cpp (the URL and back),
// test_bridge.cpp (window.zygc), fetch.cpp (HTTP), glyphs.cpp (the browser draws the glyphs).
// The loop runs on demand (see [SECTION] Loop): an idle app draws no frames.
// [SECTION] JS shims
// [SECTION] Canvas and scale
// [SECTION] Frame
// [SECTION] Loop
// [SECTION] main
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/json_reader.h"
#include "core/route.h"
#include "core/runtime.h"
#include "core/settings.h"
#include "imgui.h"
#include "platform/web/fetch.h"
#include "platform/web/glyphs.h"
#include "platform/web/durable.h"
#include "platform/web/english.h"
#include "platform/web/history.h"
#include "platform/web/location.h"
#include "platform/web/renderer.h"
#include "platform/web/input.h"
#include "platform/web/images.h"
#include "platform/web/js_string.h"
#include "platform/web/save_image.h"
#include "platform/web/scanner.h"
#include "platform/web/test_bridge.h"
#include "platform/web/utf8.h"
#include "ui/app.h"
#include "ui/semantics.h"
#include "ui/zoom.h"

// =============================================================================================
// [SECTION] JS shims
// =============================================================================================

// Settings kept across visits: "care|lang|zoom" ("1|en|1.5"), "" when none saved.
EM_JS(char*, zygc_js_load_settings, (), {
    var v = "";
    try {
        var o = JSON.parse(window.localStorage.getItem("zygc.settings") || "null");
        if (o) v = (o.care_mode ? "1" : "0") + "|" + (o.lang || "zh") + "|" + (+o.zoom || 0);  // zoom
    } catch (e) {
    }
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, zygc_js_save_settings, (int care, const char* lang_p, float zoom), {
    var lang = UTF8ToString(lang_p);
    try {
        window.localStorage.setItem("zygc.settings", JSON.stringify({care_mode: !!care, lang: lang, zoom: zoom}));
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

// CSS size of the canvas, devicePixelRatio and safe-area insets (CSS px). Read again only
// after a resize of the window, the visual viewport or the canvas itself (ResizeObserver), or a
// new devicePixelRatio: reading them every frame (getBoundingClientRect, getComputedStyle) made
// the browser lay out the page inside the frame whenever the screen-reader mirror had changed.
EM_JS(void, zygc_js_canvas_metrics, (float* out), {
    var c = Module.canvas || document.getElementById("canvas");
    var M = Module.zygcMetrics;
    if (!M) {
        M = Module.zygcMetrics = {stale: true, v: [0, 0, 1, 0, 0]};
        var stale = function() { M.stale = true; if (Module.zygcWake) Module.zygcWake(); };
        window.addEventListener("resize", stale);
        if (window.visualViewport) window.visualViewport.addEventListener("resize", stale);
        if (window.ResizeObserver) new ResizeObserver(function(entries) {
            // Its first call reports the size already read: no new frame for that.
            var r = entries[entries.length - 1].contentRect;
            if (r.width !== M.v[0] || r.height !== M.v[1]) stale();
        }).observe(c);
    }
    var dpr = window.devicePixelRatio || 1;
    if (M.stale || M.v[2] !== dpr) {
        var r = c.getBoundingClientRect();
        var top = 0, bottom = 0;
        var probe = document.getElementById("zygc-safe");
        if (probe) {
            var cs = getComputedStyle(probe);
            top = parseFloat(cs.paddingTop) || 0;
            bottom = parseFloat(cs.paddingBottom) || 0;
        }
        M.v = [r.width, r.height, dpr, top, bottom];
        M.stale = false;
    }
    HEAPF32.set(M.v, out >> 2);
});

// kind 1: first frame drawn; kind 2: interactive (semantics available); kind 3: the first
// frame showing a list item (data from the API). drawn: frames drawn so far.
EM_JS(void, zygc_js_frame_event, (int kind, int drawn), {
    if (Module.zygcFrameEvent) Module.zygcFrameEvent(kind, drawn);
});

// look: the mouse pointer over the canvas: 1 over what can be tapped (pointer), 2 over a text
// field (text), 0 elsewhere (the default arrow). Touch has no hover; nothing changes there.
EM_JS(void, zygc_js_set_cursor, (int kind), {
    var c = Module.canvas || document.getElementById("canvas");
    c.style.cursor = kind == 1 ? "pointer" : kind == 2 ? "text" : "";
});

// Any DOM event that may change what the app shows wakes the loop (capture phase, passive:
// it only asks for a frame; input.cpp and history.cpp handle the events themselves).
EM_JS(void, zygc_js_install_wake, (), {
    var wake = function() { if (Module.calledRun) Module.ccall("zygc_wake", null, [], []); };
    Module.zygcWake = wake;
    var types = ["pointerdown", "pointermove", "pointerup", "pointercancel", "touchstart", "touchmove", "touchend",
                 "touchcancel", "mousedown", "mousemove", "mouseup", "wheel", "keydown", "keyup", "input",
                 "compositionstart", "compositionupdate", "compositionend", "focus", "blur", "resize",
                 "hashchange", "popstate", "visibilitychange", "paste", "copy", "cut", "pageshow"];
    for (var i = 0; i < types.length; i++) window.addEventListener(types[i], wake, {capture: true, passive: true});
    if (window.visualViewport) window.visualViewport.addEventListener("resize", wake);
});

namespace {

using namespace zygc;
namespace glyphs = zygc::web::glyphs;

struct App {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::unique_ptr<Runtime> runtime;
    float dpr = 0;        // scale the theme and glyphs are built for
    bool care = false;    // 关怀版: the glyphs are built 1.5× larger
    float zoom = 0;       // zoom: the text zoom the glyphs are built for
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
    bool data_marked = false;  // kind 3 sent
    // The loop (first-visit): frames since the picture or the state last changed, and when.
    int quiet_frames = 0;
    double changed_at = 0;
    bool raf_pending = false;    // a requestAnimationFrame is pending
    bool timer_pending = false;  // a watch timer is pending
    bool asleep = false;         // neither: nothing runs until zygc_wake()
    int cursor = 0;              // look: the CSS cursor last set on the canvas (zygc_js_set_cursor)
    bool held = false;           // first-visit: the last frame was not shown (glyphs were missing)
    double ready_at = 0;
};

App g_app;

using web::take_js_string;

Settings load_settings() {
    Settings st;
    std::string v = take_js_string(zygc_js_load_settings());
    if (v.size() >= 3 && v[1] == '|') {
        st.care_mode = v[0] == '1';
        const size_t bar = v.find('|', 2);  // zoom: "|zoom" follows the language
        st.lang = v.substr(2, bar == std::string::npos ? std::string::npos : bar - 2) == "en" ? "en" : "zh";
        // Read as a JSON number (core/json_reader): std::strtof would bring strtod's long-double
        // arithmetic into the code every return visit runs first (first-visit-functions.txt).
        double zoom = 0;
        JsonReader number(std::string_view(v).substr(bar == std::string::npos ? v.size() : bar + 1));
        if (number.read(zoom) && number.finish()) st.zoom = settings::clamp_zoom((float)zoom);
    }
    return st;
}

// =============================================================================================
// [SECTION] Canvas and scale
// =============================================================================================

// The canvas's size in device pixels from its CSS size and the DPR (m: zygc_js_canvas_metrics),
// set when it changed (which clears the canvas).
void size_canvas(const float m[5]) {
    App& a = g_app;
    const float css_w = m[0], css_h = m[1], dpr = m[2] > 0 ? m[2] : 1;
    const int fb_w = std::max(1, (int)std::lround(css_w * dpr)), fb_h = std::max(1, (int)std::lround(css_h * dpr));
    if (fb_w == a.fb_w && fb_h == a.fb_h && css_w == a.css_w && css_h == a.css_h) return;
    a.fb_w = fb_w;
    a.fb_h = fb_h;
    a.css_w = css_w;
    a.css_h = css_h;
    // Setting a canvas's size, even to the one it has, makes its drawing buffer again.
    int now_w = 0, now_h = 0;
    emscripten_get_canvas_element_size("#canvas", &now_w, &now_h);
    if (now_w != fb_w || now_h != fb_h) emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
    a.force_render = true;
}

// Backing store = CSS size × devicePixelRatio (physical pixels). A new scale rebuilds the
// theme and the glyph atlas.
void update_canvas() {
    float m[5] = {0, 0, 1, 0, 0};
    zygc_js_canvas_metrics(m);
    size_canvas(m);
    App& a = g_app;
    const float css_w = m[0], dpr = m[2] > 0 ? m[2] : 1;
    const int fb_w = a.fb_w, fb_h = a.fb_h;
    const bool care = a.runtime && a.runtime->state().settings.care_mode;
    // zoom: the text zoom in effect (the host's text size until the user sets one). During a
    // zoom gesture the glyphs stay as built (draw() scales them); at rest they are built again.
    a.viewport.host_zoom = web::input::host_zoom();
    a.viewport.zoom_live = web::input::zoom_live();
    a.viewport.zoom_focus_x = web::input::zoom_focus_x();
    a.viewport.zoom_focus_y = web::input::zoom_focus_y();
    const float zoom = a.viewport.zoom_live > 0 || !a.runtime ? (a.zoom > 0 ? a.zoom : 1.0f)
                                                             : ui::zoom_for(a.runtime->state().settings, a.viewport);
    if (dpr != a.dpr || care != a.care || zoom != a.zoom) {
        a.dpr = dpr;
        a.care = care;
        a.zoom = zoom;
        ui::apply_theme(dpr);
        glyphs::build(ui::font_pixels(dpr, care, zoom), ui::type::Title / ui::type::Body);  // look: + headings' face
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
    glyphs::want_later_utf8(ui::static_text());  // the rest of the UI's text, in idle time
    for (const sem::Node& n : sem::last_frame()) web::for_each_code_point(n.label, [&](uint32_t cp) { out.push_back(cp); });
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

    // zoom: a finished zoom gesture's level is kept (and saved) before this frame is drawn.
    if (const float z = web::input::take_zoom(); z > 0 && a.runtime) {
        Settings next = a.runtime->state().settings;
        next.zoom = z;
        a.runtime->dispatch(SetSettings{next});
    }

    update_canvas();

    // The URL changed (back/forward, a typed or shared link).
    if (web::history::take_changed()) {
        Route r = parse_route(web::history::location_hash());
        if (!(r == a.runtime->state().route)) a.runtime->dispatch(Navigate{r, true});
    }
    // Network answers wait while a press is on its way: the frame that handles a tap must lay
    // out what the volunteer saw when touching (an answer that moves the code field down in
    // that very frame would put the tap on 扫码签到, with the keyboard already open).
    const int answers = web::input::press_pending() ? 0 : web::fetch_transport().drain();
    const int queued = web::input::counters().queued;
    web::input::begin_frame(now);
    if (glyphs::flush()) a.force_render = true;
    a.viewport.pull_px = web::input::pull_px();

    ImGui::NewFrame();
    web::input::after_new_frame();
    sem::begin_frame();
    ui::draw(a.runtime->state(), a.viewport, a.actions);
    sem::end_frame();
    // Anything on screen whose glyphs are missing gets them before the next frame.
    const bool new_labels = sem::frame_version() != a.sem_version;
    if (new_labels) {
        a.sem_version = sem::frame_version();
        for (const sem::Node& n : sem::last_frame()) {
            glyphs::want_utf8(n.label);
            if (n.role == sem::Role::Heading) glyphs::want_title_utf8(n.label);  // look: headings' own size
        }
        zygc_js_semantics_changed();
    }
    // first-visit (issue 11): a layout whose text has blanks is not shown; the next frame, with
    // the glyphs, is. Once in a row: glyphs that fit no atlas must not stop the drawing.
    const bool hold = glyphs::pending() && !a.held;
    a.held = hold;
    if (hold) a.force_render = true;
    // look: every hoverable item of the app is tappable (text is laid out without an id).
    const int cursor = ImGui::GetMouseCursor() == ImGuiMouseCursor_TextInput ? 2 : ImGui::IsAnyItemHovered() ? 1 : 0;
    if (cursor != a.cursor) zygc_js_set_cursor(a.cursor = cursor);
    ImGui::Render();

    // Draw only when the picture changed: an unchanged canvas costs the browser nothing,
    // which matters on phones (battery) and with software GL (a full-screen composite each frame).
    uint64_t h = hash_draw_data(ImGui::GetDrawData());
    bool changed = answers > 0 || queued > 0 || a.force_render || h != a.drawn_hash || !a.actions.empty() || new_labels;
    const bool draw = !hold && (a.force_render || h != a.drawn_hash);
    if (draw) {
        a.force_render = false;
        a.drawn_hash = h;
        ++a.renders;
        glViewport(0, 0, a.fb_w, a.fb_h);
        ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        web::renderer::render(ImGui::GetDrawData(), a.fb_w, a.fb_h);
    }

    web::input::end_frame();

    std::vector<Action> actions;
    actions.swap(a.actions);
    if (web::input::take_refresh()) actions.push_back(Refresh{});
    web::location::drain(actions);  // attendance: Located, LocateFailed, Tick, Online
    web::images::drain(actions);    // images (issue 10): ImageLoaded, ImageFailed
    web::english::drain(actions);   // LanguageUnavailable
    // The clock, read once before anything the volunteer or a device did is handled: a
    // check-in/out is dated when it happened, not at the last periodic Tick (which is up to a
    // second old, and minutes old when the phone slept or the page was hidden: timers are
    // throttled or frozen there, and the first tap after waking comes before the next Tick).
    // The periodic Ticks that arrived meanwhile are older than this reading and are dropped.
    if (!actions.empty()) {
        std::erase_if(actions, [](const Action& act) { return std::holds_alternative<Tick>(act); });
        a.runtime->dispatch(Tick{static_cast<int64_t>(emscripten_date_now())});
    }
    for (const Action& act : actions) a.runtime->dispatch(act);

    double spent = emscripten_get_now() - now;
    a.frame_ms = a.frame_ms > 0 ? a.frame_ms * 0.9 + spent * 0.1 : spent;
    ++a.frame;
    web::bridge::publish({a.frame, a.dpr, a.fb_w, a.fb_h, a.frame_ms, a.renders});
    if (changed) {
        a.quiet_frames = 0;
        a.changed_at = now;
    } else {
        ++a.quiet_frames;
    }
    if (draw && a.renders == 1) zygc_js_frame_event(1, a.renders);
    if (!a.data_marked && !hold) {
        for (const sem::Node& n : sem::last_frame()) {
            if (n.role != sem::Role::ListItem) continue;
            a.data_marked = true;
            zygc_js_frame_event(3, a.renders);
            break;
        }
    }
    if (!a.ready && ((a.frame >= 2 && !sem::last_frame().empty()) || a.frame >= 30)) {
        a.ready = true;
        a.ready_at = now;
        zygc_js_frame_event(2, a.renders);
    }
    // first-visit: the rest of the UI's glyphs once the first data is on screen (or a second
    // after a first screen without a list).
    if (a.data_marked || (a.ready && now - a.ready_at > 1000)) glyphs::allow_later();
}

// =============================================================================================
// [SECTION] Loop
// =============================================================================================
// Frames on demand instead of a perpetual 60 Hz loop: a frame is requested by input (any DOM
// event on the page wakes the loop), by network answers (the loop runs while requests are in
// flight), by the app itself while something moves (the picture or the semantics changed in
// the last few frames, a scroll or fling, a focused text field, glyphs to draw) and by
// zygc_wake() (device callbacks, timers, the test bridge). For a while after the last change
// it still looks 4 times a second, so clocks and countdowns on screen keep going; then it
// sleeps until woken.
constexpr int kSettleFrames = 6;        // ImGui settles hover and layout within a few frames
constexpr double kWatchMs = 2000;       // after the last change, look now and then this long
constexpr int kWatchIntervalMs = 250;

void schedule();

EM_BOOL on_animation_frame(double, void*) {
    g_app.raf_pending = false;
    frame();
    // The first layout, held for its glyphs, is laid out again at once, with them: waiting for
    // the next animation frame let the browser present the canvas in between (its empty
    // drawing buffer: with software compositing a full-canvas readback, ~0.5 s of a throttled
    // phone's first frame). Later held frames wait for the next one, as the canvas is
    // unchanged then and the two layouts in one callback were the dearest frames of a fling.
    if (g_app.held && g_app.renders == 0) frame();
    schedule();
    return EM_FALSE;
}

void request_frame() {
    App& a = g_app;
    a.asleep = false;
    if (a.raf_pending) return;
    a.raf_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_watch_timer(void*) {
    g_app.timer_pending = false;
    request_frame();
}

bool busy() {
    const App& a = g_app;
    return a.force_render || web::fetch_transport().in_flight() > 0 || web::input::scrolling() || web::input::busy() ||
           web::input::counters().queued > 0 || web::input::pull_px() > 0 || ImGui::GetIO().WantTextInput ||
           a.quiet_frames < kSettleFrames || !a.ready;
}

void schedule() {
    App& a = g_app;
    if (a.raf_pending) return;
    if (busy()) {
        request_frame();
    } else if (emscripten_get_now() - a.changed_at < kWatchMs) {
        if (!a.timer_pending) {
            a.timer_pending = true;
            emscripten_set_timeout(on_watch_timer, kWatchIntervalMs, nullptr);  // not emscripten_async_call: it links all of emscripten's Browser object
        }
    } else if (!a.timer_pending) {
        a.asleep = true;
    }
}

}  // namespace

// A frame soon, and a few after it (Module.zygcWake() from JS).
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_wake() {
    g_app.quiet_frames = 0;
    g_app.changed_at = emscripten_get_now();
    request_frame();
}

extern "C" void zygc_look_again() { request_frame(); }

// The loop's state for window.zygc.loop() (does not wake it): frames so far, and whether it sleeps.
extern "C" EMSCRIPTEN_KEEPALIVE int zygc_loop_frames() { return g_app.frame; }
extern "C" EMSCRIPTEN_KEEPALIVE int zygc_loop_asleep() { return g_app.asleep ? 1 : 0; }

// =============================================================================================
// [SECTION] main
// =============================================================================================

int main() {
    App& a = g_app;

    // first-visit (issue 11): the canvas has its size before its context is made: a drawing
    // buffer made at 300×150 and then resized costs a throttled phone ~0.1 s.
    float m[5] = {0, 0, 1, 0, 0};
    zygc_js_canvas_metrics(m);
    size_canvas(m);

    EmscriptenWebGLContextAttributes attr;
    emscripten_webgl_init_context_attributes(&attr);
    attr.majorVersion = 2;
    attr.minorVersion = 0;
    attr.alpha = false;
    attr.depth = false;
    attr.stencil = false;
    attr.antialias = false;
    attr.premultipliedAlpha = true;
    attr.enableExtensionsByDefault = EM_FALSE;  // none used; asking for each costs a throttled phone ~0.2 s
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

    if (!web::renderer::init()) {
        EM_ASM({
            if (Module.zygcFatal) Module.zygcFatal('WebGL2 着色器不可用 (WebGL2 shaders failed)');
        });
        return 1;
    }
    update_canvas();  // theme and atlas for the current scale
    web::bridge::publish({0, a.dpr, a.fb_w, a.fb_h, 0, 0});
    // first-visit (issue 11): the first screen's text is wanted by its labels (its first layout
    // is laid out again at once with them, in the same animation frame); Latin, punctuation and
    // the rest of the UI's text come in idle time after the first data.
    std::string later;
    for (char c = 0x20; c < 0x7F; ++c) later += c;
    later += "…·—“”‘’，。：；！？（）《》、￥¥°×÷±→←↑↓✓✔★☆●○";
    glyphs::want_later_utf8(later);
    glyphs::set_later_text(ui::static_text);
    glyphs::flush();

    Runtime::Host host;
    host.set_hash = [](const std::string& hash) { web::history::push(hash); };
    host.replace_hash = [](const std::string& hash) { web::history::replace(hash); };  // search typing
    host.go_back = [](const std::string& fallback) { web::history::back(fallback); };
    host.save_settings = [](const Settings& st) {
        zygc_js_save_settings(st.care_mode, st.lang.c_str(), st.zoom);
        if (st.lang == "en") web::english::want();
    };
    host.device = [](const Effect& e) {
        // qr: the camera scanner (StartScan/StopScan) and SaveImage.
        if (web::scanner::handle(e) || web::save_image::handle(e)) return;
        // attendance: durable storage (the outbox), location, the clock
        if (auto* d = std::get_if<StoreDurable>(&e)) web::durable::store(d->key, d->json);
        if (std::holds_alternative<Locate>(e)) web::location::locate();
        if (auto* t = std::get_if<WantTicks>(&e)) web::location::want_ticks(t->owner, t->every_ms);
        web::images::handle(e);  // images (issue 10): LoadImage, FreeImage
    };
    // qr: scan results join the frame loop's action queue.
    web::scanner::install([](Action act) { g_app.actions.push_back(std::move(act)); });
    a.runtime = std::make_unique<Runtime>(web::fetch_transport(), std::move(host));
    web::bridge::attach(a.runtime.get());
    const std::string code = web::history::take_wechat_code();
    const Route first = parse_route(web::history::location_hash());
    web::history::init(route_hash(parent_route(first)));
    web::history::listen();
    uint32_t seed[2] = {0, 0};
    zygc_js_random(seed);
    Settings settings = load_settings();
    zygc_js_save_settings(settings.care_mode, settings.lang.c_str(), settings.zoom);  // <html lang>
    if (settings.lang == "en") web::english::want();
    a.runtime->start(first, (uint64_t(seed[0]) << 32) | seed[1], settings);
    if (!code.empty()) a.runtime->dispatch(WechatCode{code});
    // attendance: the outbox stored by an earlier visit goes out again (same keys).
    a.runtime->dispatch(LoadedDurable{kOutboxKey, web::durable::load(kOutboxKey)});
    web::location::listen_online();

    zygc_js_install_wake();
    zygc_wake();
    return 0;
}
