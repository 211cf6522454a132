// Forms and flows on a phone (issue 10): the hidden input takes each field's kind (phone → tel,
// 验证码 → numeric + one-time-code, ID → latin text, search → search); unfinished pinyin is not
// searched for; the search box clears with ×; search and filters live in the URL (reload,
// back); and a new resident goes from a cold start to a sign-up in ≤ 12 taps, counted here.
// An organizer publishes a project through the pickers — the day and times in the bottom
// sheet, the place by 使用当前位置 with the browser's geolocation — and the server has those
// times and coordinates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, FLOW, openApp, waitSem, route, tapNode, idle, onlyCardsMatching,
         revealWhere, contextApi } from './harness.mjs';

const env = useServerAndBrowser({ dev: true });

// A valid GB 11643 number for 海港区 with a random sequence (each run registers a new one).
function idNumber() {
  const seq = String(100 + Math.floor(Math.random() * 899));
  const first17 = '130302' + '19900101' + seq;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}

const byRoleLabel = (sem, arg) => sem.find((n) => n.role === arg.role && n.label === arg.label && !(n.flags & 1));
const node = (page, role, label) => waitSem(page, byRoleLabel, { role, label }, `${role} ${label}`);

// The hidden <input>'s keyboard attributes.
const hidden = (page) => page.evaluate(() => {
  const el = document.getElementById('zygc-text');
  return { type: el.type, inputmode: el.inputMode, autocomplete: el.getAttribute('autocomplete'),
           enterkeyhint: el.getAttribute('enterkeyhint'), autocapitalize: el.getAttribute('autocapitalize'),
           focused: document.activeElement === el };
});

// Every tap goes through here, so the test knows how many the resident made.
function tapper(page) {
  const t = {
    count: 0,
    async node(n) { t.count++; await tapNode(page, n); },
    async on(role, label) { await t.node(await reveal(page, role, label)); },
  };
  return t;
}

// Scrolls until the node is fully on screen; returns it.
async function reveal(page, role, label, tries = 12) {
  return (await revealWhere(page, (sem) => sem.find((x) => x.role === role && x.label === label && !(x.flags & 1)), tries)) || node(page, role, label);
}

async function focused(page, label) {
  await waitSem(page, (sem, l) => sem.find((n) => n.role === 'input' && n.label === l && (n.flags & 8)), label,
                `${label} focused`);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'zygc-text', null,
                             { timeout: 5000 });
}

