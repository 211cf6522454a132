// 我的报名 in pages: a volunteer with more upcoming sign-ups than one page (50) and years of past
// ones. The app follows the answers' Link headers while a page is all upcoming and stops at
// the page that reaches the past ones: every upcoming sign-up is there (a check-in link for
// the last one finds it), and the past ones beyond that page come only when the volunteer
// scrolls down to them (已结束的报名).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, FLOW, openApp, waitSem, revealWhere } from './harness.mjs';
import { missing, startDevServer, sql, login, shiftWithSignup } from './attendance_lib.mjs';

const why = missing();
const env = { server: null, browser: null, skip: why };

before(async () => {
  if (why) return;
  env.server = await startDevServer({ demoHours: false });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
});

test('我的报名 follows its pages to the last upcoming sign-up and no further', async () => {
  assert.equal(env.skip, '', 'what the test needs is built');
  const { context, page, errors } = await newPhonePage(env.browser, FLOW);
  try {
    await openApp(page, env.server.url + '/#/');
    const me = await login(page, '13800000001');
    const db = env.server.db;
    const [p] = sql(db, `SELECT id FROM projects WHERE status = 'open' LIMIT 1`);
    // 60 upcoming one-hour shifts, a day apart, and 120 past ones; the last upcoming one starts
    // at 09:17, a minute no other shift has.
    const day = 86400, now = Math.floor(Date.now() / 1000), nine = now - (now % day) + day + 3600;
    let last = 0;
    for (let i = 0; i < 60; i++) {
      const start = nine + i * day + (i === 59 ? 17 * 60 : 0);
      last = shiftWithSignup(db, p.id, start, start + 3600, me.id);
    }
    for (let i = 1; i <= 120; i++) shiftWithSignup(db, p.id, nine - (i + 2) * day, nine - (i + 2) * day + 3600, me.id);
    const [{ up, all }] = sql(db, `SELECT sum(s.end_at > unixepoch()) AS up, count(*) AS "all" FROM signups g
      JOIN shifts s ON s.id = g.shift_id WHERE g.user_id = ${me.id} AND g.status = 'confirmed'`);
    assert.ok(up > 50 && all - up >= 120, `${up} upcoming, ${all - up} past`);

    const answers = signupAnswers(page);
    // The check-in screen of the last upcoming shift: it knows the sign-up (its time is shown)
    // only when that page was followed.
    await openApp(page, env.server.url + `/#/checkin/${last}`);
    await waitSem(page, (sem) => sem.find((n) => n.label.includes('09:17')), null, 'the last upcoming sign-up', 20000);
    await page.evaluate(() => { location.hash = '#/me/signups'; });
    await waitSem(page, (sem) => sem.some((n) => n.role === 'link'), null, '我的报名');
    await page.waitForFunction(() => window.zygc.debug().fetch_in_flight === 0);

    // Pages of 50, one after another, until the one holding the first past sign-up.
    const pages = await Promise.all(answers);
    const walk = pages.filter((x) => x === pages.find((y) => y.url === x.url));
    const expected = Math.floor(up / 50) + 1;
    assert.equal(walk.length, Math.min(expected, Math.ceil(all / 50)), JSON.stringify(walk));
    assert.match(walk[0].url, /\/me\/signups\?limit=50$/);
    for (const [i, w] of walk.entries()) {
      assert.equal(w.items, 50, `page ${i + 1} is whole`);
      if (i > 0) assert.equal(w.url, new URL(walk[i - 1].next.match(/<([^>]+)>/)[1], w.url).href, 'the Link is followed');
    }
    assert.match(walk.at(-1).next, /rel="next"/, 'the server had more, the app did not ask');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// The sign-up answers a page receives, each read in full: { url, items, next }.
function signupAnswers(page) {
  const answers = [];
  page.on('response', (r) => {
    if (!/\/api\/v1\/me\/signups\?/.test(r.url())) return;
    answers.push(r.json().then((body) => ({ url: r.url(), items: body.length, next: r.headers().link || '' })));
  });
  return answers;
}

test('已结束的报名: the past sign-ups come a page at a time as the volunteer scrolls to them', async () => {
  assert.equal(env.skip, '', 'what the test needs is built');
  const { context, page, errors } = await newPhonePage(env.browser, FLOW);
  try {
    await openApp(page, env.server.url + '/#/');
    const me = await login(page, '139' + String(Math.floor(1e7 + Math.random() * 8e7)));
    const db = env.server.db;
    const [p] = sql(db, `SELECT id FROM projects WHERE status = 'open' LIMIT 1`);
    // 2 upcoming and 120 past sign-ups; past one i (1 = the latest) starts at 09:(i mod 60).
    const day = 86400, now = Math.floor(Date.now() / 1000), nine = now - (now % day) + day + 3600;
    for (let i = 0; i < 2; i++) shiftWithSignup(db, p.id, nine + i * day, nine + i * day + 3600, me.id);
    for (let i = 1; i <= 120; i++) {
      const start = nine - (i + 2) * day + (i % 60) * 60;
      shiftWithSignup(db, p.id, start, start + 3600, me.id);
    }
    const answers = signupAnswers(page);
    await openApp(page, env.server.url + '/#/me/signups');
    await waitSem(page, (sem) => sem.some((n) => n.role === 'heading' && n.label === '已结束的报名'), null, '已结束的报名');
    await page.waitForFunction(() => window.zygc.debug().fetch_in_flight === 0);
    let pages = await Promise.all(answers);
    assert.equal(pages.length, 1, 'one page: 2 upcoming and the 48 latest past ones');
    assert.equal(pages[0].items, 50);

    // Past one 49 is on the second page: it is there once the volunteer has scrolled down.
    const found = await revealWhere(page, (sem) => sem.find((n) => n.label.includes('09:49')), 40);
    assert.ok(found, 'the 49th past sign-up, from the second page');
    pages = await Promise.all(answers);
    assert.equal(pages[1].url, new URL(pages[0].next.match(/<([^>]+)>/)[1], pages[1].url).href, 'the Link is followed');
    assert.equal(pages[1].items, 50);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
