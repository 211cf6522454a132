#include "platform/web/scanner.h"
#include "platform/web/wake.h"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>

namespace {

// Loads zygc-camera.js once (a script tag), then opens the overlay. The overlay answers
// through _zygc_scanner_result.
EM_JS(void, zygc_js_scan_start, (), {
    var go = function() {
        window.zygcCamera.open(function(ok, text) {
            Module.ccall("zygc_scanner_result", null, [ "number", "string" ], [ ok ? 1 : 0, text ]);
        });
    };
    if (window.zygcCamera) return go();
    var s = document.createElement("script");
    s.src = "zygc-camera.js";
    s.onload = go;
    s.onerror = function() {
        s.remove();
        Module.ccall("zygc_scanner_result", null, [ "number", "string" ], [ 0, "load_failed" ]);
    };
    document.head.appendChild(s);
});

EM_JS(void, zygc_js_scan_stop, (), {
    if (window.zygcCamera) window.zygcCamera.close();
});

std::function<void(zygc::Action)> g_dispatch;
bool g_open = false;
std::string g_scanned, g_failed;

}  // namespace

namespace zygc::web::scanner {

void install(std::function<void(Action)> dispatch) { g_dispatch = std::move(dispatch); }

bool handle(const Effect& effect) {
    if (std::holds_alternative<StartScan>(effect)) {
        if (!g_open) {
            g_open = true;
            zygc_js_scan_start();
        }
        return true;
    }
    if (std::holds_alternative<StopScan>(effect)) {
        if (g_open) {
            g_open = false;
            zygc_js_scan_stop();
        }
        return true;
    }
    return false;
}

std::string status_json() {
    return nlohmann::json{{"open", g_open}, {"scanned", g_scanned}, {"failed", g_failed}}.dump();
}

}  // namespace zygc::web::scanner

extern "C" {

// The overlay's answer: ok=1 with the decoded text, ok=0 with a ScanFailed reason.
EMSCRIPTEN_KEEPALIVE void zygc_scanner_result(int ok, const char* text) {
    if (!g_open) return;  // StopScan came first: nobody is waiting any more
    g_open = false;
    if (ok) {
        g_scanned = text;
        if (g_dispatch) g_dispatch(zygc::Scanned{g_scanned});
    } else {
        g_failed = text;
        if (g_dispatch) g_dispatch(zygc::ScanFailed{g_failed});
    }
    zygc_wake();
}

}  // extern "C"
