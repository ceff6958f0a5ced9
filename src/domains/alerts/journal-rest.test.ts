import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BURST_MS, BUSY_ARRIVALS, entriesBeforeBatch, restBeforeBatch, type RestInput } from './journal-rest.js';

const at = (...times: number[]) => [...times, ...new Array<number>(Math.max(0, BUSY_ARRIVALS - times.length)).fill(-Infinity)];
const burst = (now: number) => at(...Array.from({ length: BUSY_ARRIVALS }, (_, i) => now - 10 * i));
const base: RestInput = { now: 10_000, recentArrivals: burst(10_000), busySince: 9_000, lastBatchMs: 20, readers: 0, dialect: 'sqlite' };

test('alerts arriving one by one (20 a second) never make the applier rest', () => {
  const steady = at(...Array.from({ length: BUSY_ARRIVALS }, (_, i) => 10_000 - 50 * i));
  for (const dialect of ['sqlite', 'postgres'] as const) assert.equal(restBeforeBatch({ ...base, dialect, recentArrivals: steady }), 0);
  assert.equal(restBeforeBatch({ ...base, recentArrivals: at() }), 0);
});

test('in the first seconds of a burst the applier rests nine times its last batch, at most 250 ms, on both dialects', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    assert.equal(restBeforeBatch({ ...base, dialect }), 180);
    assert.equal(restBeforeBatch({ ...base, dialect, lastBatchMs: 80 }), 250);
  }
});

test('a flood longer than the burst window gets the even split on SQLite and no rest on PostgreSQL', () => {
  const later = { ...base, busySince: base.now - BURST_MS };
  assert.equal(restBeforeBatch(later), 20);
  assert.equal(restBeforeBatch({ ...later, lastBatchMs: 400 }), 100);
  assert.equal(restBeforeBatch({ ...later, dialect: 'postgres' }), 0);
});

test('a reader waiting for the journal stops every rest', () => {
  assert.equal(restBeforeBatch({ ...base, readers: 1 }), 0);
});

test('on SQLite, while the applier rests for intake, a batch takes only as many entries as fit in about 10 ms at the last pace, at least one; otherwise the full batch', () => {
  // 8 entries in 20 ms: 2.5 ms each, 4 of them fit.
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 20 }, 8, 8), 4);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 60 }, 8, 8), 1);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 400 }, 2, 8), 1);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 10 }, 8, 8), 8);
  // After the burst window SQLite still rests (the even split), PostgreSQL does not.
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 60, busySince: base.now - BURST_MS }, 8, 8), 1);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 60, busySince: base.now - BURST_MS, dialect: 'postgres' }, 8, 8), 8);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 60, dialect: 'postgres' }, 8, 8), 8);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 60, readers: 1 }, 8, 8), 8);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 60, recentArrivals: at() }, 8, 8), 8);
  assert.equal(entriesBeforeBatch({ ...base, lastBatchMs: 0 }, 0, 8), 8);
});
