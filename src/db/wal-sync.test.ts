import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WalSync } from './wal-sync.js';

test('keeps flushing when the log at its path is replaced (reopening it), shares flushes among callers, and fails once the log is gone', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-wal-'));
  const wal = path.join(dir, 'db.sqlite-wal');
  const sync = new WalSync(wal);
  try {
    writeFileSync(wal, 'frames');
    await Promise.all([sync.flush(), sync.flush(), sync.flush()]);
    const before = statSync(wal).ino;
    // A checkpoint by the last connection deletes the log; the next one is a new file.
    writeFileSync(path.join(dir, 'next'), 'more frames');
    renameSync(path.join(dir, 'next'), wal);
    assert.notEqual(statSync(wal).ino, before);
    await sync.flush();
    await sync.flush();
    rmSync(wal);
    await assert.rejects(sync.flush(), /ENOENT/);
  } finally {
    await sync.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
