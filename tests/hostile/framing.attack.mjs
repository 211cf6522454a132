// Request smuggling shapes and hostile query text (issue 8, item 9): duplicate or
// conflicting Content-Length, Content-Length with Transfer-Encoding, NUL / invalid UTF-8
// in q= — each a 400 problem, never accepted and never a 500.
import { raw, get, describe, isProblem } from './lib.mjs';

export default async function (ctx) {
  const rows = [];
  const host = `Host: ${ctx.host}:${ctx.port}\r\n`;
  const body = '{"phone":"13800000001"}';
  const heads = {
    'duplicate Content-Length (equal)': `Content-Length: ${body.length}\r\nContent-Length: ${body.length}\r\n`,
    'conflicting Content-Length': `Content-Length: ${body.length}\r\nContent-Length: 5\r\n`,
    'Content-Length and Transfer-Encoding': `Content-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n`,
    'Content-Length "+23"': `Content-Length: +${body.length}\r\n`,
  };
  for (const [name, h] of Object.entries(heads)) {
    const r = await raw(ctx, `POST /api/v1/auth/sms-code HTTP/1.1\r\n${host}Content-Type: application/json\r\nX-Requested-With: zygc\r\nConnection: close\r\n${h}\r\n${body}`);
    rows.push({ attack: name, expected: '400 problem', observed: describe(r), ok: r.status === 400 && isProblem(r) });
  }
  for (const target of ['/api/v1/projects?q=%00', '/api/v1/projects?q=a%00b', '/api/v1/teams?q=%00',
                        '/api/v1/projects?q=%FF%FE', '/api/v1/projects?q=%C0%AF']) {
    const r = await get(ctx, target);
    rows.push({ attack: `GET ${target}`, expected: '400 problem', observed: describe(r), ok: r.status === 400 && isProblem(r) });
  }
  return rows;
}
