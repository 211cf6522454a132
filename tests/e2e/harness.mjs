// Shared set-up for the end-to-end tests: the real reference server (serving the built app
// and the API on a free port, fresh SQLite file, demo data) and headless Chromium as a phone.
import { before, after } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = path.join(ROOT, 'build/e2e');
// ZYGC_SERVER / ZYGC_APP_DIR point the tests at other builds (e.g. a developer's own build dirs).
const SERVER = process.env.ZYGC_SERVER || process.env.ZYGC_SERVER_BIN ||
  path.join(ROOT, 'build/native/src/server/zygc-server');
const APP = process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app');

// Starts zygc-server on port 0; resolves { url, stop } once it prints its address.
// dev: dev mode (SMS codes returned to the app, the dev accounts of API.md).
// demoHours: keep the dev server's demo attendance (it adds past and running shifts to the
// dev organizer's first projects, which tests that sign up for "the first shift" must not see).
export async function startServer({ dev = false, demoHours = false } = {}) {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} missing: build the native preset first`);
  if (!existsSync(path.join(APP, 'zygc.wasm'))) throw new Error(`${APP}/zygc.wasm missing: build the wasm preset first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-e2e-'));
  const args = ['--db', path.join(dir, 'e2e.sqlite'), '--seed', path.join(ROOT, 'assets/demo/seed.json'),
                '--static', APP, '--port', '0', ...(dev ? ['--dev'] : ['--login-disabled']),
                ...(dev && !demoHours ? ['--no-demo-hours'] : [])];
  const proc = spawn(SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20000);
    const onData = (buf) => {
      log += buf.toString();
      const m = log.match(/listening on (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${log}`)); });
  });
  return {
    url,
    db: path.join(dir, 'e2e.sqlite'),  // for a test's setup only; what it checks goes through the API
    log: () => log,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => { proc.once('exit', r); setTimeout(r, 3000); });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// One server and one browser for a test file: started before its tests, stopped after.
// Returns an object whose .server and .browser are set once the tests run.
export function useServerAndBrowser(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// Headless Chromium with the flags these machines need. chromium.launch() always starts
// from a fresh temporary profile (it passes its own --user-data-dir and deletes it on close).
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A phone: 390×844 CSS px at devicePixelRatio 3 (or `dpr`), touch.
// serviceWorkers: 'block' for tests that intercept requests with page.route().
// Options of a page for a feature's flow (sign-up, hours, points, 老帮老 …): DPR 1. What these
// tests check does not depend on the pixel density, and a DPR 3 canvas is 9× the pixels for
// Chromium's software renderer: the flows took 38 % less time. The phone's own pixels are the
// subject of phone-*, zoom, layout, images and input, at DPR 3 and 1.75 (the default here is 3).
export const FLOW = { dpr: 1 };

export async function newPhonePage(browser, { dpr = 3, width = 390, height = 844, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: true, isMobile: true,
    locale: 'zh-CN', serviceWorkers,
  });
  const page = await context.newPage();
  const fontRequests = [];
  const errors = [];
  page.on('request', (r) => { if (/\.(ttf|otf|woff2?)(\?|#|$)/i.test(r.url())) fontRequests.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // HTTP errors are answers the app handles (401 before login, 404 for a removed project);
  // Chromium logs each as "Failed to load resource". Anything else logged as an error counts.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return { context, page, fontRequests, errors };
}

// After a first visit: what a repeat visit finds once the first has settled, the service worker
// in charge of the page and the first frames' glyphs kept (zygc-shell.js, keep()). A build
// without one of them (a benchmark's reference) is not waited for.
export async function firstVisitSettled(page) {
  await page.evaluate(() => window.zygc.ready);
  await page.waitForFunction(() => !document.querySelector('meta[name="zygc-build"]') || !!navigator.serviceWorker.controller,
                             null, { timeout: 30000 });
  await page.waitForFunction(() => !(window.Module.zygcGlyphs && window.Module.zygcGlyphs.keep) ||
                             !!localStorage.getItem('zygc.glyphs'), null, { timeout: 10000, polling: 100 });
}

// The start time of a performance mark once the page has made it (for benchmarks), polled
// through the DevTools protocol: Playwright's first evaluation in a page injects its own script,
// ~25 ms of a 4×-throttled main thread in the middle of the start being measured.
export async function markTime(cdp, name, timeout = 60000) {
  const expression = `(performance.getEntriesByName(${JSON.stringify(name)})[0] || {}).startTime`;
  for (const t0 = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const got = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => null);  // between documents
    if (got && got.result.value !== undefined) return got.result.value;
    if (Date.now() - t0 > timeout) throw new Error(`no ${name} mark in ${timeout} ms`);
  }
}

export async function openApp(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.zygc.ready);
}

// Waits until pred(semantics) returns something truthy; returns it.
export async function waitSem(page, pred, arg, what, timeout = 15000) {
  try {
    const h = await page.waitForFunction(
      ({ src, arg }) => {
        const fn = new Function('return ' + src)();
        return fn(window.zygc.semantics(), arg) || null;
      },
      { src: pred.toString(), arg }, { timeout, polling: 50 });
    return await h.jsonValue();
  } catch (e) {
    const sem = await page.evaluate(() => window.zygc.semantics().map((n) => `${n.role}:${n.label}`));
    throw new Error(`timed out waiting for ${what}; route ${await route(page)}; semantics:\n${sem.join('\n')}`);
  }
}

// waitSem predicate: the whole cards listed all match q, by title or by the team line drawn
// inside the card (the API's q searches title, summary, description and team), and at least
// one title contains q. Cards cut by the edge of the scroll area are not judged.
export const onlyCardsMatching = (sem, q) => {
  const all = sem.filter((n) => n.role === 'list-item');
  const full = Math.max(0, ...all.map((n) => n.h));
  const items = all.filter((n) => n.h >= full * 0.9);
  const inside = (t, n) => t.x >= n.x && t.y >= n.y && t.x + t.w <= n.x + n.w + 1 && t.y + t.h <= n.y + n.h + 1;
  const matches = (n) => n.label.includes(q) ||
    sem.some((t) => t.role === 'text' && inside(t, n) && t.label.includes(q));
  return items.length > 0 && items.every(matches) && items.some((n) => n.label.includes(q)) ? items : null;
};

export const route = (page) => page.evaluate(() => window.zygc.route());

export async function tapNode(page, n) {
  await page.touchscreen.tap(n.x + n.w / 2, n.y + n.h / 2);
}

export function shotPath(name) {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
}

// Touch through the DevTools protocol (real touch events with timing we control). The pauses
// here are the finger's own pace (how fast it moves, how long it rests before lifting), part
// of the input; nothing is asserted after them — callers wait with idle() before checking.
export async function touchDrag(page, cdp, x0, y0, x1, y1, { steps = 12, stepMs = 16, holdMs = 0 } = {}) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await page.waitForTimeout(stepMs);
    await cdp.send('Input.dispatchTouchEvent',
                   { type: 'touchMove', touchPoints: [{ x: x0 + ((x1 - x0) * i) / steps, y: y0 + ((y1 - y0) * i) / steps }] });
  }
  if (holdMs) await page.waitForTimeout(holdMs);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Scrolls the current screen up with slow finger drags (no fling) until pred(semantics)
// finds something on screen, as a resident scrolls to what is below the fold; returns it.
export async function scrollUntil(page, pred, arg, what, { drags = 12 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const find = () => page.evaluate(({ src, arg }) => new Function('return ' + src)()(window.zygc.semantics(), arg) || null,
                                   { src: pred.toString(), arg });
  for (let i = 0; i < drags; i++) {
    await idle(page);
    const found = await find();
    if (found) return found;
    const { height } = page.viewportSize();
    await touchDrag(page, cdp, 195, height * 0.7, 195, height * 0.35, { steps: 16, stepMs: 30, holdMs: 120 });
  }
  return waitSem(page, pred, arg, `${what} (after scrolling)`, 2000);
}

// ---- Waiting on the app, never on the clock ----
// A check that something did NOT happen ("the drag opened nothing") must first know that the
// app has seen the whole gesture and had frames to react to it; these waits give it that.

// The debug counters (frame, input_queued, gestures_ended, gesture, scrolling, pull_px, …).
export const debug = (page) => page.evaluate(() => window.zygc.debug());

// Resolves once the app has run `n` more frames (the test bridge's frame counter).
export async function frames(page, n = 3, timeout = 10000) {
  const f0 = await page.evaluate(() => window.zygc.frame());
  await page.waitForFunction((f) => window.zygc.frame() >= f, f0 + n, { polling: 'raf', timeout });
}

// Resolves once the app has handled every touch gesture up to the `gestures`-th (count from
// debug().gestures_ended), no input is queued, no finger is down and (`still`) nothing scrolls,
// flings or pulls; then waits `n` more frames, in which a tap would have acted. Returns the
// debug counters at that point.
export async function idle(page, { gestures = 0, still = true, n = 3, timeout = 15000 } = {}) {
  try {
    await page.waitForFunction(({ gestures, still }) => {
      const d = window.zygc.debug();
      return d && d.gestures_ended >= gestures && d.input_queued === 0 && d.gesture === 'none' &&
        !(still && d.scrolling);
    }, { gestures, still }, { polling: 'raf', timeout });
  } catch (e) {
    throw new Error(`input not idle after ${timeout} ms: ${JSON.stringify(await debug(page))}`);
  }
  await frames(page, n);
  return debug(page);
}

// Resolves once nothing moves: input idle, nothing scrolling, and the semantics (every rect
// and label) unchanged for `n` consecutive frames; returns them.
export async function settle(page, n = 10, timeout = 15000) {
  await idle(page, { n: 0, timeout });
  await page.evaluate(() => { window.__zygcSettle = { last: '', since: 0 }; });
  let h;
  try {
    h = await page.waitForFunction((n) => {
      const s = window.__zygcSettle;
      const d = window.zygc.debug();
      const now = JSON.stringify(window.zygc.semantics());
      if (now !== s.last || d.scrolling || d.input_queued || d.gesture !== 'none') {
        s.last = now;
        s.since = d.frame;
        return null;
      }
      return d.frame - s.since >= n ? now : null;
    }, n, { polling: 'raf', timeout });
  } catch (e) {
    throw new Error(`semantics still changing after ${timeout} ms: ${JSON.stringify(await debug(page))}`);
  }
  return JSON.parse(await h.jsonValue());
}

// A flick through the DevTools protocol with explicit event times (every `stepMs`): the app
// measures the finger's speed from event times, so a loaded machine that delivers the
// events late still sees a fast flick.
export async function flick(cdp, x, y0, y1, { steps = 6, stepMs = 16 } = {}) {
  const t0 = Date.now() / 1000;
  const at = (i) => t0 + (i * stepMs) / 1000;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }], timestamp: at(0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent',
                   { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }], timestamp: at(i) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at(steps + 0.2) });
}

// The API through a browser context's own cookie jar (the session is an HttpOnly cookie), on
// the server of useServerAndBrowser's env: api(context, method, path, body, headers) answers
// {status, body} (body parsed, null when empty); login(context, phone) signs the context in
// through the dev-mode SMS code and answers the user (/me).
//   const { api, login } = contextApi(env);
export function contextApi(env) {
  async function api(context, method, apiPath, body, headers = {}) {
    const r = await context.request.fetch(env.server.url + '/api/v1' + apiPath, {
      method, data: body, headers: { 'X-Requested-With': 'zygc', ...headers },
    });
    const text = await r.text();
    return { status: r.status(), body: text ? JSON.parse(text) : null };
  }
  async function login(context, phone) {
    const sent = await api(context, 'POST', '/auth/sms-code', { phone });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const done = await api(context, 'POST', '/auth/login', { phone, code: sent.body.dev_code });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    return (await api(context, 'GET', '/me')).body;
  }
  return { api, login };
}

// Scrolls with finger drags (a 390×844 phone) until what `find` picks from the semantics is
// fully on screen, between the top bar and the tabs; returns it, or null after `tries` drags.
export async function revealWhere(page, find, tries = 12) {
  for (let i = 0; i < tries; i++) {
    const n = find(await page.evaluate(() => window.zygc.semantics()));
    if (n && n.y > 60 && n.y + n.h < 844 - 70) return n;
    // A touch within 300 ms and 40 px of a tap is the second half of a double tap: held a
    // moment (a busy browser can deliver the first move 100 ms late) and dragged, it zooms
    // (ui/pinch.h) and scrolls nothing. The finger that scrolls after a tap comes after that
    // window, as a resident's does (a CI run's drag right after tapping a card there zoomed).
    if (i === 0) await page.waitForTimeout(300);
    const cdp = await page.context().newCDPSession(page);
    const down = !n || n.y + n.h >= 844 - 70;
    const [y0, y1] = down ? [600, 300] : [300, 600];
    const { gestures_ended: g } = await debug(page);
    await touchDrag(page, cdp, 200, y0, 200, y1, { steps: 10, holdMs: 120 });
    await cdp.detach();
    await idle(page, { gestures: g + 1 });
  }
  return null;
}
