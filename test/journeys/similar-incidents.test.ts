/**
 * "Have we seen this before?" across domains, through the HTTP API: an
 * Alertmanager alert declares an incident, it is resolved with a summary and
 * its postmortem names the root cause and an action item; when the same alert
 * fires again, the new incident's similar incidents put the old one first,
 * saying why (same service, same rule, same fingerprint, the words) with what
 * was learnt, the open action item flagged. At declaration, the title and
 * service typed so far find it too.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { amBody, createIntegration, createService, settled } from '../../src/testing/alerts.js';
import { until } from '../../src/testing/until.js';

type Auth = { authorization: string };

interface Similar {
  ref: string;
  why: string;
  resolutionSummary: string | null;
  reasons: { sharedServiceNames: string[]; sharedRules: string[]; sharedFingerprints: string[]; matchingTerms: string[] };
  postmortem: { rootCause: string | null; actionItems: Array<{ title: string; open: boolean }> } | null;
}

describeEachStore('similar incidents over the API', (fixture) => {
  let t: TestApp;
  let responder: Auth;
  let admin: Auth;
  let key = '';
  before(async () => {
    t = await createTestApp(fixture.store);
    // The postmortem of a resolved SEV1 opens as a job.
    await t.startWorker();
    responder = (await t.user('responder')).auth;
    admin = (await t.user('admin')).auth;
    const checkout = await createService(t, admin, 'checkout-api');
    await createService(t, admin, 'search-api');
    key = (await createIntegration(t, admin, checkout.id, 'alertmanager')).key;
  });
  after(async () => t.close());

  const fire = async (status: 'firing' | 'resolved' = 'firing') => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/intake/alertmanager/${key}`,
      payload: amBody([{ fingerprint: 'fp-tls-1', status, labels: { alertname: 'CheckoutTlsErrors', severity: 'critical' }, summary: 'Checkout TLS handshake failures' }]),
    });
    assert.equal(res.statusCode, 202, res.body);
    // Intake answers once the alert is journaled; incidents are declared as it is applied.
    await settled(t);
  };
  const newest = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?limit=1', headers: responder });
    return (res.json() as { incidents: Array<{ ref: string }> }).incidents[0]!.ref;
  };
  const log = async (ref: string, kind: string, body: unknown) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: responder, payload: { kind, body } });
    assert.equal(res.statusCode, 201, res.body);
  };

  test('the same alert again: the earlier incident comes first, with its reasons, resolution, root cause and open action item', async () => {
    await fire();
    const first = await newest();
    await log(first, 'impact_stated', { statement: 'EU customers cannot pay: TLS handshake errors at the payment provider', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' });
    await log(first, 'resolved', { summary: 'Pinned the rotated provider certificate; payments recovered', override: { reason: 'journey test' } });
    await until('the postmortem opens', async () => (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${first}/postmortem`, headers: responder })).statusCode === 200);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${first}/postmortem`, headers: responder, payload: { sections: { rootCause: 'the provider rotated its certificate and our client pins the old one' } } });
    assert.equal(patched.statusCode, 200, patched.body);
    const item = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${first}/postmortem/action-items`, headers: responder, payload: { title: 'Alert 30 days before pinned certificates expire', type: 'detect' } });
    assert.equal(item.statusCode, 201, item.body);
    await fire('resolved');

    const unrelated = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: 'Search index lagging behind', severity: 'SEV3', services: ['search-api'] } });
    assert.equal(unrelated.statusCode, 201, unrelated.body);

    await fire();
    const again = await newest();
    assert.notEqual(again, first);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${again}/similar`, headers: responder });
    assert.equal(res.statusCode, 200, res.body);
    const similar = (res.json() as { similar: Similar[] }).similar;
    assert.equal(similar[0]?.ref, first, JSON.stringify(similar));
    const top = similar[0];
    assert.deepEqual(top.reasons.sharedServiceNames, ['checkout-api']);
    assert.deepEqual(top.reasons.sharedRules, ['CheckoutTlsErrors'], JSON.stringify(top));
    assert.deepEqual(top.reasons.sharedFingerprints, ['fp-tls-1']);
    assert.ok(top.reasons.matchingTerms.includes('tls'), top.reasons.matchingTerms.join(','));
    assert.match(top.why, /same service checkout-api; the same alert fired/);
    assert.equal(top.resolutionSummary, 'Pinned the rotated provider certificate; payments recovered');
    assert.equal(top.postmortem?.rootCause, 'the provider rotated its certificate and our client pins the old one');
    assert.deepEqual(top.postmortem?.actionItems, [{ title: 'Alert 30 days before pinned certificates expire', status: 'open', open: true }]);
    assert.ok(!similar.some((s) => s.ref === again), 'never itself');
    assert.ok(!similar.some((s) => /Search/.test(s.why)), 'the unrelated incident is not suggested for its words');

    const declaring = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/similar?title=${encodeURIComponent('TLS handshake errors on checkout')}&service=checkout-api`, headers: responder });
    assert.equal(declaring.statusCode, 200, declaring.body);
    const refs = (declaring.json() as { similar: Similar[] }).similar.map((s) => s.ref);
    assert.ok(refs.includes(first) && refs.includes(again), refs.join(','));
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/incidents/similar?title=', headers: responder });
    assert.equal(bad.statusCode, 400);
  });
});
