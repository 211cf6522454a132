// 扫码签到 through the real check-in screen: the organizer's current rotating code, as the QR
// the console shows (qr_payload), is played by Chromium's fake camera; the volunteer taps
// 扫码签到, the camera overlay opens, the scanner module (loaded on demand) reads the code and
// the check-in lands on the server once, recorded with method qr.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, launchBrowser, newPhonePage, openApp, waitSem } from './harness.mjs';
import { missing, startDevServer, sql, api, login, openCheckin, tapButton } from './attendance_lib.mjs';

const QR_TOOL = process.env.ZYGC_QR_TOOL || path.join(ROOT, 'build/native/src/scanner/zygc-qr');
let server, dir;
const browsers = [];
before(async () => {
  assert.equal(missing(), '', 'what the test needs is built');
  assert.ok(existsSync(QR_TOOL), `${QR_TOOL} built`);
  dir = mkdtempSync(path.join(tmpdir(), 'zygc-scan-'));
  server = await startDevServer();
});
after(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a volunteer checks in by scanning the organizer\'s QR with the camera', async () => {
  // The organizer's side: a shift of their team whose window is open, the volunteer signed up.
  const plain = await launchBrowser();
  browsers.push(plain);
  const org = await newPhonePage(plain);
  await openApp(org.page, server.url + '/#/');
  const orgMe = await login(org.page, '13800000002');
  const team = orgMe.teams.find((t) => t.role === 'leader');
  const [p] = sql(server.db, `SELECT id FROM projects WHERE team_id = ${team.id} AND status = 'open' LIMIT 1`);
  const [vol] = sql(server.db, `SELECT id FROM users WHERE phone = '13800000001'`);
  const now = Math.floor(Date.now() / 1000);
  const [shift] = sql(server.db, `INSERT INTO shifts (project_id, start_at, end_at, capacity, signed_up)
    VALUES (${p.id}, ${now + 300}, ${now + 3900}, 10, 1) RETURNING id`);
  sql(server.db, `INSERT INTO signups (user_id, shift_id, status, created_at)
    VALUES (${vol.id}, ${shift.id}, 'confirmed', ${now})`);

  // The current code, with most of its minute ahead (the previous one still counts for 15 s).
  const codeUrl = `/projects/${p.id}/checkin-code?shift_id=${shift.id}`;
  let code = (await api(org.page, 'GET', codeUrl)).json;
  const left = Date.parse(code.expires_at) - Date.now();
  if (left < 30000) {
    await new Promise((r) => setTimeout(r, left + 1000));
    code = (await api(org.page, 'GET', codeUrl)).json;
  }
  assert.match(code.qr_payload, new RegExp(`^zygc:checkin:${shift.id}:\\d{6}$`));
  const video = path.join(dir, 'qr.y4m');
  execFileSync(QR_TOOL, ['y4m', code.qr_payload, video]);

  // The volunteer's phone, its camera playing that QR.
  const cam = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
           `--use-file-for-fake-video-capture=${video}`],
  });
  browsers.push(cam);
  const phone = await newPhonePage(cam);
  const fetched = [];
  phone.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openApp(phone.page, server.url + '/#/');
  await login(phone.page, '13800000001');
  await openApp(phone.page, server.url + `/#/checkin/${shift.id}`);
  await openCheckin(phone.page, shift.id);
  assert.ok(!fetched.some((f) => /zygc_scanner/.test(f)), 'no scanner module before the scan');

  await tapButton(phone.page, '扫码签到');
  await waitSem(phone.page, (sem) => sem.find((n) => n.label.startsWith('你已于')) &&
                !sem.some((n) => n.label.includes('待同步')), null, 'checked in by QR, synced', 30000);
  assert.ok(fetched.some((f) => /zygc_scanner/.test(f)) || await phone.page.evaluate(() => 'BarcodeDetector' in window),
            'the QR was decoded by the scanner module (or the browser\'s own detector)');
  assert.equal(await phone.page.locator('#zygc-scanner').count(), 0, 'the camera overlay closed');

  const rows = sql(server.db, `SELECT method, status FROM attendance WHERE user_id = ${vol.id} AND shift_id = ${shift.id}`);
  assert.deepEqual(rows, [{ method: 'qr', status: 'open' }], 'one record, checked in by QR');
  assert.deepEqual(phone.errors, []);
});
