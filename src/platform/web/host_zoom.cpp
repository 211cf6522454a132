// input.h's host_zoom(): the host's text size (browser, WeChat) as a zoom level, read by JS.
#include <emscripten/emscripten.h>

#include "platform/web/input.h"

// zoom: the host's text size as a zoom level (1–2). Listeners are installed on the first call;
// later calls answer the last reading. Read: the browser's default font size (the 'medium'
// keyword, 16px unless the user changed it) and its minimum font size (a 6px probe comes out
// larger), again on resize, focus and visibility changes (the user went to the settings and
// back); WeChat's 字体大小 through its JS bridge (getFontSize, fontSizeChange, menu:setfont):
// default, large, extra-large (or levels 2, 3, 4, or a percentage) → 1, 1.25, 1.5.
// The browser's page zoom needs nothing here: it changes devicePixelRatio, which the canvas
// backing store and the glyphs follow already.
EM_JS(float, zygc_js_host_zoom, (), {
    var H = Module.zygcHostText;
    if (!H) {
        H = Module.zygcHostText = {browser: 1, wechat: 0};
        var probe = document.createElement("div");
        probe.setAttribute("aria-hidden", "true");
        probe.style.cssText = "position:fixed;left:-10000px;top:0;visibility:hidden;pointer-events:none;font-size:medium";
        var tiny = document.createElement("span");
        tiny.style.fontSize = "6px";
        tiny.textContent = "x";
        probe.appendChild(tiny);
        (document.body || document.documentElement).appendChild(probe);
        var measure = function() {
            var def = parseFloat(getComputedStyle(probe).fontSize) || 16;
            var min = parseFloat(getComputedStyle(tiny).fontSize) || 6;
            var was = H.browser;
            H.browser = Math.max(def / 16, min > 6 ? min / 12 : 1);
            if (H.browser !== was && Module.zygcWake) Module.zygcWake();
        };
        var level = function(v) {
            if (v && typeof v === "object") v = v.fontSize !== undefined ? v.fontSize : v.size;
            if (typeof v === "string") {
                var k = v.toLowerCase().replace(/[_ ]/g, "-");
                if (k === "large" || k === "big") return 1.25;
                if (k === "extra-large" || k === "x-large" || k === "xlarge" || k === "larger" || k === "huge") return 1.5;
                if (!isNaN(parseFloat(k))) v = parseFloat(k); else return 1;
            }
            if (typeof v !== "number" || !(v > 0)) return 0;
            if (v >= 50) return v / 100;  // a percentage
            return v <= 2 ? 1 : 1 + (v - 2) * 0.25;  // WeChat's levels: 2 standard, 3 large, 4 extra-large
        };
        var wake = function() { if (Module.zygcWake) Module.zygcWake(); };  // the loop may sleep
        var wechat = function(res) { var z = level(res); if (z > 0) { H.wechat = z; wake(); } };
        var bridge = function() {
            var B = window.WeixinJSBridge;
            if (!B || H.bridged) return;
            H.bridged = true;
            try { B.invoke("getFontSize", {}, wechat); } catch (e) {}
            try { B.on("fontSizeChange", wechat); } catch (e) {}
            try { B.on("menu:setfont", wechat); } catch (e) {}
        };
        if (window.WeixinJSBridge) bridge();
        document.addEventListener("WeixinJSBridgeReady", bridge);
        window.addEventListener("resize", measure);
        window.addEventListener("focus", measure);
        document.addEventListener("visibilitychange", measure);
        H.measure = measure;
        measure();
    }
    var z = Math.max(H.browser, H.wechat);
    return Math.min(2, Math.max(1, z));
});

namespace zygc::web::input {
float host_zoom() { return zygc_js_host_zoom(); }
}  // namespace zygc::web::input
