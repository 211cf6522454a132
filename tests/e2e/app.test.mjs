// The app in headless Chromium as a phone, against the real reference server:
// first screen, tap into a project, search in Chinese, crisp canvas, no font download.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, route, tapNode, shotPath, onlyCardsMatching, settle }
  from './harness.mjs';

const env = useServerAndBrowser();

const hasListItem = (sem) => sem.find((n) => n.role === 'list-item' && n.label.length > 0 && n.h > 10);

test('home: ready, project list, physical-pixel canvas, no font files', async () => {
  const { context, page, fontRequests, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/');

  const mark = await page.evaluate(() => performance.getEntriesByName('zygc:first-frame').length);
  assert.equal(mark, 1, 'performance mark zygc:first-frame');
  assert.equal(await route(page), '#/');

  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, dpr: devicePixelRatio };
  });
  assert.equal(canvas.dpr, 3);
  assert.equal(canvas.w, Math.round(canvas.cssW * canvas.dpr));
  assert.equal(canvas.h, Math.round(canvas.cssH * canvas.dpr));
  assert.deepEqual([canvas.w, canvas.h], [1170, 2532]);

  await waitSem(page, hasListItem, null, 'a project list-item on the home screen');
  await settle(page);  // the glyphs of the loaded data are in
  await page.screenshot({ path: shotPath('home.png') });

  const sem = await page.evaluate(() => window.zygc.semantics());
  for (const n of sem) {
    for (const k of ['id', 'role', 'label', 'x', 'y', 'w', 'h', 'flags']) assert.ok(k in n, `semantics node has ${k}`);
  }
  assert.deepEqual(fontRequests, [], 'no font file requested');
  assert.deepEqual(errors, [], 'no page errors');
  // The minified glue keeps its one- and two-letter names to itself: a global `wx` would hide
  // WeChat's JS-SDK, `gc` the test tools' (CMakeLists.txt wraps Closure's output in a function).
  const short = await page.evaluate(() => Object.keys(window).filter((k) => k.length <= 2));
  assert.deepEqual(short, [], 'short global names on the page');
  await context.close();
});

test('tap a project: its detail with shifts', async () => {
  const { context, page, fontRequests, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/projects');
  const item = await waitSem(page, hasListItem, null, 'a project list-item');
  await tapNode(page, item);
  await page.waitForFunction(() => /^#\/projects\/\d+$/.test(window.zygc.route()), null, { timeout: 10000 });
  const r = await route(page);
  assert.match(r, /^#\/projects\/\d+$/);
  assert.equal(await page.evaluate(() => location.hash), r, 'URL follows the route');
  await waitSem(page, (sem) => sem.find((n) => /名额|已满/.test(n.label)), null, 'a shift with 名额 or 已满');
  // The title tapped is on the detail screen.
  const title = item.label.split('\n')[0];
  await waitSem(page, (sem, t) => sem.find((n) => n.label.includes(t)), title.slice(0, 6), 'the project title');
  await settle(page);
  await page.screenshot({ path: shotPath('detail.png') });

  // Back button of the browser returns to the list.
  await page.goBack();
  await page.waitForFunction(() => window.zygc.route() === '#/projects', null, { timeout: 10000 });
  assert.deepEqual(fontRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('search 小候鸟 by tapping the search box and typing', async () => {
  const { context, page, fontRequests, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/');
  await page.evaluate(() => { location.hash = '#/projects'; });
  await page.waitForFunction(() => window.zygc.route() === '#/projects');
  await waitSem(page, hasListItem, null, 'the project list');

  const box = await waitSem(page, (sem) => sem.find((n) => n.role === 'input'), null, 'the search box');
  await tapNode(page, box);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'zygc-text',
                             null, { timeout: 5000 });
  await waitSem(page, (sem) => sem.find((n) => n.role === 'input' && (n.flags & 8)), null, 'the search box focused');
  await page.keyboard.type('小候鸟');

  const items = await waitSem(page, onlyCardsMatching, '小候鸟', 'only projects matching 小候鸟 listed');
  assert.ok(items.filter((n) => n.label.includes('小候鸟')).length >= 1, 'a title contains 小候鸟');
  const input = await page.evaluate(() => window.zygc.semantics().find((n) => n.role === 'input'));
  assert.ok(input, 'search box still there');
  await settle(page);
  await page.screenshot({ path: shotPath('list.png') });
  assert.equal(await page.evaluate(() => document.getElementById('zygc-text').value), '', 'hidden input emptied');
  assert.deepEqual(fontRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});
