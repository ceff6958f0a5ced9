/**
 * Outgoing incident webhooks through the HTTP API: subscriptions filtered by
 * service and severity receive the incident's facts as signed CloudEvents 1.0
 * (structured JSON), retried through the outbox, with a delivery log.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { startHttpPeer, type HttpPeer } from '../../src/domains/notify/testing.js';
import { verifyWebhookSignature } from '../../src/domains/notify/signing.js';
import { until } from '../../src/testing/until.js';
import { createService } from '../../src/testing/alerts.js';
import { domains } from '../../src/app/domains.js';
import { registerFactConsumers } from '../../src/domains/incidents/fact-consumers.js';

describeEachStore('outgoing incident webhooks', (fixture) => {
  let t: TestApp;
  let peer: HttpPeer;
  let admin: { authorization: string };
  let responder: { authorization: string };
  before(async () => {
    // The first delivery to /flaky fails once with 503: the outbox retries it.
    let flaky = 0;
    peer = await startHttpPeer((_n, request) => (request.path === '/flaky' && flaky++ === 0 ? 503 : 204));
    // As process start does: every domain's fact consumers.
    registerFactConsumers(domains.flatMap((d) => d.facts ?? []));
    t = await createTestApp(fixture.store, { config: { secretKey: randomBytes(32).toString('base64') } });
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
    await createService(t, admin, 'payments');
    await createService(t, admin, 'search');
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await peer.close();
  });

  const subscribe = async (payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/incident-webhooks', headers: admin, payload });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; secret: string; name: string };
  };
  const append = async (id: string, kind: string, body: unknown) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${id}/events`, headers: responder, payload: { kind, body } });
    assert.equal(res.statusCode, 201, res.body);
  };
  const to = (path: string) => peer.requests.filter((r) => r.path === path);
  const typesAt = (path: string) => to(path).map((r) => (JSON.parse(r.body) as { type: string }).type);

  test('subscribed facts arrive as signed CloudEvents; service and severity filters hold; a failed delivery is retried and logged', async () => {
    const all = await subscribe({ name: 'automation', url: `${peer.url}/all` });
    assert.match(all.secret, /^fbwh_/);
    const payments = await subscribe({ name: 'payments-sev1', url: `${peer.url}/flaky`, services: ['payments'], minSeverity: 'SEV1', kinds: ['declared', 'resolved'] });
    await subscribe({ name: 'search-only', url: `${peer.url}/search`, services: ['search'] });
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/incident-webhooks', headers: admin })).json().webhooks;
    assert.equal(listed.length, 3);
    assert.ok(listed.every((w: Record<string, unknown>) => !('secret' in w)), 'secrets are never listed');

    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: 'Card payments failing', severity: 'SEV2', services: ['payments'] } });
    assert.equal(declared.statusCode, 201, declared.body);
    const incident = declared.json() as { id: string; ref: string };
    await append(incident.id, 'severity_changed', { severity: 'SEV1', reason: 'all regions' });
    const mitigation = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/events`, headers: responder, payload: { kind: 'mitigation_started', body: { action: 'Fail over to the secondary PSP', expectedSignal: 'success rate above 99%', deadline: new Date(Date.now() + 3_600_000).toISOString() } } });
    assert.equal(mitigation.statusCode, 201, mitigation.body);
    await append(incident.id, 'mitigation_verified', { mitigationSeq: mitigation.json().seq, observed: 'success rate back to 99.9%' });
    await append(incident.id, 'update_posted', { audience: 'public', text: 'Card payments work again; we are monitoring.' });
    await append(incident.id, 'resolved', { summary: 'PSP failover', override: { reason: 'test: resolving without the checklist' } });

    await until('five facts reach the catch-all subscription', async () => to('/all').length >= 5).catch((err: Error) => {
      throw new Error(`${err.message}: got ${typesAt('/all').join(', ')}`);
    });
    assert.deepEqual(typesAt('/all').sort(), [
      'dev.firebreak.incident.declared',
      'dev.firebreak.incident.mitigated',
      'dev.firebreak.incident.public_update',
      'dev.firebreak.incident.resolved',
      'dev.firebreak.incident.severity_changed',
    ]);
    const first = to('/all').find((r) => r.body.includes('incident.declared'))!;
    assert.equal(first.headers['content-type'], 'application/cloudevents+json; charset=utf-8');
    assert.ok(verifyWebhookSignature(all.secret, String(first.headers['x-firebreak-timestamp']), first.body, String(first.headers['x-firebreak-signature'])), 'signed with the subscription secret over timestamp and body');
    assert.equal(verifyWebhookSignature('another secret', String(first.headers['x-firebreak-timestamp']), first.body, String(first.headers['x-firebreak-signature'])), false);
    // The secret is sealed at rest: neither the subscription nor its deliveries in the outbox hold it in plain text.
    const atRest = await sql<{ secret: string }>`select secret from incident_webhooks`.execute(fixture.store.db);
    const inOutbox = await sql<{ signing_secret: string | null }>`select signing_secret from deliveries where reason like 'incident.webhook.%'`.execute(fixture.store.db);
    assert.ok(atRest.rows.length === 3 && inOutbox.rows.length > 0);
    assert.ok(JSON.stringify([atRest.rows, inOutbox.rows]).includes('v1.'), 'stored sealed');
    assert.ok(!JSON.stringify([atRest.rows, inOutbox.rows]).includes(all.secret), 'the plain secret is nowhere in the database');
    const event = JSON.parse(first.body) as { specversion: string; subject: string; datacontenttype: string; id: string; time: string; data: { severity: string; incident: { title: string; services: string[] } } };
    assert.equal(event.specversion, '1.0');
    assert.equal(event.subject, incident.ref);
    assert.equal(event.datacontenttype, 'application/json');
    assert.match(event.id, new RegExp(`^${incident.id}:\\d+:declared$`));
    assert.ok(!Number.isNaN(Date.parse(event.time)));
    assert.equal(event.data.incident.title, 'Card payments failing');
    assert.deepEqual(event.data.incident.services, ['payments']);
    assert.equal(event.data.severity, 'SEV2');
    const publicUpdate = JSON.parse(to('/all').find((r) => r.body.includes('public_update'))!.body) as { data: { text: string } };
    assert.equal(publicUpdate.data.text, 'Card payments work again; we are monitoring.');

    // SEV2 at declaration: the SEV1-only subscription gets the resolution only (once SEV1), after one failed try.
    await until('the payments subscription gets its delivery after a retry', async () => to('/flaky').length >= 2);
    assert.deepEqual(typesAt('/flaky'), ['dev.firebreak.incident.resolved', 'dev.firebreak.incident.resolved']);
    assert.equal(JSON.parse(to('/flaky')[0]!.body).id, JSON.parse(to('/flaky')[1]!.body).id, 'a retry carries the same event id');
    const log = await until('the log shows the delivery sent', async () => {
      const res = (await t.app.inject({ method: 'GET', url: `/api/v1/incident-webhooks/${payments.name}/deliveries`, headers: admin })).json().deliveries as Array<{ eventType: string; delivery: { status: string; attempts: Array<{ outcome: string; detail: string }> } }>;
      return res.length === 1 && res[0]!.delivery.status === 'sent' ? res : undefined;
    });
    assert.equal(log[0]!.eventType, 'dev.firebreak.incident.resolved');
    assert.deepEqual(log[0]!.delivery.attempts.map((a) => a.outcome), ['failed', 'sent']);
    assert.match(log[0]!.delivery.attempts[0]!.detail, /HTTP 503/);
    assert.equal(to('/search').length, 0, 'the search-only subscription hears nothing of a payments incident');
  });

  test('only admins manage subscriptions; bad input is refused naming the field', async () => {
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/incident-webhooks', headers: responder, payload: { name: 'x', url: 'https://example.test/' } })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/incident-webhooks', headers: responder })).statusCode, 403);
    const badUrl = await t.app.inject({ method: 'POST', url: '/api/v1/incident-webhooks', headers: admin, payload: { name: 'bad', url: 'ftp://example.test/' } });
    assert.equal(badUrl.statusCode, 400);
    assert.match(badUrl.body, /url/);
    const badService = await t.app.inject({ method: 'POST', url: '/api/v1/incident-webhooks', headers: admin, payload: { name: 'bad2', url: 'https://example.test/', services: ['nope'] } });
    assert.equal(badService.statusCode, 400);
    assert.match(badService.body, /services\[0\]/);
    const badKind = await t.app.inject({ method: 'POST', url: '/api/v1/incident-webhooks', headers: admin, payload: { name: 'bad3', url: 'https://example.test/', kinds: ['commander_assigned'] } });
    assert.equal(badKind.statusCode, 400);
    const disabled = await t.app.inject({ method: 'PATCH', url: '/api/v1/incident-webhooks/automation', headers: admin, payload: { enabled: false } });
    assert.equal(disabled.statusCode, 200);
    assert.equal(disabled.json().enabled, false);
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/api/v1/incident-webhooks/search-only', headers: admin })).statusCode, 204);
  });
});
