/**
 * Refusals as a person reads them (web/src/ui/refusal.ts): field paths become
 * labels, ISO times the person's clock with how far off, ids and JSON vanish.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLabel, plainMessage, refusalText } from '../../web/src/ui/refusal.js';
import { setDisplayZone } from '../../web/src/ui/time-format.js';

const NOW = Date.parse('2026-12-06T00:52:00Z');

test('field paths read as the labels a person sees', () => {
  assert.equal(fieldLabel('override.reason'), 'the reason for the override');
  assert.equal(fieldLabel('/body/scheduledUntil'), 'the end');
  assert.equal(fieldLabel('body.impact.journeys[0].effect'), 'the effect of journeys 1 of impact');
  assert.equal(fieldLabel('query.after'), 'the after');
  assert.equal(fieldLabel('(body)'), 'the form');
});

test('a refusal names fields by label, says times on the person\'s clock and drops ids and JSON', () => {
  setDisplayZone('Europe/Berlin');
  const field = refusalText({ message: 'invalid request', errors: [{ field: 'body.override.reason', message: 'is required' }] }, NOW);
  assert.equal(field, 'The reason for the override is required.');
  const timed = plainMessage('monitoring until 2026-12-06T01:07:00.000Z (pass --override "…" to resolve now)', NOW);
  assert.equal(timed, 'Monitoring until 02:07 (in 15m 00s).');
  const ids = plainMessage('component 0b9d1c1e-8a55-4f3e-9a42-2f1e1d6b7c00 is not a component of this page; got {"x":1}', NOW);
  assert.doesNotMatch(ids, /[0-9a-f]{8}-|[{}"]/);
  assert.equal(plainMessage('must be after scheduledFor', NOW), 'Must be after the start.');
  assert.equal(refusalText(new Error('Firebreak did not answer: check your connection'), NOW), 'Firebreak did not answer: check your connection.');
  assert.equal(plainMessage('sent to hooks.example.test', NOW), 'Sent to hooks.example.test.', 'a host name is not a field path');
});
