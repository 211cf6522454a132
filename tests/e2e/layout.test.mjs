// look (issue 10): the layout of every screen at 320, 390 and 1280 CSS px wide, in Chinese,
// English and 关怀版: no text leaves its card or the screen, no wrapped line begins with closing
// punctuation or ends with an opening one (禁则, read from the app's own line breaks), every
// target is at least 44 CSS px (48 in 关怀版), and on a desktop window the screen is a centred
// column with the pointer cursor over what can be tapped. Screenshots of every screen at
// 390×844 DPR 3 (zh, en, 关怀版) and 1280×800 go to build/e2e/screens/ with a contact sheet
// (index.html) for a person to review. Also: a toast leaves by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHOTS, useServerAndBrowser, newPhonePage, openApp, waitSem, settle, frames, scrollUntil, tapNode } from './harness.mjs';

const env = useServerAndBrowser({ dev: true });
// Written at the deadline while the shared machine could not build the wasm in time: not run
// yet, so reported as todo (they run, their findings show, the suite does not fail on them)
// until a first run has fixed what they find.
const TODO = { todo: 'not run yet: written while the wasm could not be built (look, issue 10)' };
const SCREENS = path.join(SHOTS, 'screens');

const NO_START = '。，、；：？！」』）》〉】”’.,;:?!)]…';
const NO_END = '「『（《〈【“‘([·';
const TARGETS = ['button', 'input', 'checkbox', 'tab', 'link', 'list-item'];

async function loginOrganizer(page) {
  return page.evaluate(async () => {
    const h = { 'Content-Type': 'application/json', 'X-Requested-With': 'zygc' };
    const phone = '13800000002';
    const r = await fetch('/api/v1/auth/sms-code', { method: 'POST', headers: h, body: JSON.stringify({ phone }) });
    const { dev_code: code } = await r.json();
    const l = await fetch('/api/v1/auth/login', { method: 'POST', headers: h, body: JSON.stringify({ phone, code }) });
    return l.status;
  });
}

// Every route kind with real ids from the demo data (the list tests/e2e/zoom.test.mjs walks).
async function everyRoute(page) {
  return page.evaluate(async () => {
    const get = (p) => fetch('/api/v1' + p).then((r) => r.json());
    const projects = await get('/projects?limit=1');
    const brands = await get('/brands');
    const teams = await get('/teams');
    const pid = projects.items[0].id;
    const slug = (brands.items || brands)[0].slug;
    const tid = (teams.items || teams)[0].id;
    const rewards = await fetch('/api/v1/rewards?limit=1').then((r) => (r.ok ? r.json() : { items: [] }));
    const rid = rewards.items && rewards.items[0] ? rewards.items[0].id : 0;
    return ['#/', '#/projects', `#/projects/${pid}`, `#/brands/${slug}`, '#/no-such-screen', '#/login', '#/me',
            '#/me/volunteer', '#/me/signups', '#/teams', `#/teams/${tid}`, '#/projects/new', `#/projects/${pid}/edit`,
            '#/me/points', '#/rewards', ...(rid ? [`#/rewards/${rid}`] : []), '#/me/redemptions', '#/merchant/verify',
            '#/funds', '#/admin/points',
            '#/eldercare/needs/new', '#/eldercare/helpers/new', '#/help', '#/data'];
  });
}

// The screen's scrolling area: below the top bar, above the tabs (and a toast). A node touching
// its edges is cut by the scroll, so its size says nothing.
function cutByScroll(sem, n, H) {
  const title = sem.filter((m) => m.role === 'heading' && m.h > 0).sort((a, b) => a.y - b.y)[0];
  const top = title ? 2 * title.y + title.h : 0;
  const bottom = Math.min(H, ...sem.filter((m) => m.role === 'tab').map((m) => m.y));
  return n.y <= top + 1 || n.y + n.h >= bottom - 1;
}

