// window.zygc: what the page, the tests and diagnostics read of the running app (the C side
// is src/platform/web/test_bridge.cpp). Every call answers from the last frame; before the
// wasm runs they answer empty. zygc-shell.js (loaded next) adds ready, apiBase, mirror and
// wechat.
//   window.zygc.semantics()  [{id, role, label, x, y, w, h, flags}] in CSS px, last frame
//   window.zygc.route()      "#/projects/12"
//   window.zygc.frame()      frames run so far: tests wait for it to advance, never sleep.
//                            The app draws frames only on demand (idle: none); asking for
//                            frame() or debug() wakes it for a few frames, as input would.
//   window.zygc.loop()       {frame, asleep} without waking it (idle checks)
//   window.zygc.debug()      platform counters (frame, glyphs, atlas, fetches in flight, input
//                            queued, gestures ended and the finger's phase, scrolling, pull;
//                            zoom: glyph_px the atlas is rasterized at, font_size drawn, zoom
//                            in effect, host_zoom read from the browser / WeChat)
//   window.zygc.glyph(ch)    1 when the glyph atlas holds the character, 2 when queued
//   window.zygc.field()      the active text field's content, IME composition included
//   window.zygc.debugScanner(start), debugSaveImage(json, name)   qr test hooks
//   window.zygc.lastImage    data URL of the last image SaveImage made (zygc-certificate.js)
//   window.zygc.lineBreaks() look: the last frame's wrapped-line breaks [{before, after}]
//                            (the first call turns the recording on; wait a frame, ask again)
(function () {
  'use strict';
  function running() { return !!(window.Module && Module.calledRun); }
  function cstr(name) { return running() ? Module.ccall(name, 'string', [], []) : null; }
  function wake() { if (running()) Module.ccall('zygc_wake', null, [], []); }

  window.zygc = {
    semantics: function () { var s = cstr('zygc_semantics_json'); return s ? JSON.parse(s) : []; },
    route: function () { return cstr('zygc_route') || ''; },
    frame: function () { wake(); return running() ? Module.ccall('zygc_frame', 'number', [], []) : 0; },
    debug: function () { wake(); var s = cstr('zygc_debug_json'); return s ? JSON.parse(s) : null; },
    loop: function () {
      if (!running()) return {frame: 0, asleep: false};
      return {frame: Module.ccall('zygc_loop_frames', 'number', [], []),
              asleep: !!Module.ccall('zygc_loop_asleep', 'number', [], [])};
    },
    glyph: function (ch) {
      return running() ? Module.ccall('zygc_glyph_state', 'number', ['number'], [String(ch).codePointAt(0)]) : 0;
    },
    field: function () { return cstr('zygc_field_text') || ''; },
    lineBreaks: function () { var s = cstr('zygc_line_breaks_json'); return s ? JSON.parse(s) : []; },  // look
    // qr: test hooks (test_bridge.cpp) until the check-in and certificate screens exist.
    debugScanner: function (start) {
      return running() ? JSON.parse(Module.ccall('zygc_debug_scanner', 'string', ['number'], [start ? 1 : 0])) : null;
    },
    debugSaveImage: function (json, name) {
      if (running()) Module.ccall('zygc_debug_save_image', null, ['string', 'string'], [json, name]);
    },
  };
})();
