// Memory exhaustion (issue 8, item 4): a 200 MiB chunked body (four at once), a gzip bomb,
// a 300 MiB header flood and 10,000 small headers — each refused early, RSS bounded.
import zlib from 'node:zlib';
import { flood, raw, describe, isProblem, watchRss, RSS_BOUND_MIB } from './lib.mjs';

const MiB = 1024 * 1024;

export default async function (ctx) {
  const rows = [];
  const hostLine = `Host: ${ctx.host}:${ctx.port}\r\n`;
  const post = (extra) => `POST /api/v1/auth/sms-code HTTP/1.1\r\n${hostLine}Content-Type: application/json\r\nX-Requested-With: zygc\r\n${extra}\r\n`;

  // 1. Chunked flood: 4 × 200 MiB of 1 MiB chunks.
  {
    const chunk = Buffer.concat([Buffer.from('100000\r\n'), Buffer.alloc(MiB, 0x20), Buffer.from('\r\n')]);
    const stop = watchRss(ctx);
    const results = await Promise.all([0, 1, 2, 3].map(() =>
      flood(ctx, post('Transfer-Encoding: chunked\r\n'), () => chunk, 200 * MiB, { timeoutMs: 25000 })));
    const peak = stop();
    const statuses = results.map((r) => r.response.status || r.error).join(', ');
    const maxSent = Math.max(...results.map((r) => r.sent)) / MiB;
    rows.push({
      attack: '4 × 200 MiB chunked body',
      expected: `413 each, stopped early; RSS < ${RSS_BOUND_MIB} MiB`,
      observed: `${statuses}; ≤ ${maxSent.toFixed(0)} MiB written; peak RSS ${peak.toFixed(0)} MiB`,
      ok: results.every((r) => r.response.status === 413) && maxSent < 200 && peak < RSS_BOUND_MIB,
    });
  }

  // 2. Gzip bomb: ~60 KB that inflates to 60 MiB.
  {
    const bomb = zlib.gzipSync(Buffer.alloc(60 * MiB, 0x20), { level: 9 });
    const stop = watchRss(ctx);
    const r = await raw(ctx, Buffer.concat([Buffer.from(post(`Content-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\nConnection: close\r\n`)), bomb]), { timeoutMs: 15000 });
    const peak = stop();
    rows.push({
      attack: `gzip bomb body (${(bomb.length / 1024).toFixed(0)} KiB → 60 MiB)`,
      expected: `415 problem (never inflated); RSS < ${RSS_BOUND_MIB} MiB`,
      observed: `${describe(r)}; peak RSS ${peak.toFixed(0)} MiB`,
      ok: r.status === 415 && isProblem(r) && peak < RSS_BOUND_MIB,
    });
  }

  // 3. Header flood: 300 MiB of 8 KB header lines on a GET.
  {
    const line = (n) => Buffer.from(`X-Flood-${n}: ${'a'.repeat(8000)}\r\n`);
    let n = 0;
    const stop = watchRss(ctx);
    const r = await flood(ctx, `GET /api/v1/districts HTTP/1.1\r\n${hostLine}`, () => line(n++), 300 * MiB, { timeoutMs: 25000 });
    const peak = stop();
    rows.push({
      attack: '300 MiB of request headers',
      expected: `431 problem, stopped early; RSS < ${RSS_BOUND_MIB} MiB`,
      observed: `${describe({ ...r.response, error: r.response.complete ? null : r.error })}; ${(r.sent / MiB).toFixed(1)} MiB written; peak RSS ${peak.toFixed(0)} MiB`,
      ok: r.response.status === 431 && r.sent < 300 * MiB && peak < RSS_BOUND_MIB,
    });
  }

  // 4. 10,000 small headers (under any per-line limit).
  {
    let h = '';
    for (let i = 0; i < 10000; i++) h += `X-H${i}: ${i}\r\n`;
    const r = await raw(ctx, `GET /api/v1/districts HTTP/1.1\r\n${hostLine}${h}Connection: close\r\n\r\n`, { timeoutMs: 10000 });
    rows.push({
      attack: '10,000 header fields',
      expected: '431 problem',
      observed: describe(r),
      ok: r.status === 431 && isProblem(r),
    });
  }
  return rows;
}
