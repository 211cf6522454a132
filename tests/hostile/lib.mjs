// Helpers shared by the attack modules: raw sockets (so that nothing between us and the
// server fixes up what we send), a tiny HTTP/1.1 response reader, RSS sampling.
import net from 'node:net';

// Sends `bytes` (string or Buffer) on a fresh connection and reads one response.
// Resolves {status, headers, body (Buffer), error, ms}; never rejects. The connection is
// closed after the first response (or on timeout), unless `hold`: then it stays open, as
// a browser's keep-alive connection would, and the result carries `close()`.
export function raw(ctx, bytes, { timeoutMs = 5000, hold = false } = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const sock = net.connect({ host: ctx.host, port: ctx.port });
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!hold || error) sock.destroy();
      const r = parseResponse(buf);
      resolve({ ...r, close: () => sock.destroy(), error: r.status ? (r.complete ? null : error ?? 'incomplete') : (error ?? 'no response'), ms: performance.now() - t0 });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length > 4 * 1024 * 1024) return finish('response larger than 4 MiB');
      const r = parseResponse(buf);
      if (r.complete) finish(null);
    });
    sock.on('error', (e) => finish(e.code || String(e)));
    sock.on('close', () => finish('closed'));
    sock.write(bytes);
  });
}

// Parses one response from the start of buf: {status, headers, body, complete}.
export function parseResponse(buf) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: Buffer.alloc(0), complete: false };
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  let status = Number(lines[0].split(' ')[1]) || 0;
  let start = end + 4;
  if (status === 100) {  // interim answer: read the final one after it
    const rest = parseResponse(buf.subarray(start));
    return rest;
  }
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    const k = l.slice(0, i).trim().toLowerCase();
    const v = l.slice(i + 1).trim();
    headers[k] = headers[k] === undefined ? v : headers[k] + ', ' + v;
  }
  const body = buf.subarray(start);
  const len = headers['content-length'] === undefined ? null : Number(headers['content-length']);
  const complete = len === null ? false : body.length >= len;
  return { status, headers, body: len === null ? body : body.subarray(0, Math.min(len, body.length)), complete };
}

export function isProblem(r) {
  if (!(r.headers['content-type'] || '').startsWith('application/problem+json')) return false;
  try {
    const j = JSON.parse(r.body.toString('utf8'));
    return j.status === r.status;
  } catch { return false; }
}

export function describe(r) {
  if (!r.status) return `no answer (${r.error})`;
  return `${r.status}${isProblem(r) ? ' problem' : ''}${r.error ? ` (${r.error})` : ''}`;
}

// Samples ctx.rssKiB() every 50 ms until stop(); stop() returns the peak in MiB.
export function watchRss(ctx) {
  let peak = ctx.rssKiB();
  const t = setInterval(() => { peak = Math.max(peak, ctx.rssKiB()); }, 50);
  return () => { clearInterval(t); peak = Math.max(peak, ctx.rssKiB()); return peak / 1024; };
}

export const RSS_BOUND_MIB = 150;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A GET on a fresh connection, with its latency.
export function get(ctx, target, headers = {}, timeoutMs = 5000, hold = false) {
  const h = Object.entries({ Host: `${ctx.host}:${ctx.port}`, ...(hold ? {} : { Connection: 'close' }), ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return raw(ctx, `GET ${target} HTTP/1.1\r\n${h}\r\n`, { timeoutMs, hold });
}

// Writes a stream of chunks to a fresh connection until the server answers or closes,
// `total` bytes are sent, or the time runs out. Resolves {sent, response, error}.
export function flood(ctx, head, nextChunk, total, { timeoutMs = 20000 } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: ctx.host, port: ctx.port });
    let sent = 0, buf = Buffer.alloc(0), done = false, error = null;
    const finish = (e) => {
      if (done) return;
      done = true;
      error = error ?? e;
      clearTimeout(timer);
      sock.destroy();
      resolve({ sent, response: parseResponse(buf), error });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    sock.on('data', (d) => { buf = Buffer.concat([buf, d]); if (parseResponse(buf).complete) finish(null); });
    sock.on('error', (e) => finish(e.code || String(e)));
    sock.on('close', () => finish('closed'));
    // Yields to the event loop every MiB: writes that complete at once would otherwise
    // keep the loop from ever delivering the server's answer.
    const pump = () => {
      let burst = 0;
      while (!done && sent < total) {
        const c = nextChunk(sent);
        sent += c.length;
        burst += c.length;
        if (!sock.write(c)) { sock.once('drain', pump); return; }
        if (burst >= 1024 * 1024) { setImmediate(pump); return; }
      }
    };
    sock.on('connect', () => { sock.write(head); pump(); });
  });
}
