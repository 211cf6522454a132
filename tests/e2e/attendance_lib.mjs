// Shared by attendance.test.mjs and attendance-faults.test.mjs: a dev-mode server whose
// SQLite file the test can read and prepare (sqlite3 CLI), API logins inside a browser
// context (the session cookie lands in that context), and the volunteer's check-in screen.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, waitSem, tapNode } from './harness.mjs';

const SERVER = process.env.ZYGC_SERVER || process.env.ZYGC_SERVER_BIN ||
  path.join(ROOT, 'build/native/src/server/zygc-server');
const APP = process.env.ZYGC_APP_DIR || path.join(ROOT, 'build/wasm/app');

// Why these tests cannot run here ('' when they can): the binaries, the sqlite3 CLI.
export function missing() {
  if (!existsSync(SERVER)) return `${SERVER} missing`;
  if (!existsSync(path.join(APP, 'zygc.wasm'))) return `${APP}/zygc.wasm missing`;
  try {
    execFileSync('sqlite3', ['-version']);
  } catch {
    return 'the sqlite3 CLI is missing (apt-get install sqlite3)';
  }
  return '';
}

// The server in dev mode on port 0 with a fresh database; { url, db, stop }.
export async function startDevServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-hours-'));
  const db = path.join(dir, 'hours.sqlite');
  const proc = spawn(SERVER, ['--db', db, '--seed', path.join(ROOT, 'assets/demo/seed.json'), '--static', APP,
                              '--port', '0', '--dev'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20000);
    const onData = (buf) => {
      log += buf.toString();
      const m = log.match(/listening on (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${log}`)); });
  });
  return {
    url, db, log: () => log,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => { proc.once('exit', r); setTimeout(r, 3000); });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs SQL on the live database (WAL: the server keeps running); rows as objects.
export function sql(db, statement) {
  const out = execFileSync('sqlite3', ['-json', '-cmd', '.timeout 5000', db, statement]).toString().trim();
  return out ? JSON.parse(out) : [];
}

// An API call from inside the page (its origin, its cookies).
export async function api(page, method, apiPath, body, headers = {}) {
  return page.evaluate(async ({ method, apiPath, body, headers }) => {
    const h = { 'Accept': 'application/json', 'X-Requested-With': 'zygc', ...headers };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    const r = await fetch('/api/v1' + apiPath, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
                                                  credentials: 'same-origin' });
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch {}
    return { status: r.status, json, text };
  }, { method, apiPath, body, headers });
}

// Dev-mode login by phone through the API, in the page's context.
export async function login(page, phone) {
  const sent = await api(page, 'POST', '/auth/sms-code', { phone });
  if (sent.status !== 200 || !sent.json?.dev_code) throw new Error(`sms-code ${phone}: ${sent.status} ${sent.text}`);
  const r = await api(page, 'POST', '/auth/login', { phone, code: sent.json.dev_code });
  if (r.status !== 200) throw new Error(`login ${phone}: ${r.status} ${r.text}`);
  const me = await api(page, 'GET', '/me');
  // The app asked /me when it started (401): reload so it starts again with the session.
  await page.reload();
  await page.evaluate(() => window.zygc.ready);
  return me.json;
}

// Does the server know the attendance endpoints (the hours server merged)?
export async function hasAttendance(page) {
  const r = await api(page, 'POST', '/attendance/check-in', {}, {});
  return r.status !== 404 && r.status !== 405;
}

// Goes to #/checkin/{shift} and waits for the screen to know the shift (a rule shown) and,
// before check-in, its site: the site's lines (name, radius rule) arrive after the screen is
// up and move the buttons down, so a tap at where a button was before would miss it.
// (When the site cannot be had, the screen without it is final once nothing is in flight.)
export async function openCheckin(page, shift) {
  await page.evaluate((h) => { window.location.hash = h; }, `#/checkin/${shift}`);
  await waitSem(page, (sem) => (sem.find((n) => n.role === 'button' && n.label === '定位签到' && !(n.flags & 1)) &&
                                (sem.some((n) => /^(定位签到需在服务地点|你距服务地点)/.test(n.label)) ||
                                 window.zygc.debug().fetch_in_flight === 0)) ||
                              sem.find((n) => n.role === 'button' && n.label === '签退'), null,
                'the check-in screen of shift ' + shift + ' with its site', 20000);
}

export async function tapButton(page, label, timeout = 15000) {
  const n = await waitSem(page, (sem, l) => sem.find((x) => x.role === 'button' && x.label === l && !(x.flags & 1)),
                          label, 'button ' + label, timeout);
  await tapNode(page, n);
}

export const hasText = (page, text) =>
  page.evaluate((t) => window.zygc.semantics().some((n) => n.label.includes(t)), text);

export const rfc = (sec) => {
  const d = new Date((sec + 8 * 3600) * 1000);
  return d.toISOString().slice(0, 19) + '+08:00';
};
