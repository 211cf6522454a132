// Login and SMS abuse (issue 8, items 5-6) against a dev-mode server with the demo seed.
// Each attack comes from its own loopback source address (127.0.0.x: Linux routes all of
// 127/8 to lo), so the server's per-address limits see distinct clients without trusting
// any header. Limits and their numbers: docs/security.md.
import http from 'node:http';

const XRW = { 'X-Requested-With': 'zygc' };

// One POST with a JSON body from `addr`; resolves { status, headers, body (parsed or text) }.
function post(ctx, path, payload, { addr, headers = XRW } = {}) {
  const data = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: ctx.host, port: ctx.port, path: `/api/v1${path}`, method: 'POST', localAddress: addr,
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) },
      agent: false,
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let body = text;
        try { body = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

const tally = (rs) => {
  const t = {};
  for (const r of rs) t[r.status] = (t[r.status] ?? 0) + 1;
  return Object.entries(t).map(([s, n]) => `${n}×${s}`).join(' ');
};
const limited = (r) => r.status === 429 && Number(r.headers['retry-after']) > 0 && r.body?.code === 'rate_limited';

export default async function (ctx) {
  const rows = [];
  const phone = (prefix, i) => `${prefix}${String(i).padStart(4, '0')}`;

  // 1. 200 SMS codes for different phones from one address.
  {
    const rs = [];
    for (let i = 0; i < 200; i++) rs.push(await post(ctx, '/auth/sms-code', { phone: phone('1390000', i) }, { addr: '127.0.0.11' }));
    const sent = rs.filter((r) => r.status === 200).length;
    const refused = rs.filter(limited).length;
    rows.push({ attack: '200 SMS codes, 200 phones, one address', expected: '≤ 20 sent, the rest 429 rate_limited + Retry-After',
                observed: tally(rs), ok: sent <= 20 && sent + refused === 200 });
  }

  // 2a. 300 guesses at one phone from one address.
  {
    const rs = [];
    for (let i = 0; i < 300; i++) rs.push(await post(ctx, '/auth/login', { phone: '13900009999', code: String(100000 + i) }, { addr: '127.0.0.12' }));
    const wrong = rs.filter((r) => r.status === 401).length;
    rows.push({ attack: '300 guesses at one phone, one address', expected: '≤ 5 answered 401, the rest 429',
                observed: tally(rs), ok: wrong <= 5 && wrong + rs.filter(limited).length === 300 });
  }

  // 2b. 300 guesses sprayed over 300 phones from one address.
  {
    const rs = [];
    for (let i = 0; i < 300; i++) rs.push(await post(ctx, '/auth/login', { phone: phone('1370000', i), code: '123456' }, { addr: '127.0.0.15' }));
    const wrong = rs.filter((r) => r.status === 401).length;
    rows.push({ attack: '300 guesses sprayed over 300 phones, one address', expected: '≤ 20 answered 401, the rest 429',
                observed: tally(rs), ok: wrong <= 20 && wrong + rs.filter(limited).length === 300 });
  }

  // 3. Trying to lock out 13800000001 from another address; then its owner logs in.
  {
    const owner = '13800000001';
    const rs = [];
    for (let i = 0; i < 50; i++) rs.push(await post(ctx, '/auth/login', { phone: owner, code: String(200000 + i) }, { addr: '127.0.0.13' }));
    const sent = await post(ctx, '/auth/sms-code', { phone: owner }, { addr: '127.0.0.14' });
    const login = sent.status === 200
      ? await post(ctx, '/auth/login', { phone: owner, code: sent.body.dev_code }, { addr: '127.0.0.14' })
      : sent;
    rows.push({ attack: `lock out ${owner} (50 guesses from another address), then the owner logs in`,
                expected: 'attacker 429 after 5; owner 200',
                observed: `attacker ${tally(rs)}; owner code ${sent.status}, login ${login.status}`,
                ok: rs.filter((r) => r.status === 401).length <= 5 && login.status === 200 });
  }

  // 4. Spraying without X-Requested-With (a cross-site form or a naive script).
  {
    const rs = [];
    for (let i = 0; i < 50; i++) {
      rs.push(await post(ctx, '/auth/sms-code', { phone: phone('1360000', i) }, { addr: '127.0.0.16', headers: {} }));
      rs.push(await post(ctx, '/auth/login', { phone: phone('1360000', i), code: '123456' }, { addr: '127.0.0.16', headers: {} }));
    }
    const ok = rs.every((r) => r.status === 403 && r.headers['content-type'] === 'application/problem+json' &&
                               r.body?.code === 'csrf_header_missing');
    rows.push({ attack: '100 sms-code/login POSTs without X-Requested-With', expected: 'all 403 csrf_header_missing',
                observed: tally(rs), ok });
  }
  return rows;
}
