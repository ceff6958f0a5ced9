import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import type { JobContext } from '../../jobs/definition.js';
import { findJob } from '../../jobs/store.js';
import { cliActor, type Actor } from '../auth/identity.js';
import { listDeliveries } from '../notify/service.js';
import { updateDueJob } from './cadence.js';
import { appendEvent, declareIncident, listEventsAfter } from './service.js';
import type { StoredEvent } from './model.js';
import { systemClock, TestClock, useClock } from '../../clock.js';
import { until } from '../../testing/until.js';

type TestUser = Awaited<ReturnType<TestApp['user']>>;

const actorOf = (u: TestUser): Actor => cliActor({ id: u.user.id, email: u.user.email, role: u.user.role });
// Product time the test moves past each commitment instead of waiting for it. Commitments are
// due within minutes, before a SEV2's public-update reminder (five minutes after declaration).
const clock = new TestClock();
const inMinutes = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
/** Moves the clock just past an instant; the worker wakes and runs what is due. */
const pass = (instant: string) => clock.set(Math.max(clock.now().getTime(), Date.parse(instant) + 1000));

describeEachStore('update cadence and mitigation deadline reminders', (fixture) => {
  let t: TestApp;
  let commander: TestUser;
  let comms: TestUser;

  before(async () => {
    useClock(clock);
    t = await createTestApp(fixture.store, { clock });
    await t.startWorker();
    commander = await t.user('responder');
    comms = await t.user('responder');
  });
  after(async () => {
    await t.close();
    useClock(systemClock);
  });

  const declare = (severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' = 'SEV2') =>
    declareIncident(t.ctx.store, t.ctx, actorOf(commander), { title: 'Payments failing', severity });
  const append = async (incidentId: string, kind: string, body: unknown) =>
    (await appendEvent(t.ctx.store, t.ctx, actorOf(commander), incidentId, { kind, body })).event;
  const reminders = async (incidentId: string): Promise<StoredEvent[]> =>
    (await listEventsAfter(t.ctx.store.db, incidentId, 0, 1000)).filter((e) => e.kind === 'reminder');
  const deliveriesFor = async (incidentId: string) => (await listDeliveries(t.ctx.store.db, { incidentId, limit: 100 })).deliveries;
  /** Waits until the job with this idempotency key has run to completion: after that it can remind no more. */
  const jobDone = (key: string) => until(`job ${key} to be done`, async () => (await findJob(t.ctx.store.db, key))?.status === 'done');

  test('a missed update commitment produces exactly one reminder and one notification to the communications lead', async () => {
    const incident = await declare();
    await append(incident.id, 'role_assigned', { role: 'communications', userId: comms.user.id });
    const dueAt = inMinutes(2);
    const update = await append(incident.id, 'update_posted', { audience: 'internal', text: 'Investigating payment failures', nextUpdateAt: dueAt });
    pass(dueAt);
    await until('the reminder', async () => (await reminders(incident.id)).length > 0);
    await jobDone(`incidents.update_due:${incident.id}:${update.seq}:${dueAt}`);
    const [reminder, ...more] = await reminders(incident.id);
    assert.equal(more.length, 0);
    assert.deepEqual(reminder!.body, { reason: 'update_due', dueAt });
    assert.ok(reminder!.seq > update.seq);
    assert.equal(reminder!.actorId, null);
    assert.ok(Date.parse(reminder!.recordedAt) >= Date.parse(dueAt));
    const deliveries = await deliveriesFor(incident.id);
    assert.equal(deliveries.length, 1);
    assert.equal(deliveries[0]!.recipientUserId, comms.user.id);
    assert.equal(deliveries[0]!.reason, 'incident.update_due');
    assert.match(deliveries[0]!.subject ?? '', new RegExp(`^${incident.ref}: an update was due`));
  });

  test('without a communications lead the commander is reminded', async () => {
    const incident = await declare();
    const dueAt = inMinutes(2);
    await append(incident.id, 'update_posted', { audience: 'internal', text: 'Still looking', nextUpdateAt: dueAt });
    pass(dueAt);
    await until('the notification', async () => (await deliveriesFor(incident.id)).length > 0);
    const [delivery] = await deliveriesFor(incident.id);
    assert.equal(delivery!.recipientUserId, commander.user.id);
    assert.equal((await reminders(incident.id)).length, 1);
  });

  test('an update posted before the commitment is due cancels its reminder', async () => {
    const incident = await declare();
    const firstDue = inMinutes(2);
    const first = await append(incident.id, 'update_posted', { audience: 'internal', text: 'First', nextUpdateAt: firstDue });
    await append(incident.id, 'update_posted', { audience: 'internal', text: 'Second', nextUpdateAt: inMinutes(120) });
    pass(firstDue);
    const key = `incidents.update_due:${incident.id}:${first.seq}:${firstDue}`;
    await until('the first commitment job to run', async () => (await findJob(t.ctx.store.db, key))?.status === 'done');
    assert.deepEqual(await reminders(incident.id), []);
    assert.deepEqual(await deliveriesFor(incident.id), []);
  });

  test('a resolved incident is not reminded', async () => {
    const incident = await declare();
    const dueAt = inMinutes(2);
    const update = await append(incident.id, 'update_posted', { audience: 'internal', text: 'Fixed, confirming', nextUpdateAt: dueAt });
    await append(incident.id, 'resolved', { summary: 'Rolled back', override: { reason: 'test: resolving without the checklist' } });
    pass(dueAt);
    await jobDone(`incidents.update_due:${incident.id}:${update.seq}:${dueAt}`);
    assert.deepEqual(await reminders(incident.id), []);
  });

  test('with no commitment the severity cadence applies from the declaration, re-timed when severity changes', async () => {
    const incident = await declare('SEV3');
    const declaredAt = incident.state.keyTimes.declaredAt;
    const at = (minutes: number) => new Date(Date.parse(declaredAt) + minutes * 60_000).toISOString();
    const sev3 = await findJob(t.ctx.store.db, `incidents.update_due:${incident.id}:1:${at(60)}`);
    assert.equal(sev3?.run_at, at(60));
    await append(incident.id, 'severity_changed', { severity: 'SEV1', reason: 'all regions affected' });
    const sev1 = await findJob(t.ctx.store.db, `incidents.update_due:${incident.id}:1:${at(15)}`);
    assert.equal(sev1?.run_at, at(15));
    // Both jobs fall due: the SEV3 one no longer matches the incident's due time and does nothing.
    pass(at(60));
    await jobDone(`incidents.update_due:${incident.id}:1:${at(60)}`);
    await jobDone(`incidents.update_due:${incident.id}:1:${at(15)}`);
    // (Passing an hour also brings the SEV1's public-update reminder and the heartbeat's later misses: not what this checks.)
    const firstReminders = (await reminders(incident.id)).map((r) => r.body as { reason: string; miss?: number }).filter((b) => b.reason === 'update_due' && b.miss === undefined);
    assert.deepEqual(firstReminders, [{ reason: 'update_due', dueAt: at(15) }]);
  });

  test('a SEV4 incident has no default cadence', async () => {
    const incident = await declare('SEV4');
    const jobs = await t.ctx.store.db.selectFrom('jobs').select('idempotency_key').where('idempotency_key', 'like', `incidents.update_due:${incident.id}:%`).execute();
    assert.deepEqual(jobs, []);
  });

  test('a mitigation deadline that passes without verification produces one reminder naming the mitigation', async () => {
    const incident = await declare();
    await append(incident.id, 'role_assigned', { role: 'communications', userId: comms.user.id });
    const deadline = inMinutes(2);
    const mitigation = await append(incident.id, 'mitigation_started', { action: 'Fail over to the secondary PSP', expectedSignal: 'payment success rate above 99%', deadline });
    pass(deadline);
    await jobDone(`incidents.mitigation_deadline:${incident.id}:${mitigation.seq}`);
    const all = await reminders(incident.id);
    assert.deepEqual(all.map((r) => r.body), [{ reason: 'mitigation_deadline', dueAt: deadline, mitigationSeq: mitigation.seq }]);
    const deliveries = (await deliveriesFor(incident.id)).filter((d) => d.reason === 'incident.mitigation_deadline');
    assert.equal(deliveries.length, 1);
    assert.equal(deliveries[0]!.recipientUserId, comms.user.id);
    assert.match(deliveries[0]!.text ?? '', /Fail over to the secondary PSP/);
  });

  test('a mitigation verified before its deadline is not reminded', async () => {
    const incident = await declare();
    const deadline = inMinutes(4);
    const mitigation = await append(incident.id, 'mitigation_started', { action: 'Restart workers', expectedSignal: 'queue drains', deadline });
    await append(incident.id, 'mitigation_verified', { mitigationSeq: mitigation.seq, observed: 'queue drained in 2 minutes' });
    pass(deadline);
    await until('the job', async () => (await findJob(t.ctx.store.db, `incidents.mitigation_deadline:${incident.id}:${mitigation.seq}`))?.status === 'done');
    assert.deepEqual(await reminders(incident.id), []);
  });

  test('a reminder job that runs twice (a retry after a lost lease) reminds once', async () => {
    const incident = await declare('SEV4');
    const dueAt = inMinutes(60);
    await append(incident.id, 'update_posted', { audience: 'internal', text: 'Monitoring', nextUpdateAt: dueAt });
    const ctx: JobContext = { config: t.ctx.config, store: t.ctx.store, bus: t.ctx.bus, jobs: t.ctx.jobs, logger: t.ctx.logger, clock: t.ctx.clock, signal: new AbortController().signal, attempt: 1, jobId: 0, complete: async () => true };
    const payload = { incidentId: incident.id, basisSeq: 2, dueAt };
    await Promise.all([updateDueJob.handler(payload, ctx), updateDueJob.handler(payload, { ...ctx, attempt: 2 })]);
    await updateDueJob.handler(payload, { ...ctx, attempt: 3 });
    assert.equal((await reminders(incident.id)).length, 1);
    assert.equal((await deliveriesFor(incident.id)).length, 1);
  });
});
