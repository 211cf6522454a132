// The volunteer's check-in and check-out in the real app against the real server: type the
// organizer's rotating code, check in by location (outside the radius first: the distance is
// shown), go offline, check out (待同步), reload with the API still unreachable (the stored
// outbox is shown again), come back, see it synced; the database holds each event once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, FLOW, openApp, waitSem } from './harness.mjs';
import { missing, startDevServer, sql, api, login, hasAttendance, openCheckin, tapButton, hasText, checkedIn,
         typeCheckinCode, shiftWithSignup } from './attendance_lib.mjs';

const why = missing();
const env = { server: null, browser: null, skip: why };

before(async () => {
  if (why) return;
  env.server = await startDevServer();
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
});

// A project the organizer leads, with two new shifts whose check-in windows are open now
// (A: 5–15 min from now, B: 16–26 min), and the volunteer signed up for both.
async function prepare(orgPage, volunteerId) {
  const org = await login(orgPage, '13800000002');
  const team = (org.teams || []).find((t) => t.role === 'leader');
  assert.ok(team, 'the dev organizer leads a team');
  const [p] = sql(env.server.db, `SELECT id FROM projects WHERE team_id = ${team.id} AND status = 'open' LIMIT 1`);
  assert.ok(p, 'the organizer\'s team has an open project');
  const project = (await api(orgPage, 'GET', `/projects/${p.id}`)).json;
  const now = Math.floor(Date.now() / 1000);
  const shifts = [];
  for (const [a, b] of [[5, 15], [16, 26]]) {
    shifts.push(shiftWithSignup(env.server.db, p.id, now + a * 60, now + b * 60, volunteerId));
  }
  return { project, shifts };
}

test('a volunteer checks in by code and by location, checks out offline, and it syncs once', async (t) => {
  assert.equal(env.skip, '', 'what the test needs is built');
  const vol = await newPhonePage(env.browser, FLOW);
  const org = await newPhonePage(env.browser, FLOW);
  try {
    await openApp(vol.page, env.server.url + '/#/');
    await openApp(org.page, env.server.url + '/#/');
    assert.ok(await hasAttendance(vol.page), 'the server has the /attendance endpoints');
    const me = await login(vol.page, '13800000001');
    const { project, shifts } = await prepare(org.page, me.id);
    const [A, B] = shifts;

    // ---- A: the organizer's rotating code, typed on the numeric keypad ----
    await openApp(vol.page, env.server.url + `/#/checkin/${A}`);
    await openCheckin(vol.page, A);
    assert.ok(await hasText(vol.page, '签到已开放'), 'the window rule is explained before acting');
    const code = (await api(org.page, 'GET', `/projects/${project.id}/checkin-code?shift_id=${A}`)).json.code;
    assert.match(code, /^\d{6}$/);
    await typeCheckinCode(vol.page, code);
    await checkedIn(vol.page);
    await tapButton(vol.page, '签退');
    await waitSem(vol.page, (sem) => sem.find((n) => n.label.startsWith('已签退，本班次记录')), null, 'checked out');

    // ---- B: by location; outside the radius first ----
    await vol.context.grantPermissions(['geolocation']);
    await vol.context.setGeolocation({ latitude: project.site.lat + 0.01, longitude: project.site.lng });
    await openCheckin(vol.page, B);
    await tapButton(vol.page, '定位签到');
    await waitSem(vol.page, (sem) => sem.find((n) => /你距服务地点\d+米，超出/.test(n.label)), null, 'outside the radius');
    await vol.context.setGeolocation({ latitude: project.site.lat, longitude: project.site.lng });
    await tapButton(vol.page, '定位签到');
    await checkedIn(vol.page, 'checked in by location');

    // Offline: the check-out waits as 待同步.
    await vol.context.setOffline(true);
    await tapButton(vol.page, '签退');
    await waitSem(vol.page, (sem) => sem.find((n) => n.label.startsWith('待同步 · 签退')), null, '待同步 check-out');
    // Back on the network but the API still unreachable; reload: the stored outbox is shown.
    await vol.page.route('**/api/v1/attendance/**', (r) => r.abort());
    await vol.context.setOffline(false);
    await vol.page.reload();
    await vol.page.evaluate(() => window.zygc.ready);
    await waitSem(vol.page, (sem) => sem.find((n) => n.label.startsWith('待同步 · 签退')), null, '待同步 after reload');
    await vol.page.unroute('**/api/v1/attendance/**');
    await waitSem(vol.page, (sem) => sem.find((n) => n.label.startsWith('已签退，本班次记录')) &&
                  !sem.some((n) => n.label.includes('待同步')), null, 'synced after coming back', 90000);

    const rows = sql(env.server.db, `SELECT shift_id, method, check_out IS NOT NULL AS out, checkin_event, checkout_event
      FROM attendance WHERE user_id = ${me.id} AND shift_id IN (${A}, ${B}) ORDER BY shift_id`);
    assert.equal(rows.length, 2, 'one record per shift');
    assert.deepEqual(rows.map((r) => [r.shift_id, r.method, r.out]), [[A, 'code', 1], [B, 'gps', 1]]);
    assert.ok(rows.every((r) => r.checkin_event && r.checkout_event), 'both events of each record are stored');

    // 我的时长 lists them.
    await vol.page.evaluate(() => { window.location.hash = '#/me/hours'; });
    await waitSem(vol.page, (sem) => sem.filter((n) => n.label.startsWith('待认定 · ')).length >= 2, null, 'records on 我的时长');
    assert.deepEqual([...vol.errors], []);
  } finally {
    await vol.context.close();
    await org.context.close();
  }
});
