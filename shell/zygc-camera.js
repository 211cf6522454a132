// The camera QR scanner's page side (src/platform/web/scanner.cpp loads this file on the
// first StartScan). A full-screen overlay: the back camera's <video>, a viewfinder and a
// cancel button. Every ~150 ms a frame goes into a canvas and is decoded with the browser's
// BarcodeDetector where it reads QR codes, else with zygc_scanner.wasm (zbar's QR reader in
// C, src/scanner), loaded here on first use only.
//   window.zygcCamera.open(done)  done(true, text) | done(false, reason) once; reason is
//                                 permission_denied | no_camera | unsupported | load_failed | cancelled
//   window.zygcCamera.close()     closes without an answer (StopScan)
(function () {
  'use strict';
  var FRAME_MS = 150;
  var MAX_SIDE = 720;  // frames are scaled down to this before decoding (speed; QR still readable)
  var en = function () { return (document.documentElement.lang || '').indexOf('en') === 0; };
  var words = function () {
    return en() ? {hint: 'Point the camera at the QR code', cancel: 'Cancel', title: 'Scan QR code'}
                : {hint: '将二维码放入框内，即可自动扫描', cancel: '取消', title: '扫码签到'};
  };

  // ---- decoders ----
  var modulePromise = null;  // zygc_scanner.wasm, loaded once
  function loadModule() {
    if (modulePromise) return modulePromise;
    modulePromise = new Promise(function (resolve, reject) {
      var make = function () {
        window.ZygcScanner({locateFile: function (p) { return p; }}).then(resolve, reject);
      };
      if (window.ZygcScanner) return make();
      var s = document.createElement('script');
      s.src = 'zygc_scanner.js';
      s.onload = make;
      s.onerror = function () { s.remove(); reject(new Error('zygc_scanner.js')); };
      document.head.appendChild(s);
    });
    modulePromise.catch(function () { modulePromise = null; });  // a later open tries again
    return modulePromise;
  }

  // zygc_scanner's decode of RGBA pixels: "" when no code was found.
  function wasmDecode(mod, img) {
    var n = img.data.length;
    var p = mod._scan_alloc(n);
    try {
      mod.HEAPU8.set(img.data, p);
      return mod.UTF8ToString(mod._scan_rgba(p, img.width, img.height));
    } finally {
      mod._scan_free(p);
    }
  }

  function nativeDetector() {
    if (!('BarcodeDetector' in window)) return Promise.resolve(null);
    return Promise.resolve(window.BarcodeDetector.getSupportedFormats ? BarcodeDetector.getSupportedFormats() : [])
      .then(function (formats) {
        return formats.indexOf('qr_code') >= 0 ? new window.BarcodeDetector({formats: ['qr_code']}) : null;
      }).catch(function () { return null; });
  }

  // ---- the overlay ----
  var session = null;

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text) e.textContent = text;
    return e;
  }

  function buildOverlay(w) {
    var root = el('div', 'position:fixed;inset:0;z-index:20;background:#000;display:flex;flex-direction:column;' +
      'align-items:center;justify-content:center;font:16px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;');
    root.id = 'zygc-scanner';
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-label', w.title);
    var video = el('video', 'position:absolute;inset:0;width:100%;height:100%;object-fit:cover;');
    video.setAttribute('playsinline', '');
    video.setAttribute('autoplay', '');
    video.muted = true;
    root.appendChild(video);
    var finder = el('div', 'position:relative;width:min(70vw,70vh);height:min(70vw,70vh);border:3px solid #fff;' +
      'border-radius:16px;box-shadow:0 0 0 100vmax rgba(0,0,0,.45);');
    root.appendChild(finder);
    var hint = el('div', 'position:relative;color:#fff;margin-top:20px;padding:0 24px;text-align:center;', w.hint);
    root.appendChild(hint);
    var cancel = el('button', 'position:absolute;left:50%;transform:translateX(-50%);bottom:calc(32px + ' +
      'env(safe-area-inset-bottom,0px));min-width:160px;min-height:48px;border:0;border-radius:24px;' +
      'background:rgba(255,255,255,.92);color:#222;font:inherit;font-size:18px;', w.cancel);
    cancel.id = 'zygc-scanner-cancel';
    root.appendChild(cancel);
    return {root: root, video: video, cancel: cancel};
  }

  function close() {
    var s = session;
    if (!s) return;
    session = null;
    clearTimeout(s.timer);
    if (s.stream) s.stream.getTracks().forEach(function (t) { t.stop(); });
    s.ui.root.remove();
  }

  function finish(s, ok, text) {
    if (session !== s) return;  // closed already
    close();
    s.done(ok, text);
  }

  function reasonOf(err) {
    var n = err && err.name;
    if (n === 'NotAllowedError' || n === 'SecurityError' || n === 'PermissionDeniedError') return 'permission_denied';
    if (n === 'NotFoundError' || n === 'OverconstrainedError' || n === 'DevicesNotFoundError' ||
        n === 'NotReadableError') return 'no_camera';
    return 'unsupported';
  }

  function open(done) {
    close();
    var w = words();
    var ui = buildOverlay(w);
    var s = {done: done, ui: ui, stream: null, timer: 0, busy: false,
             canvas: document.createElement('canvas'), decode: null};
    session = s;
    document.body.appendChild(ui.root);
    ui.cancel.addEventListener('click', function () { finish(s, false, 'cancelled'); });

    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      finish(s, false, 'unsupported');
      return;
    }
    // The decoder loads while the camera starts: the browser's own, else our wasm module.
    var decoderReady = nativeDetector().then(function (det) {
      if (det) {
        return function (canvas) {
          return det.detect(canvas).then(function (codes) { return codes.length ? codes[0].rawValue : ''; });
        };
      }
      return loadModule().then(function (mod) {
        return function (canvas, img) { return Promise.resolve(wasmDecode(mod, img)); };
      });
    });
    var camera = navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false});
    camera.then(function (stream) {
      if (session !== s) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
      s.stream = stream;
      ui.video.srcObject = stream;
      var p = ui.video.play();
      if (p && p.catch) p.catch(function () {});
      return decoderReady.then(function (decode) {
        s.decode = decode;
        tick(s);
      }, function () { finish(s, false, 'load_failed'); });
    }, function (err) { finish(s, false, reasonOf(err)); });
  }

  function tick(s) {
    if (session !== s) return;
    s.timer = setTimeout(function () { grab(s); }, FRAME_MS);
  }

  function grab(s) {
    if (session !== s) return;
    var v = s.ui.video;
    if (v.readyState < 2 || !v.videoWidth) return tick(s);
    var k = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
    var cw = Math.round(v.videoWidth * k), ch = Math.round(v.videoHeight * k);
    var c = s.canvas;
    if (c.width !== cw) c.width = cw;
    if (c.height !== ch) c.height = ch;
    var g = c.getContext('2d', {willReadFrequently: true});
    g.drawImage(v, 0, 0, cw, ch);
    var img = g.getImageData(0, 0, cw, ch);
    s.decode(c, img).then(function (text) {
      if (text) finish(s, true, text);
      else tick(s);
    }, function () { tick(s); });
  }

  window.zygcCamera = {open: open, close: close, loadModule: loadModule, decodeImageData: function (img) {
    return loadModule().then(function (mod) { return wasmDecode(mod, img); });
  }};
})();
