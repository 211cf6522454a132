// Deep nesting (issue 8, item 2): 100,000 nested arrays in every JSON-body endpoint of
// docs/api/openapi.yaml — chunked (once past the size cap unseen) and with
// Content-Length — and 30,000 levels that fit under the 64 KiB cap (reaching the JSON
// depth guard). Logged in as the dev volunteer so the body is actually read. Each must
// be a 4xx problem+json and the server must live.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { raw, describe, isProblem } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The operations with a requestBody, from a line scan of the OpenAPI document.
function jsonBodyOperations() {
  const text = fs.readFileSync(path.join(root, 'docs/api/openapi.yaml'), 'utf8');
  const base = (text.match(/servers:\s*\n\s*-\s*url:\s*(\S+)/) || [])[1] || '/api/v1';
  const ops = [];
  let p = null, m = null;
  for (const line of text.split('\n')) {
    let g;
    if ((g = line.match(/^  (\/\S*):\s*$/))) { p = g[1]; m = null; }
    else if ((g = line.match(/^    (get|post|put|patch|delete):\s*$/))) m = g[1].toUpperCase();
    else if (p && m && /^      requestBody:/.test(line)) ops.push({ method: m, path: base.replace(/\/$/, '') + p });
  }
  return ops;
}

// A phone of its own (other attacks spray the dev accounts' codes and limits). Returns
// the session cookie, or '' when login is refused (the attack then runs anonymously).
const PHONE = '13900000077';
async function login(ctx) {
  const host = `Host: ${ctx.host}:${ctx.port}\r\n`;
  const send = (target, obj) => {
    const b = JSON.stringify(obj);
    return raw(ctx, `POST ${target} HTTP/1.1\r\n${host}Content-Type: application/json\r\nX-Requested-With: zygc\r\nIdempotency-Key: h-${Math.random()}\r\nContent-Length: ${Buffer.byteLength(b)}\r\nConnection: close\r\n\r\n${b}`);
  };
  const sent = await send('/api/v1/auth/sms-code', { phone: PHONE });
  let code;
  try { code = JSON.parse(sent.body.toString()).dev_code; } catch { return ''; }
  if (!code) return '';
  const r = await send('/api/v1/auth/login', { phone: PHONE, code });
  const cookie = (r.headers['set-cookie'] || '').split(';')[0];
  return cookie;
}

export default async function (ctx) {
  const ops = jsonBodyOperations();
  if (ops.length < 5) throw new Error(`only ${ops.length} JSON-body operations found in openapi.yaml`);
  const cookie = await login(ctx);
  const who = cookie ? '' : ' (anonymous: dev login refused)';
  const rows = [];
  const deep = (n) => '['.repeat(n) + ']'.repeat(n);
  const big = deep(100000), fits = deep(30000);
  for (const op of ops) {
    const target = op.path.replace(/\{[^}]+\}/g, '1');
    const head = `${op.method} ${target} HTTP/1.1\r\nHost: ${ctx.host}:${ctx.port}\r\nContent-Type: application/json\r\n` +
      `X-Requested-With: zygc\r\nIdempotency-Key: nest-${Math.random()}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}Connection: close\r\n`;
    const variants = {
      '100k deep, chunked': `${head}Transfer-Encoding: chunked\r\n\r\n${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
      '100k deep': `${head}Content-Length: ${big.length}\r\n\r\n${big}`,
      '30k deep (60 KB)': `${head}Content-Length: ${fits.length}\r\n\r\n${fits}`,
    };
    for (const [name, bytes] of Object.entries(variants)) {
      const r = await raw(ctx, bytes, { timeoutMs: 10000 });
      rows.push({
        attack: `${name} → ${op.method} ${target}${who}`,
        expected: '4xx problem',
        observed: describe(r),
        ok: r.status >= 400 && r.status < 500 && isProblem(r),
      });
    }
  }
  return rows;
}
