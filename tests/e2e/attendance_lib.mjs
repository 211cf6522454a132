// Shared by the hour-tracking e2e tests (attendance, attendance-faults, checkin-scan,
// hours-flow, scanner): a dev-mode server whose SQLite file the test can read and prepare
// (sqlite3 CLI), API logins inside a browser context (the session cookie lands in that
// context), the volunteer's check-in screen, the fake camera playing a QR, the outbox's
// drain under a fixed clock, and the scanner module decoding an image in the page.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, newPhonePage, openApp, waitSem, tapNode, settle, revealWhere } from './harness.mjs';

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
// demoHours: false leaves out the demo attendance (a certificate then holds only the test's).
export async function startDevServer({ demoHours = true } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-hours-'));
  const db = path.join(dir, 'hours.sqlite');
  const proc = spawn(SERVER, ['--db', db, '--seed', path.join(ROOT, 'assets/demo/seed.json'), '--static', APP,
                              '--port', '0', '--dev', ...(demoHours ? [] : ['--no-demo-hours'])],
                     { stdio: ['ignore', 'pipe', 'pipe'] });
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

// The dev organizer (13800000002) signed in on a new phone page of `browser`: the
// newPhonePage object with `team`, the team they lead.
export async function organizerPage(browser, url) {
  const org = await newPhonePage(browser);
  await openApp(org.page, url + '/#/');
  const me = await login(org.page, '13800000002');
  return { ...org, team: (me.teams || []).find((t) => t.role === 'leader') };
}

// A new shift of project `projectId` from `start` to `end` (unix seconds) with user `userId`
// signed up (confirmed); its id.
export function shiftWithSignup(db, projectId, start, end, userId) {
  const [row] = sql(db, `INSERT INTO shifts (project_id, start_at, end_at, capacity, signed_up)
    VALUES (${projectId}, ${start}, ${end}, 10, 1) RETURNING id`);
  sql(db, `INSERT INTO signups (user_id, shift_id, status, created_at)
    VALUES (${userId}, ${row.id}, 'confirmed', ${Math.floor(Date.now() / 1000)})`);
  return row.id;
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

// The semantics node of `role` and `label`, once it is there.
export function node(page, role, label) {
  return waitSem(page, (sem, arg) => sem.find((n) => n.role === arg.role && n.label === arg.label), { role, label },
                 `${role} ${label}`);
}

// Scrolls until the node is fully on screen; returns it.
export async function reveal(page, role, label, tries = 12) {
  return (await revealWhere(page, (sem) => sem.find((x) => x.role === role && x.label === label), tries)) || node(page, role, label);
}

export async function tap(page, role, label) {
  await tapNode(page, await reveal(page, role, label));
}

// #/verify/SERIAL on a page with no login says 真实有效; the serial with its last character
// changed says 未找到该证明.
export async function verifyAnonymously(page, url, serial) {
  await openApp(page, `${url}/#/verify/${serial}`);
  await node(page, 'heading', '真实有效');
  const changed = serial.slice(0, -1) + (serial.endsWith('A') ? 'B' : 'A');
  await openApp(page, `${url}/#/verify/${changed}`);
  await node(page, 'heading', '未找到该证明');
}

export const hasText = (page, text) =>
  page.evaluate((t) => window.zygc.semantics().some((n) => n.label.includes(t)), text);

export const rfc = (sec) => {
  const d = new Date((sec + 8 * 3600) * 1000);
  return d.toISOString().slice(0, 19) + '+08:00';
};

// ---- the check-in screen's actions ----

// Waits until the screen says the volunteer is checked in and nothing waits as 待同步.
export const checkedIn = (page, what = 'checked in, synced', timeout = 15000) =>
  waitSem(page, (sem) => sem.find((n) => n.label.startsWith('你已于')) && !sem.some((n) => n.label.includes('待同步')),
          null, what, timeout);

// Types the organizer's 6-digit code into 签到码 (the numeric keypad opens) and taps 确认签到.
export async function typeCheckinCode(page, code) {
  // The screen first settles: the shift's site (name, radius rule) arrives after the screen
  // is up and moves the field down; a tap at where the field was would land on 扫码签到.
  const field = (await settle(page, 5)).find((n) => n.role === 'input' && n.label === '签到码');
  if (!field) throw new Error('the code field is not on the screen');
  await tapNode(page, field);
  const mode = await page.waitForFunction(() => {
    const el = document.getElementById('zygc-text');
    return document.activeElement === el ? el.inputMode : null;
  });
  if (await mode.jsonValue() !== 'numeric') throw new Error('the hidden input does not open the numeric keypad');
  // Typed at once, as a fast typist does: the digits wait behind the tap in the input queue.
  await page.keyboard.type(code);
  await waitSem(page, (sem) => sem.find((n) => n.role === 'input' && n.label === '签到码' && (n.flags & 8)), null,
                'the code field focused in the app');
  await waitSem(page, (sem) => sem.find((n) => n.role === 'button' && n.label === '确认签到' && !(n.flags & 1)), null,
                'the six typed digits in the 签到码 field (确认签到 enabled)');
  await tapButton(page, '确认签到');
}

// Advances the page's fixed clock in small steps (so the outbox's retries come due) until
// nothing is 待同步, never past `limit_ms`; true once drained.
export async function drain(page, from_ms, limit_ms) {
  let t = from_ms;
  for (let i = 0; i < 2000; i++) {
    if (!(await hasText(page, '待同步'))) return true;
    t = Math.min(t + 4000, limit_ms);
    await page.clock.setFixedTime(t);
    await page.waitForTimeout(60);  // the network's pace, not an assertion
  }
  return false;
}

// ---- the organizer's QR in front of the volunteer's camera ----

const QR_TOOL = process.env.ZYGC_QR_TOOL || path.join(ROOT, 'build/native/src/scanner/zygc-qr');
export const qrToolMissing = () => (existsSync(QR_TOOL) ? '' : `${QR_TOOL} missing: build the native preset first`);

// Writes a Y4M video of a QR of `text` (drawn by core/qr.h through zygc-qr) to `file`.
export function qrVideo(text, file) {
  execFileSync(QR_TOOL, ['y4m', text, file]);
  return file;
}

// The organizer's current check-in code of a shift ({code, qr_payload, expires_at}), with
// most of its minute ahead (the previous one still counts for 15 s), so a camera started now
// reads a code the server takes.
export async function freshCheckinCode(orgPage, projectId, shiftId) {
  const url = `/projects/${projectId}/checkin-code?shift_id=${shiftId}`;
  let code = (await api(orgPage, 'GET', url)).json;
  const left = Date.parse(code.expires_at) - Date.now();
  if (left < 30000) {
    await new Promise((r) => setTimeout(r, left + 1000));
    code = (await api(orgPage, 'GET', url)).json;
  }
  return code;
}

// Headless Chromium whose camera is Chromium's fake device playing the Y4M `video`.
export function launchCameraBrowser(video) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
           `--use-file-for-fake-video-capture=${video}`],
  });
}

// Decodes the QR in an image (a URL the page can load, e.g. a data: URL) inside the page
// with the app's own scanner module (zygc_scanner.wasm); { text, w, h }.
export const decodeInPage = (page, url) => page.evaluate(async (url) => {
  await new Promise((res, rej) => {
    if (window.ZygcScanner) return res();
    const s = document.createElement('script');
    s.src = 'zygc_scanner.js'; s.onload = res; s.onerror = rej;
    document.head.appendChild(s);
  });
  const mod = await window.ZygcScanner({ locateFile: (p) => p });
  const img = new Image();
  img.src = url;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, c.width, c.height);
  const p = mod._scan_alloc(data.data.length);
  mod.HEAPU8.set(data.data, p);
  const text = mod.UTF8ToString(mod._scan_rgba(p, c.width, c.height));
  mod._scan_free(p);
  return { text, w: c.width, h: c.height };
}, url);
