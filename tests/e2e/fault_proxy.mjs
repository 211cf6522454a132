// A misbehaving network between the browser and the server, for the fault-injection test
// (attendance-faults.test.mjs). An HTTP/1.1 proxy on loopback that forwards to the real
// server and, for the requests `faulty(req)` selects, at a seeded combined `rate`:
//   drop_request   the request never reaches the server; the client's connection is closed
//   drop_response  the server handles (commits) it; the answer is thrown away, connection closed
//   duplicate      the server gets the request twice; the client sees the second answer
//   reset          the connection is reset (RST) before anything is forwarded
//   delay          forwarded after 50–600 ms
// Everything else passes unchanged. Counts of what it did are in .stats.
import http from 'node:http';

// mulberry32: a small seeded PRNG, so a failing run can be repeated with its seed.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['drop_request', 'drop_response', 'duplicate', 'reset', 'delay'];

export async function startFaultProxy({ target, seed = 1, rate = 0.3, faulty = () => true }) {
  const to = new URL(target);
  const random = rng(seed);
  const stats = { requests: 0, faulted: 0, passed: 0 };
  for (const k of KINDS) stats[k] = 0;
  const agent = new http.Agent({ keepAlive: false });

  // Sends the buffered request to the server; resolves {status, headers, body} or rejects.
  const forward = (req, body) => new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: to.host };
    delete headers.connection;
    const up = http.request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
    up.on('error', reject);
    up.end(body);
  });

  const reply = (res, r) => {
    const headers = { ...r.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers['content-length'] = String(r.body.length);
    res.writeHead(r.status, headers);
    res.end(r.body);
  };

  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    stats.requests++;
    let kind = null;
    if (faulty(req)) {
      const x = random();
      if (x < rate) kind = KINDS[Math.min(KINDS.length - 1, Math.floor((x / rate) * KINDS.length))];
    }
    if (kind) {
      stats.faulted++;
      stats[kind]++;
    } else {
      stats.passed++;
    }
    try {
      if (kind === 'drop_request') {
        req.socket.destroy();
        return;
      }
      if (kind === 'reset') {
        if (req.socket.resetAndDestroy) req.socket.resetAndDestroy();
        else req.socket.destroy();
        return;
      }
      if (kind === 'delay') await new Promise((r) => setTimeout(r, 50 + Math.floor(random() * 550)));
      if (kind === 'duplicate') await forward(req, body);
      const r = await forward(req, body);
      if (kind === 'drop_response') {
        req.socket.destroy();
        return;
      }
      reply(res, r);
    } catch (e) {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('proxy: ' + e.message);
      }
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    stats,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
      agent.destroy();
    },
  };
}
