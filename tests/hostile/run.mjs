// Hostile-input suite: starts the real zygc-server binary (dev mode, temp database, demo
// seed, a small static root, ephemeral port on 127.0.0.1), then runs every
// tests/hostile/*.attack.mjs in turn. Each attack module exports
//   default async function (ctx) → [{ attack, expected, observed, ok }]
// with ctx = { host, port, base, pid, rssKiB() }. Prints one table; exits non-zero when a
// row is not ok or the server died.
//   ZYGC_SERVER=path/to/zygc-server   another binary (e.g. an older build, to compare)
//   node tests/hostile/run.mjs [name-filter]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const binary = process.env.ZYGC_SERVER || path.join(root, 'build/native/src/server/zygc-server');
const filter = process.argv[2] || '';
const ATTACK_TIMEOUT_MS = 90_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zygc-hostile-'));
// A static root of our own: the attacks need an index.html of a known size, not a wasm build.
const staticDir = path.join(tmp, 'app');
fs.mkdirSync(staticDir);
fs.writeFileSync(path.join(staticDir, 'index.html'),
  '<!doctype html><title>志愿港城</title>\n' + '<!-- padding -->\n'.repeat(200));

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--dev', '--db', path.join(tmp, 'h.db'), '--seed',
      path.join(root, 'assets/demo/seed.json'), '--static', staticDir, '--host', '127.0.0.1',
      '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on http:\/\/([\d.]+):(\d+)/);
      if (m) { clearTimeout(timer); resolve({ child, host: m[1], port: Number(m[2]) }); }
    });
    child.stderr.on('data', (d) => { err += d; if (err.length > 1e5) err = err.slice(-5e4); });
    child.on('exit', (code, sig) => { clearTimeout(timer); child.exitInfo = `exit ${code} ${sig ?? ''}`.trim(); reject(new Error(`server exited (${child.exitInfo}): ${err}`)); });
  });
}

function rssKiB(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}

const { child, host, port } = await startServer();
let died = null;
child.on('exit', (code, sig) => { died = `exit ${code} ${sig ?? ''}`.trim(); });
const ctx = { host, port, base: `http://${host}:${port}`, pid: child.pid, rssKiB: () => rssKiB(child.pid) };
console.log(`zygc-server ${binary}\n  pid ${child.pid}, ${ctx.base}, RSS ${(ctx.rssKiB() / 1024).toFixed(1)} MiB at start`);

const files = fs.readdirSync(here).filter((f) => f.endsWith('.attack.mjs') && f.includes(filter)).sort();
const rows = [];
for (const f of files) {
  if (died) { rows.push({ attack: f, expected: 'server alive', observed: `not run: server ${died}`, ok: false }); continue; }
  const t0 = performance.now();
  process.stdout.write(`  ${f} … `);
  try {
    const mod = await import(pathToFileURL(path.join(here, f)).href);
    let timer;
    const got = await Promise.race([
      mod.default(ctx),
      new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`no result within ${ATTACK_TIMEOUT_MS / 1000} s`)), ATTACK_TIMEOUT_MS); }),
    ]);
    clearTimeout(timer);
    if (!Array.isArray(got) || got.length === 0) throw new Error('the attack returned no rows');
    rows.push(...got);
  } catch (e) {
    rows.push({ attack: f, expected: 'runs to the end', observed: String(e?.message ?? e).slice(0, 200), ok: false });
  }
  await new Promise((r) => setTimeout(r, 200));  // let an exit be noticed
  if (died) rows.push({ attack: f, expected: 'server alive', observed: `server ${died}`, ok: false });
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const finalRss = ctx.rssKiB() / 1024;

// One table.
const cols = ['attack', 'expected', 'observed', 'ok'];
const cell = (r, c) => c === 'ok' ? (r.ok ? 'ok' : 'FAIL') : String(r[c] ?? '');
const width = cols.map((c) => Math.min(70, Math.max(c.length, ...rows.map((r) => cell(r, c).length))));
const line = (vals) => vals.map((v, i) => v.slice(0, width[i]).padEnd(width[i])).join(' | ');
console.log('\n' + line(cols));
console.log(width.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(cols.map((c) => cell(r, c))));
const failed = rows.filter((r) => !r.ok).length;
console.log(`\n${rows.length - failed} of ${rows.length} ok; server ${died ? 'DIED (' + died + ')' : `alive, RSS ${finalRss.toFixed(1)} MiB`}`);

// The verdict is taken before the server is stopped: its exit on SIGTERM is not a death.
const verdict = failed || died ? 1 : 0;
if (!died) child.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 300));
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(verdict);
