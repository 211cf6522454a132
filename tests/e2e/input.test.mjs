// Touch and text input details: a drag scrolls and never taps; rare characters and emoji
// typed into a field get glyphs; Backspace edits; a tap whose events land in one frame works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, route, tapNode, idle, frames, debug } from './harness.mjs';

const env = useServerAndBrowser();

const listItems = (sem) => sem.filter((n) => n.role === 'list-item' && n.h > 40);

// A finger drag at ~60 samples a second (the pause paces the input; it guards no assertion).
async function drag(page, cdp, x, y0, y1, steps = 12) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await page.waitForTimeout(16);
    await cdp.send('Input.dispatchTouchEvent',
                   { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('a vertical drag scrolls the list and opens nothing', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/projects');
  const before = await waitSem(page, (sem) => {
    const items = sem.filter((n) => n.role === 'list-item' && n.h > 40);
    return items.length >= 3 ? items : null;
  }, null, 'three project cards');
  const first = before[0];
  const cdp = await context.newCDPSession(page);
  const { gestures_ended: g0 } = await debug(page);
  // Start on a card (a tap there would open it), drag up by 300 CSS px.
  await drag(page, cdp, first.x + first.w / 2, first.y + first.h / 2 + 200, first.y + first.h / 2 - 100);
  await idle(page, { gestures: g0 + 1 });  // the drag handled to its end, any fling over, frames after
  assert.equal(await route(page), '#/projects', 'the drag did not open a project');
  const after = listItems(await page.evaluate(() => window.zygc.semantics()));
  assert.ok(after.length >= 1, 'the list is still shown');
  const moved = after.find((n) => n.label === before[1].label);
  assert.ok(!moved || moved.y < before[1].y - 150, `list scrolled (card 2 at ${before[1].y} → ${moved?.y})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap right after load opens the project (first touch counts)', async () => {
  const { context, page } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/projects');
  const item = await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item' && n.h > 40), null, 'a card');
  // touchstart and touchend in the same frame, no mouse move before.
  await page.evaluate(({ x, y }) => {
    const c = document.getElementById('canvas');
    const t = new Touch({ identifier: 7, target: c, clientX: x, clientY: y });
    c.dispatchEvent(new TouchEvent('touchstart', { touches: [t], changedTouches: [t], bubbles: true, cancelable: true }));
    c.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [t], bubbles: true, cancelable: true }));
  }, { x: item.x + item.w / 2, y: item.y + item.h / 2 });
  await page.waitForFunction(() => /^#\/projects\/\d+$/.test(window.zygc.route()), null, { timeout: 5000 });
  await context.close();
});

test('rare characters and emoji typed into the search box; Backspace edits', async () => {
  const { context, page, errors, fontRequests } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/projects');
  await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item'), null, 'the list');
  // 㑇 is in the data (a project further down): its glyph comes with the rest, after the first data.
  await page.waitForFunction(() => window.zygc.glyph('㑇') === 1, null, { timeout: 10000 });

  const box = await waitSem(page, (sem) => sem.find((n) => n.role === 'input'), null, 'the search box');
  await tapNode(page, box);
  await waitSem(page, (sem) => sem.find((n) => n.role === 'input' && (n.flags & 8)), null, 'the search box focused');
  await page.keyboard.insertText('祖巍巍😀');
  await page.waitForFunction(() => window.zygc.glyph('巍') === 1 && window.zygc.glyph('😀') === 1, null,
                             { timeout: 5000 });
  await waitSem(page, (sem) => sem.filter((n) => n.role === 'list-item').length === 0, null, 'no results');

  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('小候鸟');
  await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item' && n.label.includes('小候鸟')), null,
                'results for 小候鸟 after deleting the rest');
  // The search lives in the list's URL (issue 10): a reload or a shared link keeps it.
  assert.equal(await route(page), '#/projects?q=' + encodeURIComponent('小候鸟'));
  assert.deepEqual(fontRequests, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// The glyph area holds ~1,700 glyphs at DPR 3. A list whose titles hold 4,000 distinct
// ideographs fills it from the answer alone (the idle rasterizer stops when it is full); then
// the cards scrolled into view want glyphs it has no room for, and the area starts over with
// what is on screen. Every glyph on screen must be there afterwards.
test('a full glyph area starts over with what is on screen, and the screen has all its glyphs', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  const sample = await (await fetch(`${env.server.url}/api/v1/projects?limit=20`)).json();
  const titleOf = (i) => Array.from({ length: 10 }, (_, k) => String.fromCodePoint(0x4e00 + i * 10 + k)).join('');
  const items = Array.from({ length: 400 }, (_, i) => ({ ...sample.items[i % sample.items.length], id: 1000000 + i, title: titleOf(i) }));
  const body = JSON.stringify({ ...sample, items, total: items.length, next_cursor: null });
  await page.route(/\/api\/v1\/projects(\?|$)/, (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await openApp(page, env.server.url + '/#/projects');
  await waitSem(page, (sem, t) => sem.find((n) => n.role === 'list-item' && n.label.includes(t)), titleOf(0), 'the first card');
  let last = null;
  for (let i = 0; i < 400 && !last; i++) {
    await page.mouse.move(195, 400);
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(30);
    last = await page.evaluate((t) => window.zygc.semantics().find((n) => n.role === 'list-item' && n.label.includes(t)), titleOf(399));
  }
  assert.ok(last, 'the last card was reached');
  await idle(page);
  const d = await debug(page);
  assert.ok(d.glyph_evictions >= 1, `the area started over (${JSON.stringify(d)})`);
  const missing = await page.evaluate(() => {
    const out = [];
    for (const n of window.zygc.semantics()) {
      for (const ch of n.label) if (ch.trim() && window.zygc.glyph(ch) !== 1) out.push(ch);
    }
    return out;
  });
  assert.deepEqual(missing, [], 'every glyph on screen is in the atlas');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new devicePixelRatio rebuilds canvas, theme and glyph atlas', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/projects');
  await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item'), null, 'the list');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
  await page.waitForFunction(() => window.zygc.debug().dpr === 2, null, { timeout: 5000 });
  await frames(page, 3);  // the atlas rebuilt at the new scale has been drawn with
  const d = await page.evaluate(() => window.zygc.debug());
  assert.deepEqual([d.fb_w, d.fb_h], [780, 1688]);
  assert.ok(d.font_texture > 0, 'font texture recreated');
  assert.equal(await page.evaluate(() => window.zygc.glyph('候')), 1);
  const item = await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item' && n.h > 40), null, 'a card');
  await tapNode(page, item);
  await page.waitForFunction(() => /^#\/projects\/\d+$/.test(window.zygc.route()), null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});
