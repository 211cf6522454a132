// first-visit benchmarks (figures, never assertions; see docs/benchmarks.md):
//   - bytes per resource of the first visit (raw, gzip -9, brotli q11), against a budget per module
//   - cold and warm first frame and first-data frame under Lighthouse's mobile profile
//     (150 ms RTT, 1.6 Mbps down, 750 Kbps up, 4× CPU slowdown; phone 390×844 at DPR 3),
//     5 runs each, median; bytes transferred before the first data (resource timing) and all by then
//   - the same for a reference build in the same run when ZYGC_BENCH_REF names its app
//     directory (e.g. the previous build), the two taken in turns, with the ratio: this machine
//     is shared and noisy
//   - idle: frames drawn in one second by an app left alone
// Run by scripts/bench (or: node tests/bench/first-visit.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, firstVisitSettled, launchBrowser, markTime } from '../e2e/harness.mjs';

const APP = process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app');
const REF = process.env.ZYGC_BENCH_REF || '';
const SERVER = process.env.ZYGC_SERVER || path.join(ROOT, 'build/native/src/server/zygc-server');
const RUNS = +(process.env.ZYGC_BENCH_RUNS || 5);
// Lighthouse's "Slow 4G" mobile throttling, as DevTools applies it.
const NET = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8,
              uploadThroughput: (750 * 1024) / 8 };
const CPU = 4;
// Per module, brotli bytes (what a browser that takes br downloads).
const BUDGET = { wasm: 180 * 1024, 'zygc.js': 24 * 1024, 'zygc-shell.js': 8 * 1024, 'index.html': 3 * 1024,
                 other: 4 * 1024, total: 250 * 1024 };
const KB = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// The files the page asks for before its first frame: itself, its scripts, the preloaded wasm.
function firstVisitFiles(dir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const names = ['index.html'];
  for (const m of html.matchAll(/<(?:script|link)[^>]*(?:src|href)="([^"]+)"[^>]*>/g)) {
    if (/rel="(manifest|icon)"/.test(m[0])) continue;
    if (!names.includes(m[1])) names.push(m[1]);
  }
  const shell = names.find((n) => /^zygc-shell/.test(n));
  const wasm = shell && readFileSync(path.join(dir, shell), 'utf8').match(/'(zygc(?:\.[0-9a-f]{16})?\.wasm)'/)?.[1];
  if (wasm && !names.includes(wasm)) names.push(wasm);
  names.push('icon.svg');
  return names.filter((n) => existsSync(path.join(dir, n)));
}

function sizes(dir, label) {
  console.log(`\n## First-visit bytes per resource (${label}: ${dir})`);
  console.log(`${'file'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}  budget (br)`);
  const tot = { raw: 0, gz: 0, br: 0 };
  for (const f of firstVisitFiles(dir)) {
    const buf = readFileSync(path.join(dir, f));
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    const br = existsSync(path.join(dir, f + '.br')) ? readFileSync(path.join(dir, f + '.br')).length
      : zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    tot.raw += buf.length; tot.gz += gz; tot.br += br;
    const key = f.endsWith('.wasm') ? 'wasm' : f.replace(/\.[0-9a-f]{16}\./, '.');
    const budget = BUDGET[key] ?? BUDGET.other;
    console.log(`${f.padEnd(34)} ${String(buf.length).padStart(10)} ${String(gz).padStart(10)} ${String(br).padStart(10)}  ` +
                `${KB(budget)} ${br <= budget ? 'under' : 'OVER'} by ${KB(Math.abs(budget - br))}`);
  }
  console.log(`${'total'.padEnd(34)} ${String(tot.raw).padStart(10)} ${String(tot.gz).padStart(10)} ${String(tot.br).padStart(10)}  ` +
              `${KB(BUDGET.total)} ${tot.br <= BUDGET.total ? 'under' : 'OVER'}`);
  // The deferred part of the app (scripts/split-wasm.mjs): fetched after the first data, not part of the first visit.
  const deferred = readdirSync(dir).find((f) => /^zygc\.deferred\.[0-9a-f]{16}\.wasm$/.test(f));
  if (deferred) {
    const buf = readFileSync(path.join(dir, deferred));
    console.log(`${('after the first data: ' + deferred).padEnd(34)} ${String(buf.length).padStart(10)} ` +
                `${String(zlib.gzipSync(buf, { level: 9 }).length).padStart(10)} ${String(readFileSync(path.join(dir, deferred + '.br')).length).padStart(10)}`);
  }
  return tot;
}

async function startServer(appDir) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-bench-fv-'));
  const proc = spawn(SERVER, ['--db', path.join(dir, 'b.sqlite'), '--seed', path.join(ROOT, 'assets/demo/seed.json'),
                              '--static', appDir, '--port', '0', '--login-disabled'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const on = (b) => { log += b; const m = log.match(/listening on (http:\/\/[^\s]+)/); if (m) resolve(m[1].replace(/\/$/, '')); };
    proc.stdout.on('data', on);
    proc.stderr.on('data', on);
    proc.on('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)));
  });
  return { url, stop: () => { proc.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); } };
}

