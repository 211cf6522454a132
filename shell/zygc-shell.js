// The page side of 志愿港城: loads zygc.wasm with a progress text, owns the hidden <input>
// that receives typed and IME text, and completes window.zygc (zygc-bridge.js) with:
//   window.zygc.ready        Promise, resolves after the first interactive frame
//   window.zygc.apiBase      the API base in use
//   window.zygc.mirror()     rebuilds the screen-reader mirror now (tests)
//   window.zygc.wechat()     true inside a WeChat mini-program web-view
// performance.mark('zygc:first-frame') is set when the first frame is drawn,
// performance.mark('zygc:first-data') when the first one showing a list item (API data) is
// (detail.drawn: frames drawn by then).
// Also here: the first API GETs, started while the wasm compiles; the screen-reader mirror
// (hidden DOM built from the semantics tree) and its aria-live announcements; the visual
// viewport (on-screen keyboard); WeChat mini-program back and share.
(function () {
  'use strict';
  var cfg = window.ZYGC_CONFIG = window.ZYGC_CONFIG || {};
  var params = new URLSearchParams(location.search);
  // ?api=https://host/api/v1 overrides the configured API base (for pointing at another server).
  var apiBase = params.get('api') || cfg.apiBase || '/api/v1';

  // A visit no service worker serves waits for the wasm to download: work done then is free
  // when it is short (the glyphs below). Not the canvas's WebGL context: made early, its
  // first commit held a throttled main thread ~0.6 s under a software renderer, and cold first
  // frames came 7–13 % later (docs/benchmarks.md, twenty-fifth session). A visit the worker
  // serves has no such wait (the wasm is in its cache), and work done before the app starts
  // only comes first and delays the worker's answers (a warm first frame took 20–30 % longer
  // with the glyphs or the WebGL context made early).
  var coldStart = !(navigator.serviceWorker && navigator.serviceWorker.controller);

  // ---- Glyphs: the browser draws them; the app asks through Module.zygcGlyphs ----
  // src/platform/web/glyphs.cpp packs what take() returns into its atlas. The drawing is here,
  // not in the app, so that it can start before the app does (first-visit, issue 11): while
  // a cold start's wasm downloads, ahead() draws the code points of the first answers at the
  // size the app will ask for, and the app's first frame then takes them instead of drawing
  // them. Each glyph drawn ahead is taken once (the app keeps it in its atlas from then on);
  // the rest are dropped with the unused answers.
  var glyphs = (function () {
    var canvas = null, ctx = null, px = 0;
    // look: Latin letters and digits in the platform's UI sans (San Francisco, Segoe UI,
    // Roboto), else in the CJK face's own Latin (PingFang, Noto Sans CJK, YaHei), which sits
    // with the Han glyphs; system-ui last (on Linux it is often DejaVu, wide and foreign).
    // All installed faces: no font bytes are downloaded.
    var family = cfg.fontFamily ||
      '-apple-system, BlinkMacSystemFont, Segoe UI, Roboto, PingFang SC, Noto Sans CJK SC, ' +
      'Microsoft YaHei, system-ui, Noto Color Emoji, sans-serif';
    var ready = {};   // px + ' ' + code point → a glyph drawn ahead or kept, not taken yet
    var queue = [], working = false;  // [px, code point] to draw ahead
    var taken = [], taking = true;    // [px, glyph] the app took for its first frames (keep())
    var counts = {ahead: 0, kept: 0, taken: 0, firstFrame: 0};  // for tests/bench/first-visit.mjs
    function context(size) {
      if (!canvas) {
        canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        // In the document with lang=zh-CN, so Han fallback picks Simplified Chinese forms.
        canvas.setAttribute('lang', 'zh-CN');
        canvas.setAttribute('aria-hidden', 'true');
        canvas.style.cssText = 'position:fixed;left:-10000px;top:0;visibility:hidden;pointer-events:none';
        (document.body || document.documentElement).appendChild(canvas);
      }
      if (!ctx) {
        ctx = canvas.getContext('2d', {willReadFrequently: true});
        ctx.fillStyle = '#fff';
        ctx.textBaseline = 'alphabetic';
        ctx.textAlign = 'left';
        if ('lang' in ctx) ctx.lang = 'zh-CN';
        px = 0;
      }
      if (px !== size) {
        px = size;
        ctx.font = size + 'px ' + family;
      }
    }
    // Draws cps at size on one canvas, read back with one getImageData (one readback per glyph
    // was half of a glyph's cost). Stops before the glyph whose pixels would pass cap bytes
    // (never before the first). Per glyph: ink left and top (relative to pen and baseline),
    // width, height, advance, colored, and its pixels, width × height: the ink's alpha, a byte
    // each, unless colored (RGBA). Empty glyphs (space, zero-width) have no pixels.
    function draw(cps, size, cap) {
      context(size);
      // Shelves on the canvas, 2 px apart: ink a little outside its box stays out of the next one.
      var W = 2048, gap = 2, x = 0, y = 0, rowH = 0, bytes = 0, list = [], i, g;
      for (i = 0; i < cps.length; i++) {
        var s = String.fromCodePoint(cps[i]), tm = ctx.measureText(s);
        var l = Math.floor(-tm.actualBoundingBoxLeft) - 1, r = Math.ceil(tm.actualBoundingBoxRight) + 1;
        var t = Math.floor(-tm.actualBoundingBoxAscent) - 1, b = Math.ceil(tm.actualBoundingBoxDescent) + 1;
        var w = r - l, h = b - t, ink = w > 2 && h > 2 && w <= W && w * h * 4 <= cap;
        if (ink && list.length && bytes + w * h * 4 > cap) break;
        g = {cp: cps[i], s: s, advance: tm.width, left: l, top: t, width: ink ? w : 0, height: ink ? h : 0,
             colored: 0, x: 0, y: 0};
        if (ink) {
          if (x + w > W) { x = 0; y += rowH + gap; rowH = 0; }
          g.x = x; g.y = y;
          x += w + gap;
          rowH = Math.max(rowH, h);
          bytes += w * h * 4;
        }
        list.push(g);
      }
      var usedW = y > 0 ? W : x, usedH = y + rowH, d = null, row, col, p, q;
      if (usedW > 0 && usedH > 0) {
        if (canvas.width < usedW || canvas.height < usedH) {
          canvas.width = Math.max(canvas.width, usedW);
          canvas.height = Math.max(canvas.height, usedH);
          ctx = null;  // a resized canvas forgets its state
          context(size);
        }
        ctx.clearRect(0, 0, usedW, usedH);
        for (i = 0; i < list.length; i++) if (list[i].width) ctx.fillText(list[i].s, list[i].x - list[i].left, list[i].y - list[i].top);
        d = ctx.getImageData(0, 0, usedW, usedH).data;
      }
      for (i = 0; i < list.length; i++) {
        g = list[i];
        q = g.cp;  // ASCII, CJK punctuation, Han, full-width forms: never in color
        var mono = q < 0x80 || (q >= 0x3000 && q < 0x3030) || (q >= 0x3400 && q < 0xa000) || (q >= 0xff00 && q < 0xfff0);
        for (row = 0; row < g.height && !g.colored && !mono; row++) {
          p = ((g.y + row) * usedW + g.x) * 4;
          for (col = 0; col < g.width; col++, p += 4) {
            if (d[p + 3] > 96 && (d[p] < 192 || d[p + 1] < 192 || d[p + 2] < 192)) { g.colored = 1; break; }
          }
        }
        var out = new Uint8Array(g.width * g.height * (g.colored ? 4 : 1)), o = 0;
        for (row = 0; row < g.height; row++) {
          p = ((g.y + row) * usedW + g.x) * 4;
          if (g.colored) {
            out.set(d.subarray(p, p + g.width * 4), o);
            o += g.width * 4;
            continue;
          }
          for (col = 0; col < g.width; col++, p += 4) out[o++] = d[p + 3];
        }
        g.pixels = out;
      }
      return list;
    }
    // The app's ask: glyphs for a prefix of cps (at least one) whose pixels fit in cap bytes,
    // those drawn ahead taken, the rest drawn now.
    function take(cps, size, cap) {
      var missing = cps.filter(function (cp) { return !ready[size + ' ' + cp]; });
      var drawn = missing.length ? draw(missing, size, cap) : [], next = 0, list = [], bytes = 0, got = {};
      for (var i = 0; i < cps.length; i++) {
        var key = size + ' ' + cps[i], g = got[key] || ready[key], now = !g;
        if (now && next >= drawn.length) break;
        if (now) g = drawn[next];
        if (list.length && bytes + g.pixels.length > cap) break;
        if (now) next++;
        else if (ready[key]) counts.taken++;
        delete ready[key];
        got[key] = g;
        bytes += g.pixels.length;
        list.push(g);
        if (taking && taken.length < KEEP_MAX) taken.push([size, g]);
      }
      for (; next < drawn.length; next++) ready[size + ' ' + drawn[next].cp] = drawn[next];  // past the cap
      return list;
    }
    // Ink ascent and descent of a reference CJK glyph (国) at size.
    function setup(size) {
      context(size);
      var tm = ctx.measureText('\u56fd');
      return [tm.actualBoundingBoxAscent || size * 0.82, tm.actualBoundingBoxDescent || size * 0.08];
    }
    // Draws the code points of text at size, a few at a time between other work, until the
    // app has drawn its first frame (stop()).
    function ahead(text, size) {
      for (var ch of text) queue.push([size, ch.codePointAt(0)]);
      if (working) return;
      working = true;
      (function work() {
        var cps = [], at = queue.length ? queue[0][0] : 0;
        while (queue.length && queue[0][0] === at && cps.length < 12) {
          var cp = queue.shift()[1];
          if (cp >= 0x20 && !ready[at + ' ' + cp] && cps.indexOf(cp) < 0) cps.push(cp);
        }
        // The app's cap (glyphs.cpp, add_glyphs): a glyph too large for it has no pixels here either.
        var cap = Math.max((at * 4 + 8) * (at * 2 + 8) * 4, 1 << 20);
        draw(cps, at, cap).forEach(function (g) { ready[at + ' ' + g.cp] = g; counts.ahead++; });
        if (queue.length) setTimeout(work, 0);
        else working = false;
      })();
    }
    function stop() {
      queue = [];
      counts.firstFrame = counts.taken;
    }
    function drop() { ready = {}; }

    // The glyphs the app took for its first frames are kept in localStorage: the next visit's
    // first frame takes them from there instead of drawing them (a warm first frame spent ~60
    // of its ~100 ms at 4× CPU drawing ~95 glyphs). localStorage because it is read at once:
    // an entry in the Cache Storage came after the warm first frame (two round trips to the
    // browser, and its body throttled like the network's under DevTools' emulation). The entry:
    // JSON {family, time, glyphs: [[px, cp, advance, left, top, width, height, colored]…],
    // pixels: base64 of each glyph's pixels in that order, alpha only unless colored}. One for
    // another font family, older than a week or malformed is not used; the next keep() replaces it.
    var KEY = 'zygc.glyphs', KEEP_MAX = 400, WEEK = 7 * 24 * 3600 * 1000;
    function load() {
      try {
        var head = JSON.parse(localStorage.getItem(KEY) || 'null');
        if (!head || head.family !== family || !(Date.now() - head.time < WEEK)) return;
        // The glyphs' pixels are the stored bytes as they are (a view each): decoding them one by
        // one took ~30 of a warm start's ~60 ms in the shell at 4× CPU; fromBase64 takes ~3.
        var bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(head.pixels) : binary(atob(head.pixels));
        var at = 0, found = [];
        head.glyphs.forEach(function (e) {
          var g = {cp: e[1], advance: e[2], left: e[3], top: e[4], width: e[5], height: e[6], colored: e[7] ? 1 : 0,
                   kept: true};
          var size = g.width * g.height * (g.colored ? 4 : 1);
          if (!(size >= 0 && g.width <= 2048 && at + size <= bytes.length)) throw new Error('glyph entry');
          g.pixels = bytes.subarray(at, at + size);
          at += size;
          found.push([e[0] + ' ' + g.cp, g]);
        });
        found.forEach(function (f) { if (!ready[f[0]]) { ready[f[0]] = f[1]; counts.kept++; } });
      } catch (e) {}
    }
    // Ends the keeping (at the first frame with data, or a while after a screen without any is
    // ready) and writes what was taken, a second later. The characters of personal (the
    // signed-in resident's own answer, a name among them) beyond ASCII are not kept.
    function keep(personal) {
      var list = taken, skip = {};
      if (!taking) return;
      taking = false;
      taken = [];
      for (var ch of personal) if (ch.codePointAt(0) >= 0x80) skip[ch.codePointAt(0)] = true;
      list = list.filter(function (e) { return !skip[e[1].cp]; });
      if (!list.every(function (e) { return e[1].kept; })) setTimeout(function () { write(list); }, 1000);
    }
    function binary(s) {
      var out = new Uint8Array(s.length);
      for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
      return out;
    }
    function write(list) {
      var head = {family: family, time: Date.now(), glyphs: [], pixels: ''}, parts = [], seen = {};
      list.forEach(function (e) {
        var g = e[1], key = e[0] + ' ' + g.cp, i;
        if (seen[key]) return;
        seen[key] = true;
        head.glyphs.push([e[0], g.cp, g.advance, g.left, g.top, g.width, g.height, g.colored]);
        for (i = 0; i < g.pixels.length; i += 8192) parts.push(String.fromCharCode.apply(null, g.pixels.subarray(i, i + 8192)));
      });
      head.pixels = btoa(parts.join(''));
      try { localStorage.setItem(KEY, JSON.stringify(head)); } catch (e) {}  // full: the next visit draws
    }
    return {take: take, setup: setup, ahead: ahead, stop: stop, drop: drop, load: load, keep: keep, counts: counts};
  })();

  // The body text's pixel size the app will build its glyphs at (ui::font_pixels in
  // src/ui/theme.cpp, with the settings src/platform/web/main.cpp keeps): 16 CSS px × the
  // device pixel ratio, × 1.5 in 关怀版, × the text zoom.
  function savedSettings() {
    var o = null;
    try { o = JSON.parse(localStorage.getItem('zygc.settings') || 'null'); } catch (e) {}
    return o;
  }
  function firstGlyphPx() {
    var o = savedSettings();
    var zoom = o && o.zoom >= 1 ? o.zoom : 1;
    return Math.round(16 * (window.devicePixelRatio || 1) * (o && o.care_mode ? 1.5 : 1) * zoom);
  }
  // A cold start draws the home screen's own words first (the page names them: index.html,
  // tests/ui/first_glyphs_test.cpp), then each first answer's text as it comes (prefetch).
  glyphs.load();
  var glyphPx = coldStart ? firstGlyphPx() : 0;
  if (coldStart) {
    var pageGlyphs = function (name) {
      var m = document.querySelector('meta[name="' + name + '"]');
      return m ? m.content : '';
    };
    glyphs.ahead(pageGlyphs('zygc-glyphs'), glyphPx);
    glyphs.ahead(pageGlyphs('zygc-title-glyphs'), Math.round(glyphPx * 20 / 16));  // ui::type::Title / Body
  }

  // ---- The English words: not in the wasm (src/ui/strings.h), fetched once ----
  // The app asks (Module.zygcEnglish) when a resident picks English; when the saved language
  // is English the fetch starts here, beside the wasm's. The callback gets the file's text, or
  // null if it could not be fetched (the next ask tries again).
  var english = (function () {
    var text = null, loading = false, waiting = [];
    function answer(t) {
      loading = false;
      waiting.splice(0).forEach(function (cb) { cb(t); });
    }
    return function (cb) {
      if (text !== null) return cb(text);
      waiting.push(cb);
      if (loading) return;
      loading = true;
      fetch('zygc-en.json').then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.text();
      }).then(function (t) { text = t; answer(t); }, function () { answer(null); });
    };
  })();
  var saved = savedSettings();
  if (saved && saved.lang === 'en') english(function () {});

  // ---- The first API data, requested in parallel with the wasm download and compile ----
  // The fetch bridge (src/platform/web/fetch.cpp) serves the app's first identical GETs from
  // these answers, each once; unused ones are dropped a while after the app is ready (not after
  // a fixed time from the start: a slow phone may take long to compile the wasm). Each answer
  // is read in full here, as plain data ({status, type, etag, link, offline, body}): one that is in
  // by the time the app asks is handed over at once, so the first frame can show it.
  var prefetched = {};
  function readAnswer(res) {
    return res.arrayBuffer().then(function (buf) {
      return {status: res.status, type: res.headers.get('Content-Type') || '', etag: res.headers.get('ETag') || '',
              link: res.headers.get('Link') || '', offline: res.headers.get('X-Zygc-Offline') === '1' ? 1 : 0,
              body: new Uint8Array(buf)};
    });
  }
  function firstAnswers(ms) {
    var all = Object.keys(prefetched).map(function (url) { return prefetched[url].promise.catch(function () {}); });
    return Promise.race([Promise.all(all), new Promise(function (resolve) { setTimeout(resolve, ms); })]);
  }
  // The text an answer shows: its strings and numbers (their glyphs are drawn ahead).
  function answerText(answer) {
    var out = [];
    try {
      if (answer.status === 200 && /json/.test(answer.type)) {
        (function walk(v) {
          if (typeof v === 'string' || typeof v === 'number') out.push(v);
          else if (v && typeof v === 'object') for (var k in v) walk(v[k]);
        })(JSON.parse(new TextDecoder().decode(answer.body)));
      }
    } catch (e) {}
    return out.join('');
  }
  var useWorker = 'serviceWorker' in navigator && !params.has('nosw') && cfg.serviceWorker !== false;
  var meAnswer = null;  // the signed-in resident's own: no glyph of it is kept (glyphs.keep)
  function personalText() { return meAnswer ? answerText(meAnswer) : ''; }
  function prefetch(path) {
    var url = apiBase.replace(/\/+$/, '') + path;
    try {
      var entry = {answer: null};
      entry.promise = fetch(url, {headers: {'Accept': 'application/json'}, credentials: cfg.credentials || 'same-origin'})
        .then(function (res) {
          // The service worker's API cache (web/sw.js) gets these first answers too, so the next
          // visit has data without a network even when this one ran before the worker.
          if (useWorker && window.caches && res.status === 200) {
            var copy = res.clone();
            caches.open('zygc-api').then(function (c) { return c.put(url, copy); }).catch(function () {});
          }
          return readAnswer(res);
        }).then(function (answer) {
          if (coldStart) glyphs.ahead(answerText(answer), glyphPx);
          if (path === '/me') meAnswer = answer;
          return (entry.answer = answer);
        });
      entry.promise.catch(function () {});
      prefetched[url] = entry;
    } catch (e) {}
  }
  (function () {
    var h = location.hash;
    prefetch('/me');
    prefetch('/stats/city');
    prefetch('/brands');
    if (!h || h === '#' || h === '#/') {  // the home screen (core/home.cpp)
      prefetch('/stats/dashboard');
      prefetch('/projects?status=open&sort=start&limit=10');
    }
    if (h === '#/projects') prefetch('/projects?status=open');  // the catalogue's first page (core/catalogue.cpp)
  })();

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

  window.zygc.ready = ready;
  window.zygc.apiBase = apiBase;
  window.zygc.mirror = function () { buildMirror(); };
  window.zygc.wechat = inMiniProgram;

  // Streams zygc.wasm, compiling while it downloads; the progress text reads a copy of the
  // stream. The response itself goes to instantiateStreaming, so that the browser can keep the
  // compiled code with it (a warm visit then skips the compile).
  function instantiateWasm(imports, receive) {
    var url = 'zygc.wasm';
    fetch(url, {credentials: 'same-origin'}).then(function (res) {
      if (!res.ok) throw new Error('zygc.wasm: HTTP ' + res.status);
      var total = +res.headers.get('Content-Length') || 0;
      if (total && res.body && res.clone) {
        var reader = res.clone().body.getReader(), loaded = 0;
        (function pump() {
          reader.read().then(function (r) {
            if (r.done) return;
            loaded += r.value.byteLength;
            status('正在加载 ' + Math.min(99, Math.floor(loaded * 100 / total)) + '%');
            pump();
          }, function () {});
        })();
      }
      var wasmType = /^application\/wasm/.test(res.headers.get('Content-Type') || '');
      if (WebAssembly.instantiateStreaming && wasmType) {
        return WebAssembly.instantiateStreaming(res, imports);
      }
      return res.arrayBuffer().then(function (buf) { return WebAssembly.instantiate(buf, imports); });
    }).then(function (out) {
      status('正在启动…');
      // The first answers still on their way get a moment (at most 300 ms) before the app
      // starts: its first frame then shows them. A first frame without the data and a second
      // one with it cost a throttled phone with software compositing two full-canvas readbacks
      // (~0.4 s each) where one would do.
      return firstAnswers(300).then(function () { receive(out.instance, out.module); });
    }).catch(function (e) {
      fatal(e && e.message ? e.message : e);
    });
    return {};
  }

  // ---- The deferred part of the app (code no first screen runs; scripts/split-wasm.mjs) ----
  // zygc.wasm holds what the first visit runs; the rest, zygc.deferred.wasm, is fetched and
  // compiled once the first data is on screen. The first call into it instantiates it
  // (synchronously, as the call must return): from the compiled module when it is here,
  // else — a tap before it arrived — by a synchronous request, as a page load would block.
  var deferredUrl = 'zygc.deferred.wasm';
  var deferredModule = null, deferredAsked = false;
  function preloadDeferred() {
    if (deferredAsked) return;
    deferredAsked = true;
    fetch(deferredUrl, {credentials: 'same-origin'}).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return WebAssembly.compileStreaming && /^application\/wasm/.test(res.headers.get('Content-Type') || '')
        ? WebAssembly.compileStreaming(res)
        : res.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
    }).then(function (m) { deferredModule = deferredModule || m; }, function (e) {
      deferredAsked = false;  // a later call loads it synchronously, or the next preload retries
      console.warn('zygc.deferred.wasm: ' + (e && e.message ? e.message : e));
    });
  }
  function loadDeferredNow() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', deferredUrl, false);
    xhr.overrideMimeType('text/plain; charset=x-user-defined');  // bytes, as a sync request can't ask for an ArrayBuffer
    xhr.send();
    if (xhr.status !== 200) throw new Error('zygc.deferred.wasm: HTTP ' + xhr.status);
    var text = xhr.responseText, bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    return new WebAssembly.Module(bytes);
  }
  function loadSplitModule(url, imports) {
    if (!deferredModule) deferredModule = loadDeferredNow();
    var instance = new WebAssembly.Instance(deferredModule, imports);
    return [instance, deferredModule];
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    loadSplitModule: loadSplitModule,
    locateFile: function (path) { return path; },
    instantiateWasm: instantiateWasm,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { fatal(what); },
    zygcApiBase: function () { return apiBase; },
    // {answer, promise}: the answer when it is in, else null and the promise of it.
    zygcTakePrefetch: function (url) {
      var entry = prefetched[url];
      if (!entry) return null;
      delete prefetched[url];
      return entry;
    },
    zygcReadAnswer: readAnswer,
    zygcGlyphs: glyphs,
    zygcEnglish: english,
    zygcSemanticsChanged: function () { scheduleMirror(); },
    zygcRouteChanged: function () { scheduleShare(); },
    zygcWeChat: { back: wechatBack },
    zygcFatal: fatal,
    zygcFrameEvent: function (kind, drawn) {
      if (kind === 1) {
        performance.mark('zygc:first-frame', {detail: {drawn: drawn}});
        glyphs.stop();
        if (splash) {
          splash.classList.add('hidden');
          setTimeout(function () { splash.style.display = 'none'; }, 250);
        }
      } else if (kind === 2) {
        resolveReady(true);
        setTimeout(function () { glyphs.keep(personalText()); }, 3000);
        setTimeout(function () { prefetched = {}; glyphs.drop(); }, 10000);
        // A first screen without a list (login …): 1 s on, once none of its requests is on its
        // way (on a slow network the deferred part would slow down the first screen's answers),
        // and a quarter second after the last answer (the frame showing it comes first).
        var whenQuiet = function (waited) {
          if (Module.zygcApiInFlight > 0) setTimeout(function () { whenQuiet(true); }, 250);
          else setTimeout(preloadDeferred, waited ? 250 : 0);
        };
        setTimeout(whenQuiet, 1000);
      } else if (kind === 3) {
        // The first frame showing API data (a list item); detail.drawn 1: the first drawn one.
        performance.mark('zygc:first-data', {detail: {drawn: drawn}});
        glyphs.keep(personalText());
        preloadDeferred();
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
    var ime = function (kind, text) {
      if (window.Module && Module.calledRun) Module.ccall('zygc_on_ime', null, ['number', 'string'], [kind, text || '']);
    };
    // The composition is drawn inside the ImGui field (preedit) and replaced on each update;
    // the element's own value is only emptied once it ends (clearing it mid-way breaks IMEs).
    input.addEventListener('compositionstart', function () { composing = true; ime(0, ''); });
    input.addEventListener('compositionupdate', function (e) { ime(1, e.data || ''); });
    input.addEventListener('compositionend', function (e) {
      composing = false;
      // The committed text: e.data, or the element's content on browsers that leave data empty.
      var t = e.data ? e.data : input.value;
      input.value = '';
      ime(2, t);
    });
    input.addEventListener('blur', function () {
      if (composing) { composing = false; input.value = ''; ime(3, ''); }
    });
    // Copy and cut: the browser's event (not prevented on Ctrl/Cmd+C/X) takes the field's selection.
    var copy = function (e) {
      if (!window.Module || !Module.calledRun) return;
      var t = Module.ccall('zygc_selected_text', 'string', [], []);
      if (!t || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', t);
      Module.zygcClipboard = t;
      e.preventDefault();
    };
    input.addEventListener('copy', copy);
    input.addEventListener('cut', copy);
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
        Module.zygcClipboard = t;
        send(t);
      }
    });
    // Keep the page from scrolling the input into view on mobile.
    input.addEventListener('focus', function () { window.scrollTo(0, 0); });
  }


  // ---- The visual viewport: an on-screen keyboard shrinks the canvas, the app re-lays out ----
  var canvasEl = document.getElementById('canvas');
  if (window.visualViewport && canvasEl) {
    var vv = window.visualViewport;
    var onViewport = function () {
      var covered = window.innerHeight - vv.height;
      if (covered > 80) {  // a keyboard, not browser chrome
        canvasEl.style.height = vv.height + 'px';
        canvasEl.style.top = vv.offsetTop + 'px';
      } else {
        canvasEl.style.height = '';
        canvasEl.style.top = '';
      }
    };
    vv.addEventListener('resize', onViewport);
    vv.addEventListener('scroll', onViewport);
  }

  // ---- zoom: the browser's own zoom gestures are the app's ----
  // The viewport allows scaling (accessibility audits ask for it), so the page must keep the
  // browser from zooming its bitmap: a second finger, Safari's gesture events and Ctrl + wheel
  // (a touchpad pinch) are prevented here; the app zooms itself (src/ui/pinch.h).
  var stop = function (e) { e.preventDefault(); };
  ['gesturestart', 'gesturechange', 'gestureend'].forEach(function (t) {
    document.addEventListener(t, stop, {passive: false});
  });
  document.addEventListener('touchmove', function (e) { if (e.touches && e.touches.length > 1) e.preventDefault(); },
                            {passive: false});
  document.addEventListener('wheel', function (e) { if (e.ctrlKey) e.preventDefault(); }, {passive: false});

  // ---- Screen readers: a hidden DOM mirror of the semantics tree ----
  // One element per node, placed over its rect (transparent, so a screen reader's focus
  // rectangle matches the canvas), in screen order. Activating one taps the widget.
  var mirror = document.getElementById('zygc-a11y');
  var live = document.getElementById('zygc-live');
  var mirrorTimer = 0;
  var mirrorEls = {};
  var lastAnnounced = '';
  var FLAG_DISABLED = 1, FLAG_CHECKED = 2, FLAG_SELECTED = 4, FLAG_BUSY = 16, FLAG_ALERT = 32;
  // images (issue 10): a picture that is drawn; a modal window (bottom sheet, dialog) and its items
  var FLAG_READY = 128, FLAG_MODAL = 256;
  var dialogEl = null, dialogOpener = null;
  var ROLE = {button: 'button', link: 'link', heading: 'heading', input: 'textbox', checkbox: 'checkbox',
              tab: 'tab', 'list-item': 'listitem', image: 'img', text: null};

  function scheduleMirror() {
    if (!mirrorTimer) mirrorTimer = setTimeout(buildMirror, 80);
  }

  function activate(el) {
    var n = el._zygc;
    if (!n || !window.Module || !Module.calledRun) return;
    if (n.flags & FLAG_DISABLED) return;
    Module.ccall('zygc_tap', null, ['number', 'number'], [n.x + n.w / 2, n.y + n.h / 2]);
  }

  function makeEl(role) {
    var el;
    if (role === 'button') {
      el = document.createElement('button');
      el.type = 'button';
    } else if (role === 'heading') {
      el = document.createElement('h2');
    } else {
      el = document.createElement('div');
      if (ROLE[role]) el.setAttribute('role', ROLE[role]);
    }
    if (role !== 'text' && role !== 'heading' && role !== 'image') {
      if (role !== 'button') el.tabIndex = 0;
      el.addEventListener('click', function (e) { e.preventDefault(); activate(el); });
      el.addEventListener('keydown', function (e) {
        if (role !== 'button' && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); activate(el); }
      });
    }
    if (role === 'list-item') {  // its label, then the lines drawn inside it (buildMirror)
      el._label = document.createElement('span');
      el._label.className = 'zygc-label';
      el.appendChild(el._label);
    }
    el.dataset.role = role;
    return el;
  }

  // Children of `parent`, in this order, and nothing else.
  function syncChildren(parent, kids) {
    var want = parent.firstChild;
    for (var i = 0; i < kids.length; i++) {
      if (want !== kids[i]) parent.insertBefore(kids[i], want);
      else want = want.nextSibling;
      want = kids[i].nextSibling;
    }
    while (want) { var after = want.nextSibling; parent.removeChild(want); want = after; }
  }

  // Containers for runs of list items (role=list), reused in order.
  var listEls = [];
  function listEl(i) {
    if (!listEls[i]) {
      var l = document.createElement('div');
      l.setAttribute('role', 'list');
      l.className = 'zygc-list';
      listEls[i] = l;
    }
    return listEls[i];
  }

  function buildMirror() {
    mirrorTimer = 0;
    if (!mirror || !window.Module || !Module.calledRun) return;
    var all = window.zygc.semantics();
    var nodes = all.filter(function (n) { return n.role !== 'window' && n.w > 0 && n.h > 0; });
    // images (issue 10): an open sheet is a dialog (aria-modal) holding its own items; what is
    // behind it is hidden from the screen reader until it closes.
    var modal = all.filter(function (n) { return n.role === 'window' && (n.flags & FLAG_MODAL) && n.w > 0; })[0];
    var dialogKids = [];
    // Screen order: rows top to bottom (a few px of tolerance), left to right within a row.
    nodes.sort(function (a, b) { return Math.abs(a.y - b.y) > 4 ? a.y - b.y : a.x - b.x; });
    var seen = {};
    var announce = [];
    // The mirror's children: elements, and runs of list items inside role=list containers;
    // what is drawn inside a list item (its card's lines) goes inside that item.
    var top = [], lists = 0, list = null, item = null, itemKids = null;
    var inside = function (n, o) { return n.x >= o.x - 1 && n.y >= o.y - 1 && n.x + n.w <= o.x + o.w + 1 && n.y + n.h <= o.y + o.h + 1; };
    var closeItem = function () { if (item) syncChildren(item, itemKids); item = null; itemKids = null; };
    var closeList = function () { closeItem(); if (list) syncChildren(list.el, list.kids); list = null; };
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      var key = n.id + ':' + n.role;
      if (seen[key]) key += ':' + i;
      seen[key] = true;
      var el = mirrorEls[key];
      if (!el) { el = makeEl(n.role); mirrorEls[key] = el; }
      el._zygc = n;
      var label = el._label || el;
      if (label.textContent !== n.label) label.textContent = n.label;
      if (n.role === 'input' || n.role === 'image') el.setAttribute('aria-label', n.label);
      var st = el.style;
      var ox = 0, oy = 0;
      if (modal && (n.flags & FLAG_MODAL)) {  // an item of the open sheet: inside its dialog
        ox = modal.x; oy = modal.y;
        dialogKids.push(el);
      } else if (n.role === 'list-item') {
        closeItem();
        if (!list) { list = {el: listEl(lists++), kids: []}; top.push(list.el); }
        list.kids.push(el);
        item = el;
        itemKids = [el._label];
      } else if (item && inside(n, item._zygc)) {
        ox = item._zygc.x; oy = item._zygc.y;  // placed relative to its item
        itemKids.push(el);
      } else {
        closeList();
        top.push(el);
      }
      st.left = (n.x - ox) + 'px'; st.top = (n.y - oy) + 'px'; st.width = n.w + 'px'; st.height = n.h + 'px';
      var toggle = function (attr, on, val) { if (on) el.setAttribute(attr, val || 'true'); else el.removeAttribute(attr); };
      toggle('aria-disabled', n.flags & FLAG_DISABLED);
      toggle('aria-busy', n.flags & FLAG_BUSY);
      if (n.role === 'image') el.dataset.ready = (n.flags & FLAG_READY) ? '1' : '0';
      if (n.role === 'checkbox') el.setAttribute('aria-checked', (n.flags & FLAG_CHECKED) ? 'true' : 'false');
      if (n.role === 'tab') el.setAttribute('aria-selected', (n.flags & FLAG_SELECTED) ? 'true' : 'false');
      else toggle('aria-current', n.flags & FLAG_SELECTED);
      if ((n.flags & FLAG_ALERT) || /共\s*[\d,]+\s*个/.test(n.label)) announce.push(n.label);
    }
    closeList();
    if (modal) {
      if (!dialogEl) {
        dialogEl = document.createElement('div');
        dialogEl.setAttribute('role', 'dialog');
        dialogEl.setAttribute('aria-modal', 'true');
        dialogEl.tabIndex = -1;
      }
      dialogEl.setAttribute('aria-label', modal.label);
      var ds = dialogEl.style;
      ds.left = modal.x + 'px'; ds.top = modal.y + 'px'; ds.width = modal.w + 'px'; ds.height = modal.h + 'px';
      syncChildren(dialogEl, dialogKids);
      top.push(dialogEl);
    }
    for (var t = 0; t < top.length; t++) {  // behind an open sheet: hidden and not focusable
      if (top[t] === dialogEl) continue;
      if (modal) { top[t].setAttribute('aria-hidden', 'true'); top[t].inert = true; }
      else if (top[t].hasAttribute('aria-hidden')) { top[t].removeAttribute('aria-hidden'); top[t].inert = false; }
    }
    syncChildren(mirror, top);
    var opened = modal && dialogEl && !dialogEl._open;
    if (opened) {  // focus moves into the sheet: its first control, else the sheet itself
      dialogEl._open = true;
      var active = document.activeElement;
      dialogOpener = active && mirror.contains(active) && !dialogEl.contains(active) ? active : null;
      var first = dialogEl.querySelector('button, [tabindex="0"]');
      (first || dialogEl).focus({preventScroll: true});
    } else if (!modal && dialogEl && dialogEl._open) {  // closed: focus goes back to the opener
      dialogEl._open = false;
      if (dialogOpener && dialogOpener.isConnected) dialogOpener.focus({preventScroll: true});
      dialogOpener = null;
    }
    for (var k in mirrorEls) if (!mirrorEls[k].isConnected) delete mirrorEls[k];
    var text = announce.join('。');
    if (live && text !== lastAnnounced) {
      lastAnnounced = text;
      if (text) live.textContent = text;
    }
  }

  // ---- WeChat mini-program web-view: back at the app's root, and share ----
  function inMiniProgram() {
    return window.__wxjs_environment === 'miniprogram' || /miniProgram/i.test(navigator.userAgent || '');
  }
  function miniProgram() {
    return inMiniProgram() && window.wx && window.wx.miniProgram ? window.wx.miniProgram : null;
  }
  // The app's back at its root: back to the mini-program page that opened the web-view.
  function wechatBack() {
    var mp = miniProgram();
    if (!mp || !mp.navigateBack) return false;
    mp.navigateBack();
    return true;
  }
  var shareTimer = 0;
  function scheduleShare() {
    clearTimeout(shareTimer);
    shareTimer = setTimeout(share, 300);  // after the new screen has drawn its title
  }
  function share() {
    var heading = window.zygc.semantics().filter(function (n) { return n.role === 'heading'; })
      .sort(function (a, b) { return a.y - b.y; })[0];
    var name = '志愿港城';
    var title = heading && heading.label && heading.label !== name ? heading.label + ' · ' + name : name;
    document.title = title;
    var mp = miniProgram();
    if (mp && mp.postMessage) {
      mp.postMessage({data: {title: title, path: location.pathname + location.search + location.hash}});
    }
  }
  ready.then(scheduleShare, function () {});

  // ---- The service worker (web/sw.js): repeat visits and poor networks start from its cache ----
  // Registered once the app runs, so its precache comes from the HTTP cache instead of
  // competing with the first download. ?nosw skips it (and a test context may block workers).
  if (useWorker) {
    ready.then(function () {
      navigator.serviceWorker.register('sw.js').catch(function (e) { console.warn('service worker: ' + e); });
    }, function () {});
  }

  window.addEventListener('error', function (e) {
    if (!Module.calledRun) fatal(e.message || 'script error');
  });
})();
