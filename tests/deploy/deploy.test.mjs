// The production layout (scripts/prod: nginx with TLS in front, zygc-server in production
// mode on loopback behind it), checked over real HTTPS on 127.0.0.1: the app loads under
// its CSP, the API answers through nginx, and nginx's limits do what docs/deploy.md says.
// Skipped (with the reason printed) only when nginx is not installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const SKIP = NGINX ? false : 'nginx is not installed (scripts/setup installs it); production layout not tested';
if (SKIP) console.log(`# deploy: skipped: ${SKIP}`);
const HEADER_TIMEOUT_S = 3;   // nginx's client_header_timeout for this run (production: 10s)

let prod = null;              // { proc, https, http, log }

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

before(async () => {
  if (SKIP) return;
  const [httpsPort, httpPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  // detached: scripts/prod and its children form one process group we can stop together.
  const proc = spawn(path.join(ROOT, 'scripts/prod'), [], {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ZYGC_HTTPS_PORT: String(httpsPort), ZYGC_HTTP_PORT: String(httpPort),
           ZYGC_API_PORT: String(apiPort), ZYGC_HEADER_TIMEOUT: `${HEADER_TIMEOUT_S}s` },
  });
  prod = { proc, https: httpsPort, http: httpPort, log: '' };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`scripts/prod not ready:\n${prod.log}`)), 90000);
    const onData = (b) => {
      prod.log += b.toString();
      if (prod.log.includes('zygc-prod: ready')) {
        prod.dir = prod.log.match(/zygc-prod: dir (\S+)/)?.[1];
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`scripts/prod exited (${code}):\n${prod.log}`)); });
  });
});

