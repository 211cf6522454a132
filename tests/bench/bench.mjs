// Benchmarks that print figures (never assertions): the app's download size, how fast the
// page gets to its first frame in headless Chromium, and the API's latency under a small
// loopback load. Run through scripts/bench; results go to docs/benchmarks.md by hand.
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT, startServer, launchBrowser, newPhonePage } from '../e2e/harness.mjs';

const APP = process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app');

function sizes() {
  console.log('## Download size (build/wasm/app)');
  let raw = 0, gz = 0;
  for (const f of ['zygc.wasm', 'zygc.js', 'index.html', 'zygc-bridge.js', 'zygc-shell.js', 'config.js']) {
    const file = path.join(APP, f);
    let bytes;
    try { bytes = readFileSync(file); } catch { continue; }
    const z = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length; gz += z;
    console.log(`${f.padEnd(16)} ${String(bytes.length).padStart(9)} B raw ${String(z).padStart(9)} B gzip`);
  }
  console.log(`${'total'.padEnd(16)} ${String(raw).padStart(9)} B raw ${String(gz).padStart(9)} B gzip`);
}

function quantile(sorted, q) { return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]; }

async function api(url) {
  console.log('\n## API latency, loopback, 2 concurrent clients, 200 requests per endpoint');
  const paths = ['/api/v1/stats/city', '/api/v1/projects?limit=20', '/api/v1/projects?q=%E5%B0%8F%E5%80%99%E9%B8%9F',
                 '/api/v1/projects?q=%E8%80%81%E4%BA%BA&sort=popular', '/api/v1/projects/1', '/api/v1/brands'];
  for (const p of paths) {
    const times = [];
    const worker = async (n) => {
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await fetch(url + p);
        await r.arrayBuffer();
        times.push(performance.now() - t0);
      }
    };
    const t0 = performance.now();
    await Promise.all([worker(100), worker(100)]);
    const wall = performance.now() - t0;
    times.sort((a, b) => a - b);
    console.log(`${p.padEnd(58)} p50 ${quantile(times, 0.5).toFixed(2)} ms  p95 ${quantile(times, 0.95).toFixed(2)} ms  ` +
                `${(times.length / (wall / 1000)).toFixed(0)} req/s`);
  }
}

async function firstFrame(url) {
  console.log('\n## Page load in headless Chromium (390x844, DPR 3, software WebGL), 5 runs');
  const browser = await launchBrowser();
  const marks = [];
  try {
    for (let i = 0; i < 5; i++) {
      const { context, page } = await newPhonePage(browser);
      await page.goto(url);
      await page.evaluate(() => window.zygc.ready);
      marks.push(await page.evaluate(() => performance.getEntriesByName('zygc:first-frame')[0].startTime));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  marks.sort((a, b) => a - b);
  console.log(`first frame (performance mark zygc:first-frame): median ${quantile(marks, 0.5).toFixed(0)} ms, ` +
              `min ${marks[0].toFixed(0)} ms, max ${marks[marks.length - 1].toFixed(0)} ms`);
}

sizes();
const server = await startServer();
try {
  await api(server.url);
  await firstFrame(server.url);
} finally {
  await server.stop();
}
