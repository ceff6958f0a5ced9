import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WalSync } from './wal-sync.js';

/** The inodes of the files this process holds open (Linux: /proc/self/fd). */
function openInodes(): Set<number> {
  const inodes = new Set<number>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      inodes.add(statSync(`/proc/self/fd/${fd}`).ino);
    } catch {
      // closed between listing and stat (the listing's own descriptor)
    }
  }
  return inodes;
}

test('flushes the log at its path: a replaced log is reopened (the old one closed), and a missing log fails the flush', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-wal-'));
  const wal = path.join(dir, 'db.sqlite-wal');
  const sync = new WalSync(wal);
  try {
    writeFileSync(wal, 'frames');
    await Promise.all([sync.flush(), sync.flush()]);
    const first = statSync(wal).ino;
    assert.ok(openInodes().has(first), 'the log is held open');
    // A checkpoint by the last connection deletes the log; the next one is a new file.
    writeFileSync(path.join(dir, 'next'), 'more frames');
    renameSync(path.join(dir, 'next'), wal);
    const second = statSync(wal).ino;
    assert.notEqual(second, first);
    await sync.flush();
    const held = openInodes();
    assert.ok(held.has(second), 'the new log is opened and flushed');
    assert.ok(!held.has(first), 'the replaced log is closed');
    rmSync(wal);
    await assert.rejects(sync.flush(), /ENOENT/);
  } finally {
    await sync.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
