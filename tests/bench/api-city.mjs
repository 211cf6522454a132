// The API at the city's size: p50 / p99 / req/s at 1, 16 and 64 connections for each read
// the app makes, against a database made by scripts/gen-city-data, with the server's RSS.
// Figures only, never assertions. Load comes from wrk (Debian), a second process on loopback.
//   node tests/bench/api-city.mjs [--db build/city/city.db] [--seconds 5] [--conns 1,16,64]
//                                 [--server path/to/zygc-server] (e.g. an older build: "before")
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) =>
  (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const DB = args.db || path.join(ROOT, 'build/city/city.db');
const SECONDS = Number(args.seconds || 5);
const CONNS = (args.conns || '1,16,64').split(',').map(Number);
const SERVER = args.server || path.join(ROOT, 'build/native/src/server/zygc-server');

if (!existsSync(DB)) {
  console.log(`(making ${DB} with scripts/gen-city-data; takes minutes)`);
  const r = spawnSync(path.join(ROOT, 'scripts/gen-city-data'), [DB], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
// The server refuses a database other users could read (docs/security.md).
chmodSync(DB, 0o600);
if (spawnSync('wrk', ['--version']).error) {
  console.log('wrk missing: apt-get install wrk');
  process.exit(1);
}

const q = encodeURIComponent;
const READS = [
  ['project list, first page', '/api/v1/projects?limit=10'],
  ['project list, limit=20', '/api/v1/projects?limit=20'],
  ['search, 2 characters (老人)', `/api/v1/projects?q=${q('老人')}`],
  ['search, 3+ characters (小候鸟)', `/api/v1/projects?q=${q('小候鸟')}`],
  ['filter district + category', '/api/v1/projects?district_id=1&category=elderly'],
  ['sort popular', '/api/v1/projects?sort=popular'],
  ['project detail', '/api/v1/projects/4321'],
  ['team list', '/api/v1/teams'],
  ['/stats/city', '/api/v1/stats/city'],
  ['/brands', '/api/v1/brands'],
];

function rssKiB(pid) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return m ? Number(m[1]) : 0;
}

// wrk's --latency block: "50%  1.23ms" … "99%  4.56ms"; units us/ms/s.
function ms(text) {
  const m = text.match(/^([\d.]+)(us|ms|s)$/);
  if (!m) return NaN;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
}
function parseWrk(out) {
  const pct = (p) => { const m = out.match(new RegExp(`\\s${p}%\\s+(\\S+)`)); return m ? ms(m[1]) : NaN; };
  const rps = Number((out.match(/Requests\/sec:\s+([\d.]+)/) || [])[1]);
  const non2xx = Number((out.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [0, 0])[1]);
  const sockErr = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const errors = non2xx + (sockErr ? sockErr.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { p50: pct(50), p99: pct(99), rps, errors };
}

const proc = spawn(SERVER, ['--db', DB, '--port', '0', '--quiet', '--login-disabled'], { stdio: ['ignore', 'pipe', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let log = '';
  const on = (b) => { log += b; const m = log.match(/listening on (http:\/\/\S+)/); if (m) resolve(m[1].replace(/\/$/, '')); };
  proc.stdout.on('data', on); proc.stderr.on('data', on);
  proc.on('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)));
});
try {
  console.log(`## API at city scale (${path.relative(ROOT, DB)}), wrk ${SECONDS} s per cell, loopback, 2 cores shared with wrk`);
  console.log(`| request | ${CONNS.map((c) => `${c} conn p50 / p99 / req/s`).join(' | ')} | errors |`);
  console.log(`|---|${CONNS.map(() => '---:').join('|')}|---:|`);
  for (const [name, url] of READS) {
    const cells = [];
    let errors = 0;
    for (const c of CONNS) {
      const r = spawnSync('wrk', ['-t', String(Math.min(2, c)), '-c', String(c), '-d', `${SECONDS}s`,
                                  '--timeout', '60s', '--latency', base + url], { encoding: 'utf8' });
      const w = parseWrk(r.stdout || '');
      errors += w.errors;
      cells.push(`${w.p50.toFixed(1)} / ${w.p99.toFixed(1)} ms / ${w.rps.toFixed(0)}`);
    }
    console.log(`| ${name} | ${cells.join(' | ')} | ${errors} |`);
  }
  console.log(`\nserver RSS after the run: ${(rssKiB(proc.pid) / 1024).toFixed(0)} MB`);
} finally {
  proc.kill('SIGTERM');
}
