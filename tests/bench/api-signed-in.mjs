// Signed-in reads at the city's size: p50 / p99 / req/s at 1, 16 and 64 connections for
// /me, /me/hours, /me/signups, /me/points and /me/certificate (issued by the first request) of the
// generated volunteer with the most records, and the attendance queue (时长认定, a page of 100
// as the app asks) of team 1's busiest project for its leader; and a write, a new
// resident's 实名注册 sent again and again (PUT /me/volunteer, the same data: an update), against
// a copy of build/city/city.db in dev mode (dev login codes). Figures only, never assertions.
//   node tests/bench/api-signed-in.mjs [--db build/city/city.db] [--seconds 5] [--conns 1,16,64]
//                                      [--ref path/to/an/older/zygc-server] (side by side, in turns)
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../e2e/harness.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) =>
  (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const DB = args.db || path.join(ROOT, 'build/city/city.db');
const SECONDS = Number(args.seconds || 5);
const CONNS = (args.conns || '1,16,64').split(',').map(Number);
const SERVERS = [['this build', path.join(ROOT, 'build/native/src/server/zygc-server')],
                 ...(args.ref ? [['reference', args.ref]] : [])];

if (!existsSync(DB)) {
  console.log(`(making ${DB} with scripts/gen-city-data; takes minutes)`);
  if (spawnSync(path.join(ROOT, 'scripts/gen-city-data'), [DB], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
if (spawnSync('wrk', ['--version']).error) {
  console.log('wrk missing: apt-get install wrk');
  process.exit(1);
}

// Dev mode writes (its accounts, sessions): a copy, so the city database stays as generated.
const dir = mkdtempSync(path.join(tmpdir(), 'zygc-bench-me-'));
const copy = path.join(dir, 'city.db');
spawnSync('cp', ['--reflink=auto', DB, copy]);
chmodSync(copy, 0o600);

function ms(text) {
  const m = text.match(/^([\d.]+)(us|ms|s)$/);
  return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
}
function wrk(base, url, conns, token, script) {
  const r = spawnSync('wrk', ['-t', String(Math.min(2, conns)), '-c', String(conns), '-d', `${SECONDS}s`, '--timeout', '60s',
                              '--latency', '-H', 'Accept-Encoding: gzip', '-H', `Authorization: Bearer ${token}`,
                              ...(script ? ['-s', script] : []), base + url],
                      { encoding: 'utf8' });
  const out = r.stdout || '';
  const pct = (p) => { const m = out.match(new RegExp(`\\s${p}%\\s+(\\S+)`)); return m ? ms(m[1]) : NaN; };
  const non2xx = Number((out.match(/Non-2xx or 3xx responses:\s+(\d+)/) || [0, 0])[1]);
  return { p50: pct(50), p99: pct(99), rps: Number((out.match(/Requests\/sec:\s+([\d.]+)/) || [])[1]), errors: non2xx };
}

async function start(bin) {
  const proc = spawn(bin, ['--db', copy, '--port', '0', '--quiet', '--dev', '--no-demo-hours'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let log = '';
    const on = (b) => { log += b; const m = log.match(/listening on (http:\/\/\S+)/); if (m) resolve(m[1].replace(/\/$/, '')); };
    proc.stdout.on('data', on); proc.stderr.on('data', on);
    proc.on('exit', (c) => reject(new Error(`server exited ${c}: ${log}`)));
  });
  return { proc, base };
}

// The dev login: a code shown in the answer, then the session token from the cookie.
async function login(base, phone) {
  const post = (p, body) => fetch(base + p, { method: 'POST', body: JSON.stringify(body),
                                              headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'zygc' } });
  const sent = await (await post('/api/v1/auth/sms-code', { phone })).json();
  const r = await post('/api/v1/auth/login', { phone, code: sent.dev_code });
  return /zygc_session=([^;]+)/.exec(r.headers.get('set-cookie') || '')[1];
}

// The volunteer with the most attendance records (their /me/hours is the largest), and team
// 1's leader with the project of that team with the most records.
const sql = (q) => spawnSync('python3', ['-c', `import sqlite3; c = sqlite3.connect('file:${copy}?mode=ro', uri=True); ` +
                                         `print(*c.execute("""${q}""").fetchone(), sep=' ')`], { encoding: 'utf8' }).stdout.trim().split(' ');
const [phone, records] = sql('SELECT u.phone, count(*) FROM attendance a JOIN users u ON u.id = a.user_id ' +
                             'GROUP BY a.user_id ORDER BY count(*) DESC LIMIT 1');
const [leader] = sql("SELECT u.phone FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = 1 AND m.role = 'leader'");
const [project, queue] = sql('SELECT project_id, count(*) FROM attendance WHERE project_id IN ' +
                             '(SELECT id FROM projects WHERE team_id = 1) GROUP BY project_id ORDER BY count(*) DESC LIMIT 1');
// 我的时长, 我的报名 and 我的积分 whole (up to 500 records, 500 sign-ups, 200 entries, as before
// they had pages) and as the app asks for them (the first 50).
const READS = [['/api/v1/me', phone], ['/api/v1/me/hours', phone], ['/api/v1/me/hours?limit=50', phone],
               ['/api/v1/me/signups', phone], ['/api/v1/me/signups?limit=50', phone],
               ['/api/v1/me/points', phone], ['/api/v1/me/points?limit=50', phone],
               ['/api/v1/me/certificate', phone], [`/api/v1/projects/${project}/attendance?limit=100`, leader]];

// The write: a resident not in the generated city registers (a valid GB 11643 number).
function idNumber(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const registration = JSON.stringify({ real_name: '赵海燕', id_number: idNumber('13030219800101007'), district_id: 1,
                                      skills: ['急救'], availability: ['weekend'], consent: true });
const putScript = path.join(dir, 'put.lua');
writeFileSync(putScript, `wrk.method = "PUT"\nwrk.body = [[${registration}]]\n` +
                         'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["X-Requested-With"] = "zygc"\n');
const WRITES = [['/api/v1/me/volunteer', '13900007001', putScript]];

const tokens = {};
const walAfter = [];  // one login per phone (a second code within the minute is refused), kept in the copy
try {
  console.log(`## Signed-in reads at city scale (a copy of ${path.relative(ROOT, DB)}; a volunteer with ${records} records; ` +
              `project ${project}'s queue of ${queue} records), wrk ${SECONDS} s per cell, loopback`);
  console.log(`| request | server | ${CONNS.map((c) => `${c} conn p50 / p99 / req/s`).join(' | ')} | errors |`);
  console.log(`|---|---|${CONNS.map(() => '---:').join('|')}|---:|`);
  for (const [url, who, script] of [...READS, ...WRITES]) {
    for (const [label, bin] of SERVERS) {
      const { proc, base } = await start(bin);
      try {
        tokens[who] = tokens[who] || await login(base, who);
        // A read's answer as JSON (before gzip), for what a phone downloads.
        const size = script ? '' : ` (${((await (await fetch(base + url, { headers: { Authorization: `Bearer ${tokens[who]}` } }))
          .arrayBuffer()).byteLength / 1024).toFixed(1)} KB)`;
        const cells = [];
        let errors = 0;
        for (const c of CONNS) {
          const w = wrk(base, url, c, tokens[who], script);
          errors += w.errors;
          cells.push(`${w.p50.toFixed(2)} / ${w.p99.toFixed(1)} ms / ${w.rps.toFixed(0)}`);
        }
        console.log(`| ${script ? 'PUT ' : ''}${url.replace('/api/v1', '')}${size} | ${label} | ${cells.join(' | ')} | ${errors} |`);
        // A write's write-ahead log while the server still runs (it is checkpointed at exit).
        if (script) walAfter.push(`${label}: ${(statSync(copy + '-wal').size / 1e6).toFixed(1)} MB`);
      } finally {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.on('exit', r));
      }
    }
  }
  console.log(`\nThe write-ahead log after the write's ${CONNS.length * SECONDS} s: ${walAfter.join(', ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
