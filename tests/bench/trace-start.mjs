// Where a start's time goes (a diagnosis tool, not a benchmark; see docs/benchmarks.md):
// Chrome's trace of one visit under 4× CPU throttling with V8's sampling profiler, the wasm
// functions named, printed as a tree of inclusive milliseconds under main() and under the
// animation-frame callback (the first frames), and the page's marks.
//   node tests/bench/trace-start.mjs            a warm visit (the second, service worker on)
//   node tests/bench/trace-start.mjs --cold     a first visit, on Slow 4G as well
//   node tests/bench/trace-start.mjs --slow     a warm visit on Slow 4G (first-visit.mjs's warm one)
//   options: --depth N (3), --min MS (15), --trace FILE (keeps the raw trace)
//   --timeline   no profiler: the page's main-thread tasks of --min ms or more, in time order,
//                with what they hold, and each request's send, response and finish
// The split app has no names; they come from a copy of the same split made with -g.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, firstVisitSettled, launchBrowser, markTime } from '../e2e/harness.mjs';

const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const COLD = process.argv.includes('--cold');
const SLOW = COLD || process.argv.includes('--slow');
const TIMELINE = process.argv.includes('--timeline');
const DEPTH = +arg('--depth', 3), MIN = +arg('--min', 15);
const APP = process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app');
const SPLIT = path.join(ROOT, 'build/wasm/split');
const tmp = mkdtempSync(path.join(tmpdir(), 'zygc-trace-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// Names of the primary module's functions, by index.
function wasmNames() {
  execFileSync('wasm-split', [path.join(SPLIT, 'zygc.orig.wasm'), '--split', `--keep-funcs=@${path.join(SPLIT, 'keep.txt')}`,
    '--export-prefix=%', '--enable-mutable-globals', '--enable-sign-ext', '--enable-bulk-memory', '-g',
    '-o1', path.join(tmp, 'p.wasm'), '-o2', path.join(tmp, 'd.wasm')], { stdio: 'ignore' });
  // As scripts/split-wasm.mjs does after the split (the names kept: -g).
  execFileSync('wasm-opt', ['-Os', '-g', '--enable-mutable-globals', '--enable-sign-ext', '--enable-bulk-memory',
    path.join(tmp, 'p.wasm'), '-o', path.join(tmp, 'p.wasm')], { stdio: 'ignore' });
  return functionNames(readFileSync(path.join(tmp, 'p.wasm')));
}

// The "name" custom section's function names (index → name), read from the wasm's bytes.
function functionNames(bytes) {
  let at = 8;
  const leb = () => { let v = 0, shift = 0, b; do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  const text = (n) => { const t = bytes.toString('utf8', at, at + n); at += n; return t; };
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++], size = leb(), end = at + size;
    if (id === 0 && text(leb()) === 'name') {
      while (at < end) {
        const sub = bytes[at++], subEnd = leb() + at;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            names.set(String(index), text(leb()).replace(/\(anonymous namespace\)::/g, '').replace(/\(.*$/, '').slice(0, 90));
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return names;
}

async function trace() {
  const server = spawn(path.join(ROOT, 'build/native/src/server/zygc-server'),
    ['--db', path.join(tmp, 't.sqlite'), '--seed', path.join(ROOT, 'assets/demo/seed.json'), '--static', APP, '--port', '0',
     '--login-disabled'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve) => {
    let log = '';
    const on = (b) => { log += b; const m = log.match(/listening on (http:\/\/[^\s]+)/); if (m) resolve(m[1].replace(/\/$/, '')); };
    server.stdout.on('data', on);
    server.stderr.on('data', on);
  });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true,
                                               isMobile: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (!COLD) {
      await page.goto(url + '/');
      await firstVisitSettled(page);
      await page.waitForTimeout(1500);
    }
    if (SLOW) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    }
    await browser.startTracing(page, { categories: TIMELINE
      ? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading']
      : ['devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler'] });
    await page.goto(url + '/', { waitUntil: 'commit' });
    await markTime(cdp, 'zygc:first-data');
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)} ms`));
    const buf = await browser.stopTracing();
    return { marks, events: JSON.parse(buf.toString()).traceEvents };
  } finally {
    await browser.close();
    server.kill();
  }
}

// The busiest sampled thread's profile: samples → call paths → inclusive ms per path prefix.
function tree(events, names, root) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    if (!profiles.has(e.id)) profiles.set(e.id, { nodes: new Map(), samples: [], deltas: [] });
    const p = profiles.get(e.id);
    const cp = e.args?.data?.cpuProfile;
    if (!cp) continue;
    for (const n of cp.nodes || []) p.nodes.set(n.id, n);
    p.samples.push(...(cp.samples || []));
    p.deltas.push(...(e.args.data.timeDeltas || []));
  }
  const busy = (p) => p.samples.filter((s) => p.nodes.get(s)?.callFrame.functionName !== '(idle)').length;
  const p = [...profiles.values()].sort((a, b) => busy(b) - busy(a))[0];
  const name = (cf) => {
    const m = /^wasm-function\[(\d+)\]$/.exec(cf.functionName);
    return m ? names.get(m[1]) || cf.functionName : cf.functionName || `(${(cf.url || '').split('/').pop()})`;
  };
  const sums = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const ms = (p.deltas[i + 1] || 0) / 1000;
    const stack = [];
    for (let n = p.nodes.get(p.samples[i]); n; n = p.nodes.get(n.parent)) stack.unshift(name(n.callFrame));
    const at = stack.indexOf(root);
    if (at < 0) continue;
    const sub = stack.slice(at, at + DEPTH + 1);
    for (let k = 1; k <= sub.length; k++) {
      const key = sub.slice(0, k).join('\u0000');
      sums.set(key, (sums.get(key) || 0) + ms);
    }
  }
  const print = (prefix, depth) => {
    const kids = [...sums.entries()].filter(([k]) => k.startsWith(prefix) && k.split('\u0000').length === depth)
      .sort((a, b) => b[1] - a[1]);
    for (const [k, ms] of kids) {
      if (ms < MIN) continue;
      console.log(`${ms.toFixed(0).padStart(7)} ms ${'  '.repeat(depth - 1)}${k.split('\u0000').pop()}`);
      print(k + '\u0000', depth + 1);
    }
  };
  print(root, 1);
}

// The page's renderer main thread (not the browser's own WebUI renderers), from its navigation.
function timeline(events) {
  const nav = events.find((e) => e.name === 'navigationStart' && /^http:\/\/127\./.test(e.args?.data?.documentLoaderURL || ''));
  const ms = (ts) => ((ts - nav.ts) / 1000).toFixed(0).padStart(6);
  const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.ts >= nav.ts);
  for (const t of main.filter((e) => e.name === 'RunTask' && e.dur >= MIN * 1000)) {
    const inner = main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && !/RunTask/.test(e.name) &&
                                     e.dur >= MIN * 500);
    const what = inner.slice(0, 5).map((e) => {
      const d = e.args?.data || {}, where = d.functionName || (d.url || '').split('/').pop();
      return `${e.name}${where ? `(${where.slice(0, 28)})` : ''} ${(e.dur / 1000).toFixed(0)}`;
    });
    console.log(`${ms(t.ts)} +${(t.dur / 1000).toFixed(0).padStart(5)} ms  ${what.join(' | ')}`);
  }
  console.log('request: sent, response, finished (ms), bytes');
  const req = new Map();
  for (const e of events) {
    if (e.pid !== nav.pid || e.ts < nav.ts || !/^Resource(SendRequest|ReceiveResponse|Finish)$/.test(e.name)) continue;
    const d = e.args.data;
    if (e.name === 'ResourceSendRequest') req.set(d.requestId, { url: (d.url || '').split('/').pop() || '/', sent: e.ts });
    const r = req.get(d.requestId);
    if (r && e.name === 'ResourceReceiveResponse') r.response = e.ts;
    if (r && e.name === 'ResourceFinish') Object.assign(r, { finish: e.ts, bytes: d.encodedDataLength });
  }
  for (const r of req.values()) {
    console.log(`${ms(r.sent)} ${r.response ? ms(r.response) : '     -'} ${r.finish ? ms(r.finish) : '     -'} ${String(r.bytes ?? '').padStart(7)} ${r.url.slice(0, 60)}`);
  }
}

const names = TIMELINE ? null : wasmNames();
const { marks, events } = await trace();
if (arg('--trace')) writeFileSync(arg('--trace'), JSON.stringify({ traceEvents: events }));
console.log(`${COLD ? 'first' : 'warm'} visit, 4× CPU${SLOW ? ', Slow 4G' : ''}: ${marks.join(', ')}`);
if (TIMELINE) timeline(events);
else for (const root of ['main', 'on_animation_frame']) tree(events, names, root);