// One visit under throttling: marks (ms from navigation start) and bytes over the wire: those
// of the requests made before the first data was on screen (the page's resource timing), and
// all Chromium counted by the time the page answered (the deferred part of the app, fetched
// once the first data is there, is often among them: it is not on the way to the first data).
async function visit(page, cdp, url) {
  let all = 0;
  const onDone = (e) => { all += e.encodedDataLength; };
  cdp.on('Network.loadingFinished', onDone);
  await page.goto(url, { waitUntil: 'commit' });
  const m = { data: await markTime(cdp, 'zygc:first-data'), frame: await markTime(cdp, 'zygc:first-frame'),
              glyphs: await page.evaluate(() => window.Module.zygcGlyphs && window.Module.zygcGlyphs.counts) };
  cdp.off('Network.loadingFinished', onDone);
  const bytes = await page.evaluate((t) => {
    const nav = performance.getEntriesByType('navigation')[0];
    return (nav ? nav.transferSize : 0) +
      performance.getEntriesByType('resource').filter((e) => e.startTime <= t).reduce((s, e) => s + e.transferSize, 0);
  }, m.data);
  return { ...m, bytes, all };
}

// One cold visit and one warm visit (the same phone again: HTTP cache, and the service worker
// once it controls pages) of the app served by `server`.
async function coldAndWarm(browser, server) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                             hasTouch: true, isMobile: true, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NET);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    const cold = await visit(page, cdp, server.url + '/');
    await firstVisitSettled(page);
    const warm = await visit(page, cdp, server.url + '/');
    return { cold, warm };
  } finally {
    await context.close();
  }
}

// The builds' runs taken in turns (this build, the reference, this build …), after one run
// not counted: a freshly started Chromium spends its first seconds on its own pages (a
// "top chrome" WebUI renderer, ~2 s of CPU on these 2 cores), and whichever build went first
// paid for it; the machine's drift is shared the same way.
async function pageLoads(browser, builds) {
  const servers = [];
  try {
    for (const b of builds) servers.push(await startServer(b.dir));
    await coldAndWarm(browser, servers[0]);
    const runs = builds.map(() => ({ cold: [], warm: [] }));
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < builds.length; k++) {
        const { cold, warm } = await coldAndWarm(browser, servers[k]);
        runs[k].cold.push(cold);
        runs[k].warm.push(warm);
      }
    }
    return runs.map(({ cold, warm }, k) => {
      const pick = (xs, key) => median(xs.map((x) => x[key]));
      const r = { cold: { frame: pick(cold, 'frame'), data: pick(cold, 'data'), bytes: pick(cold, 'bytes'), all: pick(cold, 'all') },
                  warm: { frame: pick(warm, 'frame'), data: pick(warm, 'data'), bytes: pick(warm, 'bytes') } };
      console.log(`${builds[k].label.padEnd(10)} cold first frame ${r.cold.frame.toFixed(0)} ms, first data ${r.cold.data.toFixed(0)} ms, ` +
                  `${KB(r.cold.bytes)} transferred before it (${KB(r.cold.all)} by then in all) | warm first frame ${r.warm.frame.toFixed(0)} ms, ` +
                  `first data ${r.warm.data.toFixed(0)} ms, ${KB(r.warm.bytes)} transferred  (median of ${RUNS})`);
      // The shell's glyphs drawn while the wasm downloads (zygc-shell.js, ahead()), and how many
      // of them the first frame took (a build before the shell drew glyphs has no such count).
      const g = cold[0].glyphs;
      if (g) console.log(`${''.padEnd(10)} cold: ${g.ahead} glyphs drawn ahead by the shell, ${g.firstFrame} of them taken by the first frame`);
      const w = warm[0].glyphs;
      if (w && w.kept !== undefined) console.log(`${''.padEnd(10)} warm: ${w.kept} glyphs kept from the last visit, ${w.firstFrame} of them taken by the first frame`);
      return r;
    });
  } finally {
    for (const server of servers) server.stop();
  }
}

// Frames an idle app draws in one second (after it said it sleeps).
async function idleFrames(browser) {
  const server = await startServer(APP);
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await page.evaluate(() => window.zygc.ready);
    await page.waitForFunction(() => window.zygc.loop && window.zygc.loop().asleep, null, { timeout: 30000 });
    const f0 = await page.evaluate(() => window.zygc.loop().frame);
    await page.waitForTimeout(1000);
    const f1 = await page.evaluate(() => window.zygc.loop().frame);
    console.log(`\n## Idle: ${f1 - f0} frames drawn in 1 s by an app left alone (before: 60, a perpetual loop)`);
    await context.close();
  } finally {
    server.stop();
  }
}

sizes(APP, 'this build');
if (REF) sizes(REF, 'reference');
const browser = await launchBrowser();
try {
  console.log(`\n## First visit under Lighthouse mobile throttling (150 ms RTT, 1.6 Mbps down, 750 Kbps up, ${CPU}x CPU; ` +
              `390x844 DPR 3; software WebGL); budgets: cold <= 1500 ms, first data <= 2000 ms, warm <= 400 ms, <= 250 KB`);
  const [now, ref] = await pageLoads(browser, [{ dir: APP, label: 'this build' }, ...(REF ? [{ dir: REF, label: 'reference' }] : [])]);
  if (REF) {
    const q = (a, b) => (a / b).toFixed(2);
    console.log(`ratio     cold first frame ${q(now.cold.frame, ref.cold.frame)}, first data ${q(now.cold.data, ref.cold.data)}, ` +
                `bytes ${q(now.cold.bytes, ref.cold.bytes)} | warm first frame ${q(now.warm.frame, ref.warm.frame)}`);
  }
  await idleFrames(browser);
} finally {
  await browser.close();
}
