// The frame and the heap with a long list (issue 11; figures only, never assertions; see
// docs/benchmarks.md):
//   - frame CPU while flinging the project list with 5,000 projects loaded: the time of each
//     requestAnimationFrame callback (the wasm frame and the WebGL calls it issues; the
//     software rasterizer runs in the GPU process, outside it) and its wasm part (the callback
//     less the time inside WebGL calls, which the budget is for), p50 / p95 / max over a series
//     of flicks; beside it the same with 500 projects (a list ten times longer should not cost
//     more; a shorter one is no reference: the flicks reach its end, and frames that move
//     nothing draw nothing) and, when ZYGC_BENCH_REF names another build's app directory, that build's figures
//   - where glyphs were rasterized meanwhile: inside how many frames (Canvas2D calls in the
//     callback: what a frame showed for the first time) and in idle callbacks (the later queue)
//   - the heap after scrolling through all 5,000: wasm linear memory (it never shrinks: the
//     high-water mark) plus the JS heap in use
// The project list answers come from page.route(): the real server's first page of 100, its
// items repeated with fresh ids and numbered titles (the layout sees real titles and lines).
// Run by scripts/bench (or: node tests/bench/frame.mjs).
import path from 'node:path';
import { ROOT, flick, launchBrowser, newPhonePage, openApp, startServer, waitSem } from '../e2e/harness.mjs';

const APP = process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app');
const REF = process.env.ZYGC_BENCH_REF || '';
const FLICKS = +(process.env.ZYGC_BENCH_FLICKS || 16);
const N = +(process.env.ZYGC_BENCH_N || 5000);
const SHORT = +(process.env.ZYGC_BENCH_SHORT || 500);

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const ms = (x) => `${x.toFixed(2)} ms`;

// Each animation-frame callback timed, and within it the time spent inside WebGL calls (every
// method of the WebGL2 context wrapped): the wasm part of a frame is the callback's time less
// its WebGL time. The wasm memory is kept from its instantiation.
const INIT = () => {
  window.__frameMs = [];
  window.__glMs = [];
  window.__glyphMs = [];  // per frame: Canvas2D calls (glyphs rasterized inside the frame)
  window.__idleMs = [];   // requestIdleCallback callbacks (the later glyphs) while timing
  window.__timing = false;
  let gl = 0;
  const proto = WebGL2RenderingContext.prototype;
  for (const k of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, k);
    if (typeof d.value !== 'function' || k === 'constructor') continue;
    const f = d.value;
    proto[k] = function (...a) {
      const t0 = performance.now();
      try { return f.apply(this, a); } finally { gl += performance.now() - t0; }
    };
  }
  let glyph = 0;
  const p2 = CanvasRenderingContext2D.prototype;
  for (const k of ['measureText', 'fillText', 'getImageData', 'clearRect']) {
    const f = p2[k];
    p2[k] = function (...a) {
      const t0 = performance.now();
      try { return f.apply(this, a); } finally { glyph += performance.now() - t0; }
    };
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    gl = 0;
    glyph = 0;
    const t0 = performance.now();
    cb(t);
    if (window.__timing) { window.__frameMs.push(performance.now() - t0); window.__glMs.push(gl); window.__glyphMs.push(glyph); }
  });
  if (window.requestIdleCallback) {
    const ric = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (cb, o) => ric((d) => {
      const t0 = performance.now();
      cb(d);
      if (window.__timing) window.__idleMs.push(performance.now() - t0);
    }, o);
  }
  for (const k of ['instantiate', 'instantiateStreaming']) {
    const f = WebAssembly[k];
    WebAssembly[k] = async function (...a) {
      const r = await f.apply(this, a);
      const exports = (r.instance || r).exports || {};
      window.__wasmMemory = Object.values(exports).find((e) => e instanceof WebAssembly.Memory);
      return r;
    };
  }
};

