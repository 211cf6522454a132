// Points end to end (issue 12) against the real server in dev mode (with its demo points) and
// the real app in headless Chromium, three browser contexts: an organizer publishes a shift
// and certifies the volunteer's record through the API (adjusted to 90 minutes → 3 points by
// the default rule); the volunteer's 我的积分 shows the new balance and the entry's cause; the
// volunteer redeems a reward of the dev merchant's shop (added by the admin through the API)
// with 兑换 → 确认兑换 and reads the 8-digit pickup code; the merchant (13800000004, a second
// context) types it on 核销's keypad and sees 核销成功; the volunteer's 我的兑换码 then says
// 已核销. Then the volunteer donates from a fund's brand page and the page's total moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { useServerAndBrowser, contextApi, newPhonePage, FLOW, openApp, waitSem, tapNode, revealWhere } from './harness.mjs';

const env = useServerAndBrowser({ dev: true });

const byRoleLabel = (sem, arg) => sem.find((n) => n.role === arg.role && n.label === arg.label);
async function node(page, role, label, timeout) {
  return waitSem(page, byRoleLabel, { role, label }, `${role} ${label}`, timeout);
}
// Scrolls until the node is fully on screen; returns it.
async function reveal(page, role, label, tries = 14) {
  return (await revealWhere(page, (sem) => sem.find((x) => x.role === role && x.label === label), tries)) || node(page, role, label);
}
async function tap(page, role, label) {
  await tapNode(page, await reveal(page, role, label));
}
async function typeInto(page, label, text) {
  await tapNode(page, await reveal(page, 'input', label));
  await waitSem(page, (sem, l) => sem.find((n) => n.role === 'input' && n.label === l && (n.flags & 8)), label,
                `${label} focused`);
  await page.keyboard.type(text);
}
// A fresh start of the app on a route (what a returning user sees; no stale data).
async function visit(page, hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.reload();
  await page.evaluate(() => window.zygc.ready);
}

// The API through a browser context's own cookie jar (the session is an HttpOnly cookie).
const { api, login } = contextApi(env);

// RFC 3339 in +08:00, minutes from now, on a whole minute.
function cst(minutesFromNow) {
  const t = new Date(Math.ceil(Date.now() / 60000) * 60000 + minutesFromNow * 60000 + 8 * 3600 * 1000);
  return t.toISOString().slice(0, 19) + '+08:00';
}
const now = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 19) + '+08:00';

