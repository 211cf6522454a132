#!/usr/bin/env node
// Seeded random fuzz of every operation in docs/api/openapi.yaml against the real
// zygc-server (dev mode, temp database, demo data, logged in as the dev accounts).
//
//   node tests/fuzz/fuzz.mjs [--cases 8000] [--seed 1] [--budget 110]
//   env: ZYGC_FUZZ_CASES / _SEED / _BUDGET_S; ZYGC_FUZZ_TRACE=<operationId> prints each
//   request of that operation with its answer; ZYGC_SERVER=<binary> tests another build.
//
// Each case takes one operation (round-robin, so all are reached equally) and builds a
// request from its parameters and body schema, then spoils it: wrong types, huge and
// negative numbers, long strings, NUL, invalid UTF-8 bytes, deep nesting, extra and
// missing fields, weird cursors and dates, bad headers. Asserted for every case:
//   - no 5xx, the connection answered, the server process still alive;
//   - every 4xx is application/problem+json with RFC 9457's type/title/status (status
//     equal to the HTTP status; detail a string; errors[] of {field, message});
//   - every 2xx with a body is JSON.
// A crashed server is restarted (and logged in again) so one run finds more than one bug.
// Prints a summary (cases, status counts, failures with the request to reproduce them);
// exits 1 on any failure. Same seed, same requests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { DEV_PHONES, JSON_HEADERS, ROOT, closeAgent, login, send, startServer } from './server.mjs';

// [SECTION] Options, PRNG
const argv = process.argv.slice(2);
const opt = (name, env, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return Number(i >= 0 ? argv[i + 1] : process.env[env] ?? dflt);
};
const CASES = opt('cases', 'ZYGC_FUZZ_CASES', 8000);
const SEED = opt('seed', 'ZYGC_FUZZ_SEED', 1);
const BUDGET_S = opt('budget', 'ZYGC_FUZZ_BUDGET_S', 110);   // the run stays under 2 minutes
const TIMEOUT_MS = 3000;                                      // an answer later than this is "no answer"
let ran = CASES;

// mulberry32: small, seedable, good enough to pick among choices.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(SEED);
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// [SECTION] The document: local $refs resolved, allOf merged
const doc = YAML.parse(readFileSync(path.join(ROOT, 'docs/api/openapi.yaml'), 'utf8'));
function resolve(node, seen = new Set()) {
  if (Array.isArray(node)) return node.map((n) => resolve(n, seen));
  if (!node || typeof node !== 'object') return node;
  if (node.$ref) {
    if (seen.has(node.$ref)) return {};
    const target = node.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k], doc);
    return resolve(target, new Set([...seen, node.$ref]));
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = resolve(v, seen);
  if (out.allOf) {
    const merged = { type: 'object', properties: {}, required: [] };
    for (const part of out.allOf) {
      Object.assign(merged.properties, part.properties ?? {});
      merged.required.push(...(part.required ?? []));
    }
    delete out.allOf;
    return { ...merged, ...out, properties: { ...merged.properties, ...(out.properties ?? {}) } };
  }
  return out;
}
const operations = [];
for (const [p, item] of Object.entries(doc.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    if (!item[method]) continue;
    const op = resolve(item[method]);
    const params = [...(resolve(item.parameters ?? [])), ...(op.parameters ?? [])];
    const body = op.requestBody?.content?.['application/json']?.schema;
    operations.push({ id: op.operationId ?? `${method} ${p}`, method: method.toUpperCase(), path: p,
                      params, body, secured: (op.security ?? doc.security ?? []).length > 0 });
  }
}

// [SECTION] Values
const INVALID_UTF8 = [Buffer.from([0xff]), Buffer.from([0xc0, 0x80]), Buffer.from([0xed, 0xa0, 0x80]),
                      Buffer.from([0xe6, 0xb5]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])];
