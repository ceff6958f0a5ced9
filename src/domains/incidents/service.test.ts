import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { DomainError } from '../../errors.js';
import { cliActor, systemActor, type Actor } from '../auth/identity.js';
import type { UserView } from '../auth/service.js';
import * as service from './service.js';
import { createService } from '../catalog/service.js';
import { getIncident, listIncidents } from './reads.js';
import { passingChecks } from './testing.js';
import { until } from '../../testing/until.js';

function actorFor(user: UserView): Actor {
  return cliActor({ id: user.id, email: user.email, role: user.role });
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  assert.fail('expected the request to be refused');
}

describeEachStore('incident service', (fixture) => {
  let t: TestApp;
  let alice: Actor;
  let aliceUser: UserView;
  let bob: UserView;
  before(async () => {
    t = await createTestApp(fixture.store);
    aliceUser = (await t.user('responder')).user;
    alice = actorFor(aliceUser);
    bob = (await t.user('responder')).user;
  });
  after(async () => {
    await t.close();
  });

  const declare = (input: Partial<service.DeclareIncidentInput> = {}, actor = alice) =>
    service.declareIncident(t.ctx.store, t.ctx, actor, { title: 'Checkout errors', severity: 'SEV2', ...input });
  const append = (ref: string, kind: string, body: unknown, actor = alice) => service.appendEvent(t.ctx.store, t.ctx, actor, ref, { kind, body });

  test('references are allocated INC-1, INC-2, ... without gaps, even when a declaration rolls back', async () => {
    const first = await declare();
    const failed = await refusal(declare({ commanderId: '00000000-0000-4000-8000-00000000dead' }));
    assert.equal(failed.kind, 'invalid');
    const second = await declare();
    assert.equal(Number(second.ref.slice(4)), Number(first.ref.slice(4)) + 1);
  });

  test('the declarer commands unless someone else is named; an integration leaves command empty', async () => {
    assert.equal((await declare()).state.roles[0]?.userId, aliceUser.id);
    const named = await declare({ commanderId: bob.id });
    assert.deepEqual(named.state.roles.map((r) => [r.role, r.userId]), [['commander', bob.id]]);
    assert.ok(named.state.members.includes(aliceUser.id) && named.state.members.includes(bob.id));
    const integration: Actor = { userId: null, label: 'alertmanager', role: null, via: 'integration', ip: null, requestId: null };
    const auto = await t.ctx.store.transaction((trx) => service.declareIncidentInTx(trx, t.ctx, integration, { title: 'HighErrorRate', severity: 'SEV3' }));
    assert.deepEqual(auto.state.roles, []);
    assert.equal(auto.state.keyTimes.acknowledgedAt, null);
  });

  test('an incident is found by id and by reference, case-insensitively', async () => {
    const incident = await declare();
    assert.equal((await service.getIncidentRow(t.ctx.store.db, incident.id))?.ref, incident.ref);
    assert.equal((await service.getIncidentRow(t.ctx.store.db, incident.ref.toLowerCase()))?.id, incident.id);
    assert.equal(await service.getIncidentRow(t.ctx.store.db, 'INC-999999'), undefined);
  });

  test('appending stores the event with the next seq and updates the projected row in the same transaction', async () => {
    const incident = await declare();
    const result = await append(incident.ref, 'hypothesis_proposed', { text: 'bad deploy' });
    assert.equal(result.event.seq, 2);
    const row = await service.getIncidentRow(t.ctx.store.db, incident.id);
    assert.equal(row?.last_seq, 2);
    const stored = JSON.parse(row!.state);
    assert.deepEqual(stored.hypotheses.open.map((h: { text: string }) => h.text), ['bad deploy']);
    const events = await service.listEventsAfter(t.ctx.store.db, incident.id, 0, 10);
    assert.deepEqual(events.map((e) => e.kind), ['declared', 'hypothesis_proposed']);
  });

  test('a refused event writes nothing: no event, no seq consumed, no audit entry', async () => {
    const incident = await declare();
    const auditBefore = await t.ctx.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const refused = await refusal(append(incident.ref, 'hypothesis_confirmed', { hypothesisSeq: 1 }));
    assert.equal(refused.kind, 'unprocessable');
    const auditAfter = await t.ctx.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(auditAfter.n), Number(auditBefore.n));
    assert.equal((await append(incident.ref, 'note', { text: 'ok' })).event.seq, 2);
  });

  test('resolving without an impact statement or an answered checklist is refused with the reason', async () => {
    // SEV3 asks for no time in monitoring by default, so the checklist and impact are what stand in the way.
    const incident = await declare({ severity: 'SEV3' });
    const refused = await refusal(append(incident.ref, 'resolved', {}));
    assert.equal(refused.kind, 'unprocessable');
    assert.equal(refused.type, 'resolve-prerequisites-missing');
    assert.match(refused.message, /no impact statement/);
    assert.match(refused.message, /5 of 5 recovery checks unanswered/);
    await append(incident.ref, 'impact_stated', { statement: 'EU checkout down', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' });
    const stillRefused = await refusal(append(incident.ref, 'status_changed', { status: 'resolved' }));
    assert.doesNotMatch(stillRefused.message, /impact/);
    for (const check of passingChecks()) await append(incident.ref, 'checklist_item_checked', check);
    const resolved = await append(incident.ref, 'resolved', { summary: 'rolled back' });
    assert.equal(resolved.state.status, 'resolved');
    assert.equal(resolved.state.resolution?.override, null);
  });

  test('resolving with an override is allowed and the override, its reason and what it skipped are recorded', async () => {
    const incident = await declare();
    const result = await append(incident.ref, 'resolved', { override: { reason: 'false alarm; nothing to check' } });
    assert.deepEqual((result.event.body as { override: unknown }).override, { reason: 'false alarm; nothing to check' });
    const state = await getIncident(t.ctx.store.db, alice, incident.ref);
    assert.equal(state.resolution?.override?.reason, 'false alarm; nothing to check');
    assert.deepEqual(state.overrides[0]?.missing.map((m) => m.split(/[;:]/)[0]), ['no impact statement', '5 of 5 recovery checks unanswered ("User-facing symptoms gone, checked from the user side", "Error rates and latency back to baseline", "Queues and backlogs drained", "No data lost, corrupted or written twice (e.g. no duplicate charges)", "Alerting would catch a relapse")', 'not in monitoring']);
  });

  test('closing a reconciliation without an owner is refused; with one it closes', async () => {
    const incident = await declare();
    const opened = await append(incident.ref, 'reconciliation_opened', { scope: 'double charges' });
    const refused = await refusal(append(incident.ref, 'reconciliation_closed', { reconciliationSeq: opened.event.seq, outcome: 'done' }));
    assert.equal(refused.type, 'reconciliation-needs-owner');
    await append(incident.ref, 'reconciliation_progressed', { reconciliationSeq: opened.event.seq, note: 'payments owns it', owner: { userId: bob.id } });
    const closed = await append(incident.ref, 'reconciliation_closed', { reconciliationSeq: opened.event.seq, outcome: '12 refunds' });
    assert.equal(closed.state.reconciliations[0]?.status, 'closed');
    assert.equal(closed.state.reconciliations[0]?.owner?.userId, bob.id);
  });

  test('one person in commander, operations and communications gets a warning in the result and the state', async () => {
    const incident = await declare();
    await append(incident.ref, 'role_assigned', { role: 'operations', userId: aliceUser.id });
    const result = await append(incident.ref, 'role_assigned', { role: 'communications', userId: aliceUser.id });
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0]!, /commander, operations and communications/);
    assert.equal(result.state.warnings[0]?.code, 'single-person-command');
  });

  test('role holders named by user id are labelled with the user name, and unknown users are refused by field', async () => {
    const incident = await declare();
    const result = await append(incident.ref, 'role_assigned', { role: 'scribe', userId: bob.id });
    assert.equal((result.event.body as { label: string }).label, bob.name);
    const refused = await refusal(append(incident.ref, 'role_assigned', { role: 'scribe', userId: '00000000-0000-4000-8000-00000000beef' }));
    assert.deepEqual(refused.errors?.map((e) => e.field), ['body.userId']);
  });

  test('private incidents are invisible to non-members and visible to members and admins', async () => {
    const incident = await declare({ private: true });
    const bobActor = actorFor(bob);
    assert.equal((await refusal(getIncident(t.ctx.store.db, bobActor, incident.ref))).kind, 'not_found');
    assert.equal((await refusal(append(incident.ref, 'note', { text: 'hi' }, bobActor))).kind, 'not_found');
    assert.ok(!(await listIncidents(t.ctx.store.db, bobActor, { limit: 500 })).incidents.some((i) => i.id === incident.id));
    assert.equal((await getIncident(t.ctx.store.db, cliActor(), incident.ref)).id, incident.id);
    await append(incident.ref, 'member_added', { userId: bob.id });
    assert.equal((await getIncident(t.ctx.store.db, bobActor, incident.ref)).id, incident.id);
    assert.ok((await listIncidents(t.ctx.store.db, bobActor, { limit: 500 })).incidents.some((i) => i.id === incident.id));
  });

  test('the open incident for a service is the newest unresolved, non-drill one', async () => {
    const service1 = (await createService(t.ctx.store, systemActor(), { name: `svc-${Date.now()}` })).id;
    assert.equal(await service.findOpenIncidentForService(t.ctx.store.db, service1), undefined);
    const older = await declare({ services: [service1] });
    await declare({ services: [service1], drill: true });
    assert.equal((await service.findOpenIncidentForService(t.ctx.store.db, service1))?.id, older.id);
    await append(older.ref, 'resolved', { override: { reason: 'test' } });
    assert.equal(await service.findOpenIncidentForService(t.ctx.store.db, service1), undefined);
    const other = await declare();
    await t.ctx.store.transaction((trx) =>
      service.appendEventInTx(trx, t.ctx, systemActor(), other.ref, {
        kind: 'alert_attached',
        body: { alertGroupId: 'g-1', serviceId: service1, summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager' },
      }),
    );
    assert.equal((await service.findOpenIncidentForService(t.ctx.store.db, service1))?.id, other.id);
  });

  test('each append publishes its incident id and seq on the incident events channel', async () => {
    const heard: string[] = [];
    const stop = await t.ctx.bus.subscribe('firebreak_incident_events', (payload) => payload && heard.push(payload));
    const incident = await declare();
    await append(incident.ref, 'note', { text: 'x' });
    await append(incident.ref, 'note', { text: 'the last one' });
    // Announcements arrive in commit order: once the third is heard, the first two have been (or never will be).
    await until('the third announcement', () => heard.some((p) => p.includes(`"seq":3`) && p.includes(incident.id)), 5000);
    stop();
    assert.deepEqual(heard.map((p) => JSON.parse(p)).filter((p) => p.incidentId === incident.id), [
      { incidentId: incident.id, seq: 1 },
      { incidentId: incident.id, seq: 2 },
      { incidentId: incident.id, seq: 3 },
    ]);
  });

  test('Firebreak-only kinds are refused from people, and viewers cannot write at all', async () => {
    const incident = await declare();
    const refused = await refusal(append(incident.ref, 'reminder', { reason: 'update_due', dueAt: new Date().toISOString() }));
    assert.deepEqual(refused.errors?.map((e) => e.field), ['kind']);
    const viewer = (await t.user('viewer')).user;
    assert.equal((await refusal(append(incident.ref, 'note', { text: 'x' }, actorFor(viewer)))).kind, 'forbidden');
  });

  test('rebuilding every incident in the database from its events equals the stored state', async () => {
    const ids = await t.ctx.store.db.selectFrom('incidents').select(['id', 'state']).execute();
    assert.ok(ids.length > 10);
    for (const row of ids) assert.deepEqual(await service.rebuildState(t.ctx.store.db, row.id), JSON.parse(row.state), row.id);
  });
});
