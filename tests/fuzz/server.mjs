// The real zygc-server for the fuzz and crash tests: spawn, wait for its address, log in
// as the dev accounts, stop. Plain node http, one request at a time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = process.env.ZYGC_SERVER || process.env.ZYGC_SERVER_BIN ||
  path.join(ROOT, 'build/native/src/server/zygc-server');
export const SEED = path.join(ROOT, 'assets/demo/seed.json');

// Starts the server on a free port (or `port`); resolves { proc, port, exited, log() }.
export async function startServer({ db, dev = true, seed = true, port = 0 }) {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} missing: build the native preset first`);
  const args = ['--db', db, '--port', String(port), '--quiet', ...(dev ? ['--dev'] : []),
                ...(seed ? ['--seed', SEED] : [])];
  const proc = spawn(SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let exitInfo = null;
  const exited = new Promise((r) => proc.once('exit', (code, signal) => { exitInfo = { code, signal }; r(exitInfo); }));
  const bound = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30000);
    const onData = (b) => {
      log += b.toString();
      const m = log.match(/listening on http:\/\/[^:\s]+:(\d+)/);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    exited.then((e) => { clearTimeout(timer); reject(new Error(`server exited (${JSON.stringify(e)}):\n${log}`)); });
  });
  return {
    proc, port: bound, exited, log: () => log, exitInfo: () => exitInfo,
    alive: () => exitInfo === null,
    async stop(signal = 'SIGTERM') {
      if (exitInfo === null) {
        proc.kill(signal);
        const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

// One request; body is a Buffer/string sent as is. Resolves { status, headers, body }
// or { error } when the connection failed (reset, refused, timed out).
export function send(port, method, urlPath, { headers = {}, body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const h = { ...headers };
    if (body !== undefined && h['content-length'] === undefined && h['transfer-encoding'] === undefined) {
      h['content-length'] = Buffer.byteLength(body);
    }
    let req;
    try {
      req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers: h, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (e) => resolve({ error: String(e) }));
      });
    } catch (e) {
      resolve({ clientError: String(e) });  // node refused to build it (e.g. a header char)
      return;
    }
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ error: String(e) }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const JSON_HEADERS = { 'content-type': 'application/json', 'x-requested-with': 'zygc' };

// Logs a phone in with a dev code; resolves the session token (for Authorization: Bearer).
export async function login(port, phone) {
  const code = await send(port, 'POST', '/api/v1/auth/sms-code',
    { headers: JSON_HEADERS, body: JSON.stringify({ phone }) });
  if (code.status !== 200) throw new Error(`sms-code ${phone}: ${code.status} ${code.body}`);
  const devCode = JSON.parse(code.body).dev_code;
  const res = await send(port, 'POST', '/api/v1/auth/login',
    { headers: JSON_HEADERS, body: JSON.stringify({ phone, code: devCode }) });
  if (res.status !== 200) throw new Error(`login ${phone}: ${res.status} ${res.body}`);
  const cookie = [].concat(res.headers['set-cookie'] ?? []).join(';');
  const token = cookie.match(/zygc_session=([^;]+)/)?.[1];
  if (!token) throw new Error(`login ${phone}: no session cookie`);
  return token;
}

// The dev accounts of API.md / dev_accounts.cpp.
export const DEV_PHONES = { volunteer: '13800000001', organizer: '13800000002',
                            social_worker: '13800000003', admin: '13800000009' };

export function closeAgent() { agent.destroy(); }
