// A repeat visit (the service worker in charge) when every request pays a round trip: what
// first-visit.mjs cannot show. Chromium's network emulation slows the page's own requests but
// not the service worker's, so there a worker that goes to the network looks free. Here a
// proxy on loopback holds every request ZYGC_BENCH_RTT ms (150, Slow 4G's) before passing it
// on, whoever sends it; the CPU is throttled 4×, the bandwidth is not limited. Figures only.
// The worker is stopped before the measured visit, as the browser stops an idle one (a repeat
// visit usually starts it); ZYGC_BENCH_WORKER=running keeps it running.
//   ZYGC_BENCH_REF=<another build's app dir> ZYGC_BENCH_RUNS=5 node tests/bench/warm-latency.mjs
import http from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, firstVisitSettled, launchBrowser, markTime } from '../e2e/harness.mjs';

const RTT = Number(process.env.ZYGC_BENCH_RTT || 150);
const RUNS = Number(process.env.ZYGC_BENCH_RUNS || 5);
const SERVER = path.join(ROOT, 'build/native/src/server/zygc-server');
const builds = [['this build', process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app')]];
if (process.env.ZYGC_BENCH_REF) builds.push(['reference', process.env.ZYGC_BENCH_REF]);

// The app's server, behind the slow proxy.
async function start(appDir) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-bench-wl-'));
  const proc = spawn(SERVER, ['--db', path.join(dir, 'b.sqlite'), '--seed', path.join(ROOT, 'assets/demo/seed.json'),
                              '--static', appDir, '--port', '0', '--login-disabled'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new URL(await new Promise((resolve, reject) => {
    let log = '';
    const on = (b) => { log += b; const m = log.match(/listening on (http:\/\/\S+)/); if (m) resolve(m[1]); };
    proc.stdout.on('data', on);
    proc.stderr.on('data', on);
    proc.on('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)));
  }));
  const proxy = http.createServer((req, res) => setTimeout(() => {
    const up = http.request({ host: url.hostname, port: url.port, method: req.method, path: req.url, headers: req.headers },
      (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    up.on('error', () => res.destroy());
    req.pipe(up);
  }, RTT));
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${proxy.address().port}`,
           stop: () => { proxy.close(); proc.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }); } };
}

// A first visit, the worker taking charge, then the measured visit.
async function warmVisit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                             hasTouch: true, isMobile: true, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url + '/');
    await firstVisitSettled(page);
    await page.waitForTimeout(1000);
    if (process.env.ZYGC_BENCH_WORKER !== 'running') {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    await page.goto(url + '/', { waitUntil: 'commit' });
    return { frame: await markTime(cdp, 'zygc:first-frame'), data: await markTime(cdp, 'zygc:first-data') };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const browser = await launchBrowser();
const servers = [];
try {
  for (const [, dir] of builds) servers.push(await start(dir));
  await warmVisit(browser, servers[0].url);  // not counted: a fresh Chromium's first seconds
  const runs = builds.map(() => []);
  for (let i = 0; i < RUNS; i++) for (let k = 0; k < builds.length; k++) runs[k].push(await warmVisit(browser, servers[k].url));
  console.log(`## Repeat visit, every request ${RTT} ms later (a proxy), 4x CPU, 390x844 DPR 3; budget: warm first frame <= 400 ms`);
  const m = runs.map((r) => ({ frame: median(r.map((x) => x.frame)), data: median(r.map((x) => x.data)) }));
  builds.forEach(([label], k) => console.log(`${label.padEnd(10)} warm first frame ${m[k].frame.toFixed(0)} ms, first data ` +
                                            `${m[k].data.toFixed(0)} ms (median of ${RUNS}: ${runs[k].map((x) => x.frame.toFixed(0)).join(' ')})`));
  if (m[1]) console.log(`ratio      warm first frame ${(m[0].frame / m[1].frame).toFixed(2)}`);
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
