// Starvation (issue 8, items 3 and 7; issue 11): slowloris connections, idle keep-alive
// connections and a burst of 200 simultaneous connects must not delay anyone else.
import net from 'node:net';
import { get, describe, sleep } from './lib.mjs';

const PROBE_BOUND_MS = 1000;

export default async function (ctx) {
  const rows = [];
  const host = `Host: ${ctx.host}:${ctx.port}\r\n`;

  // 1. Slowloris: 64 connections, each sending one header line every 3 s, while a probe
  //    asks for /api/v1/stats/city every 250 ms for 13 s.
  {
    const socks = [];
    let closedByServer = 0;
    for (let i = 0; i < 64; i++) {
      const s = net.connect({ host: ctx.host, port: ctx.port });
      s.on('error', () => {});
      s.on('data', (d) => { if (d.toString('latin1').startsWith('HTTP/1.1 408')) closedByServer++; });
      s.write(`GET /api/v1/districts HTTP/1.1\r\n${host}`);
      socks.push(s);
    }
    let n = 0;
    const trickle = setInterval(() => { n++; for (const s of socks) if (!s.destroyed) s.write(`X-Slow-${n}: x\r\n`); }, 3000);
    const lat = [];
    let failures = 0;
    const until = performance.now() + 13000;
    while (performance.now() < until) {
      const r = await get(ctx, '/api/v1/stats/city', {}, PROBE_BOUND_MS);
      if (r.status !== 200 || r.error) failures++;
      lat.push(r.ms);
      await sleep(250);
    }
    clearInterval(trickle);
    for (const s of socks) s.destroy();
    lat.sort((a, b) => a - b);
    const max = lat[lat.length - 1];
    rows.push({
      attack: 'slowloris: 64 conns, a header line / 3 s',
      expected: `probe 200 within ${PROBE_BOUND_MS} ms every time`,
      observed: `${lat.length - failures}/${lat.length} ok; median ${lat[lat.length >> 1].toFixed(1)} ms, max ${max.toFixed(1)} ms; ${closedByServer}/64 slow conns got 408`,
      ok: failures === 0 && max < PROBE_BOUND_MS,
    });
  }

  // 2. Idle keep-alive: 16 connections each make one request and then sit idle.
  {
    const idle = await Promise.all(Array.from({ length: 16 }, () => new Promise((resolve) => {
      const s = net.connect({ host: ctx.host, port: ctx.port });
      s.on('error', () => resolve(s));
      s.once('data', () => resolve(s));
      s.write(`GET /api/v1/districts HTTP/1.1\r\n${host}\r\n`);
    })));
    const r = await get(ctx, '/api/v1/stats/city', {}, 6000);
    for (const s of idle) s.destroy();
    rows.push({
      attack: '16 idle keep-alive conns, then one client',
      expected: `200 within ${PROBE_BOUND_MS} ms`,
      observed: `${describe(r)} in ${r.ms.toFixed(1)} ms`,
      ok: r.status === 200 && r.ms < PROBE_BOUND_MS,
    });
  }

  // 3. Burst: 200 connections at once, one request each, kept open (keep-alive, as
  //    browsers do) until every one has its answer.
  {
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: 200 }, () => get(ctx, '/api/v1/stats/city', {}, 15000, true)));
    const ms = performance.now() - t0;
    for (const r of results) r.close();
    const resets = results.filter((r) => /ECONNRESET|EPIPE/.test(r.error || '')).length;
    const errors = results.filter((r) => r.status !== 200 || r.error).length;
    const slowest = Math.max(...results.map((r) => r.ms));
    rows.push({
      attack: '200 simultaneous keep-alive connections',
      expected: '200 × 200, 0 resets, 0 errors',
      observed: `${results.length - errors} × 200, ${resets} resets, ${errors} errors; slowest ${slowest.toFixed(0)} ms, all in ${ms.toFixed(0)} ms`,
      ok: errors === 0 && resets === 0,
    });
  }
  return rows;
}
