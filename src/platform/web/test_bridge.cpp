// Exports for window.zygc (shell/zygc-bridge.js). Each returns a string owned here, valid
// until the next call of the same export.
#include "platform/web/test_bridge.h"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/route.h"
#include "core/runtime.h"
#include "imgui.h"
#include "platform/web/fetch.h"
#include "platform/web/glyphs.h"
#include "platform/web/input.h"
#include "platform/web/save_image.h"
#include "platform/web/scanner.h"
#include "ui/context.h"
#include "ui/line_break.h"
#include "ui/semantics.h"
#include "ui/text_input.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"

namespace zygc::web::bridge {
namespace {
const Runtime* g_runtime = nullptr;
FrameStats g_stats;
}  // namespace

void attach(const Runtime* runtime) { g_runtime = runtime; }
void publish(const FrameStats& stats) { g_stats = stats; }

}  // namespace zygc::web::bridge

using zygc::web::bridge::g_runtime;
using zygc::web::bridge::g_stats;

extern "C" {

// window.zygc.semantics(): last frame's widgets, CSS px.
EMSCRIPTEN_KEEPALIVE const char* zygc_semantics_json() {
    static std::string s;
    s = zygc::sem::to_json(g_stats.dpr);
    return s.c_str();
}

// window.zygc.route(): "#/projects/12".
EMSCRIPTEN_KEEPALIVE const char* zygc_route() {
    static std::string s;
    s = g_runtime ? zygc::route_hash(g_runtime->state().route) : "";
    return s.c_str();
}

// window.zygc.frame(): frames run so far; tests wait for it to advance rather than sleep.
EMSCRIPTEN_KEEPALIVE int zygc_frame() { return g_stats.frame; }

// window.zygc.debug(): platform counters for tests and diagnostics.
EMSCRIPTEN_KEEPALIVE const char* zygc_debug_json() {
    namespace web = zygc::web;
    static std::string s;
    const web::glyphs::Stats st = web::glyphs::stats();
    const web::input::Counters in = web::input::counters();
    const float css = g_stats.dpr > 0 ? g_stats.dpr : 1;  // framebuffer px per CSS px
    const bool imgui = ImGui::GetCurrentContext() != nullptr;
    char buf[1024];
    snprintf(buf, sizeof buf,
             "{\"frame\":%d,\"dpr\":%g,\"fb_w\":%d,\"fb_h\":%d,\"glyphs\":%d,\"atlas_w\":%d,\"atlas_h\":%d,"
             "\"glyph_area_w\":%d,\"glyph_area_h\":%d,\"glyph_area_used_h\":%d,\"glyph_evictions\":%d,"
             "\"fetch_in_flight\":%d,\"scrolling\":%s,\"pull_px\":%.1f,\"pull_threshold\":%g,"
             "\"input_queued\":%d,\"gestures_ended\":%d,\"gesture\":\"%s\","
             "\"want_text_input\":%s,\"frame_ms\":%.2f,\"renders\":%d,\"font_texture\":%d,"
             "\"glyph_px\":%g,\"font_size\":%g,\"zoom\":%g,\"host_zoom\":%g}",
             g_stats.frame, g_stats.dpr, g_stats.fb_w, g_stats.fb_h, st.glyphs, st.atlas_w, st.atlas_h, st.area_w,
             st.area_h, st.used_h, st.evictions, web::fetch_transport().in_flight(),
             web::input::scrolling() ? "true" : "false", web::input::pull_px() / css, zygc::ui::kPullRefreshCss,
             in.queued, in.gestures_ended, in.gesture, imgui && ImGui::GetIO().WantTextInput ? "true" : "false",
             g_stats.frame_ms, g_stats.renders, imgui ? (int)(intptr_t)ImGui::GetIO().Fonts->TexID : 0,
             st.font_px, imgui ? ImGui::GetFont()->FontSize * ImGui::GetIO().FontGlobalScale : 0.0f,
             zygc::ui::current_context() ? zygc::ui::text_zoom() : 1.0f, web::input::host_zoom());
    s = buf;
    return s.c_str();
}

// window.zygc.glyph(cp): 1 when the atlas has a glyph for the code point, 2 when queued.
EMSCRIPTEN_KEEPALIVE int zygc_glyph_state(int cp) { return zygc::web::glyphs::state((uint32_t)cp); }

// look: window.zygc.lineBreaks(): the last frame's wrapped-line breaks (the layout test checks
// 禁则 on them); the first call turns the recording on.
EMSCRIPTEN_KEEPALIVE const char* zygc_line_breaks_json() {
    static std::string s;
    zygc::ui::linebreak::record(true);
    s = zygc::ui::linebreak::breaks_json();
    return s.c_str();
}

// window.zygc.field(): the active text field's content, composition included.
EMSCRIPTEN_KEEPALIVE const char* zygc_field_text() {
    static std::string s;
    s = zygc::ui::text_input::active_text();
    return s.c_str();
}

// qr: test hooks until the check-in screen and the certificate screen dispatch these.
// window.zygc.debugScanner(start): start=1 performs StartScan as the store would; answers
// the scanner's status {"open","scanned","failed"} (scanner.h).
EMSCRIPTEN_KEEPALIVE const char* zygc_debug_scanner(int start) {
    static std::string s;
    if (start) zygc::web::scanner::handle(zygc::Effect{zygc::StartScan{}});
    s = zygc::web::scanner::status_json();
    return s.c_str();
}

// window.zygc.debugSaveImage(json, name): performs SaveImage{"certificate", json, name}.
EMSCRIPTEN_KEEPALIVE void zygc_debug_save_image(const char* json, const char* name) {
    zygc::web::save_image::handle(zygc::Effect{zygc::SaveImage{"certificate", json, name}});
}

}  // extern "C"