// What is wrong with one screen as laid out now.
function problemsOf(hash, sem, breaks, { W, H, care }) {
  const out = [];
  const min = care ? 48 : 44;
  const inside = (a, b) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
  const visible = sem.filter((n) => n.role !== 'window' && n.w > 0 && n.h > 0);
  if (visible.length <= 3) out.push(`${hash}: drew almost nothing`);
  for (const n of visible) {
    if (n.x < -0.5 || n.x + n.w > W + 0.5) out.push(`${hash}: ${n.role} "${n.label}" leaves the screen (${n.x.toFixed(0)}..${(n.x + n.w).toFixed(0)})`);
    if (n.role === 'text' || n.role === 'heading') {
      const box = visible.find((c) => (c.role === 'list-item' || c.role === 'button') && c !== n &&
        n.x + n.w / 2 >= c.x && n.x + n.w / 2 <= c.x + c.w && n.y + n.h / 2 >= c.y && n.y + n.h / 2 <= c.y + c.h);
      if (box && !inside(n, box)) out.push(`${hash}: "${n.label}" leaves its ${box.role} "${box.label}"`);
    }
    const whole = n.role === 'tab' || (n.y >= 0 && n.y + n.h <= H && !cutByScroll(visible, n, H));
    if (TARGETS.includes(n.role) && whole && (n.w < min - 0.5 || n.h < min - 0.5) && !(n.flags & 16)) {
      out.push(`${hash}: ${n.role} "${n.label}" is ${n.w.toFixed(0)}×${n.h.toFixed(0)} CSS px (< ${min})`);
    }
  }
  for (const b of breaks) {
    if (NO_START.includes(b.after)) out.push(`${hash}: a line begins with "${b.after}" (after "${b.before}")`);
    if (NO_END.includes(b.before)) out.push(`${hash}: a line ends with "${b.before}"`);
  }
  return out;
}

const CONFIGS = [
  { name: 'zh-390', W: 390, H: 844, dpr: 3, lang: 'zh', care: false, shots: true },
  { name: 'en-390', W: 390, H: 844, dpr: 3, lang: 'en', care: false, shots: true },
  { name: 'care-390', W: 390, H: 844, dpr: 3, lang: 'zh', care: true, shots: true },
  { name: 'zh-1280', W: 1280, H: 800, dpr: 1, lang: 'zh', care: false, shots: true, desktop: true },
  { name: 'zh-320', W: 320, H: 568, dpr: 1, lang: 'zh', care: false },
  { name: 'en-320', W: 320, H: 568, dpr: 1, lang: 'en', care: false },
  { name: 'care-320', W: 320, H: 568, dpr: 1, lang: 'zh', care: true },
  { name: 'en-1280', W: 1280, H: 800, dpr: 1, lang: 'en', care: false, desktop: true },
  { name: 'care-1280', W: 1280, H: 800, dpr: 1, lang: 'zh', care: true, desktop: true },
];

