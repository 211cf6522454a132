// Backup and restore (zygc-backup, docs/deploy.md): an online backup taken while a stream
// of acknowledged writes runs, restored into a fresh server. Every write acknowledged
// before the backup started is there; what the copy holds is a prefix of the stream (a
// consistent snapshot); integrity_check is ok; restore refuses a database in use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_PHONES, closeAgent, login, send, startServer } from '../fuzz/server.mjs';
import { backupTool, missingWrites, writeStream } from './writes.mjs';

test('online backup during writes, restore into a fresh server: nothing acknowledged is lost', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zygc-backup-'));
  const live = path.join(dir, 'live.db');
  const copy = path.join(dir, 'backup.db');
  let server = await startServer({ db: live });
  let fresh = null;
  try {
    const token = await login(server.port, DEV_PHONES.organizer);
    const stream = writeStream(() => server.port, token, { prefix: 'backup' });
    while (stream.acked.length < 80) await new Promise((r) => setTimeout(r, 10));

    const before = stream.acked.length;          // acknowledged before the backup started
    const result = await backupTool('backup', '--db', live, '--out', copy);
    const after = stream.acked.length;           // acknowledged before it finished
    while (stream.acked.length < after + 40) await new Promise((r) => setTimeout(r, 10));
    await stream.stop();
    assert.equal(result.status, 0, result.err);
    assert.match(result.out, /"integrity":"ok"/);
    console.log(`# backup: ${before} writes acknowledged before it, ${after - before} during it, ` +
                `${stream.acked.length - after} after; ${result.out.trim()}`);
    assert.ok(after > before, 'the stream kept writing while the backup ran');

    const verified = await backupTool('verify', copy);
    assert.equal(verified.status, 0, verified.err);
    assert.match(verified.out, /"integrity":"ok","schema_version":\d+/);

    // Restoring over a database the server has open is refused.
    const busy = await backupTool('restore', '--from', copy, '--db', live);
    assert.equal(busy.status, 1);
    assert.match(busy.err, /in use/);
    // A damaged copy is refused before anything is replaced.
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'SQLite format 3\u0000 but not really a database');
    const bad = await backupTool('restore', '--from', junk, '--db', path.join(dir, 'other.db'));
    assert.equal(bad.status, 1);
    assert.ok(!existsSync(path.join(dir, 'other.db')));
    // A copy with damaged pages fails verification.
    const damaged = readFileSync(copy);
    damaged.fill(0xa5, 4096 * 20, 4096 * 20 + 3000);
    writeFileSync(path.join(dir, 'damaged.db'), damaged);
    const broken = await backupTool('verify', path.join(dir, 'damaged.db'));
    assert.equal(broken.status, 1, broken.out);
    await server.stop();

    // Restore drill: a fresh place, the copy put in, a fresh server on it.
    const restoredDb = path.join(dir, 'restored', 'zygc.db');
    mkdirSync(path.dirname(restoredDb));
    copyFileSync(`${live}.secret`, `${restoredDb}.secret`);   // the ID-number key travels with it
    const restored = await backupTool('restore', '--from', copy, '--db', restoredDb);
    assert.equal(restored.status, 0, restored.err);
    fresh = await startServer({ db: restoredDb, seed: false });

    const lost = await missingWrites(fresh.port, stream.acked.slice(0, before));
    assert.deepEqual(lost, [], 'writes acknowledged before the backup');
    // A snapshot: the acknowledged writes it holds are a prefix of the stream's order
    // (apart from writes in flight together, which may commit in either order).
    const present = [];
    for (const w of stream.acked) {
      const r = await send(fresh.port, 'GET', `/api/v1/projects/${w.id}`);
      present.push(r.status === 200);
    }
    const lastPresent = present.lastIndexOf(true);
    const firstAbsent = present.indexOf(false);
    assert.ok(lastPresent >= before - 1);
    if (firstAbsent >= 0) assert.ok(lastPresent - firstAbsent < 8, `holes in the snapshot: ${firstAbsent}..${lastPresent}`);
    const integrity = await backupTool('verify', restoredDb);
    assert.equal(integrity.status, 0, integrity.err);
  } finally {
    await server.stop();
    await fresh?.stop();
    closeAgent();
    rmSync(dir, { recursive: true, force: true });
  }
});