after(async () => {
  if (!prod || prod.proc.exitCode !== null) return;
  const exited = new Promise((r) => prod.proc.once('exit', r));
  try { process.kill(-prod.proc.pid, 'SIGTERM'); } catch { /* already gone */ }
  const t = setTimeout(() => { try { process.kill(-prod.proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 10000);
  await exited;
  clearTimeout(t);
});

// One HTTPS request (self-signed certificate, fresh connection); resolves { status, headers, body }.
function request(method, urlPath, { headers = {}, body, port, scheme = 'https' } = {}) {
  const mod = scheme === 'https' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request({
      host: '127.0.0.1', port: port ?? (scheme === 'https' ? prod.https : prod.http), method,
      path: urlPath, headers, rejectUnauthorized: false, agent: false,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = (r) => JSON.parse(r.body.toString('utf8'));
function assertProblem(r, status) {
  assert.equal(r.status, status, r.body.toString());
  assert.match(r.headers['content-type'], /^application\/problem\+json/);
  const p = json(r);
  assert.equal(p.status, status);
  assert.equal(typeof p.title, 'string');
  assert.equal(typeof p.type, 'string');
  return p;
}

test('the app loads: page, hashed scripts and wasm, each with its caching', { skip: SKIP }, async () => {
  const page = await request('GET', '/');
  assert.equal(page.status, 200);
  assert.match(page.headers['content-type'], /^text\/html/);
  assert.equal(page.headers['cache-control'], 'no-cache');
  const html = page.body.toString();
  const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(scripts.includes('config.js'), html);
  const hashed = scripts.filter((s) => /\.[0-9a-f]{16}\.js$/.test(s));
  // zygc-bridge.js, zygc-shell.js, zygc.js (deploy/stage.mjs hashes every script but config.js, sw.js)
  assert.equal(hashed.length, 3, `hashed scripts in index.html: ${scripts}`);
  for (const s of hashed) {
    const r = await request('GET', `/${s}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.status, 200, s);
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', s);
    assert.equal(r.headers['content-encoding'], 'gzip', `${s} served from its precompressed .gz`);
  }
  const shell = await request('GET', `/${hashed.find((s) => s.startsWith('zygc-shell.'))}`);
  const wasmName = shell.body.toString().match(/["'](zygc\.[0-9a-f]{16}\.wasm)["']/)?.[1];  // minified: either quote
  assert.ok(wasmName, 'the shell names the hashed wasm');
  // The page's preload of the wasm comes as a Link header too: the download starts before
  // the page is parsed.
  assert.equal(page.headers.link, `<${wasmName}>; rel=preload; as=fetch; crossorigin`);
  assert.equal((await request('GET', '/index.html')).headers.link, page.headers.link);
  assert.equal(shell.headers.link, undefined);
  const wasm = await request('GET', `/${wasmName}`, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
  if (existsSync('/usr/lib/nginx/modules/ngx_http_brotli_static_module.so')) {
    assert.equal(wasm.headers['content-encoding'], 'br');
  }
  // The English words are not in the wasm but in a hashed file the shell names (src/ui/strings.h).
  const enName = shell.body.toString().match(/["'](zygc-en\.[0-9a-f]{16}\.json)["']/)?.[1];
  assert.ok(enName, 'the shell names the hashed English words');
  const en = await request('GET', `/${enName}`);
  assert.equal(en.status, 200);
  assert.match(en.headers['content-type'], /^application\/json/);
  assert.equal(en.headers['cache-control'], 'public, max-age=31536000, immutable');
  const words = JSON.parse(en.body.toString());
  assert.ok(words.includes('Registered volunteers') && words.length > 700, `${words.length} English words`);
  const rawWasm = (await request('GET', `/${wasmName}`)).body;
  for (const w of ['Registered volunteers', 'Volunteer Harbour City', 'Please log in first'])
    assert.equal(rawWasm.indexOf(w), -1, `"${w}" is not in the wasm`);
  assert.ok(rawWasm.indexOf('注册志愿者') >= 0, 'the Chinese words are');
  const config = await request('GET', '/config.js');
  assert.equal(config.status, 200);
  assert.equal(config.headers['cache-control'], 'no-cache');
  // An old unhashed name is gone (a stale page would fail loudly, not load a mix).
  assert.equal((await request('GET', '/zygc.wasm')).status, 404);
});

test('the app starts in Chromium under the production CSP (no violations)', { skip: SKIP }, async () => {
  const { launchBrowser } = await import('../e2e/harness.mjs');
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation',
        (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`https://127.0.0.1:${prod.https}/`);
    await page.evaluate(() => window.zygc.ready);
    const violations = await page.evaluate(() => window.__csp);
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
  } finally {
    await browser.close();
  }
});

test('the API answers through nginx', { skip: SKIP }, async () => {
  const r = await request('GET', '/api/v1/districts');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^application\/json/);
  assert.ok(Array.isArray(json(r)) && json(r).length > 0);
  const missing = await request('GET', '/api/v1/projects/999999999');
  assertProblem(missing, 404);
});

test('security headers on pages, API answers and errors; CSP without unsafe-eval', { skip: SKIP }, async () => {
  for (const p of ['/', '/api/v1/districts', '/api/v1/projects/999999999', '/no-such-file', '/.git/config']) {
    const r = await request('GET', p);
    const h = r.headers;
    const csp = h['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, p);
    assert.ok(!csp.includes("'unsafe-eval'"), `${p}: ${csp}`);
    assert.ok(!csp.includes("'unsafe-inline'"), `${p}: ${csp}`);
    assert.match(csp, /frame-ancestors 'self' [^;]*servicewechat\.com/, p);
    assert.match(csp, /default-src 'none'/, p);
    assert.match(h['strict-transport-security'] ?? '', /max-age=\d{7,}/, p);
    assert.equal(h['x-content-type-options'], 'nosniff', p);
    assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin', p);
    assert.match(h['permissions-policy'] ?? '', /camera=\(self\).*geolocation=\(self\)/, p);
    assert.equal(h.server, 'nginx', `${p}: no version in Server`);
  }
});

test('plain HTTP redirects to HTTPS, path and query kept', { skip: SKIP }, async () => {
  const r = await request('GET', '/projects?q=%E6%B5%B7', { scheme: 'http' });
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, `https://127.0.0.1:${prod.https}/projects?q=%E6%B5%B7`);
});

test('Range: whole body on API answers, a correct 206 on static files', { skip: SKIP }, async () => {
  const whole = await request('GET', '/api/v1/districts');
  for (const range of ['bytes=0-9', 'bytes=0-65535', 'bytes=999999999-', 'bytes=5-1,0-3']) {
    const r = await request('GET', '/api/v1/districts', { headers: { range } });
    assert.equal(r.status, 200, range);
    assert.equal(r.headers['content-range'], undefined, range);
    assert.equal(r.body.length, whole.body.length, `${range}: length`);
    assert.deepEqual(json(r), json(whole), range);
  }
  const page = await request('GET', '/index.html', { headers: { range: 'bytes=0-9', 'accept-encoding': 'identity' } });
  assert.equal(page.status, 206);
  assert.equal(page.body.length, 10);
  const past = await request('GET', '/index.html', { headers: { range: 'bytes=999999999-', 'accept-encoding': 'identity' } });
  assert.equal(past.status, 416);
});

test('a 100 KiB body is refused by nginx with 413, sized or chunked', { skip: SKIP }, async () => {
  const big = JSON.stringify({ title: 'x'.repeat(100 * 1024) });
  const headers = { 'content-type': 'application/json', 'x-requested-with': 'zygc' };
  const sized = await request('POST', '/api/v1/projects', { headers: { ...headers, 'content-length': Buffer.byteLength(big) }, body: big });
  assert.equal(assertProblem(sized, 413).code, 'too_large');
  const chunked = await request('POST', '/api/v1/projects', { headers: { ...headers, 'transfer-encoding': 'chunked' }, body: big });
  assert.equal(assertProblem(chunked, 413).code, 'too_large');
});

test('compressed request bodies stop at nginx (415)', { skip: SKIP }, async () => {
  const r = await request('POST', '/api/v1/projects', {
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-requested-with': 'zygc' },
    body: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  });
  assert.equal(assertProblem(r, 415).code, 'unsupported_encoding');
});

test('a slow request head is cut by nginx while others are served', { skip: SKIP }, async () => {
  // One header line a second, 20 lines: a slowloris client. nginx must close it after
  // client_header_timeout, long before the head is complete; meanwhile a probe succeeds.
  const LINES = 20;
  const sock = tls.connect({ host: '127.0.0.1', port: prod.https, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
  await new Promise((r, j) => { sock.once('secureConnect', r); sock.once('error', j); });
  let received = '';
  let sent = 0;
  const closed = new Promise((resolve) => {
    sock.on('data', (b) => { received += b.toString(); });
    sock.on('close', resolve);
    sock.on('error', () => {});
  });
  sock.write('GET /api/v1/districts HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const timer = setInterval(() => {
    if (sock.destroyed || sent >= LINES) return;
    sock.write(`X-Slow-${sent}: ${sent}\r\n`);
    sent++;
  }, 1000);
  const probe = await request('GET', '/api/v1/districts');
  assert.equal(probe.status, 200, 'served while the slow client waits');
  await closed;
  clearInterval(timer);
  assert.ok(sent < LINES, `closed after ${sent} of ${LINES} header lines`);
  assert.ok(!/^HTTP\/1\.1 200/.test(received), `the slow request was not served: ${received.slice(0, 80)}`);
});

test('production login through nginx: code from the SMS gateway, session, /me', { skip: SKIP }, async (t) => {
  const outbox = path.join(prod.dir, 'log/sms-outbox.txt');
  if (!existsSync(path.join(prod.dir, 'state/sms-outbox'))) {
    t.skip('this zygc-server has no --sms-gateway-cmd: production login is not possible');
    return;
  }
  const headers = { 'content-type': 'application/json', 'x-requested-with': 'zygc' };
  const phone = '13912345678';
  const sent = await request('POST', '/api/v1/auth/sms-code', { headers, body: JSON.stringify({ phone }) });
  assert.equal(sent.status, 200, sent.body.toString());
  assert.equal(json(sent).dev_code, null, 'production never returns the code');
  const code = readFileSync(outbox, 'utf8').match(new RegExp(`${phone}\\s+(\\d{6})`))?.[1];
  assert.ok(code, 'the gateway received the code');
  const login = await request('POST', '/api/v1/auth/login', { headers, body: JSON.stringify({ phone, code }) });
  assert.equal(login.status, 200, login.body.toString());
  const cookie = [].concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('zygc_session='));
  assert.match(cookie ?? '', /HttpOnly/i);
  const me = await request('GET', '/api/v1/me', { headers: { cookie: cookie.split(';')[0] } });
  assert.equal(me.status, 200);
  assert.equal(json(me).phone_masked, '139****5678');
});

test('bursts on /api/v1/auth/sms-code get 429 problem+json from nginx', { skip: SKIP }, async () => {
  // Distinct phones, so the server's own 1/min/phone limit is not what answers.
  const statuses = [];
  let limited = null;
  for (let i = 0; i < 20; i++) {
    const body = JSON.stringify({ phone: `139${String(10000000 + i).padStart(8, '0')}` });
    const r = await request('POST', '/api/v1/auth/sms-code', {
      headers: { 'content-type': 'application/json', 'x-requested-with': 'zygc' }, body });
    statuses.push(r.status);
    // The first 429 that nginx answered (the server may have its own limits too).
    if (r.status === 429 && !limited && r.body.toString().includes('"rate_limited"')) limited = r;
  }
  console.log(`# sms-code burst statuses: ${statuses.join(' ')}`);
  assert.notEqual(statuses[0], 429, 'the first request passes');
  assert.ok(limited, `no 429 in ${statuses}`);
  const p = assertProblem(limited, 429);
  assert.equal(p.code, 'rate_limited', 'answered by nginx, not the server');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.ok(statuses.filter((s) => s === 429).length >= 10, `${statuses}`);
});
