// Hour tracking from the shift to the certificate, on one volunteer's phone, through the real
// screens (issue 9's e2e flow). The volunteer:
//   A  scans the organizer's rotating QR with the camera (Chromium's fake camera plays a video
//      of the QR the organizer's code answers) and checks out;
//   B  types the organizer's 6-digit code on the numeric keypad and checks out;
//   C  checks in by location inside the site's radius, goes offline, checks out (待同步),
//      reloads the page while still offline (the service worker serves the app; the outbox is
//      read back from storage and still shows 待同步), comes back online; the outbox drains and
//      the server holds the record once.
// The organizer approves C in 时长认定 (认定); the volunteer sees it 已认定 in 我的时长, opens
// 志愿服务记录证明, taps 保存图片, and the downloaded PNG's QR, decoded by the app's own scanner
// module, names the serial the screen shows; #/verify/SERIAL says 真实有效 and a changed
// serial says 未找到该证明.
//
// Minutes: the server dates an event by its own clock, so A and B (a few seconds each) have
// none to certify. C is a shift that began an hour ago, and the phone's clock (page.clock)
// stands at its time: check-in 55 min ago, check-out 25 min ago. Events older than two
// minutes are the offline events the server dates by their client time (flagged 离线补报的时间),
// as a phone that was out of signal at the site sends them later, so C has 30 minutes, and the
// certificate holds exactly them (the server runs without demo hours).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, newPhonePage, FLOW, openApp, waitSem, touchDrag, idle, settle, scrollUntil } from './harness.mjs';
import { missing, startDevServer, sql, login, openCheckin, tapButton, hasText, checkedIn, typeCheckinCode, drain,
         qrToolMissing, qrVideo, freshCheckinCode, launchCameraBrowser, decodeInPage, node, reveal, tap,
         verifyAnonymously, organizerPage, shiftWithSignup } from './attendance_lib.mjs';