// On a dev server without the demo hours (their running shifts would overlap the test's
// shift); the admin adds the clerk's shop and a brand's fund through the API when missing.
test('certify → points → redeem → merchant verifies → settled on both; donate → brand total moves',
     async () => {
  const run = String(Date.now() % 100000);
  const org = await newPhonePage(env.browser, FLOW);
  const orgMe = await login(org.context, '13800000002');
  const team = orgMe.teams.find((t) => t.role === 'leader');
  assert.ok(team, 'the dev organizer leads a team');
  const vol = await newPhonePage(env.browser, FLOW);
  await login(vol.context, '13800000001');
  const shop = await newPhonePage(env.browser, FLOW);
  const clerk = await login(shop.context, '13800000004');
  const admin = await newPhonePage(env.browser, FLOW);
  await login(admin.context, '13800000009');

  // ---- 奉献 → 认定: a shift soon, signed up, checked in and out, certified at 90 minutes.
  const title = '积分端到端测试' + run;
  const made = await api(org.context, 'POST', '/projects', {
    team_id: team.id, title, summary: '测试', description: '端到端测试项目', category: 'environment', district_id: 1,
    site: { name: '鸽子窝公园', lat: 39.8355, lng: 119.5246, radius_m: 300 },
    shifts: [{ start: cst(10), end: cst(130), capacity: 5 }],
  }, { 'Idempotency-Key': randomUUID() });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const project = made.body;
  const shift = project.shifts[0];
  const signup = await api(vol.context, 'POST', `/projects/${project.id}/signups`, { shift_id: shift.id },
                           { 'Idempotency-Key': randomUUID() });
  assert.equal(signup.status, 201, JSON.stringify(signup.body));
  const code = await api(org.context, 'GET', `/projects/${project.id}/checkin-code?shift_id=${shift.id}`);
  assert.equal(code.status, 200, JSON.stringify(code.body));
  const checkin = await api(vol.context, 'POST', '/attendance/check-in',
                            { shift_id: shift.id, method: 'code', code: code.body.code, client_time: now() },
                            { 'Idempotency-Key': randomUUID() });
  assert.equal(checkin.status, 201, JSON.stringify(checkin.body));
  const checkout = await api(vol.context, 'POST', '/attendance/check-out',
                             { attendance_id: checkin.body.id, client_time: now() },
                             { 'Idempotency-Key': randomUUID() });
  assert.equal(checkout.status, 200, JSON.stringify(checkout.body));

  // 我的积分 before the certification.
  const before = (await api(vol.context, 'GET', '/me/points')).body.balance;
  await openApp(vol.page, `${env.server.url}/#/me/points`);
  await node(vol.page, 'text', String(before));
  const certified = await api(org.context, 'POST', `/hours/${checkin.body.id}/certify`,
                              { decision: 'adjust', minutes: 90, reason: '按签到表核定' });
  assert.equal(certified.status, 200, JSON.stringify(certified.body));

  // ---- 回馈: the points appear, with their cause and the project.
  await visit(vol.page, '#/me/points');
  await node(vol.page, 'text', String(before + 3));
  await node(vol.page, 'text', '+3 积分 · 服务时长认定');
  await node(vol.page, 'text', title);

  // A reward of the dev merchant's shop, added by the admin (1 point, so any balance covers it).
  const merchants = (await api(admin.context, 'GET', '/merchants?limit=100')).body.items;
  let mine = merchants.find((m) => m.owner_user_id === clerk.id);
  if (!mine) {  // without the demo data the admin adds the clerk's shop first
    const added = await api(admin.context, 'POST', '/merchants',
                            { name: '端到端测试商户' + run, district_id: 1, address: '人民路1号', owner_user_id: clerk.id });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    mine = added.body;
  }
  const rewardName = '端到端兑换券' + run;
  const reward = await api(admin.context, 'POST', '/rewards', {
    merchant_id: mine.id, name: rewardName, description: '测试', category: 'shop', points: 1, stock: 5,
    per_person_limit: 1,
  });
  assert.equal(reward.status, 201, JSON.stringify(reward.body));

  await visit(vol.page, `#/rewards/${reward.body.id}`);
  await node(vol.page, 'heading', rewardName);
  // The balance comes in its own answer and pushes 兑换 down: tap once it is there (a tap aimed
  // before it landed above the moved button, and the test waited for a sheet that never came).
  await waitSem(vol.page, (sem) => sem.find((n) => n.label.startsWith('我的积分')), null, 'the balance');
  await tap(vol.page, 'button', '兑换');
  await node(vol.page, 'text', `确认用 1 积分兑换「${rewardName}」× 1？`);
  await tap(vol.page, 'button', '确认兑换');
  const codeNode = await waitSem(vol.page, (sem) => sem.find((n) => n.role === 'heading' && /^\d{8}$/.test(n.label)),
                                 null, 'the pickup code');
  const pickup = codeNode.label;
  assert.ok(codeNode.h >= 30, 'the code is large');
  await node(vol.page, 'image', 'QR');

  // ---- The merchant types it on 核销's keypad.
  await openApp(shop.page, `${env.server.url}/#/merchant/verify`);
  await node(shop.page, 'heading', '输入兑换码');
  for (const digit of pickup) {
    const typed = await shop.page.evaluate(() =>
      window.zygc.semantics().find((n) => n.label.startsWith('已输入：')).label);
    await tap(shop.page, 'button', digit);
    await waitSem(shop.page, (sem, want) => sem.find((n) => n.label === want), typed + digit, 'the digit typed');
  }
  await node(shop.page, 'text', '已输入：' + pickup);
  await tap(shop.page, 'button', '核销');
  await node(shop.page, 'heading', '核销成功');
  await node(shop.page, 'text', '已核销');
  // The same code a second time: refused.
  for (const digit of pickup) await tap(shop.page, 'button', digit);
  await node(shop.page, 'text', '已输入：' + pickup);
  await tap(shop.page, 'button', '核销');
  await node(shop.page, 'text', '该兑换码已核销，不能重复使用');

  // ---- The volunteer's 我的兑换码 says 已核销 for it (newest first: on top).
  await visit(vol.page, '#/me/redemptions');
  const name = await node(vol.page, 'text', rewardName);
  await waitSem(vol.page, (sem, y) => sem.find((n) => n.label === '已核销' && n.y > y && n.y < y + 150), name.y,
                '已核销 under the reward');
  const stillShown = await vol.page.evaluate((c) => window.zygc.semantics().some((n) => n.label === c), pickup);
  assert.equal(stillShown, false, 'a settled code is no longer shown');

  // ---- 再奉献: a fund linked to a brand; its total on the brand page moves.
  const funds = (await api(vol.context, 'GET', '/funds?limit=100')).body.items;
  let fund = funds.find((f) => f.brand_slug);
  if (!fund) {  // without the demo data the admin opens one for a brand first
    const added = await api(admin.context, 'POST', '/funds',
                            { name: '端到端测试基金' + run, description: '测试', brand_slug: 'cuncaoxin' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    fund = added.body;
  }
  await visit(vol.page, `#/brands/${fund.brand_slug}`);
  await reveal(vol.page, 'text', `已募集 ${fund.total_points} 积分`);
  await tap(vol.page, 'button', '捐赠积分');
  await waitSem(vol.page, (sem) => sem.find((n) => n.role === 'input' && n.label === '捐赠积分数'), null,
                'the donation form');
  await typeInto(vol.page, '捐赠积分数', '2');
  await tap(vol.page, 'button', '下一步');
  await node(vol.page, 'text', `确认向「${fund.name}」捐赠 2 积分？`);
  await tap(vol.page, 'button', '确认捐赠');
  await node(vol.page, 'button', `已向「${fund.name}」捐赠2积分，感谢再奉献`);
  await visit(vol.page, `#/brands/${fund.brand_slug}`);
  await reveal(vol.page, 'text', `已募集 ${fund.total_points + 2} 积分`);

  for (const p of [org, vol, shop, admin]) {
    assert.deepEqual(p.errors, []);
    await p.context.close();
  }
});
