// The API at the city's size: p50 / p99 / req/s at 1, 16 and 64 connections for each read
// the app makes, against a database made by scripts/gen-city-data, with the server's RSS.
// Figures only, never assertions. Load comes from wrk (Debian), a second process on loopback.
//   node tests/bench/api-city.mjs [--db build/city/city.db] [--seconds 5] [--conns 1,16,64]
//                                 [--server path/to/zygc-server] (e.g. an older build: "before")
//                                 [--only uncached] (rows whose name contains the text)
// Every request asks for gzip, as a browser does. The fixed URLs are answered from kept
// answers after their first read (answer_cache.*); the "varied" rows ask for a different
// project or search term at random each time, as a city's visitors do, so most of their reads
// are computed afresh; the "uncached" rows add a random location (lat/lng), so all are.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) =>
  (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const DB = args.db || path.join(ROOT, 'build/city/city.db');
const SECONDS = Number(args.seconds || 5);
const CONNS = (args.conns || '1,16,64').split(',').map(Number);
const SERVER = args.server || path.join(ROOT, 'build/native/src/server/zygc-server');

// Made again when the generator changed since (a database of an older generator lacks
// what the newer one adds).
const GEN = path.join(ROOT, 'build/native/src/server/zygc-gen-city');
if (!existsSync(DB) || (!args.db && existsSync(GEN) && statSync(GEN).mtimeMs > statSync(DB).mtimeMs)) {
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
  ["the app's first page (open to join, soonest first)", '/api/v1/projects?status=open&sort=start&limit=10'],
  ['project list, limit=20', '/api/v1/projects?limit=20'],
  ['search, 2 characters (老人)', `/api/v1/projects?q=${q('老人')}`],
  ['search, 3+ characters (小候鸟)', `/api/v1/projects?q=${q('小候鸟')}`],
  ['filter district + category', '/api/v1/projects?district_id=1&category=elderly'],
  ['sort popular', '/api/v1/projects?sort=popular'],
  ['project detail', '/api/v1/projects/4321'],
  ['team list', '/api/v1/teams'],
  ['/stats/city', '/api/v1/stats/city'],
  ['/brands', '/api/v1/brands'],
  ['/stats/dashboard (home screen, 数据)', '/api/v1/stats/dashboard'],
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

// Rows whose URL is drawn at random per request (a wrk Lua script each): any project's
// detail, and searches for 2 and 3 characters taken from the titles of the first 1,000
// projects (a long tail of terms, as people type them).
const luaDir = mkdtempSync(path.join(tmpdir(), 'zygc-bench-api-'));
async function variedReads() {
  const first = await (await fetch(`${base}/api/v1/projects?limit=1`)).json();
  const titles = [];
  for (let cursor = '', n = 0; n < 10; n++) {
    const page = await (await fetch(`${base}/api/v1/projects?limit=100${cursor ? `&cursor=${q(cursor)}` : ''}`)).json();
    titles.push(...page.items.map((p) => p.title));
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  const terms = (len) => {
    const set = new Set();
    for (const t of titles) {
      const cs = [...t].filter((ch) => /\p{Script=Han}/u.test(ch));
      for (let i = 0; i + len <= cs.length; i++) set.add(cs.slice(i, i + len).join(''));
    }
    return [...set];
  };
  const lua = (name, body) => {
    const file = path.join(luaDir, `${name}.lua`);
    writeFileSync(file, `math.randomseed(os.time() + tonumber(tostring({}):match('0x(%x+)') or '0', 16) % 100000)\n${body}`);
    return file;
  };
  // A resident's location (lat/lng, as the app sends for distances) drawn at random within
  // the city makes every URL new: no kept answer serves it, each is computed afresh. (A
  // parameter the server does not read would not: it does not change the kept answer's tag.)
  const fresh = '"&lat=" .. string.format("%.6f", 39.80 + math.random() * 0.2) .. "&lng=" .. string.format("%.6f", 119.45 + math.random() * 0.3)';
  const search = (list, nonce) => `local terms = {${list.map((t) => `"${q(t)}"`).join(',')}}\n` +
    `request = function() return wrk.format("GET", "/api/v1/projects?q=" .. terms[math.random(#terms)]${nonce ? ` .. ${fresh}` : ''}) end\n`;
  const two = terms(2), three = terms(3);
  return [
    [`varied: project detail, any of ${first.total}`, '/',
     lua('detail', `request = function() return wrk.format("GET", "/api/v1/projects/" .. math.random(1, ${first.total})) end\n`)],
    [`varied: search, 2 characters (${two.length} terms)`, '/', lua('two', search(two))],
    [`varied: search, 3 characters (${three.length} terms)`, '/', lua('three', search(three))],
    ['uncached: project list, first page', '/', lua('list', `request = function() return wrk.format("GET", "/api/v1/projects?limit=20" .. ${fresh}) end\n`)],
    ["uncached: the app's first page (open to join)", '/', lua('open', `request = function() return wrk.format("GET", "/api/v1/projects?status=open&sort=start&limit=10" .. ${fresh}) end\n`)],
    [`uncached: search, 2 characters (${two.length} terms)`, '/', lua('two-fresh', search(two, true))],
    [`uncached: search, 3 characters (${three.length} terms)`, '/', lua('three-fresh', search(three, true))],
  ];
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
  const rows = [...READS, ...await variedReads()].filter(([name]) => !args.only || name.includes(args.only));
  for (const [name, url, script] of rows) {
    const cells = [];
    let errors = 0;
    for (const c of CONNS) {
      const r = spawnSync('wrk', ['-t', String(Math.min(2, c)), '-c', String(c), '-d', `${SECONDS}s`,
                                  '--timeout', '60s', '--latency', '-H', 'Accept-Encoding: gzip',
                                  ...(script ? ['-s', script] : []), base + url],
                          { encoding: 'utf8' });
      const w = parseWrk(r.stdout || '');
      errors += w.errors;
      cells.push(`${w.p50.toFixed(1)} / ${w.p99.toFixed(1)} ms / ${w.rps.toFixed(0)}`);
    }
    console.log(`| ${name} | ${cells.join(' | ')} | ${errors} |`);
  }
  console.log(`\nserver RSS after the run: ${(rssKiB(proc.pid) / 1024).toFixed(0)} MB`);
} finally {
  proc.kill('SIGTERM');
  rmSync(luaDir, { recursive: true, force: true });
}
