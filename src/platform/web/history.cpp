#include "platform/web/history.h"

#include <emscripten/emscripten.h>

#include "platform/web/js_string.h"

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
    var st = history.state && typeof history.state.zygc === "number" ? history.state.zygc : 0;
    if (!location.hash && h === "#/") history.replaceState({zygc: st}, "", h);
    else history.pushState({zygc: st + 1}, "", h);
    if (Module.zygcRouteChanged) Module.zygcRouteChanged(h);
});

// search typing: the list's search changed: the current entry's URL follows, no new entry.
EM_JS(void, zygc_js_replace_hash, (const char* hash_p), {
    var h = UTF8ToString(hash_p);
    if ((location.hash || "#/") === h) return;
    history.replaceState(history.state, "", location.pathname + location.search + h);
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

EM_JS(void, zygc_js_listen_history, (), {
    var f = function() {
        _zygc_on_location();
        if (Module.zygcRouteChanged) Module.zygcRouteChanged(location.hash || "#/");
    };
    window.addEventListener("hashchange", f);
    window.addEventListener("popstate", f);
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

namespace zygc::web::history {
namespace {
bool g_changed = false;  // set from JS (zygc_on_location), taken by the frame loop
}

std::string location_hash() { return take_js_string(zygc_js_location_hash()); }
void init(const std::string& parent_hash) { zygc_js_init_history(parent_hash.c_str()); }
void listen() { zygc_js_listen_history(); }
void push(const std::string& hash) { zygc_js_set_hash(hash.c_str()); }
void replace(const std::string& hash) { zygc_js_replace_hash(hash.c_str()); }
void back(const std::string& fallback_hash) { zygc_js_go_back(fallback_hash.c_str()); }
std::string take_wechat_code() { return take_js_string(zygc_js_take_wechat_code()); }

bool take_changed() {
    const bool c = g_changed;
    g_changed = false;
    return c;
}

}  // namespace zygc::web::history

// From the listeners above: the URL changed (back/forward, a typed or shared link).
extern "C" EMSCRIPTEN_KEEPALIVE void zygc_on_location() { zygc::web::history::g_changed = true; }
