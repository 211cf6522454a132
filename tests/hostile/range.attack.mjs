// Range requests must never return bytes outside the resource (issue 8, item 1: httplib's
// sized content provider read past the body — heap contents leaked).
import fs from 'node:fs';
import { get, describe } from './lib.mjs';

export default async function (ctx) {
  const rows = [];
  for (const target of ['/index.html', '/api/v1/stats/city']) {
    const full = await get(ctx, target);
    for (const range of ['bytes=0-65535', 'bytes=999999999-', 'bytes=-65536', 'bytes=0-0,5-65535']) {
      const r = await get(ctx, target, { Range: range });
      const cl = r.headers['content-length'];
      // Either the whole resource (200) or a correct slice (206) — never more bytes.
      const ok = full.status === 200 && !r.error &&
        ((r.status === 200 && r.body.equals(full.body) && Number(cl) === full.body.length) ||
         (r.status === 206 && r.body.length <= full.body.length) || r.status === 416);
      rows.push({
        attack: `Range ${range} on ${target}`,
        expected: `200 with the ${full.body.length} bytes (or 206/416)`,
        observed: `${describe(r)}, Content-Length ${cl}, ${r.body.length} bytes${r.body.length > full.body.length ? ' — LEAK' : ''}`,
        ok,
      });
    }
  }
  return rows;
}
