import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelayMs } from './backoff.js';

test('retry delays double with each attempt, with jitter within ±20%', () => {
  const middle = () => 0.5;
  assert.equal(retryDelayMs(1, 1000, 3_600_000, middle), 1000);
  assert.equal(retryDelayMs(2, 1000, 3_600_000, middle), 2000);
  assert.equal(retryDelayMs(5, 1000, 3_600_000, middle), 16000);
  assert.equal(retryDelayMs(1, 1000, 3_600_000, () => 0), 800);
  assert.equal(retryDelayMs(1, 1000, 3_600_000, () => 1), 1200);
});

test('retry delays stop growing at the cap', () => {
  assert.equal(retryDelayMs(40, 1000, 60_000, () => 0.5), 60_000);
});
