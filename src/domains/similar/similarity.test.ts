import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { familyHistory, topThreePrecision } from '../../testing/synthetic-history.js';
import { rankSimilar, tokens, type IncidentDoc } from './similarity.js';

describe('similar incidents', () => {
  test('on a designed history of 240 incidents in 40 families, the top 3 are the same problem at least 90% of the time', () => {
    const history = familyHistory();
    assert.ok(history.length >= 200);
    const precision = topThreePrecision(history, (target, all) => rankSimilar(target, all, 3));
    assert.ok(precision >= 0.9, `top-3 precision ${precision.toFixed(3)}`);
  });

  test('each suggestion says why: the shared service, rule and fingerprint, and the matching words', () => {
    const target: IncidentDoc = { id: 'now', text: 'Checkout TLS handshake failures: EU customers cannot pay', services: ['checkout-api'], rules: ['CheckoutErrorRate'], fingerprints: ['a1b2'] };
    const before: IncidentDoc = { id: 'then', text: 'Card payments failing after the provider TLS certificate rotation (handshake errors)', services: ['checkout-api'], rules: ['CheckoutErrorRate'], fingerprints: ['a1b2'] };
    const unrelated: IncidentDoc = { id: 'other', text: 'Search index lag', services: ['search'], rules: ['SearchLag'], fingerprints: ['ffff'] };
    const [first, ...rest] = rankSimilar(target, [before, unrelated], 3);
    assert.equal(first?.id, 'then');
    assert.deepEqual(first.reasons.sharedServices, ['checkout-api']);
    assert.deepEqual(first.reasons.sharedRules, ['CheckoutErrorRate']);
    assert.deepEqual(first.reasons.sharedFingerprints, ['a1b2']);
    assert.deepEqual([...first.reasons.matchingTerms].sort(), ['handshake', 'tls']);
    assert.deepEqual(rest, [], 'nothing in common: not suggested');
  });

  test('the same history gives the same neighbours in any input order; the incident itself is never its own neighbour', () => {
    const history = familyHistory(10, 5);
    const target = history[7]!;
    const a = rankSimilar(target, history, 5);
    const b = rankSimilar(target, [...history].reverse(), 5);
    assert.deepEqual(a, b);
    assert.ok(!a.some((m) => m.id === target.id));
  });

  test('tokens drop stop words and numbers and fold plurals', () => {
    assert.deepEqual(tokens('The 502 errors from the gateways, since 03:02'), ['error', 'gateway']);
  });
});
