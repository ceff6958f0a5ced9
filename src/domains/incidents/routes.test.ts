import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { systemActor } from '../auth/identity.js';
import { EVENT_KINDS } from './events.js';
import type { IncidentState } from './model.js';
import { DEFAULT_POLICY } from './policy.js';
import * as service from './service.js';
import { createService } from '../catalog/service.js';

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

interface Step {
  kind: string;
  body: (seqs: Record<string, number>) => Record<string, unknown>;
  /** A name to refer to this event's seq in later steps. */
  name?: string;
  occurredAt?: string;
  expect: (s: IncidentState, seq: number) => void;
}

/** One step per kind a person can post, each with the change it must make to the projection. */
function steps(otherUserId: string, thirdUserId: string): Step[] {
  return [
    { kind: 'marker', body: () => ({ marker: 'first_symptom' }), occurredAt: minutesFromNow(-20), expect: (s, seq) => assert.equal(s.markers.first_symptom?.seq, seq) },
    { kind: 'observation', body: () => ({ text: 'queue depth rising since 14:03' }), expect: (s, seq) => assert.equal(s.lastSeq, seq) },
    { kind: 'no_hypothesis', body: () => ({ investigating: 'the 14:02 deploy and the payment provider' }), expect: (s) => assert.equal(s.investigating?.text, 'the 14:02 deploy and the payment provider') },
    { kind: 'evidence_attached', name: 'evidence', body: () => ({ type: 'log_excerpt', title: 'worker log', content: 'ERR timeout after 30000ms' }), expect: (s, seq) => assert.equal(s.lastSeq, seq) },
    { kind: 'impact_stated', body: () => ({ statement: 'EU customers cannot check out', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' }), expect: (s) => assert.equal(s.impact?.journeys[0]?.effect, 'down') },
    { kind: 'cohort_affected', body: () => ({ dimension: 'region', value: 'eu-west-1' }), expect: (s) => assert.ok(s.cohorts.some((c) => c.value === 'eu-west-1')) },
    { kind: 'cohort_affected', body: () => ({ dimension: 'tenant', value: 'acme' }), expect: (s) => assert.equal(s.cohorts.length, 2) },
    { kind: 'cohort_cleared', body: () => ({ dimension: 'tenant', value: 'acme' }), expect: (s) => assert.deepEqual(s.cohorts.map((c) => c.value), ['eu-west-1']) },
    { kind: 'cohort_unaffected', body: () => ({ dimension: 'region', value: 'us-east-1' }), expect: (s) => assert.deepEqual(s.cohortsUnaffected.map((c) => c.value), ['us-east-1']) },
    { kind: 'hypothesis_proposed', name: 'h1', body: (q) => ({ text: 'the 14:02 deploy broke the payment client', evidence: [q.evidence!] }), expect: (s) => assert.equal(s.hypotheses.open.length, 1) },
    { kind: 'hypothesis_proposed', name: 'h2', body: () => ({ text: 'payment provider outage' }), expect: (s) => assert.equal(s.hypotheses.open.length, 2) },
    { kind: 'hypothesis_rejected', body: (q) => ({ hypothesisSeq: q.h2!, reason: 'provider status is green' }), expect: (s) => assert.equal(s.counts.hypothesesRejected, 1) },
    { kind: 'role_assigned', body: () => ({ role: 'operations', userId: otherUserId }), expect: (s) => assert.equal(s.roles.find((r) => r.role === 'operations')?.userId, otherUserId) },
    { kind: 'role_assigned', body: () => ({ role: 'specialist', specialty: 'database', label: 'DBA on call' }), expect: (s) => assert.ok(s.roles.some((r) => r.specialty === 'database')) },
    { kind: 'role_released', body: () => ({ role: 'specialist', specialty: 'database', reason: 'not a database issue' }), expect: (s) => assert.ok(!s.roles.some((r) => r.role === 'specialist')) },
    { kind: 'decision', name: 'decision', body: () => ({ decision: 'roll back the deploy', rationale: 'fastest safe path', alternativesRejected: [{ option: 'hotfix forward', reason: 'untested' }] }), expect: (s) => assert.equal(s.counts.decisions, 1) },
    { kind: 'action_taken', body: (q) => ({ action: 'started rollback', decisionSeq: q.decision! }), expect: (s, seq) => assert.equal(s.lastSeq, seq) },
    { kind: 'unsafe_action_noted', name: 'unsafe', body: () => ({ action: 'restart the primary database', reason: 'replica lag is 10 minutes', condition: 'the current backup finishes' }), expect: (s) => assert.equal(s.unsafeActions[0]?.condition, 'the current backup finishes') },
    { kind: 'unsafe_action_lifted', body: (q) => ({ unsafeSeq: q.unsafe!, reason: 'backup finished' }), expect: (s) => assert.equal(s.unsafeActions.length, 0) },
    { kind: 'no_unsafe_actions_known', body: () => ({ note: 'reviewed with the DBA' }), expect: (s) => assert.equal(s.unsafeActionsReviewed?.noneKnown, true) },
    { kind: 'next_decision', name: 'next', body: () => ({ decision: 'fail over to eu-central if the rollback does not hold', owner: { userId: otherUserId }, dueAt: minutesFromNow(15) }), expect: (s) => {
      assert.equal(s.nextDecision?.owner.userId, otherUserId);
      assert.doesNotMatch(s.nextDecision?.owner.label ?? '', /^[0-9a-f-]{36}$/, 'the owner reads as a name, not an id');
    } },
    { kind: 'mitigation_started', name: 'm1', body: (q) => ({ action: 'roll back', expectedSignal: 'checkout error rate < 1%', deadline: minutesFromNow(20), hypothesisSeq: q.h1! }), expect: (s) => assert.equal(s.mitigations.active.length, 1) },
    { kind: 'mitigation_started', name: 'm2', body: () => ({ action: 'shift EU traffic', expectedSignal: 'latency normal', deadline: minutesFromNow(20) }), expect: (s) => assert.equal(s.mitigations.active.length, 2) },
    { kind: 'mitigation_failed', body: (q) => ({ mitigationSeq: q.m2!, observed: 'latency unchanged' }), expect: (s) => assert.equal(s.mitigations.lastSettled?.outcome, 'failed') },
    { kind: 'mitigation_verified', body: (q) => ({ mitigationSeq: q.m1!, observed: 'error rate 0.2%' }), expect: (s) => assert.ok(s.keyTimes.mitigatedAt) },
    { kind: 'hypothesis_confirmed', body: (q) => ({ hypothesisSeq: q.h1!, note: 'rollback fixed it' }), expect: (s) => assert.equal(s.hypotheses.confirmed.length, 1) },
    { kind: 'update_posted', body: () => ({ audience: 'public', text: 'Checkout is recovering.', nextUpdateAt: minutesFromNow(30) }), expect: (s) => assert.ok(s.sharedPicture.has && s.keyTimes.firstSharedPictureAt) },
    { kind: 'severity_changed', body: () => ({ severity: 'SEV3', reason: 'a workaround exists: pay by invoice' }), expect: (s) => assert.equal(s.lastSeverityChange.from, 'SEV2') },
    { kind: 'status_changed', body: () => ({ status: 'monitoring', reason: 'fix holding' }), occurredAt: minutesFromNow(-1), expect: (s) => assert.equal(s.status, 'monitoring') },
    { kind: 'reconciliation_opened', name: 'rec', body: () => ({ scope: 'orders charged twice 14:02-14:40' }), expect: (s) => assert.equal(s.reconciliations[0]?.status, 'open') },
    { kind: 'reconciliation_progressed', body: (q) => ({ reconciliationSeq: q.rec!, note: 'payments owns it', owner: { label: 'Payments team' }, recordsChecked: 500 }), expect: (s) => assert.equal(s.reconciliations[0]?.owner?.label, 'Payments team') },
    { kind: 'reconciliation_closed', body: (q) => ({ reconciliationSeq: q.rec!, outcome: '31 refunds issued' }), expect: (s) => assert.equal(s.reconciliations[0]?.status, 'closed') },
    ...DEFAULT_POLICY.recoveryChecklist.map(
      (c): Step => ({ kind: 'checklist_item_checked', body: () => ({ item: c.item, result: 'pass' }), expect: (s) => assert.ok(s.checklist.items.some((i) => i.item === c.item && i.result === 'pass')) }),
    ),
    { kind: 'handoff', body: () => ({ role: 'commander', to: { userId: otherUserId }, notes: 'handing over at shift end' }), expect: (s) => assert.equal(s.roles.find((r) => r.role === 'commander')?.userId, otherUserId) },
    { kind: 'member_added', body: () => ({ userId: thirdUserId }), expect: (s) => assert.ok(s.members.includes(thirdUserId)) },
    { kind: 'note', body: () => ({ text: 'customer success informed' }), expect: (s, seq) => assert.equal(s.lastSeq, seq) },
    { kind: 'amended', body: () => ({ targetSeq: 2, correction: 'symptom started earlier', occurredAt: minutesFromNow(-25) }), expect: (s) => assert.equal(s.lastAmendment?.targetSeq, 2) },
    { kind: 'resolved', body: () => ({ summary: 'rolled back; refunds issued', override: { reason: 'the fix held before we moved to monitoring' } }), expect: (s) => assert.equal(s.status, 'resolved') },
    { kind: 'reopened', body: () => ({ reason: 'errors are back in eu-west-1' }), expect: (s) => assert.equal(s.keyTimes.resolvedAt, null) },
  ];
}

describeEachStore('incidents at the HTTP edge', (fixture) => {
  let t: TestApp;
  let responder: Awaited<ReturnType<TestApp['user']>>;
  let other: Awaited<ReturnType<TestApp['user']>>;
  before(async () => {
    t = await createTestApp(fixture.store);
    responder = await t.user('responder');
    other = await t.user('responder');
    await createService(t.ctx.store, systemActor(), { name: 'checkout' });
  });
  after(async () => {
    await t.close();
  });

  const declare = async (payload: Record<string, unknown> = {}, auth = responder.auth) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth, payload: { title: 'Checkout failing in EU', severity: 'SEV2', ...payload } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as IncidentState;
  };
  const post = (ref: string, payload: Record<string, unknown>, auth = responder.auth) =>
    t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: auth, payload });

  test('declaring answers 201 with the state, and GET by id or reference returns the same state', async () => {
    const declared = await declare({ services: ['checkout'], impact: 'EU checkouts fail' });
    assert.match(declared.ref, /^INC-\d+$/);
    assert.equal(declared.roles[0]?.userId, responder.user.id);
    for (const key of [declared.id, declared.ref]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${key}`, headers: responder.auth });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), declared);
    }
  });

  test('every event kind round-trips through the API and changes the projection as specified', async () => {
    const incident = await declare({ services: ['checkout'] });
    const seqs: Record<string, number> = {};
    const covered = new Set<string>(['declared']);
    const third = await t.user('viewer');
    for (const step of steps(other.user.id, third.user.id)) {
      const body = step.body(seqs);
      const res = await post(incident.ref, { kind: step.kind, body, ...(step.occurredAt ? { occurredAt: step.occurredAt } : {}) });
      assert.equal(res.statusCode, 201, `${step.kind}: ${res.body}`);
      const stored = res.json();
      if (step.name) seqs[step.name] = stored.seq;
      if (step.occurredAt) assert.equal(stored.occurredAt, step.occurredAt);
      const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=${stored.seq - 1}`, headers: responder.auth })).json();
      const { warnings: _warnings, ...event } = stored;
      assert.deepEqual(events.events[0], { ...event, body: events.events[0].body }, step.kind);
      assert.deepEqual(Object.keys(body).every((k) => k in events.events[0].body), true, `${step.kind} body kept`);
      const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: responder.auth })).json() as IncidentState;
      step.expect(state, stored.seq);
      covered.add(step.kind);
    }
    await t.ctx.store.transaction(async (trx) => {
      await service.appendEventInTx(trx, t.ctx, systemActor(), incident.id, {
        kind: 'alert_attached',
        body: { alertGroupId: 'grp-1', serviceId: 'payments', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager', alertCount: 3, incidentSeverity: 'SEV1' },
      });
      await service.appendEventInTx(trx, t.ctx, systemActor(), incident.id, { kind: 'alert_resolved', body: { alertGroupId: 'grp-1', summary: 'HighErrorRate' } });
      await service.appendEventInTx(trx, t.ctx, systemActor(), incident.id, { kind: 'reminder', body: { reason: 'update_due', dueAt: new Date().toISOString() } });
    });
    // Paging a person into the incident records responder_paged (the paging tests check the page itself).
    const paged = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/pages`, headers: responder.auth, payload: { userId: other.user.id, reason: 'expertise: payments' } });
    assert.equal(paged.statusCode, 201, paged.body);
    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: responder.auth })).json() as IncidentState;
    assert.deepEqual(state.alerts.map((a) => a.alertGroupId), ['grp-1']);
    assert.ok(state.services.includes('payments'));
    assert.equal(state.lastReminder?.reason, 'update_due');
    assert.equal(state.severityReview?.suggested, 'SEV1', 'a more severe alert asks for a severity review');
    assert.ok(state.alerts[0]?.resolvedAt && state.alertsAllResolved);
    const confirmed = await post(incident.ref, { kind: 'severity_confirmed', body: { note: 'the alert is one region; SEV3 stands' } });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    const reviewed = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: responder.auth })).json() as IncidentState;
    assert.equal(reviewed.severityReview, null);
    covered.add('alert_attached').add('reminder').add('alert_resolved').add('severity_confirmed').add('responder_paged');
    assert.deepEqual(EVENT_KINDS.filter((k) => !covered.has(k)), [], 'every kind is exercised');
    const all = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?limit=1000`, headers: responder.auth })).json();
    assert.deepEqual(all.events.map((e: { seq: number }) => e.seq), Array.from({ length: all.lastSeq }, (_, i) => i + 1));
  });

  test('an unknown kind is refused naming kind; a bad body names body.<field>; nothing is written', async () => {
    const incident = await declare();
    const unknown = await post(incident.ref, { kind: 'guess', body: {} });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(unknown.json().errors.map((e: { field: string }) => e.field), ['kind']);
    const bad = await post(incident.ref, { kind: 'severity_changed', body: { severity: 'SEV9' } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors.map((e: { field: string }) => e.field).sort(), ['body.reason', 'body.severity']);
    const typed = await post(incident.ref, { kind: 'mitigation_started', body: { action: 'x', expectedSignal: 'y', deadline: 'soon' } });
    assert.deepEqual(typed.json().errors.map((e: { field: string }) => e.field), ['body.deadline']);
    const evidence = await post(incident.ref, { kind: 'evidence_attached', body: { type: 'link', title: 'dashboard' } });
    assert.deepEqual(evidence.json().errors.map((e: { field: string }) => e.field), ['body.url']);
    const future = await post(incident.ref, { kind: 'note', occurredAt: minutesFromNow(60), body: { text: 'x' } });
    assert.deepEqual(future.json().errors.map((e: { field: string }) => e.field), ['occurredAt']);
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events`, headers: responder.auth })).json();
    assert.equal(events.events.length, 1);
  });

  test('rule refusals are 409/422 problems with a stable type and reason', async () => {
    const incident = await declare();
    const resolve = await post(incident.ref, { kind: 'resolved', body: {} });
    assert.equal(resolve.statusCode, 422);
    assert.equal(resolve.json().type, 'https://firebreak.dev/problems/resolve-prerequisites-missing');
    const same = await post(incident.ref, { kind: 'status_changed', body: { status: 'investigating' } });
    assert.equal(same.statusCode, 409);
    const reopen = await post(incident.ref, { kind: 'reopened', body: { reason: 'x' } });
    assert.equal(reopen.statusCode, 409);
    const override = await post(incident.ref, { kind: 'resolved', body: { override: { reason: 'customer-facing impact was nil' } } });
    assert.equal(override.statusCode, 201);
    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: responder.auth })).json() as IncidentState;
    assert.equal(state.resolution?.override?.reason, 'customer-facing impact was nil');
  });

  test('holding commander, operations and communications at once comes back as a warning', async () => {
    const incident = await declare();
    await post(incident.ref, { kind: 'role_assigned', body: { role: 'operations', userId: responder.user.id } });
    const res = await post(incident.ref, { kind: 'role_assigned', body: { role: 'communications', userId: responder.user.id } });
    assert.equal(res.statusCode, 201);
    assert.match(res.json().warnings[0], /holds commander, operations and communications/);
  });

  test('the handoff summary is generated from the state as JSON and as Markdown', async () => {
    const incident = await declare({ impact: 'EU checkouts fail' });
    await post(incident.ref, { kind: 'hypothesis_proposed', body: { text: 'bad deploy' } });
    await post(incident.ref, { kind: 'unsafe_action_noted', body: { action: 'failover the database', reason: 'replica lag' } });
    await post(incident.ref, { kind: 'hypothesis_proposed', body: { text: 'provider outage' } });
    await post(incident.ref, { kind: 'hypothesis_rejected', body: { hypothesisSeq: 4, reason: 'provider status green' } });
    await post(incident.ref, { kind: 'decision', body: { decision: 'roll back', rationale: 'fastest', alternativesRejected: [] } });
    const json = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/handoff`, headers: responder.auth });
    assert.equal(json.statusCode, 200);
    assert.equal(json.json().leadingHypothesis.text, 'bad deploy');
    assert.equal(json.json().pendingChecks.length, 5);
    // Ruled-out hypotheses and decisions are read from the log, not the bounded projection.
    assert.deepEqual(json.json().rejectedHypotheses, [{ seq: 4, text: 'provider outage', reason: 'provider status green' }]);
    assert.deepEqual(json.json().recentDecisions, [{ seq: 6, decision: 'roll back', rationale: 'fastest' }]);
    for (const request of [
      { url: `/api/v1/incidents/${incident.ref}/handoff`, headers: { ...responder.auth, accept: 'text/markdown' } },
      { url: `/api/v1/incidents/${incident.ref}/handoff?format=markdown`, headers: responder.auth },
    ]) {
      const md = await t.app.inject({ method: 'GET', ...request });
      assert.match(md.headers['content-type'] as string, /^text\/markdown/);
      assert.match(md.body, new RegExp(`# Handoff: ${incident.ref}`));
      assert.match(md.body, /Leading hypothesis \(#2\): bad deploy/);
      assert.match(md.body, /failover the database: replica lag/);
    }
  });

  test('lists filter by status, severity, service, commander, drill, time and title, and page with an opaque cursor', async () => {
    const tag = `svc-${Date.now()}`;
    await createService(t.ctx.store, systemActor(), { name: tag });
    const a = await declare({ title: 'Search latency high', severity: 'SEV3', services: [tag] });
    const b = await declare({ title: 'Search index stale', severity: 'SEV3', services: [tag], drill: true });
    const c = await declare({ title: 'Search down', severity: 'SEV1', services: [tag], commanderId: other.user.id });
    await post(a.ref, { kind: 'resolved', body: { override: { reason: 'test' } } });
    const list = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents?service=${tag}&${query}`, headers: responder.auth });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { incidents: Array<{ ref: string }>; nextCursor: string | null };
    };
    const refs = async (query: string) => (await list(query)).incidents.map((i) => i.ref);
    assert.deepEqual(await refs(''), [c.ref, b.ref, a.ref]);
    assert.deepEqual(await refs('status=resolved'), [a.ref]);
    assert.deepEqual(await refs('status=open'), [c.ref, b.ref]);
    assert.deepEqual(await refs('severity=SEV1'), [c.ref]);
    assert.deepEqual(await refs(`commander=${other.user.id}`), [c.ref]);
    assert.deepEqual(await refs('drill=true'), [b.ref]);
    assert.deepEqual(await refs('q=INDEX'), [b.ref]);
    assert.deepEqual(await refs('q=100%25'), []);
    assert.deepEqual(await refs(`declaredFrom=${encodeURIComponent(b.keyTimes.declaredAt)}`), [c.ref, b.ref]);
    assert.deepEqual(await refs(`declaredTo=${encodeURIComponent(b.keyTimes.declaredAt)}`), [a.ref]);
    const page1 = await list('limit=2');
    assert.deepEqual(page1.incidents.map((i) => i.ref), [c.ref, b.ref]);
    const page2 = await list(`limit=2&cursor=${page1.nextCursor}`);
    assert.deepEqual(page2.incidents.map((i) => i.ref), [a.ref]);
    assert.equal(page2.nextCursor, null);
    const badCursor = await t.app.inject({ method: 'GET', url: '/api/v1/incidents?cursor=nonsense', headers: responder.auth });
    assert.equal(badCursor.statusCode, 400);
    assert.equal(badCursor.json().errors[0].field, 'query.cursor');
  });

  test('severity definitions are configurable and new incidents snapshot them', async () => {
    const admin = await t.user('admin');
    const policy = structuredClone(DEFAULT_POLICY);
    policy.severities.SEV4.updateCadenceMinutes = 240;
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/incident-policy', headers: admin.auth, payload: policy });
    assert.equal(put.statusCode, 200, put.body);
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/incident-policy', headers: responder.auth, payload: policy });
    assert.equal(refused.statusCode, 403);
    const incident = await declare({ severity: 'SEV4' });
    assert.equal(Date.parse(incident.nextUpdateDue!) - Date.parse(incident.keyTimes.declaredAt), 240 * 60_000);
    const reset = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/incident-policy', headers: admin.auth, payload: DEFAULT_POLICY });
    assert.equal(reset.statusCode, 200);
  });

  test('rebuilding every incident in this database from its events equals the stored state', async () => {
    const rows = await t.ctx.store.db.selectFrom('incidents').select(['id', 'state']).execute();
    assert.ok(rows.length >= 8);
    for (const row of rows) assert.deepEqual(await service.rebuildState(t.ctx.store.db, row.id), JSON.parse(row.state), row.id);
  });
});
