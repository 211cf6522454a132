// The camera QR scanner and the certificate image, in headless Chromium against the real
// server. The camera is Chromium's fake device playing a video of a QR code that core/qr.h
// drew (build/native/src/scanner/zygc-qr writes it). The scanner module (zygc_scanner.wasm)
// must not be fetched by a first visit, and must be when the scanner opens.
// Until the check-in screen dispatches StartScan, the test performs it through the test
// bridge (window.zygc.debugScanner), which reports what the C++ side received.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, newPhonePage, openApp, shotPath } from './harness.mjs';
import { qrToolMissing, qrVideo, launchCameraBrowser, decodeInPage } from './attendance_lib.mjs';

const PAYLOAD = 'zygc:checkin:7:482913';

let server, browser, dir;
before(async () => {
  if (qrToolMissing()) throw new Error(qrToolMissing());
  dir = mkdtempSync(path.join(tmpdir(), 'zygc-camera-'));
  const video = qrVideo(PAYLOAD, path.join(dir, 'qr.y4m'));
  server = await startServer();
  browser = await launchCameraBrowser(video);
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A phone page that records which of the app's files it fetched. BarcodeDetector is removed
// so the wasm decoder is the one under test, whatever this Chromium build has.
async function phone(opts = {}) {
  const p = await newPhonePage(browser, { serviceWorkers: 'block', ...opts });
  await p.page.addInitScript(() => { try { delete window.BarcodeDetector; } catch (e) { /* absent */ } });
  const fetched = [];
  p.page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  return { ...p, fetched };
}

const scanner = (page, start = false) => page.evaluate((s) => window.zygc.debugScanner(s), start);

test('first visit fetches no scanner module; opening the scanner fetches it and reads the QR', async () => {
  const { context, page, errors, fetched } = await phone();
  await openApp(page, server.url + '/');
  // Built files carry a content hash in their names (deploy/stage.mjs): zygc.<hash>.wasm.
  assert.ok(fetched.some((f) => /^\/zygc(\.[0-9a-f]{16})?\.wasm$/.test(f)), 'the app itself loaded');
  assert.deepEqual(fetched.filter((f) => /zygc_scanner|zygc-camera/.test(f)), [],
                   'nothing of the scanner on a first visit');
  assert.deepEqual(await scanner(page), { open: false, scanned: '', failed: '' });

  const st = await scanner(page, true);  // StartScan, as the check-in screen will dispatch it
  assert.equal(st.open, true);
  const done = await page.waitForFunction(() => {
    const s = window.zygc.debugScanner(false);
    return s.open ? null : s;
  }, null, { timeout: 20000, polling: 100 });
  const result = await done.jsonValue();
  assert.equal(result.scanned, PAYLOAD, 'Scanned{text} reached the C++ side');
  assert.equal(result.failed, '');
  const has = (re) => fetched.some((f) => re.test(f));
  assert.ok(has(/^\/zygc-camera(\.[0-9a-f]{16})?\.js$/), 'camera script fetched on open');
  assert.ok(has(/^\/zygc_scanner(\.[0-9a-f]{16})?\.js$/), 'scanner module loader fetched on open');
  assert.ok(has(/^\/zygc_scanner(\.[0-9a-f]{16})?\.wasm$/), 'scanner module fetched on open');
  assert.equal(await page.locator('#zygc-scanner').count(), 0, 'overlay closed after the scan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('cancel closes the overlay and answers ScanFailed{cancelled}; reopening works', async () => {
  const { context, page, errors } = await phone();
  // The decoder module is held back until the cancel, so the scan cannot win the race.
  let held = null;
  await page.route(/\/zygc_scanner(\.[0-9a-f]{16})?\.js$/, (r) => { held = r; });
  await openApp(page, server.url + '/');
  await scanner(page, true);
  await page.locator('#zygc-scanner-cancel').click();
  const st = await scanner(page);
  assert.deepEqual(st, { open: false, scanned: '', failed: 'cancelled' });
  assert.equal(await page.locator('#zygc-scanner').count(), 0);
  if (held) await held.continue();
  await page.unroute(/\/zygc_scanner(\.[0-9a-f]{16})?\.js$/);
  // A second StartScan opens it again and reads the code.
  await scanner(page, true);
  const h = await page.waitForFunction(() => window.zygc.debugScanner(false).scanned || null, null,
                                       { timeout: 20000, polling: 100 });
  assert.equal(await h.jsonValue(), PAYLOAD);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser without camera access answers ScanFailed{unsupported}', async () => {
  const { context, page, errors } = await phone();
  await page.addInitScript(() => { Object.defineProperty(navigator, 'mediaDevices', { value: undefined }); });
  await openApp(page, server.url + '/');
  await scanner(page, true);
  const h = await page.waitForFunction(() => window.zygc.debugScanner(false).failed || null, null, { timeout: 10000 });
  assert.equal(await h.jsonValue(), 'unsupported');
  assert.equal(await page.locator('#zygc-scanner').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('camera refused, absent, or the module unreachable: ScanFailed with the reason', async () => {
  const cases = [
    { reason: 'permission_denied', error: 'NotAllowedError' },
    { reason: 'no_camera', error: 'NotFoundError' },
    { reason: 'load_failed', error: null },  // the camera works, zygc_scanner.js does not load
  ];
  for (const c of cases) {
    const { context, page } = await phone();
    if (c.error) {
      await page.addInitScript((name) => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', name));
      }, c.error);
    } else {
      await page.route(/\/zygc_scanner(\.[0-9a-f]{16})?\.js$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
    }
    await openApp(page, server.url + '/');
    await scanner(page, true);
    const h = await page.waitForFunction(() => window.zygc.debugScanner(false).failed || null, null, { timeout: 15000 });
    assert.equal(await h.jsonValue(), c.reason, c.error || 'module 404');
    assert.equal(await page.locator('#zygc-scanner').count(), 0, `${c.reason}: overlay closed`);
    await context.close();
  }
});

// GET /me/certificate's shape (docs: hours API); qr_payload is the public verify link.
function certificate(origin) {
  const serial = 'ZYGC-2026-0000123-AB12';
  return {
    serial, issued_on: '2026-11-30', name: '王小明', id_masked: '1303**********123X',
    organisations: [
      { team: { id: 2, name: '海港区文化路街道志愿服务队' }, minutes: 570,
        projects: [
          { id: 3, title: '小候鸟驿站·寒假课业辅导', first_date: '2026-01-10', last_date: '2026-02-21', minutes: 480, records: 4 },
          { id: 5, title: '文明交通劝导', first_date: '2026-03-02', last_date: '2026-03-02', minutes: 90, records: 1 }] },
      { team: { id: 4, name: '北戴河区海滨志愿者协会' }, minutes: 180,
        projects: [{ id: 9, title: '海滩清洁日', first_date: '2026-07-18', last_date: '2026-08-15', minutes: 180, records: 2 }] }],
    total_minutes: 750, verify_url: `/#/verify/${serial}`, qr_payload: `${origin}/#/verify/${serial}`,
    mac: '00',
  };
}

test('SaveImage: the certificate PNG downloads, and its QR decodes to the verify URL', async () => {
  const { context, page, errors } = await phone();
  await openApp(page, server.url + '/');
  const cert = certificate(server.url);
  const download = page.waitForEvent('download');
  await page.evaluate(([json]) => window.zygc.debugSaveImage(json, '志愿服务记录证明-ZYGC-2026-0000123-AB12.png'),
                      [JSON.stringify(cert)]);
  const d = await download;
  assert.equal(d.suggestedFilename(), '志愿服务记录证明-ZYGC-2026-0000123-AB12.png');
  const url = await (await page.waitForFunction(() => window.zygc.lastImage || null)).jsonValue();
  assert.match(url, /^data:image\/png;base64,/);
  const out = await decodeInPage(page, url);
  assert.equal(out.text, cert.qr_payload);
  assert.equal(out.w, 1500, 'drawn at 2× of 750');
  assert.equal(await page.locator('#zygc-image').count(), 0, 'no long-press overlay outside WeChat');
  // Look at it: the PNG itself, for a person checking the layout.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(shotPath('certificate.png'), Buffer.from(url.split(',')[1], 'base64'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('SaveImage inside WeChat: a full-screen image to long-press, no download', async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
               'Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.44.2502(0x28002C35) NetType/WIFI Language/zh_CN',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await openApp(page, server.url + '/');
  const cert = certificate(server.url);
  await page.evaluate(([json]) => window.zygc.debugSaveImage(json, 'c.png'), [JSON.stringify(cert)]);
  await page.waitForSelector('#zygc-image img');
  assert.equal(await page.locator('#zygc-image').getByText('长按图片保存').count(), 1);
  const src = await page.locator('#zygc-image img').getAttribute('src');
  assert.equal(src, await page.evaluate(() => window.zygc.lastImage));
  assert.equal((await decodeInPage(page, src)).text, cert.qr_payload);
  await page.screenshot({ path: shotPath('certificate-wechat.png') });
  await page.locator('#zygc-image button').click();
  assert.equal(await page.locator('#zygc-image').count(), 0, 'closed');
  assert.equal(downloads, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
