// Accounts end to end on a phone (headless Chromium, touch, DPR 3) against the real server in
// dev mode: log in by typing the phone number and the dev code through the keyboard path,
// 实名注册, sign up for a shift and find it in 我的报名; an organizer publishes a project and
// a resident then finds it in the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, FLOW, openApp, waitSem, route, tapNode, revealWhere } from './harness.mjs';

// A valid GB 11643 number for 海港区 with a random sequence (each run registers a new one).
function idNumber() {
  const seq = String(100 + Math.floor(Math.random() * 899));
  const first17 = '130302' + '19880808' + seq;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}

const env = useServerAndBrowser({ dev: true });

// (waitSem sends the predicate's source to the page: no closures, only its argument.)
const byRoleLabel = (sem, arg) => sem.find((n) => n.role === arg.role && n.label === arg.label);
async function node(page, role, label) {
  return waitSem(page, byRoleLabel, { role, label }, `${role} ${label}`);
}
async function tap(page, role, label) {
  await tapNode(page, await node(page, role, label));
}
// Scrolls until the node is fully on screen; returns it.
async function reveal(page, role, label, tries = 12) {
  return (await revealWhere(page, (sem) => sem.find((x) => x.role === role && x.label === label), tries)) || node(page, role, label);
}
// Taps a text field, waits for it to be focused, types through the keyboard.
async function typeInto(page, label, text) {
  await tapNode(page, await reveal(page, 'input', label));
  await waitSem(page, (sem, l) => sem.find((n) => n.role === 'input' && n.label === l && (n.flags & 8)), label,
                `${label} focused`);
  await page.keyboard.type(text);
}
async function pick(page, chipLabel, optionLabel) {
  await tapNode(page, await reveal(page, 'button', chipLabel));
  await tap(page, 'button', optionLabel);
}

async function login(page, phone) {
  await openApp(page, env.server.url + '/#/login');
  await typeInto(page, '手机号', phone);
  await tap(page, 'button', '获取验证码');
  const dev = await waitSem(page, (sem) => sem.find((n) => n.label.startsWith('开发模式验证码：')), null, 'the dev code');
  const code = dev.label.replace('开发模式验证码：', '');
  assert.match(code, /^\d{6}$/);
  await waitSem(page, (sem) => sem.find((n) => n.role === 'button' && /秒后重新获取$/.test(n.label)), null,
                'the countdown');
  await typeInto(page, '验证码', code);
  await tap(page, 'button', '登录');
  await page.waitForFunction(() => window.zygc.route() !== '#/login', null, { timeout: 10000 });
}

test('a resident logs in, registers, signs up for a shift and sees it in 我的报名', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, FLOW);
  await login(page, '139' + String(Math.floor(1e7 + Math.random() * 8e7)));

  await tap(page, 'tab', '我的');
  await tap(page, 'button', '实名注册成为志愿者');
  await typeInto(page, '真实姓名', '王小明');
  await typeInto(page, '身份证号码', idNumber());
  await tapNode(page, await reveal(page, 'button', '海港区'));  // the districts are chips: one tap
  await tapNode(page, await reveal(page, 'checkbox', '周末'));
  await tapNode(page, await reveal(page, 'checkbox', '我单独同意处理我的敏感个人信息'));
  await tapNode(page, await reveal(page, 'button', '提交实名注册'));
  await waitSem(page, (sem) => sem.find((n) => n.label === '实名注册成功'), null, 'the toast');
  assert.equal(await route(page), '#/me');
  const masked = await waitSem(page, (sem) => sem.find((n) => /^\d{4}\*{10}\d{3}[\dX]$/.test(n.label)), null,
                               'the masked ID');
  assert.ok(masked);

  // A project with a place left.
  await openApp(page, env.server.url + '/#/projects');
  await tapNode(page, await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item' && n.h > 40), null, 'a card'));
  const sign = await waitSem(page, (sem) => sem.find((n) => n.role === 'button' && n.label === '报名' && !(n.flags & 1)),
                             null, 'an enabled 报名');
  const title = (await page.evaluate(() => window.zygc.semantics().filter((n) => n.role === 'heading')))[1].label;
  await tapNode(page, sign);
  await tap(page, 'button', '确认报名');  // 报名须知 first
  await waitSem(page, (sem) => sem.find((n) => n.label === '报名成功'), null, '报名成功');

  await openApp(page, env.server.url + '/#/me/signups');
  await node(page, 'link', title);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an organizer publishes a project and a resident finds it in the list', async () => {
  const org = await newPhonePage(env.browser, FLOW);
  const page = org.page;
  await login(page, '13800000002');
  await openApp(page, env.server.url + '/#/projects/new');
  const title = '海边读书会' + Math.floor(Math.random() * 1000);
  await typeInto(page, '项目标题', title);
  await typeInto(page, '一句话简介', '周末在海边给孩子读书');
  await typeInto(page, '项目介绍', '每周六上午在海边为社区儿童读绘本。');
  await pick(page, '请选择类别', '关爱儿童');
  await pick(page, '请选择区县', '海港区');
  await typeInto(page, '服务地点', '海港区西港花园');
  await tapNode(page, await reveal(page, 'link', '高级：手动输入经纬度'));  // the coordinates by hand
  await typeInto(page, '纬度', '39.93');
  await typeInto(page, '经度', '119.6');
  await typeInto(page, '签到半径（米）', '300');
  // The times from the picker sheet (issue 10): 明天 09:00, and the end two hours later.
  await tapNode(page, await reveal(page, 'button', '开始时间：选择日期和时间'));
  await tap(page, 'button', '确定');
  await tapNode(page, await reveal(page, 'button', '结束时间：选择日期和时间'));
  await tap(page, 'button', '确定');
  await typeInto(page, '名额', '12');
  await tapNode(page, await reveal(page, 'button', '发布'));
  await waitSem(page, (sem) => sem.find((n) => n.label === '项目已发布'), null, '项目已发布');
  assert.match(await route(page), /^#\/projects\/\d+$/);
  await org.context.close();

  const resident = await newPhonePage(env.browser, FLOW);
  await openApp(resident.page, env.server.url + '/#/projects');
  await typeInto(resident.page, '搜索项目', title);
  await node(resident.page, 'list-item', title);
  await resident.context.close();
});