let server, dir;
const browsers = [];
before(async () => {
  assert.equal(missing(), '', 'what the test needs is built');
  assert.equal(qrToolMissing(), '', 'the QR tool is built');
  dir = mkdtempSync(path.join(tmpdir(), 'zygc-flow-'));
  server = await startDevServer({ demoHours: false });
});
after(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const MIN = 60;
const checkedOut = (page, what) =>
  waitSem(page, (sem) => sem.find((n) => n.label.startsWith('已签退，本班次记录')) &&
          !sem.some((n) => n.label.includes('待同步')), null, what, 20000);
const queuedCheckOut = (page, what) =>
  waitSem(page, (sem) => sem.find((n) => n.label.startsWith('待同步 · 签退')), null, what);

test('QR, code, location and an offline check-out → 时长认定 → 我的时长 → certificate PNG → verify', async () => {
  // ---- The organizer: two open projects of their team; shifts A, B (windows open now) and C.
  const plain = await launchBrowser();
  browsers.push(plain);
  const org = await organizerPage(plain, server.url);
  const projects = sql(server.db, `SELECT id, title, site_lat AS lat, site_lng AS lng FROM projects
    WHERE team_id = ${org.team.id} AND status = 'open' ORDER BY id LIMIT 2`);
  assert.equal(projects.length, 2, 'the dev organizer\'s team has two open projects');
  const [P, PC] = projects;
  const [vol] = sql(server.db, `SELECT id FROM users WHERE phone = '13800000001'`);
  const t0 = Math.floor(Date.now() / 1000);
  const shift = (project, from, to) => ({ id: shiftWithSignup(server.db, project.id, t0 + from, t0 + to, vol.id) });
  // A and B: check-in is open (from 30 min before the start); the few seconds each lasts
  // fall before their start.
  const A = shift(P, 15 * MIN, 22 * MIN);
  const B = shift(P, 23 * MIN, 29 * MIN);
  // C began an hour ago and still runs when its check-in reaches the server (an offline
  // check-in for a shift that has ended is closed at once); it ends when A begins.
  const C = shift(PC, -60 * MIN, 15 * MIN);

  // ---- A: the organizer's QR, played by the volunteer's camera.
  const qr = await freshCheckinCode(org.page, P.id, A.id);
  assert.match(qr.qr_payload, new RegExp(`^zygc:checkin:${A.id}:\\d{6}$`));
  const cam = await launchCameraBrowser(qrVideo(qr.qr_payload, path.join(dir, 'qr.y4m')));
  browsers.push(cam);
  const { context, page, errors } = await newPhonePage(cam, FLOW);
  await openApp(page, server.url + '/#/');
  await login(page, '13800000001');
  await openCheckin(page, A.id);
  await tapButton(page, '扫码签到');
  await checkedIn(page, 'A: checked in by QR, synced', 30000);
  await tapButton(page, '签退');
  await checkedOut(page, 'A: checked out');

  // ---- B: the 6-digit code, typed.
  const { code } = await freshCheckinCode(org.page, P.id, B.id);
  await openCheckin(page, B.id);
  await typeCheckinCode(page, code);
  await checkedIn(page, 'B: checked in by code, synced');
  await tapButton(page, '签退');
  await checkedOut(page, 'B: checked out');

  // ---- C: by location, the phone's clock at the shift (see the top of the file).
  assert.ok(Date.now() / 1000 < t0 + 13 * MIN, 'A and B took less than 13 minutes (C still runs)');
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: PC.lat, longitude: PC.lng });
  await page.clock.setFixedTime((t0 - 55 * MIN) * 1000);
  await openCheckin(page, C.id);
  await tapButton(page, '定位签到');
  await checkedIn(page, 'C: checked in by location, synced');
  // The service worker controls the page before the network goes, so a reload works offline.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await context.setOffline(true);
  const outAt = (t0 - 25 * MIN) * 1000;
  await page.clock.setFixedTime(outAt);
  await tapButton(page, '签退');
  await queuedCheckOut(page, 'C: the check-out waits as 待同步');
  await page.reload();
  await page.evaluate(() => window.zygc.ready);
  await page.clock.setFixedTime(outAt);
  await queuedCheckOut(page, 'C: still 待同步 after a reload while offline');
  await context.setOffline(false);
  assert.ok(await drain(page, outAt, Date.now()), 'the outbox drains once the network is back');
  await checkedOut(page, 'C: checked out, synced');
  const rows = sql(server.db, `SELECT id, method, minutes, status, flags, checkin_event IS NOT NULL AS has_in,
      checkout_event IS NOT NULL AS has_out,
      (SELECT COUNT(*) FROM attendance_history h WHERE h.attendance_id = a.id AND h.action = 'check_out') AS outs
    FROM attendance a WHERE user_id = ${vol.id} AND shift_id = ${C.id}`);
  assert.equal(rows.length, 1, 'C: one record on the server');
  assert.deepEqual({ method: rows[0].method, minutes: rows[0].minutes, status: rows[0].status, has_in: rows[0].has_in,
                     has_out: rows[0].has_out, outs: rows[0].outs },
                   { method: 'gps', minutes: 30, status: 'pending', has_in: 1, has_out: 1, outs: 1 },
                   'C: checked in by location, checked out once, 30 minutes');
  assert.match(rows[0].flags, /offline/, 'C: flagged as offline time');
  const methods = sql(server.db, `SELECT shift_id, method FROM attendance WHERE user_id = ${vol.id} ORDER BY shift_id`);
  assert.deepEqual(methods, [{ shift_id: A.id, method: 'qr' }, { shift_id: B.id, method: 'code' },
                             { shift_id: C.id, method: 'gps' }], 'one record per shift, each by its way');

  // ---- 我的时长 while C is pending: loaded now and kept until a pull reloads it. (Leaving its
  // load to the outbox's drain raced the organizer: a phone in the background sent it late and
  // got the certified figures, so the pull below had nothing to show.)
  await page.evaluate(() => { window.location.hash = '#/me/hours'; });
  // The totals: each figure is the text after its label.
  const totals = (sem, want) => Object.entries(want).every(([k, v]) => sem[sem.findIndex((n) => n.label === k) + 1]?.label === v);
  await waitSem(page, totals, { '待认定时长': '30 分钟' }, '30 minutes pending in 我的时长');

  // ---- The organizer approves C in 时长认定, its flag shown before deciding.
  await openApp(org.page, `${server.url}/#/projects/${PC.id}/hours`);
  await waitSem(org.page, (sem) => sem.find((n) => n.role === 'heading' && n.label.endsWith(' · 待认定')), null,
                'C pending in 时长认定');
  await reveal(org.page, 'text', '离线补报的时间');
  await tap(org.page, 'button', '认定');
  // It leaves the 待认定 list; the 已认定 filter shows it.
  await node(org.page, 'text', '没有需要处理的记录');
  await tap(org.page, 'button', '已认定');
  await waitSem(org.page, (sem) => sem.find((n) => n.role === 'heading' && n.label.endsWith(' · 已认定')), null,
                'C certified in 时长认定');
  assert.deepEqual(sql(server.db, `SELECT status, certified, minutes FROM attendance WHERE shift_id = ${C.id}`),
                   [{ status: 'certified', certified: 1, minutes: 30 }]);

  // ---- The volunteer sees it certified in 我的时长: the screen keeps what it loaded (C
  // pending); a pull at the top of the screen reloads it.
  await waitSem(page, totals, { '待认定时长': '30 分钟' }, '30 minutes still pending in 我的时长 before the pull');
  const { gestures_ended: g } = await idle(page);
  const cdp = await context.newCDPSession(page);
  await touchDrag(page, cdp, 200, 250, 200, 490, { steps: 16, stepMs: 20, holdMs: 50 });
  await cdp.detach();
  await idle(page, { gestures: g + 1 });
  await waitSem(page, totals, { '已认定时长': '30 分钟', '待认定时长': '0 分钟' }, '30 minutes certified after the pull');
  await scrollUntil(page, (sem) => sem.find((n) => n.label === '已认定 · 30 分钟'), null, 'C 已认定 in the list');
  assert.ok(await hasText(page, PC.title), 'the certified record names its project');

  // ---- The certificate: the serial on screen, the PNG's QR, the public verification.
  await page.evaluate(() => { window.location.hash = '#/me/certificate'; });
  const serial = (await waitSem(page, (sem) => sem.find((n) => /^ZYGC-[0-9A-Z-]+$/.test(n.label)), null,
                                'the serial')).label;
  assert.ok(await hasText(page, PC.title), 'the certificate names the project');
  assert.ok(await hasText(page, '0 小时 30 分钟'), 'the certificate states the 30 certified minutes');
  // The tap waits for a still screen: one that moved under the finger (the screen's opening,
  // its data arriving) made the tap miss, and the download never came (seen once in CI).
  await settle(page);
  const download = page.waitForEvent('download');
  await tap(page, 'button', '保存图片');
  const png = readFileSync(await (await download).path());
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'the download is a PNG');
  const { text } = await decodeInPage(page, 'data:image/png;base64,' + png.toString('base64'));
  assert.ok(text.endsWith(`/#/verify/${serial}`), `the PNG's QR (${text}) names the serial on screen (${serial})`);

  const anon = await newPhonePage(plain, FLOW);
  await verifyAnonymously(anon.page, server.url, serial);

  assert.deepEqual(errors, [], 'no page errors on the volunteer\'s phone');
  assert.deepEqual(org.errors, []);
  assert.deepEqual(anon.errors, []);
});
