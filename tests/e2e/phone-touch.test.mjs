// Phone-grade touch at devicePixelRatio 3 and 1.75: physical-pixel canvas, fling with
// inertia that comes to rest, tap vs drag, a touch that stops a fling, pull-to-refresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, route, tapNode, touchDrag, settle, flick } from './harness.mjs';

const env = useServerAndBrowser();

const cards = (sem) => sem.filter((n) => n.role === 'list-item' && n.h > 40);

async function openList(dpr) {
  const p = await newPhonePage(env.browser, { dpr });
  await openApp(p.page, env.server.url + '/#/projects');
  await waitSem(p.page, (sem) => sem.filter((n) => n.role === 'list-item' && n.h > 40).length >= 3 || null, null,
                'three project cards');
  await settle(p.page);
  p.cdp = await p.context.newCDPSession(p.page);
  return p;
}

// How far the list moved between two semantics snapshots (CSS px), from a card in both.
function moved(beforeSem, afterSem) {
  const was = new Map(cards(beforeSem).map((n) => [n.label, n.y]));
  for (const n of cards(afterSem)) if (was.has(n.label)) return was.get(n.label) - n.y;
  return Infinity;  // every card seen before is off screen: it moved more than a screen
}

for (const dpr of [3, 1.75]) {
  test(`DPR ${dpr}: canvas = CSS size × DPR; a fast flick moves the list further than the finger, then it rests`, async () => {
    const { context, page, cdp, errors } = await openList(dpr);
    const c = await page.evaluate(() => {
      const el = document.getElementById('canvas');
      const r = el.getBoundingClientRect();
      return { w: el.width, h: el.height, cssW: r.width, cssH: r.height, dpr: devicePixelRatio, debug: window.zygc.debug() };
    });
    assert.equal(c.dpr, dpr);
    assert.equal(c.w, Math.round(c.cssW * dpr), 'backing store width');
    assert.equal(c.h, Math.round(c.cssH * dpr), 'backing store height');
    assert.equal(c.debug.dpr, dpr);
    const before = await page.evaluate(() => window.zygc.semantics());
    const finger = 150;
    await flick(cdp, 200, 600, 600 - finger);
    const rest = await settle(page, 300, 10000);
    const d = moved(before, rest);
    assert.ok(d > finger * 1.5, `list moved ${d} CSS px for a ${finger} px flick`);
    assert.equal(await route(page), '#/projects', 'the flick opened nothing');
    // At rest nothing is drawn any more.
    const r0 = (await page.evaluate(() => window.zygc.debug())).renders;
    await page.waitForTimeout(300);
    assert.equal((await page.evaluate(() => window.zygc.debug())).renders, r0, 'no frames rendered at rest');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`DPR ${dpr}: tap opens, drag does not, a touch on a flinging list only stops it`, async () => {
    const { context, page, cdp, errors } = await openList(dpr);
    // A drag that starts on a card does not open it.
    const c0 = cards(await page.evaluate(() => window.zygc.semantics()))[1];
    await touchDrag(page, cdp, c0.x + c0.w / 2, c0.y + c0.h / 2, c0.x + c0.w / 2, c0.y + c0.h / 2 - 60,
                    { steps: 10, stepMs: 30 });
    await page.waitForTimeout(300);
    assert.equal(await route(page), '#/projects', 'the drag opened nothing');

    // Flick, then touch the list while it moves: it stops, nothing opens.
    await flick(cdp, 200, 650, 450);
    await page.waitForTimeout(60);
    await page.touchscreen.tap(200, 400);
    const a = await page.evaluate(() => window.zygc.semantics());
    await page.waitForTimeout(250);
    const b = await page.evaluate(() => window.zygc.semantics());
    assert.equal(await route(page), '#/projects', 'the stopping touch opened nothing');
    assert.ok(Math.abs(moved(a, b)) < 2, 'the list stopped at the touch');

    // A plain tap opens the card under the finger.
    const card = cards(await settle(page)).find((n) => n.y > 100 && n.y + n.h < 700);
    await tapNode(page, card);
    await page.waitForFunction(() => /^#\/projects\/\d+$/.test(window.zygc.route()), null, { timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('pull-to-refresh at the top of the list reloads it', async () => {
  const { context, page, cdp, errors } = await openList(3);
  const gets = [];
  page.on('request', (r) => { if (/\/api\/v1\/projects(\?|$)/.test(r.url())) gets.push(r.url()); });
  // A short pull does nothing.
  await touchDrag(page, cdp, 200, 250, 200, 300, { steps: 8, stepMs: 20, holdMs: 50 });
  await page.waitForTimeout(300);
  assert.equal(gets.length, 0, 'a 50 px pull does not refresh');
  // A long one (finger 240 px → well past 64 px shown) does.
  await touchDrag(page, cdp, 200, 250, 200, 490, { steps: 16, stepMs: 20, holdMs: 50 });
  for (let i = 0; i < 100 && gets.length === 0; i++) await page.waitForTimeout(50);
  assert.ok(gets.length >= 1, 'the list was requested again');
  assert.equal(await route(page), '#/projects');
  await waitSem(page, (sem) => sem.filter((n) => n.role === 'list-item' && n.h > 40).length >= 3 || null, null,
                'the list after the refresh');
  assert.deepEqual(errors, []);
  await context.close();
});
