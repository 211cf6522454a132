// Certification end to end against the real server (the hours server's binary) and the real
// app in headless Chromium: an organizer publishes a shift starting soon and opens 签到管理;
// the code is read from the console's semantics; a volunteer (a second browser context) signs
// up and checks in with that code and out again through the API (the check-in screens are
// another branch's); the organizer certifies the record in 时长认定 through the UI (调整时长 with
// a reason); the volunteer's 志愿服务记录证明 shows a serial; #/verify/SERIAL says 真实有效 with no
// login, and a changed serial says 未找到该证明.
// Needs ZYGC_SERVER (or build/native/src/server/zygc-server) with the hours routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useServerAndBrowser, contextApi, newPhonePage, FLOW, openApp, waitSem, tapNode } from './harness.mjs';
import { node, reveal, tap, verifyAnonymously } from './attendance_lib.mjs';

const env = useServerAndBrowser({ dev: true });

async function typeInto(page, label, text) {
  await tapNode(page, await reveal(page, 'input', label));
  await waitSem(page, (sem, l) => sem.find((n) => n.role === 'input' && n.label === l && (n.flags & 8)), label,
                `${label} focused`);
  await page.keyboard.type(text);
}

// The API through a browser context's own cookie jar (the session is an HttpOnly cookie).
const { api, login } = contextApi(env);

// RFC 3339 in +08:00, minutes from now, on a whole minute.
function cst(minutesFromNow) {
  const t = new Date(Math.ceil(Date.now() / 60000) * 60000 + minutesFromNow * 60000 + 8 * 3600 * 1000);
  return t.toISOString().slice(0, 19) + '+08:00';
}
const now = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 19) + '+08:00';

test('organizer console code → volunteer checks in → 时长认定 → certificate → verify', async (t) => {
  const org = await newPhonePage(env.browser, FLOW);
  await login(org.context, '13800000002');
  const me = await api(org.context, 'GET', '/me');
  const team = me.body.teams.find((t) => t.role === 'leader');
  assert.ok(team, 'the dev organizer leads a team');

  // A project with a shift starting in 10 minutes (check-in opens 30 minutes before).
  const draft = {
    team_id: team.id, title: '净滩行动认定测试' + Date.now() % 100000, summary: '测试', description: '端到端测试项目',
    category: 'environment', district_id: 1,
    site: { name: '鸽子窝公园', lat: 39.8355, lng: 119.5246, radius_m: 300 },
    shifts: [{ start: cst(10), end: cst(130), capacity: 5 }],
  };
  const made = await api(org.context, 'POST', '/projects', draft, { 'Idempotency-Key': randomUUID() });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const project = made.body;
  const shift = project.shifts[0];

  // The volunteer signs up.
  const vol = await newPhonePage(env.browser, FLOW);
  await login(vol.context, '13800000001');
  const signup = await api(vol.context, 'POST', `/projects/${project.id}/signups`, { shift_id: shift.id },
                           { 'Idempotency-Key': randomUUID() });
  assert.equal(signup.status, 201, JSON.stringify(signup.body));

  // The organizer's console shows the code in large figures; it is read from the semantics.
  await openApp(org.page, `${env.server.url}/#/projects/${project.id}/shifts/${shift.id}/console`);
  const codeNode = await waitSem(org.page, (sem) => sem.find((n) => n.role === 'heading' && /^\d{6}$/.test(n.label)),
                                 null, 'the check-in code');
  assert.ok(codeNode.h >= 40, 'the code is large');
  await node(org.page, 'image', 'QR');
  await node(org.page, 'heading', '待签到（1）');

  // The volunteer types it (through the API: the check-in screen lives in another branch).
  const checkin = await api(vol.context, 'POST', '/attendance/check-in',
                            { shift_id: shift.id, method: 'code', code: codeNode.label, client_time: now() },
                            { 'Idempotency-Key': randomUUID() });
  assert.equal(checkin.status, 201, JSON.stringify(checkin.body));
  const checkout = await api(vol.context, 'POST', '/attendance/check-out',
                             { attendance_id: checkin.body.id, client_time: now() },
                             { 'Idempotency-Key': randomUUID() });
  assert.equal(checkout.status, 200, JSON.stringify(checkout.body));

  // The organizer certifies it in 时长认定: 调整时长 to 60 minutes with a reason.
  await openApp(org.page, `${env.server.url}/#/projects/${project.id}/hours`);
  const row = await waitSem(org.page, (sem) => sem.find((n) => n.role === 'heading' && n.label.endsWith(' · 待认定')),
                            null, 'the pending record');
  assert.ok(row);
  await tap(org.page, 'button', '调整时长');
  await typeInto(org.page, '认定时长（分钟）', '60');
  await typeInto(org.page, '理由（必填）', '按签到表核定');
  await tap(org.page, 'button', '确定');
  await node(org.page, 'button', '已调整并认定');

  // The volunteer's certificate has a serial.
  await openApp(vol.page, `${env.server.url}/#/me/certificate`);
  const serialNode = await waitSem(vol.page, (sem) => sem.find((n) => /^ZYGC-[0-9A-Z-]+$/.test(n.label)), null,
                                   'the serial');
  const serial = serialNode.label;
  await node(vol.page, 'button', '保存图片');

  // Anyone verifies it, without logging in.
  const anon = await newPhonePage(env.browser, FLOW);
  await verifyAnonymously(anon.page, env.server.url, serial);

  for (const p of [org, vol, anon]) {
    assert.deepEqual(p.errors, []);
    await p.context.close();
  }
});
