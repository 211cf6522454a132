// 扫码签到 through the real check-in screen: the organizer's current rotating code, as the QR
// the console shows (qr_payload), is played by Chromium's fake camera; the volunteer taps
// 扫码签到, the camera overlay opens, the scanner module (loaded on demand) reads the code and
// the check-in lands on the server once, recorded with method qr.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, newPhonePage, FLOW, openApp } from './harness.mjs';
import { missing, startDevServer, sql, login, openCheckin, tapButton, checkedIn, qrToolMissing, qrVideo,
         freshCheckinCode, launchCameraBrowser, organizerPage, shiftWithSignup } from './attendance_lib.mjs';

let server, dir;
const browsers = [];
before(async () => {
  assert.equal(missing(), '', 'what the test needs is built');
  assert.equal(qrToolMissing(), '', 'the QR tool is built');
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
  const org = await organizerPage(plain, server.url);
  const [p] = sql(server.db, `SELECT id FROM projects WHERE team_id = ${org.team.id} AND status = 'open' LIMIT 1`);
  const [vol] = sql(server.db, `SELECT id FROM users WHERE phone = '13800000001'`);
  const now = Math.floor(Date.now() / 1000);
  const shift = { id: shiftWithSignup(server.db, p.id, now + 300, now + 3900, vol.id) };

  // The current code, with most of its minute ahead.
  const code = await freshCheckinCode(org.page, p.id, shift.id);
  assert.match(code.qr_payload, new RegExp(`^zygc:checkin:${shift.id}:\\d{6}$`));

  // The volunteer's phone, its camera playing that QR.
  const cam = await launchCameraBrowser(qrVideo(code.qr_payload, path.join(dir, 'qr.y4m')));
  browsers.push(cam);
  const phone = await newPhonePage(cam, FLOW);
  const fetched = [];
  phone.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await openApp(phone.page, server.url + '/#/');
  await login(phone.page, '13800000001');
  await openApp(phone.page, server.url + `/#/checkin/${shift.id}`);
  await openCheckin(phone.page, shift.id);
  assert.ok(!fetched.some((f) => /zygc_scanner/.test(f)), 'no scanner module before the scan');

  await tapButton(phone.page, '扫码签到');
  await checkedIn(phone.page, 'checked in by QR, synced', 30000);
  assert.ok(fetched.some((f) => /zygc_scanner/.test(f)) || await phone.page.evaluate(() => 'BarcodeDetector' in window),
            'the QR was decoded by the scanner module (or the browser\'s own detector)');
  assert.equal(await phone.page.locator('#zygc-scanner').count(), 0, 'the camera overlay closed');

  const rows = sql(server.db, `SELECT method, status FROM attendance WHERE user_id = ${vol.id} AND shift_id = ${shift.id}`);
  assert.deepEqual(rows, [{ method: 'qr', status: 'open' }], 'one record, checked in by QR');
  assert.deepEqual(phone.errors, []);
});
