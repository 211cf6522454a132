// first-visit (issue 11): the app in two parts (scripts/split-wasm.mjs). zygc.wasm holds what
// a first visit runs; zygc.deferred.wasm the rest, fetched once the first data is on screen.
// Real server, real build, headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, settle, route } from './harness.mjs';

const env = useServerAndBrowser();
const DEFERRED = /\/zygc\.deferred\.[0-9a-f]+\.wasm$|\/zygc\.deferred\.wasm$/;
const heading = (sem) => sem.filter((n) => n.role === 'heading' && n.h > 0).sort((a, b) => a.y - b.y)[0]?.label || '';
const cards = (sem) => sem.some((n) => n.role === 'list-item');

test('the first frame needs only zygc.wasm; the deferred part comes after the first data, and its screens work', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, { serviceWorkers: 'block' });
  const asked = [];
  page.on('request', (r) => { if (DEFERRED.test(r.url())) asked.push(r.url()); });
  await openApp(page, `${env.server.url}/#/projects`);
  await waitSem(page, cards, null, 'the project list');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /zygc\.deferred\./.test(e.name)),
                             null, { timeout: 15000 });
  const t = await page.evaluate(() => ({
    frame: performance.getEntriesByName('zygc:first-frame')[0]?.startTime,
    data: performance.getEntriesByName('zygc:first-data')[0]?.startTime,
    deferred: performance.getEntriesByType('resource').find((e) => /zygc\.deferred\./.test(e.name)).startTime,
  }));
  assert.ok(t.frame > 0 && t.data > 0, `marks: ${JSON.stringify(t)}`);
  assert.ok(t.deferred >= t.data, `zygc.deferred.wasm asked for at ${t.deferred} ms, before the first data (${t.data} ms)`);

  // A screen the first visit never runs (the city's figures with their charts).
  const before = heading(await settle(page));
  await page.evaluate(() => { location.hash = '#/data'; });
  const sem = await waitSem(page, (s, b) => s.some((n) => n.role === 'heading' && n.h > 0 && n.label !== b) && s, before, 'the data screen');
  assert.equal(await route(page), '#/data');
  assert.notEqual(heading(sem), before);
  assert.equal(asked.length, 1, `asked once: ${asked.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// A return visit runs code a first one does not (the saved settings are read): it too draws its
// first frames from zygc.wasm alone. (A stale list made it load the deferred part synchronously
// inside main(), a quarter of a second on a throttled phone.)
test('a return visit also needs only zygc.wasm before the first data', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, { serviceWorkers: 'block' });
  await openApp(page, `${env.server.url}/#/projects`);
  await waitSem(page, cards, null, 'the project list');
  await page.goto('about:blank');
  const kinds = [];
  page.on('request', (r) => { if (DEFERRED.test(r.url())) kinds.push(r.resourceType()); });
  await openApp(page, `${env.server.url}/#/projects`);
  await waitSem(page, cards, null, 'the project list, again');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /zygc\.deferred\./.test(e.name)),
                             null, { timeout: 15000 });
  const t = await page.evaluate(() => ({
    data: performance.getEntriesByName('zygc:first-data')[0]?.startTime,
    deferred: performance.getEntriesByType('resource').find((e) => /zygc\.deferred\./.test(e.name)).startTime,
  }));
  assert.ok(t.deferred >= t.data, `zygc.deferred.wasm asked for at ${t.deferred} ms, before the first data (${t.data} ms)`);
  assert.deepEqual(kinds, ['fetch'], 'fetched in the background, never by a synchronous load');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap into deferred code before its file arrived loads it there and then', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, { serviceWorkers: 'block' });
  // Every background fetch fails (as on a dropped connection); the request made by the call
  // that needs the code (a synchronous XHR) goes through.
  const kinds = [];
  await page.route(DEFERRED, (r) => {
    kinds.push(r.request().resourceType());
    return r.request().resourceType() === 'fetch' ? r.abort('connectionreset') : r.continue();
  });
  await openApp(page, `${env.server.url}/#/projects`);
  await waitSem(page, cards, null, 'the project list');
  for (let i = 0; i < 200 && !kinds.length; i++) await page.waitForTimeout(50);  // made after the first data
  assert.deepEqual(kinds.slice(0, 1), ['fetch'], 'the background fetch was made (and failed)');
  const before = heading(await settle(page));
  await page.evaluate(() => { location.hash = '#/data'; });
  await waitSem(page, (s, b) => s.some((n) => n.role === 'heading' && n.h > 0 && n.label !== b), before, 'the data screen');
  assert.equal(kinds.filter((k) => k === 'xhr').length, 1, `loaded by the call that needed it: ${kinds.join(', ')}`);
  assert.deepEqual(errors.filter((e) => !/zygc\.deferred/.test(e)), []);
  await context.close();
});

test('offline, a second visit opens a screen of the deferred part from the service worker\'s cache', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await openApp(page, `${env.server.url}/#/projects`);
  await waitSem(page, cards, null, 'the project list');
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await page.waitForFunction(() => caches.keys().then(async (ks) => {
    for (const k of ks) if ((await (await caches.open(k)).keys()).some((r) => /zygc\.deferred\./.test(r.url))) return true;
    return false;
  }), null, { timeout: 20000, polling: 200 });
  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => window.zygc.ready);
  await page.evaluate(() => { location.hash = '#/data'; });
  await waitSem(page, (s) => s.some((n) => n.role === 'heading' && n.h > 0), null, 'the data screen, offline');
  assert.equal(await route(page), '#/data');
  assert.deepEqual(errors, []);
  await context.close();
});
