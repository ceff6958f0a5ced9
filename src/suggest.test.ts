import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, didYouMean } from './suggest.js';

test('a slip suggests the closest word; a whole word beats a part of one; nothing far is offered', () => {
  assert.equal(closest('decison', ['next_decision', 'decision']), 'decision');
  assert.equal(closest('resolvd', ['investigating', 'resolved']), 'resolved');
  assert.equal(closest('sev2', ['SEV1', 'SEV2']), 'SEV2');
  assert.equal(closest('mitig', ['mitigation_started', 'marker']), 'mitigation_started');
  assert.equal(closest('lunch', ['decision', 'note']), undefined);
  assert.equal(didYouMean('commandr', ['commander', 'scribe']), '; did you mean "commander"?');
  assert.equal(didYouMean('zzz', ['commander']), '');
});
