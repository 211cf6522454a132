// The app's JSON decode of a 100-project page against JSON.parse of the same bytes, in the
// same engine (node's V8; the app runs the same wasm in the browser). Figures only, never
// assertions (budget: ≤ 1.5× JSON.parse; see docs/benchmarks.md).
//   decode_bench (tests/bench/decode_bench.cpp, built by the wasm preset) decodes with
//   core/codec.h decode<Page<Project>>; here: JSON.parse of the text, and of the bytes
//   (TextDecoder + JSON.parse: what a JS app does with a fetched body).
// The page is the reference server's /projects?limit=100 on the demo data.
// Run by scripts/bench (or: node tests/bench/decode.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startServer } from '../e2e/harness.mjs';

const BENCH = path.join(ROOT, 'build/wasm/tests/decode_bench.js');
const ITER = +(process.env.ZYGC_BENCH_ITER || 2000);
// On a shared, loaded machine one pair of timings says little: the app and JSON.parse are timed
// in turns, ROUNDS times, and the fastest of each is compared (the least disturbed run).
const ROUNDS = +(process.env.ZYGC_BENCH_ROUNDS || 5);

function time(fn) {
  for (let i = 0; i < ITER / 10; i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ITER; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e3 / ITER;  // µs
}

const server = await startServer();
const dir = mkdtempSync(path.join(tmpdir(), 'zygc-bench-decode-'));
try {
  const res = await fetch(`${server.url}/api/v1/projects?limit=100`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const file = path.join(dir, 'page.json');
  writeFileSync(file, bytes);
  const text = new TextDecoder().decode(bytes);
  const items = JSON.parse(text).items.length;

  let sink = 0;
  const runs = { app: [], parse: [], parseBytes: [] };
  for (let r = 0; r < ROUNDS; r++) {
    runs.app.push(JSON.parse(execFileSync('node', [BENCH, file, String(ITER)], { encoding: 'utf8' })).us_per_decode);
    runs.parse.push(time(() => { sink += JSON.parse(text).items.length; }));
    runs.parseBytes.push(time(() => { sink += JSON.parse(new TextDecoder().decode(bytes)).items.length; }));
  }
  const app = { us_per_decode: Math.min(...runs.app) };
  const parse = Math.min(...runs.parse);
  const parseBytes = Math.min(...runs.parseBytes);
  console.log(`\n## Decode of a ${items}-project page (${bytes.length} bytes), µs per page (fastest of ${ROUNDS} rounds` +
              ` taken in turns), node ${process.version} (load average ${loadavg()[0].toFixed(1)} on 2 shared cores)`);
  console.log(`app (wasm, core/codec.h)      ${app.us_per_decode.toFixed(1).padStart(8)} µs`);
  console.log(`JSON.parse(text)              ${parse.toFixed(1).padStart(8)} µs   app / this = ${(app.us_per_decode / parse).toFixed(2)}× (budget ≤ 1.5×)`);
  console.log(`JSON.parse(TextDecoder(bytes))${parseBytes.toFixed(1).padStart(8)} µs   app / this = ${(app.us_per_decode / parseBytes).toFixed(2)}×`);
  if (sink < 0) console.log(sink);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server.stop();
}
