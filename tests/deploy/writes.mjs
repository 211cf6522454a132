// A stream of acknowledged writes through the real API, for the backup and crash tests:
// projects published by the dev organizer (team 1), each with its own Idempotency-Key.
// A write counts as acknowledged only when the server answered 201 with the new id.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { JSON_HEADERS, ROOT, send } from '../fuzz/server.mjs';

export const BACKUP_BIN = process.env.ZYGC_BACKUP_BIN ||
  path.join(ROOT, 'build/native/src/server/zygc-backup');

// RFC 3339 in +08:00 for a time `days` from now at `hour`:00 (Beijing time).
function cst(days, hour) {
  const d = new Date(Date.now() + days * 86400000 + 8 * 3600000);
  const ymd = d.toISOString().slice(0, 10);
  return `${ymd}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

export function draft(title) {
  return {
    team_id: 1, title, summary: '', description: '写入流测试', category: 'elderly', brand: null,
    district_id: 1, site: { name: '红旗路服务站', lat: 39.93, lng: 119.6, radius_m: 200 },
    shifts: [{ start: cst(3, 9), end: cst(3, 11), capacity: 5 }],
  };
}

// Publishes `title`; resolves the new project id, or null when not acknowledged.
export async function publish(port, token, title) {
  const r = await send(port, 'POST', '/api/v1/projects', {
    headers: { ...JSON_HEADERS, authorization: `Bearer ${token}`, 'idempotency-key': `w-${title}` },
    body: JSON.stringify(draft(title)),
  });
  if (r.status !== 201) return null;
  return JSON.parse(r.body).id;
}

// Runs `writers` parallel loops of publishes until stop() is called; `acked` lists
// {id, title, seq} in the order the answers arrived (seq: global ack counter).
export function writeStream(getPort, token, { writers = 4, prefix = 'w' } = {}) {
  const acked = [];
  let running = true;
  let n = 0;
  const loops = Array.from({ length: writers }, async (_, w) => {
    while (running) {
      const title = `${prefix}-${w}-${n++}`;
      const id = await publish(getPort(), token, title);
      if (id !== null && id !== undefined) acked.push({ id, title, seq: acked.length });
      else if (running) await new Promise((r) => setTimeout(r, 20));  // server down: retry later
    }
  });
  return { acked, stop: async () => { running = false; await Promise.all(loops); } };
}

// Checks that every acknowledged write is readable; resolves the titles missing.
export async function missingWrites(port, writes) {
  const missing = [];
  for (const w of writes) {
    const r = await send(port, 'GET', `/api/v1/projects/${w.id}`);
    if (r.status !== 200 || JSON.parse(r.body).title !== w.title) missing.push(`${w.id}:${w.title}:${r.status}`);
  }
  return missing;
}

// zygc-backup, as a child process that does not block this process's event loop (the
// write stream keeps going while a backup runs); resolves { status, out, err }.
export function backupTool(...args) {
  if (!existsSync(BACKUP_BIN)) throw new Error(`${BACKUP_BIN} missing: build the zygc-backup target`);
  return new Promise((resolve) => {
    const p = spawn(BACKUP_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (b) => { out += b; });
    p.stderr.on('data', (b) => { err += b; });
    p.on('exit', (status) => resolve({ status, out, err }));
  });
}