async function run(browser, serverUrl, appLabel, sample, n) {
  const { page, context, errors } = await newPhonePage(browser, { serviceWorkers: 'block' });
  page.on('crash', () => console.log(`${appLabel}, ${n} projects: the page crashed`));
  page.on('close', () => errors.length && console.log(`${appLabel}, ${n} projects: page errors: ${errors.join('; ')}`));
  await page.addInitScript(INIT);
  const items = Array.from({ length: n }, (_, i) => {
    const p = sample.items[i % sample.items.length];
    return { ...p, id: 1000000 + i, title: `${p.title} #${i}` };
  });
  const body = JSON.stringify({ ...sample, items, total: Math.max(n, sample.total || 0), next_cursor: null });
  await page.route(/\/api\/v1\/projects(\?|$)/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await openApp(page, `${serverUrl}/#/projects`);
  await waitSem(page, (sem) => sem.some((x) => x.role === 'list-item' && / #0$/.test(x.label)), null, 'the first card', 60000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  // Flicks up the list, each left to run out.
  await page.evaluate(() => { window.__timing = true; });
  for (let i = 0; i < FLICKS; i++) {
    await flick(cdp, 195, 700, 250, { steps: 5, stepMs: 12 });
    await page.waitForTimeout(700);
  }
  const { frames, gl, glyph, idle } = await page.evaluate(() => { window.__timing = false; return { frames: window.__frameMs, gl: window.__glMs, glyph: window.__glyphMs, idle: window.__idleMs }; });
  const wasmPart = frames.map((f, i) => Math.max(0, f - gl[i]));

  // Through the whole list with the wheel, to its last card.
  let last = null;
  for (let i = 0; i < 3000 && !last; i++) {
    await page.mouse.move(195, 400);
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(20);
    if (i % 10 === 9 || n < 100) {
      last = await page.evaluate((k) => window.zygc.semantics().find((x) => x.role === 'list-item' && x.label.endsWith(` #${k}`)), n - 1);
    }
  }
  await page.evaluate(() => window.gc && window.gc());
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value || 0;
  const wasm = await page.evaluate(() => window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0);
  await context.close();
  const r = { label: `${appLabel}, ${n} projects`, frames: frames.length, p50: pct(frames, 0.5), p95: pct(frames, 0.95),
              max: Math.max(...frames), wasmP50: pct(wasmPart, 0.5), wasmP95: pct(wasmPart, 0.95), glP95: pct(gl, 0.95),
              wasm, jsHeap, reachedEnd: !!last,
              glyphFrames: glyph.filter((x) => x > 0).length, idleMs: idle.reduce((x, y) => x + y, 0), idleMax: Math.max(0, ...idle) };
  console.log(`${r.label.padEnd(28)} frames ${String(r.frames).padStart(4)}  p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}` +
              `  max ${ms(r.max).padStart(9)}  | wasm part p50 ${ms(r.wasmP50)} p95 ${ms(r.wasmP95)}, WebGL calls p95 ${ms(r.glP95)}` +
              `  | heap: wasm ${(wasm / 1048576).toFixed(1)} MB + JS ${(jsHeap / 1048576).toFixed(1)} MB` +
              ` = ${((wasm + jsHeap) / 1048576).toFixed(1)} MB${last ? '' : ' (did not reach the last card)'}` +
              `\n${''.padEnd(28)} glyphs rasterized inside ${r.glyphFrames} frames; in idle time ${ms(r.idleMs)} (${idle.length} callbacks, longest ${ms(r.idleMax)})`);
  return r;
}

async function main() {
  const servers = [];
  const browser = await launchBrowser();
  browser.on('disconnected', () => console.log('the browser went away'));
  try {
    process.env.ZYGC_APP_DIR = APP;
    const server = await startServer();
    servers.push(server);
    const sample = await (await fetch(`${server.url}/api/v1/projects?limit=100`)).json();
    console.log(`\n## Frame while flinging and heap after scrolling (budgets: wasm frame p95 ≤ 3 ms, heap ≤ 48 MB)`);
    console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores, shared)`);
    const long = await run(browser, server.url, 'this build', sample, N);
    const short = await run(browser, server.url, 'this build', sample, SHORT);
    console.log(`ratio p95 ${N} / ${SHORT} projects: ${(long.p95 / short.p95).toFixed(2)} (wasm part ${(long.wasmP95 / short.wasmP95).toFixed(2)})`);
    if (REF) {
      // The harness reads ZYGC_APP_DIR when it is loaded: set it first. (Until 2026-12-01 it
      // was set after the import, and the "reference" was this build served again.)
      process.env.ZYGC_APP_DIR = REF;
      const { startServer: start2 } = await import(`../e2e/harness.mjs?ref`);
      const ref = await start2();
      servers.push(ref);
      // A build that lays out every card: 5,000 of them took the headless browser down here,
      // so it is measured at ZYGC_BENCH_REF_N (500) beside this build at the same length.
      const nRef = +(process.env.ZYGC_BENCH_REF_N || 500);
      const mine = await run(browser, server.url, 'this build', sample, nRef);
      const before = await run(browser, ref.url, 'reference', sample, nRef);
      console.log(`ratio p95 this / reference (${nRef}): ${(mine.p95 / before.p95).toFixed(2)} (wasm part ${(mine.wasmP95 / before.wasmP95).toFixed(2)})`);
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
