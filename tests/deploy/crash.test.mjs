// Crash safety: a stream of acknowledged writes (projects published through the real API,
// four writers in parallel) while the server is killed with SIGKILL, five rounds. After
// each kill the database passes integrity_check, and after each restart every write the
// server had acknowledged — in any round so far — is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_PHONES, closeAgent, login, startServer } from '../fuzz/server.mjs';
import { backupTool, missingWrites, writeStream } from './writes.mjs';

const ROUNDS = 5;

test(`kill -9 during a write stream, ${ROUNDS} rounds: 0 acknowledged writes lost, integrity ok`, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-crash-'));
  const db = path.join(dir, 'crash.db');
  let server = await startServer({ db });
  const token = await login(server.port, DEV_PHONES.organizer);   // sessions live in the database
  const acked = [];                 // every acknowledged write, all rounds
  const rows = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const stream = writeStream(() => server.port, token, { prefix: `crash-r${round}` });
      // Kill somewhere in the middle of the stream: after a varying number of acks, with
      // four requests in flight.
      const target = 40 + round * 23;
      while (stream.acked.length < target) await new Promise((r) => setTimeout(r, 2));
      server.proc.kill('SIGKILL');
      await server.exited;
      await stream.stop();          // in-flight requests fail: not acknowledged
      acked.push(...stream.acked);
      const check = await backupTool('verify', db);
      assert.equal(check.status, 0, `round ${round}: ${check.err}`);
      assert.match(check.out, /"integrity":"ok"/);

      server = await startServer({ db, seed: false });
      const lost = await missingWrites(server.port, acked);
      rows.push({ round, acknowledged: acked.length, lost: lost.length, integrity: 'ok' });
      assert.deepEqual(lost, [], `round ${round}: acknowledged writes lost`);
    }
  } finally {
    await server.stop();
    closeAgent();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('# round  acknowledged  lost  integrity');
  for (const r of rows) console.log(`# ${String(r.round).padStart(5)}  ${String(r.acknowledged).padStart(12)}  ${String(r.lost).padStart(4)}  ${r.integrity}`);
});
