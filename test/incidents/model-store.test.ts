/**
 * The incident model with real storage on both dialects: alerts joining and
 * resolving on the timeline, triage scheduled at the response
 * target (14.3), payloads kept as evidence (14.9), amendments correcting key
 * times and the operational rebuild (7.12).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { DomainError } from '../../src/errors.js';
import { cliActor, type Actor } from '../../src/domains/auth/identity.js';
import { purgePayloads } from '../../src/domains/alerts/store.js';
import { amBody, createIntegration, createService, settled } from '../../src/testing/alerts.js';
import type { IncidentState } from '../../src/domains/incidents/model.js';
import * as service from '../../src/domains/incidents/service.js';

describeEachStore('incident model with storage', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let person: Actor;
  let serviceId: string;
  let key: string;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    const user = (await t.user('responder')).user;
    person = cliActor({ id: user.id, email: user.email, role: user.role });
    serviceId = (await createService(t, admin, 'payments-api')).id;
    key = (await createIntegration(t, admin, serviceId, 'alertmanager')).key;
  });
  after(async () => {
    await t.close();
  });

  const post = async (body: unknown) => {
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: body as object });
    // What intake starts (the incident, its payload) is read from the incident's tables: wait until intake applied the request.
    await settled(t);
    return res;
  };
  const stateOf = async (id: string) => JSON.parse((await service.getIncidentRow(t.ctx.store.db, id))!.state) as IncidentState;

  test('an alert-declared incident starts in triage with provisional impact; its payload is kept; resolving the alert is on the timeline', async () => {
    const firing = await post(amBody([{ fingerprint: 'fp-crit', labels: { severity: 'critical' }, summary: 'payments 5xx' }]));
    assert.equal(firing.statusCode, 202, firing.body);
    const incident = await t.ctx.store.db.selectFrom('incidents').select(['id', 'ref']).orderBy('number', 'desc').executeTakeFirstOrThrow();
    let state = await stateOf(incident.id);
    assert.equal(state.triage.pending, true);
    assert.equal(state.impact?.provisional, true, 'which user journey is broken is for a person to answer (docs/practices.md#shared-picture)');
    assert.equal(state.alerts[0]?.incidentSeverity, 'SEV1');
    const job = await t.ctx.store.db.selectFrom('jobs').select(['run_at']).where('kind', '=', 'incidents.triage_due').where('idempotency_key', 'like', `%${incident.id}%`).executeTakeFirst();
    assert.ok(job, 'a triage reminder is scheduled at the response target');
    assert.equal(new Date(job.run_at).toISOString(), state.triage.dueAt);

    const other = (await createService(t, admin, 'search-api')).id;
    const quietKey = (await createIntegration(t, admin, other, 'alertmanager')).key;
    const quiet = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${quietKey}`, payload: amBody([{ fingerprint: 'fp-warn', summary: 'search slow' }]) });
    assert.equal(quiet.statusCode, 202);
    await settled(t);

    const resolved = await post(amBody([{ fingerprint: 'fp-crit', status: 'resolved', labels: { severity: 'critical' }, summary: 'payments 5xx' }]));
    assert.equal(resolved.statusCode, 202);
    const events = await service.listEventsAfter(t.ctx.store.db, incident.id, 0, 100);
    const note = events.find((e) => e.kind === 'alert_resolved');
    assert.ok(note, 'the timeline says the alert resolved');
    assert.equal(note.actorId, null);
    state = await stateOf(incident.id);
    assert.equal(state.alertsAllResolved, true, 'every attached alert has resolved: a hint to move to monitoring');

    const payloads = await t.ctx.store.db.selectFrom('alert_payloads').select(['id', 'incident_id']).orderBy('id').execute();
    assert.deepEqual(payloads.map((p) => p.incident_id), [incident.id, null, incident.id]);
    await purgePayloads(t.ctx.store.db, new Date(Date.now() + 86_400_000).toISOString());
    const kept = await t.ctx.store.db.selectFrom('alert_payloads').select(['id', 'incident_id']).orderBy('id').execute();
    assert.deepEqual(kept.map((p) => p.incident_id), [incident.id, incident.id], 'the retention purge leaves payloads an incident references');
  });

  test('evidence citing an alert payload keeps it for the life of the incident; an unknown payload is refused by field', async () => {
    const billing = (await createService(t, admin, 'billing-api')).id;
    const billingKey = (await createIntegration(t, admin, billing, 'alertmanager')).key;
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${billingKey}`, payload: amBody([{ fingerprint: 'fp-w2', summary: 'just a warning' }]) });
    assert.equal(res.statusCode, 202);
    await settled(t);
    const payload = await t.ctx.store.db.selectFrom('alert_payloads').select(['id', 'incident_id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(payload.incident_id, null);
    const incident = await service.declareIncident(t.ctx.store, t.ctx, person, { title: 'Warnings pile up', severity: 'SEV3' });
    await service.appendEvent(t.ctx.store, t.ctx, person, incident.ref, { kind: 'evidence_attached', body: { type: 'snapshot', title: 'the webhook', alertPayloadId: Number(payload.id) } });
    const after = await t.ctx.store.db.selectFrom('alert_payloads').select('incident_id').where('id', '=', payload.id).executeTakeFirstOrThrow();
    assert.equal(after.incident_id, incident.id);
    const refused = await service.appendEvent(t.ctx.store, t.ctx, person, incident.ref, { kind: 'evidence_attached', body: { type: 'snapshot', title: 'gone', alertPayloadId: 999_999 } }).catch((err: unknown) => err);
    assert.ok(refused instanceof DomainError);
    assert.deepEqual(refused.errors?.map((e) => e.field), ['body.alertPayloadId']);
  });

  test('an amendment of the resolving event corrects the time to resolve; the stored row equals the replay', async () => {
    const incident = await service.declareIncident(t.ctx.store, t.ctx, person, { title: 'Late paperwork', severity: 'SEV3' });
    const resolved = await service.appendEvent(t.ctx.store, t.ctx, person, incident.ref, { kind: 'resolved', body: { override: { reason: 'resolved hours ago; logging late' } } });
    const earlier = new Date(Date.parse(resolved.event.occurredAt) - 2 * 3_600_000).toISOString();
    const amended = await service.appendEvent(t.ctx.store, t.ctx, person, incident.ref, { kind: 'amended', body: { targetSeq: resolved.event.seq, correction: 'resolved at the rollback, two hours earlier', occurredAt: earlier } });
    assert.equal(amended.state.keyTimes.resolvedAt, earlier);
    assert.equal(amended.state.resolution?.at, earlier);
    assert.deepEqual(await service.rebuildState(t.ctx.store.db, incident.id), await stateOf(incident.id));
    const row = await service.getIncidentRow(t.ctx.store.db, incident.id);
    assert.equal(new Date(row!.resolved_at!).toISOString(), earlier, 'the resolved_at column follows');
  });

  test('firebreak incident rebuild recomputes projections from events and reports what differed', async () => {
    const incident = await service.declareIncident(t.ctx.store, t.ctx, person, { title: 'Drifted', severity: 'SEV3' });
    await service.appendEvent(t.ctx.store, t.ctx, person, incident.ref, { kind: 'hypothesis_proposed', body: { text: 'cache' } });
    const drifted = { ...(await stateOf(incident.id)), title: 'edited by hand', hypotheses: { open: [], confirmed: [] } };
    await t.ctx.store.db.updateTable('incidents').set({ state: JSON.stringify(drifted), title: 'edited by hand' }).where('id', '=', incident.id).execute();
    assert.deepEqual(await service.rebuildProjections(t.ctx.store, { idOrRef: incident.ref }), [{ ref: incident.ref, differences: ['hypotheses', 'title'] }]);
    const row = await service.getIncidentRow(t.ctx.store.db, incident.id);
    assert.equal(row?.title, 'Drifted');
    assert.deepEqual((await stateOf(incident.id)).hypotheses.open.map((h) => h.text), ['cache']);
    const all = await service.rebuildProjections(t.ctx.store, 'all');
    assert.ok(all.length >= 3);
    assert.deepEqual(all.filter((r) => r.differences.length > 0), [], 'a second run finds nothing to fix');
  });
});