test('cold start → signed up in ≤ 12 taps; each field opens its own keyboard', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, FLOW);
  const tap = tapper(page);
  await openApp(page, env.server.url + '/');

  // Home → a project with places (1), 报名 (2), 报名须知 确认报名 (3). The cards under 近期项目 (the
  // brand strip's cards are list items too), scrolled to with drags, not taps.
  // (近期项目 is below the fold once the brand covers have their room: found by dragging.)
  await tap.node(await revealWhere(page, (sem) => {
    const head = sem.find((n) => n.role === 'heading' && n.label === '近期项目');
    return head && sem.find((n) => n.role === 'list-item' && n.h > 40 && n.y > head.y);
  }) ?? assert.fail('no card under 近期项目 came on screen'));
  await page.waitForFunction(() => /^#\/projects\/\d+$/.test(window.zygc.route()), null, { timeout: 10000 });
  const projectHash = await route(page);
  await tap.on('button', '报名');
  await node(page, 'heading', '报名须知');
  await tap.on('button', '确认报名');

  // The login: phone (4), 获取验证码 (5), 验证码 (6), 登录 (7).
  await page.waitForFunction(() => window.zygc.route() === '#/login', null, { timeout: 10000 });
  await tap.on('input', '手机号');
  await focused(page, '手机号');
  assert.deepEqual(await hidden(page), { type: 'tel', inputmode: 'tel', autocomplete: 'tel', enterkeyhint: 'next',
                                         autocapitalize: 'off', focused: true });
  await page.keyboard.type('139' + String(Math.floor(1e7 + Math.random() * 8e7)));
  await tap.on('button', '获取验证码');
  const dev = await waitSem(page, (sem) => sem.find((n) => n.label.startsWith('开发模式验证码：')), null, 'the dev code');
  await tap.on('input', '验证码');
  await focused(page, '验证码');
  const code = await hidden(page);
  assert.equal(code.inputmode, 'numeric');
  assert.equal(code.autocomplete, 'one-time-code');
  await page.keyboard.type(dev.label.replace('开发模式验证码：', ''));
  await tap.on('button', '登录');

  // 实名注册 straight after the login: name (8), ID (9), district chip (10), consent (11), 提交 (12).
  await page.waitForFunction(() => window.zygc.route() === '#/me/volunteer', null, { timeout: 10000 });
  await tap.on('input', '真实姓名');
  await focused(page, '真实姓名');
  assert.equal((await hidden(page)).inputmode, 'text');
  await page.keyboard.type('李小华');
  await tap.on('input', '身份证号码');
  await focused(page, '身份证号码');
  const id = await hidden(page);
  assert.equal(id.type, 'text');
  assert.equal(id.inputmode, 'text');  // letters and digits: the latin keyboard, capitals (the X)
  assert.equal(id.autocapitalize, 'characters');
  await page.keyboard.type(idNumber());
  await tap.on('button', '海港区');
  await tap.on('checkbox', '我单独同意处理我的敏感个人信息');
  await tap.on('button', '提交实名注册');

  // Back on the project, signed up.
  await waitSem(page, (sem) => sem.find((n) => n.label === '报名成功'), null, '报名成功');
  assert.equal(await route(page), projectHash);
  await node(page, 'text', '已报名');
  assert.ok(tap.count <= 12, `${tap.count} taps`);
  console.log(`cold start → sign-up: ${tap.count} taps`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('search: pinyin is not searched, × clears, the URL keeps search and filters', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, FLOW);
  const searches = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('/projects') && u.searchParams.has('q')) searches.push(u.searchParams.get('q'));
  });
  await openApp(page, env.server.url + '/#/projects');
  await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item'), null, 'the list');
  await tapNode(page, await node(page, 'input', '搜索项目'));
  await focused(page, '搜索项目');
  const kind = await hidden(page);
  assert.equal(kind.type, 'search');
  assert.equal(kind.enterkeyhint, 'search');

  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'xiao', selectionStart: 4, selectionEnd: 4 });
  await page.waitForFunction(() => window.zygc.field() === 'xiao', null, { timeout: 5000 });
  await cdp.send('Input.imeSetComposition', { text: 'xiaohou', selectionStart: 7, selectionEnd: 7 });
  await page.waitForFunction(() => window.zygc.field() === 'xiaohou', null, { timeout: 5000 });
  await idle(page);
  assert.deepEqual(searches, [], 'nothing searched mid-composition');
  assert.equal(await route(page), '#/projects');
  await cdp.send('Input.insertText', { text: '小候鸟' });
  await waitSem(page, onlyCardsMatching, '小候鸟', 'only projects matching 小候鸟');
  assert.deepEqual(searches, ['小候鸟']);
  assert.equal(await route(page), '#/projects?q=' + encodeURIComponent('小候鸟'));
  const entries = await page.evaluate(() => history.length);

  // A reload keeps the search.
  await openApp(page, env.server.url + '/#/projects?q=' + encodeURIComponent('小候鸟'));
  await waitSem(page, onlyCardsMatching, '小候鸟', 'the search after a reload');
  await waitSem(page, (sem) => sem.find((n) => n.role === 'button' && n.label === '清除搜索'), null, 'the × button');

  // Into a project and back: the search is still there.
  await tapNode(page, await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item' && n.h > 40), null, 'a card'));
  await page.waitForFunction(() => /^#\/projects\/\d+$/.test(window.zygc.route()), null, { timeout: 10000 });
  await page.goBack();
  await waitSem(page, onlyCardsMatching, '小候鸟', 'the search after back');
  assert.equal(await route(page), '#/projects?q=' + encodeURIComponent('小候鸟'));
  assert.ok(entries >= 2);

  // × clears it: every project again, and a clean URL.
  await tapNode(page, await node(page, 'button', '清除搜索'));
  await page.waitForFunction(() => window.zygc.route() === '#/projects', null, { timeout: 5000 });
  await waitSem(page, (sem) => !sem.find((n) => n.role === 'button' && n.label === '清除搜索') &&
                               sem.filter((n) => n.role === 'list-item').some((n) => !n.label.includes('小候鸟')),
                null, 'the whole list');
  assert.deepEqual(errors, []);
  await context.close();
});

