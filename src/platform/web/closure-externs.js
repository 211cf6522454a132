// Names Closure Compiler must not shorten in zygc.js (first-visit, issue 11: the Release glue is
// minified with --closure 1, which renames every property it has no extern for). These cross
// from the EM_JS code in this directory to code Closure does not see: the page's shell
// (shell/*.js sets window.Module's zygc* members and reads what the app sets), config.js,
// WeChat's bridge, JSON kept in localStorage, and objects handed to the shell's helpers.
// A name missing here breaks only at run time: add any such name when you add one.
/** @externs */

var ZYGC_CONFIG;      // web/config.js
var WeixinJSBridge;   // WeChat's web-view
Window.prototype.ZYGC_CONFIG;
Window.prototype.WeixinJSBridge;
Window.prototype.zygcCamera;       // shell/zygc-camera.js
Window.prototype.zygcCertificate;  // shell/zygc-certificate.js

/** @const */
var zygcCrossing = {};
// window.Module, made by shell/zygc-shell.js; members the app calls or sets. (Emscripten's
// own members are kept only where it writes them quoted: Module.ccall in EM_JS is not.)
zygcCrossing.calledRun;
zygcCrossing.ccall;
zygcCrossing.zygcApiBase;
zygcCrossing.zygcApiInFlight;
zygcCrossing.zygcClipboard;
zygcCrossing.zygcEnglish;
zygcCrossing.zygcFatal;
zygcCrossing.zygcFrameEvent;
zygcCrossing.zygcGlyphs;
zygcCrossing.zygcGlyphsIdle;
zygcCrossing.zygcHostText;
zygcCrossing.zygcMetrics;
zygcCrossing.zygcReadAnswer;
zygcCrossing.zygcRouteChanged;
zygcCrossing.zygcSemanticsChanged;
zygcCrossing.zygcTakePrefetch;
zygcCrossing.zygcTicks;
zygcCrossing.zygcWake;
zygcCrossing.zygcWeChat;
// The shell's glyph drawer (Module.zygcGlyphs) and its glyphs.
zygcCrossing.setup;
zygcCrossing.take;
zygcCrossing.left;
zygcCrossing.top;
zygcCrossing.width;
zygcCrossing.height;
zygcCrossing.advance;
zygcCrossing.colored;
zygcCrossing.pixels;
// ZYGC_CONFIG's settings.
zygcCrossing.apiBase;
zygcCrossing.timeoutMs;
zygcCrossing.fontFamily;
// The shell's prefetched answers ({answer, promise}; {status, type, etag, link, body, offline}).
zygcCrossing.answer;
zygcCrossing.promise;
zygcCrossing.etag;
zygcCrossing.link;
zygcCrossing.offline;
// window.zygc, the page's own object; history.state.zygc (a state outlives a build).
zygcCrossing.zygc;
zygcCrossing.wechat;
// The settings kept in localStorage ("zygc.settings").
zygcCrossing.care_mode;
zygcCrossing.lang;
zygcCrossing.zoom;
// The certificate image's QR code (zygc-certificate.js).
zygcCrossing.bits;
zygcCrossing.size;
// WeChat's bridge.
zygcCrossing.invoke;
zygcCrossing.on;
// DOM members missing from Closure's own externs of 2022.
zygcCrossing.inputMode;
zygcCrossing.willReadFrequently;
