// window.zygc: what the page, the tests and diagnostics read of the running app (the C side
// is src/platform/web/test_bridge.cpp). Every call answers from the last frame; before the
// wasm runs they answer empty. zygc-shell.js (loaded next) adds ready, apiBase, mirror and
// wechat.
//   window.zygc.semantics()  [{id, role, label, x, y, w, h, flags}] in CSS px, last frame
//   window.zygc.route()      "#/projects/12"
//   window.zygc.frame()      frames run so far: tests wait for it to advance, never sleep
//   window.zygc.debug()      platform counters (frame, glyphs, atlas, fetches in flight, input
//                            queued, gestures ended and the finger's phase, scrolling, pull;
//                            zoom: glyph_px the atlas is rasterized at, font_size drawn, zoom
//                            in effect, host_zoom read from the browser / WeChat)
//   window.zygc.glyph(ch)    1 when the glyph atlas holds the character, 2 when queued
//   window.zygc.field()      the active text field's content, IME composition included
(function () {
  'use strict';
  function running() { return !!(window.Module && Module.calledRun); }
  function cstr(name) { return running() ? Module.ccall(name, 'string', [], []) : null; }

  window.zygc = {
    semantics: function () { var s = cstr('zygc_semantics_json'); return s ? JSON.parse(s) : []; },
    route: function () { return cstr('zygc_route') || ''; },
    frame: function () { return running() ? Module.ccall('zygc_frame', 'number', [], []) : 0; },
    debug: function () { var s = cstr('zygc_debug_json'); return s ? JSON.parse(s) : null; },
    glyph: function (ch) {
      return running() ? Module.ccall('zygc_glyph_state', 'number', ['number'], [String(ch).codePointAt(0)]) : 0;
    },
    field: function () { return cstr('zygc_field_text') || ''; },
  };
})();
