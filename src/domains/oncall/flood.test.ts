import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestText, withinBudget } from './flood.js';

test('a person gets at most the configured number of pages a minute', () => {
  assert.equal(withinBudget(0, 3), true);
  assert.equal(withinBudget(2, 3), true);
  assert.equal(withinBudget(3, 3), false);
});

test('a digest names how many groups and on which services', () => {
  const d = digestText(12, ['db', 'checkout-api', 'db'], ['Checkout 5xx', 'Replica lag']);
  assert.equal(d.headline, '12 more alert groups on checkout-api, db');
  assert.match(d.body, /- Checkout 5xx\n- Replica lag/);
  assert.equal(digestText(1, ['a', 'b', 'c', 'd', 'e', 'f', 'g'], []).headline, '1 more alert group on a, b, c, d, e and 2 more services');
});
