#!/usr/bin/env node
// Rewrites src/platform/web/first-visit-functions.txt: the functions a first visit runs,
// which scripts/split-wasm.mjs keeps in zygc.wasm (the rest is loaded after the first data).
// Run it after a change that makes the first screens call new code (scripts/bench's
// first-visit figures show it: the deferred part then loads before the first frame):
//
//   scripts/build wasm && node scripts/first-visit-functions.mjs
//
// It serves the build with the instrumented module emcc made (every function records its
// first call), walks a first visit in headless Chromium — home, the project list flicked, a
// project's page (by a tap on its card; in 关怀版 by its link), in zh, in 关怀版 and in zh again
// (a return visit) at phone size — and asks the module which functions ran. Those listed
// before stay listed while the module has them (walks differ a little from run to run).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SPLIT = path.join(ROOT, 'build/wasm/split');
const OUT = path.join(ROOT, 'src/platform/web/first-visit-functions.txt');
for (const f of ['zygc.instrumented.wasm', 'zygc.orig.wasm']) {
  if (!existsSync(path.join(SPLIT, f))) throw new Error(`${SPLIT}/${f} missing: scripts/build wasm (Release) first`);
}

// The app with the instrumented module in place of the split one.
const tmp = mkdtempSync(path.join(tmpdir(), 'zygc-profile-'));
const raw = path.join(tmp, 'raw'), site = path.join(tmp, 'site');
cpSync(path.join(ROOT, 'build/wasm/app-raw'), raw, { recursive: true });
cpSync(path.join(SPLIT, 'zygc.instrumented.wasm'), path.join(raw, 'zygc.wasm'));
rmSync(path.join(raw, 'zygc.deferred.wasm'), { force: true });
execFileSync('node', [path.join(ROOT, 'deploy/stage.mjs'), raw, site], { stdio: 'ignore' });
process.env.ZYGC_APP_DIR = site;
const { startServer, launchBrowser, newPhonePage, openApp, waitSem, flick, settle, tapNode } = await import('../tests/e2e/harness.mjs');

const server = await startServer();
const browser = await launchBrowser();
let profile = null;
try {
  const { page } = await newPhonePage(browser);
  const cdp = await page.context().newCDPSession(page);
  const listed = (sem) => sem.some((n) => n.role === 'list-item');
  // zh on a first visit, 关怀版, then zh again: a return visit (settings, the service worker's
  // caches and the outbox of the earlier visits in place) runs code a first one does not.
  for (const [i, care] of [false, true, false].entries()) {
    if (i > 0) {
      await page.evaluate((care) => localStorage.setItem('zygc.settings', JSON.stringify({ care_mode: care, lang: 'zh', zoom: 1 })), care);
      await page.goto('about:blank');  // a new page load (a goto that changes only the hash would not start the app again)
    }
    await openApp(page, `${server.url}/#/`);
    await waitSem(page, (sem) => sem.length > 3, null, 'a screen');
    await page.evaluate(() => { location.hash = '#/projects'; });
    await waitSem(page, listed, null, 'the project list');
    // Three flicks: past the first page, so loading the next one is first-visit code too (one
    // flick reached it or not depending on the fling's measured speed).
    for (let f = 0; f < 3; f++) await flick(cdp, 195, 700, 200);
    await settle(page);
    // A project opened by a tap on its card (a visitor's first tap comes before the deferred
    // part has arrived; a flick alone pressed a card in some walks and not in others), and in
    // 关怀版 by its link (a shared link opens a project directly).
    if (care) {
      const id = await page.evaluate(async (api) => (await (await fetch(api + '/projects?limit=1')).json()).items[0].id,
                                     await page.evaluate(() => window.zygc.apiBase));
      await page.evaluate((id) => { location.hash = `#/projects/${id}`; }, id);
    } else {
      const card = await waitSem(page, (sem) => sem.find((n) => n.role === 'list-item' && n.y > 150 && n.y + n.h < 780),
                                 null, 'a whole card on screen');
      await tapNode(page, card);
    }
    await page.waitForFunction(() => /^#\/projects\/\d+/.test(location.hash), null, { timeout: 15000 });
    await waitSem(page, (sem) => sem.some((n) => n.role === 'button'), null, 'a project page');
    await settle(page);
  }
  // __write_profile(address, size) writes the module hash and one timestamp per function.
  profile = await page.evaluate(() => {
    const size = 1 << 20, at = Module._malloc(size);
    const n = Module.asm.__write_profile(at, size);
    // The glue is minified (Closure): the memory is found by its type, not its name.
    const memory = Object.values(Module.asm).find((v) => v instanceof WebAssembly.Memory);
    return Array.from(new Uint8Array(memory.buffer, at, n));
  });
} finally {
  await browser.close();
  await server.stop();
}

const profileFile = path.join(tmp, 'first-visit.prof');
writeFileSync(profileFile, Buffer.from(profile));
const log = execFileSync('wasm-split', [path.join(SPLIT, 'zygc.orig.wasm'), `--profile=${profileFile}`, '-v',
  '--enable-mutable-globals', '--enable-sign-ext', '--enable-bulk-memory',
  '-o1', path.join(tmp, 'a.wasm'), '-o2', path.join(tmp, 'b.wasm')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
const list = (what) => (log.match(new RegExp(`^${what} functions: (.*)$`, 'm')) || [, ''])[1].split(', ').filter(Boolean);
const ran = list('Keeping');
rmSync(tmp, { recursive: true, force: true });
if (ran.length < 100) throw new Error(`only ${ran.length} functions ran: the walk did not run the app`);
// The walk is not the same every time (whether a flick presses a card, which path a hash
// takes): a function listed before stays listed while the module has it.
const inModule = new Set([...ran, ...list('Splitting out')]);
const before = existsSync(OUT) ? readFileSync(OUT, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')) : [];
const kept = [...new Set([...ran, ...before.filter((n) => inModule.has(n))])].sort();
writeFileSync(OUT, '# The functions a first visit runs, kept in zygc.wasm by scripts/split-wasm.mjs.\n' +
  '# Written by scripts/first-visit-functions.mjs (home, the project list, a project; zh, 关怀版, zh again).\n' +
  kept.join('\n') + '\n');
console.log(`first-visit-functions: ${kept.length} functions (${ran.length} ran in this walk) → ${path.relative(ROOT, OUT)}`);