const MARK = '\u0001BAD';          // replaced by invalid UTF-8 bytes in the encoded body
const nest = (depth, open, close, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

// Hostile values by kind; a kind is picked first, so rare kinds (NUL, invalid UTF-8) come
// up as often as the many long-string variants.
const HOSTILE_STRINGS = {
  nul: () => pick(['\u0000', `a\u0000b`, `海\u0000`, '\u0000'.repeat(100)]),
  badUtf8: () => pick([MARK, `${MARK}${'海'.repeat(10)}`, '\ud800', `a${MARK}`]),
  long: () => pick(['x'.repeat(int(256, 20000)), '😀'.repeat(int(1, 3000)), '海'.repeat(int(100, 5000))]),
  empty: () => pick(['', ' ', '\t', '\r\n']),
  injection: () => pick(["'; DROP TABLE users; --", '" OR 1=1 --', 'NEAR(', '"', '*', 'a OR b', '海港 AND',
                         '%', '_', '\\', '../../etc/passwd', '<script>alert(1)</script>', '\r\nX-Injected: 1',
                         '{"a":1}', 'a:b', '^x', 'x*', '(', ')']),
  numberish: () => pick(['１２３', '٣', '-0', '1e999', '0x1F', ' 5', '5 ', '+5', '1.0', 'NaN', 'Infinity',
                         'null', 'true', '[]', '{}', '-1', '9223372036854775808', '00000001']),
  date: () => pick(['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '-2026-01-01', '2026-1-1',
                    '2026-11-28T25:61:61+08:00', '2026-11-28T09:30:00+99:99', '2026-11-28T09:30:00',
                    '2026-11-28 09:30', '1970-01-01T00:00:00Z', '+275760-09-13T00:00:00Z',
                    '2026-11-28T09:30:00.123456789+08:00', '2026-W48', '20261128']),
  idish: () => pick(['130302199001011234', '13030219900101123X', '000000000000000000', '1380000000１',
                     '+8613800000001', '13800000001'.repeat(30), '138000000011']),
};
const hostileString = () => HOSTILE_STRINGS[pick(Object.keys(HOSTILE_STRINGS))]();
const hostileStrings = () => [hostileString()];
const hostileNumbers = () => [
  0, -1, -(2 ** 31), 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 2 ** 63, 2 ** 64, 1e308, -1e308,
  1.5, -0.5, 5e-324, 123456789012345680000,
];
const hostileAny = () => {
  const r = rand();
  if (r < 0.25) return pick([null, true, false, [], {}, [null], [[]], { '': 1 }, { constructor: 2 }]);
  if (r < 0.45) return pick(hostileNumbers());
  return hostileString();
};

// A valid GB 11643 ID number (checksum right), so registration gets past validation.
function idNumber() {
  const body = `130302${int(1950, 2005)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(0, 999)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, d, i) => a + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}
const futureTime = (h = int(8, 12)) => `2027-0${int(1, 9)}-${String(int(10, 28))}T${h}:00:00+08:00`;
// Plausible values for fields whose meaning the schema cannot say (existing ids, checksums).
let brandSlugs = ['x'];
const HINTS = {
  shift_id: () => int(1, 800), team_id: () => int(1, 52), district_id: () => int(1, 9),
  id_number: idNumber, phone: () => `138${String(int(0, 99999999)).padStart(8, '0')}`,
  consent: () => true, real_name: () => pick(['张三', '李四', '王五']), brand: () => pick(brandSlugs),
  slug: () => pick(brandSlugs), start: () => futureTime(9), end: () => futureTime(11),
  lat: () => 39.9 + rand() / 10, lng: () => 119.5 + rand() / 10, radius_m: () => int(50, 500),
  capacity: () => int(1, 50), date_from: () => `2026-12-0${int(1, 9)}`, date_to: () => `2027-0${int(1, 9)}-01`,
  q: () => pick(['海', '海港', '服务', '老', 'a']), sort: () => pick(['start', '-start', 'popular']), category: () => pick(['elderly', 'environment', 'culture', 'x']),
};

// A value for a schema: mostly plausible (so deeper code is reached), sometimes hostile.
function gen(schema = {}, depth = 0, hostility = 0.25, name = '') {
  if (chance(hostility)) return schema.type === 'string' && chance(0.6) ? hostileString() : hostileAny();
  if (HINTS[name] && chance(0.85)) return HINTS[name]();
  if (schema.enum) return chance(0.85) ? pick(schema.enum) : pick(['', 'unknown', schema.enum[0] + 'x', 0]);
  const type = schema.type ?? (schema.properties ? 'object' : pick(['string', 'integer', 'object']));
  switch (type) {
    case 'integer': {
      const lo = schema.minimum ?? 1, hi = schema.maximum ?? Math.max(lo, 60);
      return chance(0.8) ? int(lo, Math.min(hi, lo + 400)) : pick([lo - 1, hi + 1, ...hostileNumbers()]);
    }
    case 'number': return chance(0.8) ? 39.9 + rand() / 10 : pick(hostileNumbers());
    case 'boolean': return chance(0.8) ? chance(0.5) : pick([0, 1, 'true', null]);
    case 'string': {
      if (schema.format === 'date-time' || /time|start|end/.test(schema.description ?? '')) {
        return chance(0.6) ? `2026-12-${String(int(1, 28)).padStart(2, '0')}T0${int(0, 9)}:30:00+08:00` : hostileString();
      }
      if (schema.format === 'date') return chance(0.6) ? `2026-12-${String(int(1, 28)).padStart(2, '0')}` : hostileString();
      if (schema.pattern === '^\\d{6}$') return chance(0.7) ? String(int(100000, 999999)) : hostileString();
      if (chance(0.6)) return pick(['海港', '志愿服务', '测试', 'abc', '北戴河', 'x'.repeat(schema.maxLength ?? 8)]);
      return hostileString();
    }
    case 'array': {
      if (depth > 3) return [];
      const n = chance(0.9) ? int(0, 4) : int(100, 3000);
      return Array.from({ length: n }, () => gen(schema.items ?? {}, depth + 1, hostility, name));
    }
    case 'object':
    default: {
      if (depth > 4) return {};
      const out = {};
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      for (const [k, s] of Object.entries(props)) {
        if (required.has(k) ? chance(1 - hostility / 2) : chance(0.6)) out[k] = gen(s, depth + 1, hostility, k);
      }
      if (chance(0.2)) out[pick(['extra', 'id', 'role', 'roles', 'is_admin', '__proto__', ''])] = hostileAny();
      return out;
    }
  }
}

// A whole request body, encoded: JSON from the schema, or something that is not.
function genBody(schema, hostility) {
  const r = hostility < 0.05 ? 1 : rand();
  if (r < 0.04) return '';
  if (r < 0.08) return pick(['{', '{"a":}', '[1,]', '{"a":1,"a":2}', 'null', '"x"', '1', 'nul', '\u0000', '{}x', ' ']);
  if (r < 0.12) return nest(pick([64, 1000, 20000, 32000, 100000]), '[', ']');
  if (r < 0.15) return `{"a":${nest(pick([100, 5000, 21000]), '{"a":', '}')}}`;
  if (r < 0.18) return JSON.stringify(hostileAny());
  if (r < 0.2) return JSON.stringify({ ...gen(schema), pad: 'x'.repeat(int(60000, 70000)) });
  const value = gen(schema ?? { type: 'object' }, 0, hostility);
  if (chance(0.08) && value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length) value[pick(keys)] = JSON.parse(nest(int(50, 3000), '[', ']'));
  }
  return JSON.stringify(value);
}

function encodeBody(text) {
  if (!text.includes(MARK)) return Buffer.from(text, 'utf8');
  const parts = text.split(MARK);
  const out = [];
  parts.forEach((p, i) => { out.push(Buffer.from(p, 'utf8')); if (i < parts.length - 1) out.push(pick(INVALID_UTF8)); });
  return Buffer.concat(out);
}

// Query/path text for a value; sometimes raw percent-encoded bytes.
function queryText(v, h = 0.3) {
  if (chance(h / 5)) return pick(['%FF', '%C0%80', '%00', '%ED%A0%80', '%', '%zz', '%E6%B5', 'a%00b', '%2525']);
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  try {
    return encodeURIComponent(s).replaceAll(encodeURIComponent(MARK), '%FF');
  } catch {
    return '%ED%A0%80';  // a lone surrogate: its (invalid) UTF-8 bytes
  }
}
const weirdCursors = ['', '!', 'AAAA', 'eyJ9', 'eyJpZCI6LTF9', '////', 'x'.repeat(5000), '%FF', 'null',
                      Buffer.from('{"o":-1,"q":"x"}').toString('base64url'),
                      Buffer.from('{"offset":99999999999999999999}').toString('base64url')];
const weirdIds = ['0', '-1', '1.5', '1e3', 'abc', '%00', '%FF', '9223372036854775807', '9223372036854775808',
                  '99999999999999999999999', '0x10', '+1', '1%20', '', '..', '%2e%2e', '007'];

// [SECTION] One case
function buildCase(op, sessions) {
  // A third of the cases are nearly valid (reaching handlers and the database), the rest
  // increasingly hostile.
  const hostility = pick([0.01, 0.1, 0.3]);
  let urlPath = `/api/v1${op.path}`;
  const query = [];
  const headers = {};
  // Spoiling every parameter at once mostly tests the first check that fails; instead
  // one parameter (the target) is hostile and the others plausible.
  const target = pick(op.params);
  for (const p of op.params) {
    const h = p === target ? (hostility < 0.05 ? 0.01 : 0.8) : hostility / 10;
    if (p.in === 'path') {
      const good = p.name === 'slug' ? pick(brandSlugs) : String(int(1, 60));
      const v = !chance(h) ? good : chance(0.7) ? pick(weirdIds) : queryText(gen(p.schema, 0, 0.5));
      urlPath = urlPath.replace(`{${p.name}}`, v);
    } else if (p.in === 'query') {
      if (!chance(p.required ? 0.95 : p === target ? 0.9 : 0.3)) continue;
      if (p.name === 'cursor' && p !== target) continue;   // only real pages have valid ones
      const v = p.name === 'cursor' && chance(h) ? pick(weirdCursors) : queryText(gen(p.schema, 0, h, p.name), h);
      query.push(`${p.name}=${v}`);
      if (p === target && chance(0.1)) query.push(`${p.name}=${v}`);  // given twice
      if (p.name === 'lat' && p !== target) query.push(`lng=${HINTS.lng()}`);  // a pair
    } else if (p.in === 'header') {
      if (p.name === 'X-Requested-With') { if (chance(0.95)) headers['x-requested-with'] = chance(0.97) ? 'zygc' : 'other'; }
      else if (p.name === 'Idempotency-Key') {
        if (chance(p.required ? 0.9 : 0.5)) {
          headers['idempotency-key'] = pick([`k-${int(1, 1e9)}`, `k-${int(1, 5)}`, 'x'.repeat(256), ' ', 'é', '"', 'a b']);
        }
      } else if (chance(0.5)) headers[p.name.toLowerCase()] = pick(['*', '"x"', 'W/"1"', '', 'x'.repeat(300)]);
    }
  }
  if (chance(hostility / 5)) headers.range = pick(['bytes=0-65535', 'bytes=999999999-', 'bytes=-1', 'bytes=5-1', 'bytes=0-0,0-0']);
  if (chance(0.05)) query.push(`${pick(['unknown', 'limit', 'q', ''])}=${queryText(hostileAny())}`);
  if (query.length) urlPath += `?${query.join('&')}`;

  // Who asks: mostly a dev account (so role checks and handlers run), sometimes nobody
  // or a forged token.
  const who = pick(['volunteer', 'volunteer', 'organizer', 'organizer', 'admin', 'social_worker', 'anon', 'forged']);
  if (who === 'forged') headers.authorization = pick(['Bearer ', 'Bearer x', `Bearer ${'A'.repeat(43)}`, 'Basic Zm9vOmJhcg==', 'Bearer \u00ff']);
  else if (who !== 'anon' && sessions[who]) headers.authorization = `Bearer ${sessions[who]}`;
  if (op.id === 'logout' && who !== 'anon' && who !== 'forged') headers.authorization = `Bearer ${sessions.throwaway}`;

  let body;
  if (op.body || (op.method !== 'GET' && chance(0.3))) {
    body = encodeBody(genBody(op.body, hostility));
    headers['content-type'] = chance(0.93) ? 'application/json'
      : pick(['text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'application/jsonx', '']);
    if (chance(0.05)) headers['content-encoding'] = 'gzip';
    // Chunked: no Content-Length, so the size limit must hold while reading.
    if (chance(hostility / 3)) headers['transfer-encoding'] = 'chunked';
  }
  return { method: op.method, path: urlPath, headers, body, who };
}

// [SECTION] Checks
function checkResponse(res) {
  if (res.clientError) return null;                     // not sendable by a conforming client
  if (res.error) return `no answer (${res.error})`;
  if (res.status >= 500) return `${res.status} ${res.body.toString('utf8', 0, 300)}`;
  if (res.status >= 400) {
    const ct = res.headers['content-type'] ?? '';
    if (!ct.startsWith('application/problem+json')) return `${res.status} with Content-Type "${ct}"`;
    let p;
    try { p = JSON.parse(res.body.toString('utf8')); } catch { return `${res.status} problem body is not JSON`; }
    if (typeof p.type !== 'string' || typeof p.title !== 'string' || p.status !== res.status) {
      return `${res.status} problem lacks type/title/status: ${res.body.toString('utf8', 0, 200)}`;
    }
    if (p.detail !== undefined && typeof p.detail !== 'string') return `${res.status} detail not a string`;
    if (p.errors !== undefined && (!Array.isArray(p.errors) ||
        !p.errors.every((e) => typeof e?.field === 'string' && typeof e?.message === 'string'))) {
      return `${res.status} errors[] malformed`;
    }
    return null;
  }
  if (res.status >= 200 && res.status < 300 && res.body.length) {
    try { JSON.parse(res.body.toString('utf8')); } catch { return `${res.status} body is not JSON`; }
  }
  return null;
}

// Reproduction line for a failure: a curl command (bodies shown truncated).
function describe(c) {
  const h = Object.entries(c.headers).filter(([k]) => k !== 'authorization')
    .map(([k, v]) => `-H '${k}: ${String(v).slice(0, 60)}'`).join(' ');
  let body = '';
  if (c.body !== undefined) {
    const text = c.body.toString('utf8');
    body = ` --data '${text.length > 160 ? `${text.slice(0, 160)}…(${c.body.length} bytes)` : text}'`;
  }
  return `[${c.who}] curl -X ${c.method} '${c.path.length > 200 ? `${c.path.slice(0, 200)}…` : c.path}' ${h}${body}`;
}

// [SECTION] Run
async function startLoggedIn(db) {
  const server = await startServer({ db });
  const brands = await send(server.port, 'GET', '/api/v1/brands');
  brandSlugs = JSON.parse(brands.body).map((b) => b.slug).concat(['no-such-brand']);
  const sessions = {};
  for (const [role, phone] of Object.entries(DEV_PHONES)) sessions[role] = await login(server.port, phone);
  sessions.throwaway = await login(server.port, `1370000${String(int(0, 9999)).padStart(4, '0')}`);
  return { server, sessions };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-fuzz-'));
  const db = path.join(dir, 'fuzz.sqlite');
  let { server, sessions } = await startLoggedIn(db);
  const statusCounts = {};
  const perOp = {};
  const failures = [];
  const crashes = [];
  let unsendable = 0;
  let withoutCode = 0;
  try {
    const deadline = Date.now() + BUDGET_S * 1000;
    for (let i = 0; i < CASES; i++) {
      if (Date.now() > deadline) {
        console.log(`fuzz: time budget (${BUDGET_S} s) spent after ${i} cases (hung requests cost ${TIMEOUT_MS} ms each)`);
        ran = i;
        break;
      }
      const op = operations[i % operations.length];
      const c = buildCase(op, sessions);
      const res = await send(server.port, c.method, c.path, { headers: c.headers, body: c.body, timeoutMs: TIMEOUT_MS });
      if (res.clientError) { unsendable++; continue; }
      if (process.env.ZYGC_FUZZ_TRACE === op.id) console.log(`${res.status} ${describe(c)} → ${res.body?.toString().slice(0, 160)}`);
      const key = res.status ?? 'no answer';
      statusCounts[key] = (statusCounts[key] ?? 0) + 1;
      (perOp[op.id] ??= {})[key] = (perOp[op.id][key] ?? 0) + 1;
      const problem = checkResponse(res);
      // API.md: every problem carries a stable machine-readable `code` the app translates.
      if (res.status >= 400 && res.status < 500 && !problem && JSON.parse(res.body).code === undefined) {
        withoutCode++;
        failures.push({ case: i, op: op.id, what: `${res.status} problem without a code: ${res.body.toString().slice(0, 120)}`, request: describe(c) });
      }
      // A logout ends the throwaway session; make a new one for the next logout case.
      if (op.id === 'logout' && res.status === 204) {
        sessions.throwaway = await login(server.port, `1370001${String(i % 10000).padStart(4, '0')}`).catch(() => sessions.throwaway);
      }
      await new Promise((r) => setImmediate(r));
      if (!server.alive() || (res.error && !(await aliveCheck(server)))) {
        crashes.push({ case: i, op: op.id, exit: server.exitInfo(), request: describe(c) });
        failures.push({ case: i, op: op.id, what: `server died ${JSON.stringify(server.exitInfo())}`, request: describe(c) });
        await server.stop('SIGKILL');
        ({ server, sessions } = await startLoggedIn(db));
        continue;
      }
      if (problem) failures.push({ case: i, op: op.id, what: problem, request: describe(c) });
    }
  } finally {
    await server.stop();
    closeAgent();
    rmSync(dir, { recursive: true, force: true });
  }

  // Summary
  console.log(`fuzz: seed ${SEED}, ${ran} of ${CASES} cases over ${operations.length} operations` +
              ` (${unsendable} not sendable by node's http client and skipped)`);
  console.log(`fuzz: statuses ${Object.entries(statusCounts).sort().map(([k, v]) => `${k}×${v}`).join(' ')}`);
  for (const [id, counts] of Object.entries(perOp)) {
    console.log(`  ${id.padEnd(22)} ${Object.entries(counts).sort().map(([k, v]) => `${k}×${v}`).join(' ')}`);
  }
  console.log(`fuzz: 4xx problems without API.md's "code": ${withoutCode}`);
  console.log(`fuzz: crashes ${crashes.length}, failures ${failures.length}`);
  // Group failures by what happened (across operations); show the first request of each.
  const groups = new Map();
  for (const f of failures) {
    const k = f.what.replace(/boundary=\S+/, 'boundary=…').replace(/\d{3,}/g, 'N').slice(0, 100);
    if (!groups.has(k)) groups.set(k, { n: 0, ops: new Set(), first: f });
    groups.get(k).n++;
    groups.get(k).ops.add(f.op);
  }
  for (const [k, g] of groups) {
    console.log(`FAIL ×${g.n} ${k}\n     in ${[...g.ops].join(', ')}\n     first: case ${g.first.case}: ${g.first.request}`);
  }
  process.exit(failures.length ? 1 : 0);
}

async function aliveCheck(server) {
  if (!server.alive()) return false;
  const r = await send(server.port, 'GET', '/api/v1/districts', { timeoutMs: 5000 });
  return r.status === 200;
}

main().catch((e) => { console.error(e); process.exit(2); });