// The organizer opens the form by its address, signed in beforehand: the app learns who they
// are after the form opened, and still offers the team they lead.
test('an organizer publishes with the pickers: day and times from the sheet, place from the location', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, FLOW);
  const { api, login } = contextApi(env);
  await context.grantPermissions(['geolocation'], { origin: env.server.url });
  await context.setGeolocation({ latitude: 39.934621, longitude: 119.630483, accuracy: 15 });
  await login(context, '13800000002');  // a team leader of the dev data
  await openApp(page, env.server.url + '/#/projects/new');
  // The form shows once the app knows who is signed in (/me); revealing before that would scroll
  // past its first field.
  await node(page, 'input', '项目标题');

  const typeIn = async (label, text) => {
    await tapNode(page, await reveal(page, 'input', label));
    await focused(page, label);
    await page.keyboard.type(text);
  };
  const title = '海边读书会' + Math.floor(Math.random() * 100000);
  await typeIn('项目标题', title);
  await typeIn('一句话简介', '周末在海边给孩子读书');
  await typeIn('项目介绍', '每周六上午在海边为社区儿童读绘本。');
  await tapNode(page, await reveal(page, 'button', '请选择类别'));
  await tapNode(page, await node(page, 'button', '关爱儿童'));
  await typeIn('服务地点', '海港区青云里社区党群服务中心');

  // 使用当前位置: the browser's geolocation fills the place and the district.
  await tapNode(page, await reveal(page, 'button', '使用当前位置'));
  await waitSem(page, (sem) => sem.find((n) => n.label === '海港区 · 39.93462, 119.63048'), null, 'the located place');
  await reveal(page, 'button', '海港区');  // the district chip, chosen from the place

  // The day and times from the sheet: no typing. The placeholder is a hint, not a value.
  await tapNode(page, await reveal(page, 'button', '开始时间：选择日期和时间'));
  const tomorrow = await waitSem(page, (sem) => sem.find((n) => n.role === 'button' && n.label.startsWith('明天 ')),
                                 null, '明天 in the day list');
  await tapNode(page, tomorrow);
  await tapNode(page, await node(page, 'button', '10时'));
  await tapNode(page, await node(page, 'button', '15分'));
  await tapNode(page, await node(page, 'button', '确定'));
  const start = await reveal(page, 'button', '开始时间：' + tomorrow.label.slice(3) + ' 10:15');
  assert.ok(start);
  await tapNode(page, await reveal(page, 'button', '结束时间：选择日期和时间'));
  await tapNode(page, await node(page, 'button', '13时'));  // the end starts at the start's day, 12:15
  await tapNode(page, await node(page, 'button', '确定'));
  await reveal(page, 'button', '结束时间：' + tomorrow.label.slice(3) + ' 13:15');
  await typeIn('签到半径（米）', '300');
  await typeIn('名额', '12');
  await tapNode(page, await reveal(page, 'button', '发布'));
  await waitSem(page, (sem) => sem.find((n) => n.label === '项目已发布'), null, '项目已发布');
  const hash = await route(page);
  assert.match(hash, /^#\/projects\/\d+$/);

  // The server has the project with those times and that place.
  const id = hash.split('/').pop();
  const got = await api(context, 'GET', '/projects/' + id);
  assert.equal(got.status, 200);
  const p = got.body;
  assert.equal(p.title, title);
  assert.equal(p.district_id, 1);
  assert.ok(Math.abs(p.site.lat - 39.93462) < 1e-6, String(p.site.lat));
  assert.ok(Math.abs(p.site.lng - 119.63048) < 1e-6, String(p.site.lng));
  const day = new Date(Date.now() + 8 * 3600e3 + 86400e3).toISOString().slice(0, 10);  // tomorrow in +08:00
  assert.equal(p.shifts.length, 1);
  assert.equal(Date.parse(p.shifts[0].start), Date.parse(`${day}T10:15:00+08:00`));
  assert.equal(Date.parse(p.shifts[0].end), Date.parse(`${day}T13:15:00+08:00`));
  assert.deepEqual(errors, []);
  await context.close();
});
