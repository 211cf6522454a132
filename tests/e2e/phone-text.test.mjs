// Chinese IME through the DevTools protocol: the composition shows inside the ImGui field and
// the committed 小候鸟 filters the project list; copy and paste through the system clipboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newPhonePage, openApp, waitSem, route, tapNode, onlyCardsMatching, idle } from './harness.mjs';

const env = useServerAndBrowser();

async function focusSearch(page) {
  await openApp(page, env.server.url + '/#/projects');
  await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item'), null, 'the list');
  const box = await waitSem(page, (sem) => sem.find((n) => n.role === 'input'), null, 'the search box');
  await tapNode(page, box);
  // The hidden <input> is focused inside the touch handler (so a phone opens its keyboard).
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'zygc-text', null,
                             { timeout: 5000 });
  await waitSem(page, (sem) => sem.find((n) => n.role === 'input' && (n.flags & 8)), null, 'the search box focused');
}

for (const dpr of [3, 1.75]) {
  test(`DPR ${dpr}: IME composition in place, then 小候鸟 committed filters the list`, async () => {
    const { context, page, errors } = await newPhonePage(env.browser, { dpr });
    await focusSearch(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'xiao', selectionStart: 4, selectionEnd: 4 });
    await page.waitForFunction(() => window.zygc.field() === 'xiao', null, { timeout: 5000 });
    await cdp.send('Input.imeSetComposition', { text: '小候', selectionStart: 2, selectionEnd: 2 });
    await page.waitForFunction(() => window.zygc.field() === '小候', null, { timeout: 5000 });
    await cdp.send('Input.insertText', { text: '小候鸟' });
    await page.waitForFunction(() => window.zygc.field() === '小候鸟', null, { timeout: 5000 });

    await waitSem(page, onlyCardsMatching, '小候鸟', 'only projects matching 小候鸟');
    assert.equal(await page.evaluate(() => document.getElementById('zygc-text').value), '', 'hidden input emptied');
    // The search lives in the list's URL (issue 10).
    assert.equal(await route(page), '#/projects?q=' + encodeURIComponent('小候鸟'));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('select all, copy, paste back; Backspace and arrows edit', async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await focusSearch(page);
  await page.keyboard.insertText('志愿港城');
  await page.waitForFunction(() => window.zygc.field() === '志愿港城', null, { timeout: 5000 });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => window.zygc.field() === '志愿城', null, { timeout: 5000 });
  await page.keyboard.press('Control+A');
  await idle(page, { n: 2 });  // the key applied to ImGui and the field drawn with its selection
  // The browser's copy event on the hidden input takes the field's selection.
  const copied = await page.evaluate(() => {
    let got = null;
    const el = document.getElementById('zygc-text');
    const dt = new DataTransfer();
    const ev = new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true });
    el.dispatchEvent(ev);
    got = dt.getData('text/plain');
    return got;
  });
  assert.equal(copied, '志愿城');
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const el = document.getElementById('zygc-text');
    const dt = new DataTransfer();
    dt.setData('text/plain', '秦皇岛');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.zygc.field() === '志愿城秦皇岛', null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});
