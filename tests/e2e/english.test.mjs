// The English words are not in the wasm (src/ui/strings.h): zygc-en.json is fetched when a
// resident picks English, and at the start of every visit that starts in English, from the
// service worker's cache when offline. Headless Chromium against the real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, tapNode } from './harness.mjs';

const env = useServerAndBrowser();
const isEnglishFile = (url) => /\/zygc-en\.[0-9a-f]{16}\.json$/.test(new URL(url).pathname);
const label = (sem, text) => sem.find((n) => n.label === text);

test('English comes with its file: fetched once when picked, at the start of an English visit, offline from the cache', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  const asked = [];  // the page's own requests for the file (not the worker's precache)
  page.on('request', (r) => { if (isEnglishFile(r.url())) asked.push(r.url()); });
  try {
    await openApp(page, env.server.url + '/#/');
    const zh = await waitSem(page, (s) => s.find((n) => n.label === 'English') && s, null, 'the Chinese home');
    assert.ok(label(zh, '首页'), 'the home tab in Chinese');
    assert.deepEqual(asked, [], 'a Chinese visit does not ask for the English words');

    await tapNode(page, label(zh, 'English'));
    const en = await waitSem(page, (s) => s.find((n) => n.label === '中文') && s, null, 'the English home');
    for (const word of ['Home', 'Projects', 'Volunteering in the city'])
      assert.ok(label(en, word), `"${word}" once English is picked`);
    assert.ok(!label(en, '首页'), 'no Chinese tab left');
    assert.equal(asked.length, 1, 'the file is fetched once');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

    // Back to Chinese and to English again: the words are kept, no second fetch.
    await tapNode(page, label(en, '中文'));
    const zh2 = await waitSem(page, (s) => s.find((n) => n.label === 'English') && s, null, 'Chinese again');
    await tapNode(page, label(zh2, 'English'));
    await waitSem(page, (s) => s.some((n) => n.label === 'Home'), null, 'English again');
    assert.equal(asked.length, 1, 'no second fetch');

    // The next visit starts in English: its first frame with data already has the words.
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
    await page.reload();
    await page.evaluate(() => window.zygc.ready);
    const first = await page.evaluate(() => window.zygc.semantics());
    assert.ok(label(first, 'Home') && !label(first, '首页'), 'the reloaded visit is English from its first data frame');

    // Offline, from the worker's cache (it precached the file after the first visit).
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      for (const n of names) {
        const c = await caches.open(n);
        if ((await c.keys()).some((r) => /\/zygc-en\.[0-9a-f]{16}\.json$/.test(r.url))) return true;
      }
      return false;
    }, null, { timeout: 20000, polling: 100 });
    await context.setOffline(true);
    await page.reload();
    await page.evaluate(() => window.zygc.ready);
    await waitSem(page, (s) => s.some((n) => n.label === 'Home') && !s.some((n) => n.label === '首页'), null,
                  'English offline');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('English that cannot be fetched: back to Chinese with a notice that says so; picked again, it comes', async () => {
  const { context, page, errors } = await newPhonePage(env.browser, { serviceWorkers: 'block' });
  try {
    await page.route(/\/zygc-en\.[0-9a-f]{16}\.json$/, (r) => r.abort('internetdisconnected'));
    await openApp(page, env.server.url + '/#/');
    const zh = await waitSem(page, (s) => s.find((n) => n.label === 'English') && s, null, 'the Chinese home');
    await tapNode(page, label(zh, 'English'));
    const notice = await waitSem(page, (s) => s.find((n) => n.label.includes('English is unavailable')) && s, null,
                                 'the notice');
    assert.ok(label(notice, '首页') && label(notice, 'English'), 'still Chinese, the switch still offers English');
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('zygc.settings')).lang), 'zh',
                 'Chinese is what is saved');

    await page.unroute(/\/zygc-en\.[0-9a-f]{16}\.json$/);
    await tapNode(page, label(notice, 'English'));
    await waitSem(page, (s) => s.some((n) => n.label === 'Home'), null, 'English on the second try');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
