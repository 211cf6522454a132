// History, deep links, settings, the screen-reader mirror and 关怀版 on a phone:
// back returns one screen (browser or app arrow) and never leaves the app from a sub-screen;
// reload restores the screen; the DOM mirror holds the semantics' labels; 关怀版 makes text
// and targets ≥ 1.5× larger and is remembered. Screenshots: build/e2e/phone-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, route, tapNode, settle, shotPath, scrollUntil } from './harness.mjs';

const env = useServerAndBrowser();

const waitRoute = (page, re) => page.waitForFunction((src) => new RegExp(src).test(window.zygc.route()), re.source,
                                                     { timeout: 20000 });
const card = (s) => s.find((n) => n.role === 'list-item' && n.h > 40 && n.y > 80);

test('back returns one screen, the app arrow too; reload restores the screen', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  // The page asks for the first data while the wasm compiles; the app takes those answers.
  const api = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/')) api.push(new URL(r.url()).pathname + new URL(r.url()).search); });
  const wasmDone = new Promise((res) => page.on('requestfinished', (r) => { if (r.url().endsWith('.wasm')) res(api.length); }));
  // A phone's network (not loopback's): the wasm takes a second to arrive, so "in parallel"
  // is a property of the page, not of which of two loopback requests the scheduler ran first.
  const cdp = await context.newCDPSession(page);
  // And a phone's CPU: a busy main thread is when answers that are in still wait to be read.
  await cdp.send('Network.emulateNetworkConditions',
                 { offline: false, latency: 150, downloadThroughput: 200 * 1024, uploadThroughput: 94 * 1024 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await openApp(page, env.server.url + '/');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await waitSem(page, card, null, 'home with projects');
  for (const p of ['/api/v1/stats/city', '/api/v1/stats/dashboard', '/api/v1/brands', '/api/v1/me', '/api/v1/projects?status=open&sort=start&limit=10'])
    assert.equal(api.filter((u) => u === p).length, 1, `${p} requested once (prefetched, then taken by the app): ${api.join(' ')}`);
  // In parallel, not after: they start before the wasm has arrived.
  const before = await wasmDone;
  assert.ok(before >= 5, `the first API requests started before zygc.wasm finished loading (${before} of 5 before it)`);
  // Their answers were in before the app started: its first drawn frame shows the projects.
  const drawn = await page.evaluate(() => performance.getEntriesByName('zygc:first-data')[0]?.detail?.drawn);
  assert.equal(drawn, 1, 'the first drawn frame shows the first data');
  const tab = await waitSem(page, (s) => s.find((n) => n.role === 'tab' && n.label === '项目'), null, 'the 项目 tab');
  await tapNode(page, tab);
  await waitRoute(page, /^#\/projects$/);
  // A card of 项目's list (its search box drawn): not one of the home screen's cards from the
  // semantics of a frame before, whose place on 项目 may be a filter chip's.
  const item = await waitSem(page, (s) => s.some((n) => n.role === 'input' && n.label === '搜索项目') &&
                                          s.find((n) => n.role === 'list-item' && n.h > 40 && n.y > 80),
                             null, 'a card of the list');
  await tapNode(page, item);
  await waitRoute(page, /^#\/projects\/\d+$/);
  const detail = await route(page);

  await page.goBack();
  await waitRoute(page, /^#\/projects$/);
  await page.goForward();
  await waitRoute(page, /^#\/projects\/\d+$/);
  assert.equal(await route(page), detail);

  // The app's own back arrow is history.back() within the visit.
  const back = await waitSem(page, (s) => s.find((n) => n.role === 'button' && n.label === '返回'), null, 'the back arrow');
  await tapNode(page, back);
  await waitRoute(page, /^#\/projects$/);

  // Reload restores the screen.
  await page.reload();
  await page.evaluate(() => window.zygc.ready);
  assert.equal(await route(page), '#/projects');
  await waitSem(page, (s) => s.find((n) => n.role === 'list-item'), null, 'the list after reload');
  await page.goBack();
  await waitRoute(page, /^#\/$/);
  assert.ok(page.url().startsWith(env.server.url), 'still in the app');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link: back walks up to home and stays in the app; reload keeps the entries', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/projects');
  // A card of 项目's list (its search box drawn): not one of the home screen's cards from the
  // semantics of a frame before, whose place on 项目 may be a filter chip's.
  const item = await waitSem(page, (s) => s.some((n) => n.role === 'input' && n.label === '搜索项目') &&
                                          s.find((n) => n.role === 'list-item' && n.h > 40 && n.y > 80),
                             null, 'a card of the list');
  await tapNode(page, item);
  await waitRoute(page, /^#\/projects\/\d+$/);
  const link = page.url();

  // A shared link opened in a fresh tab.
  const { context: c2, page: p2, errors: e2 } = await newPhonePage(env.browser);
  await openApp(p2, link);
  assert.equal(await route(p2), new URL(link).hash);
  await waitSem(p2, (s) => s.find((n) => /名额|已满/.test(n.label)), null, 'the shared project');
  await p2.reload();
  await p2.evaluate(() => window.zygc.ready);
  assert.equal(await route(p2), new URL(link).hash, 'reload restores the shared screen');
  await p2.goBack();
  await waitRoute(p2, /^#\/projects$/);
  await p2.goBack();
  await waitRoute(p2, /^#\/$/);
  assert.ok(p2.url().startsWith(env.server.url), 'still in the app at home');
  // The app's back arrow on a deep link with no history goes to the parent screen.
  await p2.goto(env.server.url + '/#/projects/1');
  await p2.evaluate(() => window.zygc.ready);
  const back = await waitSem(p2, (s) => s.find((n) => n.role === 'button' && n.label === '返回'), null, 'the back arrow');
  await tapNode(p2, back);
  await waitRoute(p2, /^#\/projects$/);
  assert.ok(p2.url().startsWith(env.server.url));
  assert.deepEqual(e2, []);
  assert.deepEqual(errors, []);
  await c2.close();
  await context.close();
});

test('WeChat mini-program web-view: ?code= taken once, share posts the route, back at root', async () => {
  const { context, page } = await newPhonePage(env.browser);
  await context.addInitScript(() => {
    window.__wxjs_environment = 'miniprogram';
    window.__wxlog = [];
    window.wx = { miniProgram: {
      postMessage: (m) => window.__wxlog.push(['post', m.data]),
      navigateBack: () => window.__wxlog.push(['back']),
    } };
  });
  await openApp(page, env.server.url + '/?code=wx-one-time-123#/projects');
  assert.equal(await route(page), '#/projects');
  assert.ok(!page.url().includes('code='), `code removed from ${page.url()}`);
  assert.ok(page.url().endsWith('#/projects'));
  // Share: the current screen's title and path are posted to the mini-program.
  await page.waitForFunction(() => window.__wxlog.some(([k, d]) => k === 'post' && d.path.endsWith('#/projects')),
                             null, { timeout: 5000 });
  const post = await page.evaluate(() => window.__wxlog.find(([k]) => k === 'post')[1]);
  assert.match(post.title, /志愿港城/);
  assert.ok(!post.path.includes('code='));
  await context.close();
});

test('the screen-reader mirror holds the semantics labels, in screen order; activating taps', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/projects');
  await waitSem(page, (s) => s.filter((n) => n.role === 'list-item').length >= 2 || null, null, 'the list');
  await settle(page);
  const { labels, mirror, roles } = await page.evaluate(() => {
    window.zygc.mirror();  // rebuilt now from this frame's semantics (the page does it ~80 ms after a change)
    const labels = window.zygc.semantics().filter((n) => n.role !== 'window' && n.w > 0 && n.h > 0).map((n) => n.label);
    // Every mirrored node (list items sit in role=list containers, a card's lines inside its item).
    const els = [...document.querySelectorAll('#zygc-a11y [data-role]')];
    const label = (e) => (e.querySelector(':scope > .zygc-label') || e).textContent;
    return { labels, mirror: els.map(label), roles: els.map((e) => e.getAttribute('role') || e.tagName) };
  });
  assert.deepEqual([...mirror].sort(), [...labels].sort(), 'same labels');
  assert.ok(roles.includes('BUTTON') && roles.includes('textbox') && roles.includes('listitem') && roles.includes('tab'),
            `roles: ${[...new Set(roles)].join(',')}`);
  // Screen order: tops never go up by more than a row's tolerance.
  const tops = await page.evaluate(() => [...document.querySelectorAll('#zygc-a11y [data-role]')].map((e) =>
    parseFloat(e.style.top) + (e.parentElement.dataset.role === 'list-item' ? parseFloat(e.parentElement.style.top) : 0)));
  for (let i = 1; i < tops.length; i++) assert.ok(tops[i] >= tops[i - 1] - 4, `order at ${i}`);
  // The selected tab says so.
  const selected = await page.evaluate(() =>
    [...document.querySelectorAll('#zygc-a11y [role=tab]')].map((e) => [e.textContent, e.getAttribute('aria-selected')]));
  assert.deepEqual(selected.find(([t]) => t === '项目'), ['项目', 'true']);
  // The result count is shown, and announced.
  assert.ok(labels.some((l) => /共\s*[\d,]+\s*个项目/.test(l)), 'the list shows its result count');
  const live = await page.evaluate(() => document.getElementById('zygc-live').textContent);
  assert.match(live, /共\s*[\d,]+\s*个项目/);
  // A screen reader's click on a mirrored card opens it.
  await page.evaluate(() => {
    const el = [...document.querySelectorAll('#zygc-a11y [role=listitem]')].find((e) => parseFloat(e.style.top) > 80);
    el.click();
  });
  await waitRoute(page, /^#\/projects\/\d+$/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Median of heights of the nodes with the role.
const medianH = (s, role) => {
  const hs = s.filter((n) => n.role === role && n.h > 0).map((n) => n.h).sort((a, b) => a - b);
  return hs.length ? hs[Math.floor(hs.length / 2)] : 0;
};

test('screenshots, and 关怀版: text and targets ≥ 1.5× larger, remembered', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/');
  await waitSem(page, card, null, 'home with projects');
  // The switch is part of home: its absence is a failure (waitSem throws), not a skip.
  await waitSem(page, (s) => s.find((n) => n.label === '关怀版' && n.role === 'checkbox'), null, 'the 关怀版 switch on home');
  const normalHome = await settle(page);
  await page.screenshot({ path: shotPath('phone-home.png') });
  const shots = async (suffix) => {
    await page.evaluate(() => { location.hash = '#/projects'; });
    await waitRoute(page, /^#\/projects$/);
    await waitSem(page, card, null, 'the list');
    await settle(page);
    await page.screenshot({ path: shotPath(`phone-list${suffix}.png`) });
    await tapNode(page, await waitSem(page, card, null, 'a card'));
    await waitRoute(page, /^#\/projects\/\d+$/);
    await waitSem(page, (s) => s.find((n) => n.role === 'heading' && n.label === '项目详情'), null, 'the detail');
    await settle(page);
    await page.screenshot({ path: shotPath(`phone-detail${suffix}.png`) });
    // Its shifts, below a long description in 关怀版.
    await scrollUntil(page, (s) => s.find((n) => /名额|已满/.test(n.label)), null, 'the shifts');
    await settle(page);
    await page.screenshot({ path: shotPath(`phone-shifts${suffix}.png`) });
  };
  await shots('');
  await page.evaluate(() => { location.hash = '#/'; });
  await waitRoute(page, /^#\/$/);
  await tapNode(page, await waitSem(page, (s) => s.find((n) => n.label === '关怀版'), null, 'the switch'));
  await waitSem(page, (s) => s.find((n) => n.label === '关怀版' && (n.flags & 2)), null, '关怀版 on');
  const careHome = await settle(page);  // laid out again with the larger glyphs
  await page.screenshot({ path: shotPath('phone-home-care.png') });

  const ratio = (role) => medianH(careHome, role) / medianH(normalHome, role);
  const text = ratio('text');
  assert.ok(text >= 1.5, `text ${text.toFixed(2)}× larger`);
  const targets = careHome.filter((n) => ['button', 'tab', 'checkbox', 'link', 'list-item'].includes(n.role) && n.h > 0);
  const small = targets.filter((n) => n.h < 48 && n.y + n.h < 844 && n.y > 0);
  assert.deepEqual(small.map((n) => `${n.role}:${n.label}:${n.h}`), [], 'every target ≥ 48 CSS px');
  const button = ratio('button');
  assert.ok(button >= 1.5 || medianH(careHome, 'button') >= 72, `buttons ${button.toFixed(2)}× larger`);

  // Remembered across visits.
  assert.match(await page.evaluate(() => localStorage.getItem('zygc.settings')), /"care_mode":true/);
  await page.reload();
  await page.evaluate(() => window.zygc.ready);
  await waitSem(page, (s) => s.find((n) => n.label === '关怀版' && (n.flags & 2)), null, '关怀版 still on after reload');
  await shots('-care');
  assert.deepEqual(errors, []);
  await context.close();
});
