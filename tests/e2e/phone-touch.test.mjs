// Phone-grade touch at devicePixelRatio 3 and 1.75: physical-pixel canvas, fling with
// inertia that comes to rest, tap vs drag, a touch that stops a fling, pull-to-refresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, route, tapNode, touchDrag, settle, flick, idle, frames, debug }
  from './harness.mjs';

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
    const { gestures_ended: g0 } = await debug(page);
    const finger = 150;
    await flick(cdp, 200, 600, 600 - finger);
    await idle(page, { gestures: g0 + 1 });  // the flick seen to its end, the fling run out
    const rest = await settle(page);
    const d = moved(before, rest);
    assert.ok(d > finger * 1.5, `list moved ${d} CSS px for a ${finger} px flick`);
    assert.equal(await route(page), '#/projects', 'the flick opened nothing');
    // At rest nothing is drawn any more: 30 frames run, none of them rendered.
    const { renders: r0, frame: f0 } = await debug(page);
    await frames(page, 30);
    const after = await debug(page);
    assert.ok(after.frame >= f0 + 30);
    assert.equal(after.renders, r0, 'no frames rendered at rest');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`DPR ${dpr}: tap opens, drag does not, a touch on a flinging list only stops it`, async () => {
    const { context, page, cdp, errors } = await openList(dpr);
    // A drag that starts on a card does not open it.
    const c0 = cards(await page.evaluate(() => window.zygc.semantics()))[1];
    let { gestures_ended: g } = await debug(page);
    await touchDrag(page, cdp, c0.x + c0.w / 2, c0.y + c0.h / 2, c0.x + c0.w / 2, c0.y + c0.h / 2 - 60,
                    { steps: 10, stepMs: 30 });
    await idle(page, { gestures: ++g });  // the whole drag handled, and frames to act on it
    assert.equal(await route(page), '#/projects', 'the drag opened nothing');

    // Flick, then touch the list while it moves: it stops, nothing opens.
    await flick(cdp, 200, 650, 450);
    await page.waitForFunction((g) => { const d = window.zygc.debug(); return d.gestures_ended >= g && d.scrolling; },
                               ++g, { polling: 'raf', timeout: 5000 });  // the flick has ended: the list flings
    await page.touchscreen.tap(200, 400);
    const stopped = await idle(page, { gestures: ++g, still: false });
    assert.equal(stopped.scrolling, false, 'the touch stopped the fling');
    await frames(page, 2);  // the last scroll step, if one was set, is on screen
    const a = await page.evaluate(() => window.zygc.semantics());
    await frames(page, 15);
    const b = await page.evaluate(() => window.zygc.semantics());
    assert.equal(await route(page), '#/projects', 'the stopping touch opened nothing');
    assert.ok(Math.abs(moved(a, b)) < 2, 'the list stays where the touch stopped it');

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
  // The app's list requests, counted in the page as the app makes them (fetch is called
  // synchronously when the refresh is dispatched, inside a frame).
  await page.evaluate(() => {
    window.__listGets = 0;
    const fetch0 = window.fetch;
    window.fetch = function (url, init) {
      if (/\/api\/v1\/projects(\?|$)/.test(String(url && url.url ? url.url : url))) window.__listGets++;
      return fetch0.call(this, url, init);
    };
  });
  const gets = () => page.evaluate(() => window.__listGets);
  const d0 = await debug(page);
  const threshold = d0.pull_threshold;  // CSS px of shown pull (ui::kPullRefreshCss)
  assert.equal(threshold, 64);
  let g = d0.gestures_ended;
  // A short pull does nothing: the finger travels 50 px, the pull shown stays under the threshold.
  await page.evaluate(() => {  // the largest pull shown, sampled every frame
    window.__maxPull = 0;
    const sample = () => {
      window.__maxPull = Math.max(window.__maxPull, window.zygc.debug().pull_px);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await touchDrag(page, cdp, 200, 250, 200, 300, { steps: 8, stepMs: 20, holdMs: 50 });
  const quiet = await idle(page, { gestures: ++g });  // released, the pull eased back, and frames after
  assert.equal(quiet.pull_px, 0);
  const most = await page.evaluate(() => window.__maxPull);
  assert.ok(most > 0 && most < threshold, `a short pull was shown (${most} CSS px) under the threshold`);
  assert.equal(await gets(), 0, 'a 50 px pull does not refresh');
  // A long one (finger 240 px → well past the threshold shown) does.
  await touchDrag(page, cdp, 200, 250, 200, 490, { steps: 16, stepMs: 20, holdMs: 50 });
  await page.waitForFunction(() => window.__listGets >= 1, null, { polling: 'raf', timeout: 5000 })
    .catch(() => assert.fail('the list was not requested again after a long pull'));
  assert.ok(await page.evaluate(() => window.__maxPull) >= threshold, 'the long pull was shown past the threshold');
  assert.equal(await route(page), '#/projects');
  await waitSem(page, (sem) => sem.filter((n) => n.role === 'list-item' && n.h > 40).length >= 3 || null, null,
                'the list after the refresh');
  assert.deepEqual(errors, []);
  await context.close();
});
