// The page side of 志愿港城: loads zygc.wasm with a progress text, owns the hidden <input>
// that receives typed and IME text, and exposes the test bridge:
//   window.zygc.ready        Promise, resolves after the first interactive frame
//   window.zygc.semantics()  [{id, role, label, x, y, w, h, flags}] in CSS px, last frame
//   window.zygc.route()      "#/projects/12"
//   window.zygc.debug()      platform counters (glyphs, atlas, fetches in flight)
//   window.zygc.glyph(ch)    1 when the glyph atlas holds the character
// performance.mark('zygc:first-frame') is set when the first frame is drawn.
(function () {
  'use strict';
  var cfg = window.ZYGC_CONFIG = window.ZYGC_CONFIG || {};
  var params = new URLSearchParams(location.search);
  // ?api=https://host/api/v1 overrides the configured API base (for pointing at another server).
  var apiBase = params.get('api') || cfg.apiBase || '/api/v1';

  var statusEl = document.getElementById('zygc-status');
  var splash = document.getElementById('zygc-splash');
  function status(text) { if (statusEl) statusEl.textContent = text; }

  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });
  ready.catch(function () {});  // observed by whoever awaits it

  function fatal(msg) {
    status('加载失败：' + msg);
    if (splash) splash.classList.remove('hidden');
    rejectReady(new Error(String(msg)));
  }

  function cstr(name) {
    if (!window.Module || !Module.calledRun) return null;
    return Module.ccall(name, 'string', [], []);
  }

  window.zygc = {
    ready: ready,
    apiBase: apiBase,
    semantics: function () { var s = cstr('zygc_semantics_json'); return s ? JSON.parse(s) : []; },
    route: function () { return cstr('zygc_route') || ''; },
    debug: function () { var s = cstr('zygc_debug_json'); return s ? JSON.parse(s) : null; },
    // 1: the glyph atlas holds this character, 2: queued for the next frame, 0: neither.
    glyph: function (ch) {
      if (!window.Module || !Module.calledRun) return 0;
      return Module.ccall('zygc_glyph_state', 'number', ['number'], [String(ch).codePointAt(0)]);
    },
  };

  // Streams zygc.wasm to show progress, compiling while it downloads.
  function instantiateWasm(imports, receive) {
    var url = 'zygc.wasm';
    fetch(url, {credentials: 'same-origin'}).then(function (res) {
      if (!res.ok) throw new Error('zygc.wasm: HTTP ' + res.status);
      var total = +res.headers.get('Content-Length') || 0;
      var loaded = 0;
      var body = res.body;
      if (body && total && typeof ReadableStream !== 'undefined') {
        var reader = body.getReader();
        body = new ReadableStream({
          pull: function (ctl) {
            return reader.read().then(function (r) {
              if (r.done) { ctl.close(); return; }
              loaded += r.value.byteLength;
              status('正在加载 ' + Math.min(99, Math.floor(loaded * 100 / total)) + '%');
              ctl.enqueue(r.value);
            });
          },
        });
      }
      var wasmRes = new Response(body, {headers: {'Content-Type': 'application/wasm'}});
      if (WebAssembly.instantiateStreaming) {
        return WebAssembly.instantiateStreaming(wasmRes, imports);
      }
      return wasmRes.arrayBuffer().then(function (buf) { return WebAssembly.instantiate(buf, imports); });
    }).then(function (out) {
      status('正在启动…');
      receive(out.instance, out.module);
    }).catch(function (e) {
      fatal(e && e.message ? e.message : e);
    });
    return {};
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    locateFile: function (path) { return path; },
    instantiateWasm: instantiateWasm,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { fatal(what); },
    zygcApiBase: function () { return apiBase; },
    zygcFatal: fatal,
    zygcFrameEvent: function (kind) {
      if (kind === 1) {
        performance.mark('zygc:first-frame');
        if (splash) {
          splash.classList.add('hidden');
          setTimeout(function () { splash.style.display = 'none'; }, 250);
        }
      } else if (kind === 2) {
        resolveReady(true);
      }
    },
  };

  // ---- The hidden <input>: typed text, IME composition, paste → ImGui ----
  var input = document.getElementById('zygc-text');
  if (input) {
    var composing = false;
    var send = function (text) {
      if (text && window.Module && Module.calledRun) Module.ccall('zygc_on_text', null, ['string'], [text]);
    };
    var commit = function () {
      var v = input.value;
      input.value = '';
      send(v);
    };
    input.addEventListener('compositionstart', function () { composing = true; });
    input.addEventListener('compositionend', function (e) {
      composing = false;
      // The committed text is the field's content (e.data on some browsers only).
      if (input.value) commit();
      else send(e.data);
    });
    input.addEventListener('input', function (e) {
      if (composing || e.isComposing) return;
      if (e.inputType === 'deleteContentBackward' && !input.value) {
        if (Module.calledRun) Module.ccall('zygc_on_key_press', null, ['number'], [8]);
        return;
      }
      commit();
    });
    input.addEventListener('paste', function (e) {
      var t = e.clipboardData && e.clipboardData.getData('text');
      if (t) {
        e.preventDefault();
        send(t);
      }
    });
    // Keep the page from scrolling the input into view on mobile.
    input.addEventListener('focus', function () { window.scrollTo(0, 0); });
  }

  window.addEventListener('error', function (e) {
    if (!Module.calledRun) fatal(e.message || 'script error');
  });
})();
