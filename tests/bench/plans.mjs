// EXPLAIN QUERY PLAN of every statement each catalogue read runs, against the city-scale
// database: the server prints them (ZYGC_EXPLAIN=1, src/server/db.cpp) before preparing,
// and this groups them per request. Flags a full scan of projects, shifts or signups
// (a `SCAN` of one of those tables that is not a bounded walk of an index in sort order).
//   node tests/bench/plans.mjs [--db build/city/city.db] [--markdown]
// Output is the body of docs/query-plans.md with --markdown.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) =>
  (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]] : a), []));
const DB = args.db || path.join(ROOT, 'build/city/city.db');
const SERVER = args.server || path.join(ROOT, 'build/native/src/server/zygc-server');
if (!existsSync(DB)) {
  console.log(`${DB} missing: scripts/gen-city-data first`);
  process.exit(1);
}
const q = encodeURIComponent;
const READS = [
  ['project list, first page', '/api/v1/projects?limit=10'],
  ['project list, next page (keyset)', 'NEXT:/api/v1/projects?limit=20'],
  ['project list, -start', '/api/v1/projects?sort=-start'],
  ['project list, status=open', '/api/v1/projects?status=open'],
  ['search, 2 characters, many matches (老人)', `/api/v1/projects?q=${q('老人')}`],
  ['search, 2 characters, few matches (义诊)', `/api/v1/projects?q=${q('义诊')}`],
  ['search, 2 characters + district (老人)', `/api/v1/projects?q=${q('老人')}&district_id=3`],
  ['search, 2 characters, sort popular (老人)', `/api/v1/projects?q=${q('老人')}&sort=popular`],
  ['search, 1 character (鸟)', `/api/v1/projects?q=${q('鸟')}`],
  ['search, 3+ characters (小候鸟)', `/api/v1/projects?q=${q('小候鸟')}`],
  ['search, 3+ characters, many matches (志愿者)', `/api/v1/projects?q=${q('志愿者')}`],
  ['search, 3+ characters, rare whole of common pairs (社区志愿)', `/api/v1/projects?q=${q('社区志愿')}`],
  ['filter district + category', '/api/v1/projects?district_id=1&category=elderly'],
  ['filter dates', '/api/v1/projects?date_from=2026-12-01&date_to=2026-12-07'],
  ['sort popular', '/api/v1/projects?sort=popular'],
  ['sort distance', '/api/v1/projects?sort=distance&lat=39.93&lng=119.6&status=open&district_id=3'],
  ['project detail', '/api/v1/projects/4321'],
  ['team list', '/api/v1/teams'],
  ['team detail', '/api/v1/teams/17'],
  ['brand list', '/api/v1/brands'],
  ['brand detail', '/api/v1/brands/cuncaoxin'],
  ['/stats/city', '/api/v1/stats/city'],
  ['/districts', '/api/v1/districts'],
  ['/stats/dashboard (not the catalogue: its kept counts)', '/api/v1/stats/dashboard'],
];

const proc = spawn(SERVER, ['--db', DB, '--port', '0', '--login-disabled'],
                   { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ZYGC_EXPLAIN: '1' } });
let log = '';
proc.stdout.on('data', (b) => { log += b; });
proc.stderr.on('data', (b) => { log += b; });
const base = await new Promise((resolve, reject) => {
  const t = setInterval(() => {
    const m = log.match(/listening on (http:\/\/\S+)/);
    if (m) { clearInterval(t); resolve(m[1].replace(/\/$/, '')); }
  }, 50);
  proc.on('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)));
});

async function planOf(url) {
  const mark = log.length;
  const r = await fetch(base + url);
  const body = await r.json().catch(() => null);
  // The access log line comes after the handler's statements.
  const pathOnly = url.replace(/^\/api/, '/api');
  for (let i = 0; i < 100 && !log.slice(mark).includes(` ${r.status}\n`); ++i) await new Promise((s) => setTimeout(s, 20));
  const lines = log.slice(mark).split('\n').filter((l) => l.startsWith('plan:')).map((l) => l.slice(5));
  return { status: r.status, body, lines: collapse(lines), pathOnly };
}

// The same statement run again right after itself (one per listed project: its next shift)
// is shown once, with how many times it ran.
function collapse(lines) {
  const blocks = [];
  for (const l of lines) {
    if (/^ \S/.test(l) || !blocks.length) blocks.push({ text: [l], times: 1 });
    else blocks[blocks.length - 1].text.push(l);
  }
  const out = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.text.join('\n') === b.text.join('\n')) last.times++;
    else out.push(b);
  }
  return out.flatMap((b) => (b.times > 1 ? [`${b.text[0]}   -- × ${b.times}`, ...b.text.slice(1)] : b.text));
}

// A SCAN of a big table that is not an index walk in the ORDER BY's order under LIMIT.
function offending(lines) {
  return lines.filter((l) => /^\s+SCAN (p|projects|s|shifts|g|signups)\b/.test(l) && !/USING (COVERING )?INDEX/.test(l));
}

const md = !!args.markdown;
let bad = 0;
for (const [name, url0] of READS) {
  let url = url0;
  if (url.startsWith('NEXT:')) {
    url = url.slice(5);
    const first = await planOf(url);
    url += `&cursor=${first.body.next_cursor}`;
  }
  const r = await planOf(url);
  const off = offending(r.lines);
  bad += off.length;
  if (md) {
    console.log(`### ${name}\n\n\`GET ${decodeURIComponent(url).replace(/cursor=.*/, 'cursor=…')}\` → ${r.status}\n\n\`\`\``);
    console.log(r.lines.join('\n'));
    console.log('```\n');
  } else {
    console.log(`== ${name}: GET ${url} → ${r.status}${off.length ? '  FULL SCAN: ' + off.join('; ') : ''}`);
    console.log(r.lines.join('\n'));
  }
}
proc.kill('SIGTERM');
console.log(md ? `Full scans of projects/shifts/signups on these paths: ${bad}.` : `\nfull scans: ${bad}`);