async function pageFor(browser, c) {
  if (!c.desktop) return newPhonePage(browser, { dpr: c.dpr, width: c.W, height: c.H });
  const context = await browser.newContext({ viewport: { width: c.W, height: c.H }, deviceScaleFactor: c.dpr, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

const slug = (hash) => (hash.replace(/^#\/?/, '').replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || 'home');

test('every screen at 320, 390 and 1280 px, zh, en and 关怀版: text in its box, 禁则, targets ≥ 44 (48) px', TODO, async () => {
  mkdirSync(SCREENS, { recursive: true });
  const problems = [];
  const sheet = [];  // [config, hash, file]
  for (const c of CONFIGS) {
    const { context, page, errors } = await pageFor(env.browser, c);
    await page.addInitScript((s) => { localStorage.setItem('zygc.settings', JSON.stringify(s)); },
                             { care_mode: c.care, lang: c.lang, zoom: 1 });
    await openApp(page, env.server.url + '/#/');
    assert.equal(await loginOrganizer(page), 200);
    const routes = await everyRoute(page);
    await page.evaluate(() => window.zygc.lineBreaks());  // turns the recording of line breaks on
    for (const hash of routes) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await frames(page, 3);
      await page.waitForFunction(() => window.zygc.debug().fetch_in_flight === 0, null, { timeout: 15000 });
      const sem = await settle(page, 6);
      const breaks = await page.evaluate(() => window.zygc.lineBreaks());
      problems.push(...problemsOf(`${c.name} ${hash}`, sem, breaks, c));
      if (c.desktop && !c.care) {
        // The centred column: content (not the top bar, not the tabs) within ~720 px in the middle.
        const content = sem.filter((n) => n.role !== 'window' && n.role !== 'tab' && n.w > 0 && n.y > 60 && n.y < c.H - 70);
        for (const n of content) {
          if (n.x < (c.W - 720) / 2 - 1 || n.x + n.w > (c.W + 720) / 2 + 1) {
            problems.push(`${c.name} ${hash}: ${n.role} "${n.label}" outside the centred column (${n.x.toFixed(0)}..${(n.x + n.w).toFixed(0)})`);
          }
        }
      }
      if (c.shots) {
        const file = `${c.name}-${slug(hash)}.png`;
        await page.screenshot({ path: path.join(SCREENS, file) });
        sheet.push([c.name, hash, file]);
      }
    }
    assert.deepEqual(errors, [], `${c.name}: page errors`);
    await context.close();
  }
  writeContactSheet(sheet);
  assert.deepEqual(problems, []);
});

function writeContactSheet(sheet) {
  const configs = [...new Set(sheet.map(([c]) => c))];
  const hashes = [...new Set(sheet.map(([, h]) => h))];
  const cell = (c, h) => {
    const row = sheet.find(([cc, hh]) => cc === c && hh === h);
    return row ? `<td><a href="${row[2]}"><img src="${row[2]}" loading="lazy" alt="${c} ${h}"></a></td>` : '<td></td>';
  };
  const html = `<!doctype html><meta charset="utf-8"><title>志愿港城 screens</title>
<style>body{font:14px system-ui,sans-serif;margin:16px}table{border-collapse:collapse}td,th{padding:6px;vertical-align:top;border-bottom:1px solid #ddd}
img{width:195px;border:1px solid #ccc}td:last-child img{width:400px}th{text-align:left}</style>
<h1>Every screen: 390×844 DPR 3 (zh, en, 关怀版) and 1280×800</h1>
<table><tr><th>screen</th>${configs.map((c) => `<th>${c}</th>`).join('')}</tr>
${hashes.map((h) => `<tr><th>${h.replace(/</g, '&lt;')}</th>${configs.map((c) => cell(c, h)).join('')}</tr>`).join('\n')}
</table>`;
  writeFileSync(path.join(SCREENS, 'index.html'), html);
}

test('desktop: the pointer cursor over what can be tapped, the arrow elsewhere', TODO, async () => {
  const c = CONFIGS.find((x) => x.name === 'zh-1280');
  const { context, page } = await pageFor(env.browser, c);
  await openApp(page, env.server.url + '/#/projects');
  const card = await waitSem(page, (s) => s.find((n) => n.role === 'list-item' && n.h > 40), null, 'a project card');
  await page.mouse.move(card.x + card.w / 2, card.y + card.h / 2);
  await page.waitForFunction(() => document.getElementById('canvas').style.cursor === 'pointer', null, { timeout: 5000 });
  await page.mouse.move(10, c.H / 2);  // the empty margin beside the column
  await page.waitForFunction(() => document.getElementById('canvas').style.cursor === '', null, { timeout: 5000 });
  await context.close();
});

test('a toast leaves by itself: shown after a failed 保存登记, gone 5 s later, and never on the next screen', TODO, async () => {
  const { context, page, errors } = await newPhonePage(env.browser);
  await openApp(page, env.server.url + '/#/');
  assert.equal(await loginOrganizer(page), 200);
  await page.evaluate(() => { location.hash = '#/eldercare/needs/new'; });
  const save = await scrollUntil(page, (s) => s.find((n) => n.role === 'button' && n.label === '保存登记' && n.h >= 44),
                                 null, 'the 保存登记 button', { drags: 20 });
  await tapNode(page, save);
  const toast = await waitSem(page, (s) => s.find((n) => n.label === '请检查标出的内容' && (n.flags & 32)), null, 'the toast');
  // It does not cover the button the resident needs: the screen ends above it.
  const after = await settle(page, 3);
  const button = after.find((n) => n.role === 'button' && n.label === '保存登记');
  if (button && button.h > 0) assert.ok(button.y + button.h <= toast.y + 1, 'the toast covers 保存登记');
  // The DOM mirror announces it.
  await page.waitForFunction(() => (document.getElementById('zygc-live')?.textContent || '').includes('请检查标出的内容'),
                             null, { timeout: 5000 });
  await page.waitForTimeout(5000);  // the 5 s the issue gives it (the toast itself lasts 3 s)
  await frames(page, 3);
  const later = await page.evaluate(() => window.zygc.semantics());
  assert.ok(!later.some((n) => n.label === '请检查标出的内容'), 'the toast is still there 5 s later');

  // Shown again, then the resident goes to another screen: it stays behind.
  const save2 = await waitSem(page, (s) => s.find((n) => n.role === 'button' && n.label === '保存登记'), null, '保存登记');
  await tapNode(page, save2);
  await waitSem(page, (s) => s.find((n) => n.label === '请检查标出的内容'), null, 'the toast again');
  const tab = await waitSem(page, (s) => s.find((n) => n.role === 'tab' && n.label === '项目'), null, 'the 项目 tab');
  await tapNode(page, tab);
  await waitSem(page, (s) => s.find((n) => n.role === 'list-item'), null, 'the project list');
  await frames(page, 3);
  const there = await page.evaluate(() => window.zygc.semantics());
  assert.ok(!there.some((n) => n.label === '请检查标出的内容'), 'the toast followed the resident to 项目');
  assert.deepEqual(errors, []);
  await context.close();
});
