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

type TestUser = Awaited<ReturnType<TestApp['user']>>;

const actorOf = (u: TestUser): Actor => cliActor({ id: u.user.id, email: u.user.email, role: u.user.role });
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachStore('update cadence and mitigation deadline reminders', (fixture) => {
  let t: TestApp;
  let commander: TestUser;
  let comms: TestUser;

  before(async () => {
    t = await createTestApp(fixture.store);
    await t.startWorker();
    commander = await t.user('responder');
    comms = await t.user('responder');
  });
  after(async () => {
    await t.close();
  });

  const declare = (severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' = 'SEV2') =>
    declareIncident(t.ctx.store, t.ctx, actorOf(commander), { title: 'Payments failing', severity });
  const append = async (incidentId: string, kind: string, body: unknown) =>
    (await appendEvent(t.ctx.store, t.ctx, actorOf(commander), incidentId, { kind, body })).event;
  const reminders = async (incidentId: string): Promise<StoredEvent[]> =>
    (await listEventsAfter(t.ctx.store.db, incidentId, 0, 1000)).filter((e) => e.kind === 'reminder');
  const deliveriesFor = async (incidentId: string) => (await listDeliveries(t.ctx.store.db, { incidentId, limit: 100 })).deliveries;
  /** Moves every queued job of this kind and incident to now: time passes without the test waiting for it. */
  const bringForward = async (kind: string, incidentId: string) => {
    await t.ctx.store.db
      .updateTable('jobs')
      .set({ run_at: new Date().toISOString() })
      .where('kind', '=', kind)
      .where('status', '=', 'queued')
      .where('idempotency_key', 'like', `${kind}:${incidentId}:%`)
      .execute();
    await t.ctx.store.transaction((trx) => t.ctx.bus.publish(trx, 'firebreak_jobs', new Date().toISOString()));
  };
  const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs = 8000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  };

  /** Waits until the job with this idempotency key has run to completion: after that it can remind no more. */
  const jobDone = (key: string) => waitFor(async () => (await findJob(t.ctx.store.db, key))?.status === 'done', `job ${key} to be done`);

  test('a missed update commitment produces exactly one reminder and one notification to the communications lead', async () => {
    const incident = await declare();
    await append(incident.id, 'role_assigned', { role: 'communications', userId: comms.user.id });
    const dueAt = inMs(1200);
    const update = await append(incident.id, 'update_posted', { audience: 'internal', text: 'Investigating payment failures', nextUpdateAt: dueAt });
    await waitFor(async () => (await reminders(incident.id)).length > 0, 'the reminder');
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
    await append(incident.id, 'update_posted', { audience: 'internal', text: 'Still looking', nextUpdateAt: inMs(800) });
    await waitFor(async () => (await deliveriesFor(incident.id)).length > 0, 'the notification');
    const [delivery] = await deliveriesFor(incident.id);
    assert.equal(delivery!.recipientUserId, commander.user.id);
    assert.equal((await reminders(incident.id)).length, 1);
  });

  test('an update posted before the commitment is due cancels its reminder', async () => {
    const incident = await declare();
    const firstDue = inMs(800);
    const first = await append(incident.id, 'update_posted', { audience: 'internal', text: 'First', nextUpdateAt: firstDue });
    await append(incident.id, 'update_posted', { audience: 'internal', text: 'Second', nextUpdateAt: inMs(3_600_000) });
    const key = `incidents.update_due:${incident.id}:${first.seq}:${firstDue}`;
    await waitFor(async () => (await findJob(t.ctx.store.db, key))?.status === 'done', 'the first commitment job to run');
    assert.deepEqual(await reminders(incident.id), []);
    assert.deepEqual(await deliveriesFor(incident.id), []);
  });

  test('a resolved incident is not reminded', async () => {
    const incident = await declare();
    const dueAt = inMs(800);
    const update = await append(incident.id, 'update_posted', { audience: 'internal', text: 'Fixed, confirming', nextUpdateAt: dueAt });
    await append(incident.id, 'resolved', { summary: 'Rolled back', override: { reason: 'test: resolving without the checklist' } });
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
    // Both jobs fall due now: the SEV3 one no longer matches the incident's due time and does nothing.
    await bringForward('incidents.update_due', incident.id);
    await jobDone(`incidents.update_due:${incident.id}:1:${at(60)}`);
    await jobDone(`incidents.update_due:${incident.id}:1:${at(15)}`);
    const all = await reminders(incident.id);
    assert.deepEqual(all.map((r) => r.body), [{ reason: 'update_due', dueAt: at(15) }]);
  });

  test('a SEV4 incident has no default cadence', async () => {
    const incident = await declare('SEV4');
    const jobs = await t.ctx.store.db.selectFrom('jobs').select('idempotency_key').where('idempotency_key', 'like', `incidents.update_due:${incident.id}:%`).execute();
    assert.deepEqual(jobs, []);
  });

  test('a mitigation deadline that passes without verification produces one reminder naming the mitigation', async () => {
    const incident = await declare();
    await append(incident.id, 'role_assigned', { role: 'communications', userId: comms.user.id });
    const deadline = inMs(1000);
    const mitigation = await append(incident.id, 'mitigation_started', { action: 'Fail over to the secondary PSP', expectedSignal: 'payment success rate above 99%', deadline });
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
    const mitigation = await append(incident.id, 'mitigation_started', { action: 'Restart workers', expectedSignal: 'queue drains', deadline: inMs(3_600_000) });
    await append(incident.id, 'mitigation_verified', { mitigationSeq: mitigation.seq, observed: 'queue drained in 2 minutes' });
    await bringForward('incidents.mitigation_deadline', incident.id);
    await waitFor(async () => (await findJob(t.ctx.store.db, `incidents.mitigation_deadline:${incident.id}:${mitigation.seq}`))?.status === 'done', 'the job');
    assert.deepEqual(await reminders(incident.id), []);
  });

  test('a reminder job that runs twice (a retry after a lost lease) reminds once', async () => {
    const incident = await declare('SEV4');
    const dueAt = inMs(3_600_000);
    await append(incident.id, 'update_posted', { audience: 'internal', text: 'Monitoring', nextUpdateAt: dueAt });
    const ctx: JobContext = { config: t.ctx.config, store: t.ctx.store, bus: t.ctx.bus, jobs: t.ctx.jobs, logger: t.ctx.logger, signal: new AbortController().signal, attempt: 1, jobId: 0, complete: async () => true };
    const payload = { incidentId: incident.id, basisSeq: 2, dueAt };
    await Promise.all([updateDueJob.handler(payload, ctx), updateDueJob.handler(payload, { ...ctx, attempt: 2 })]);
    await updateDueJob.handler(payload, { ...ctx, attempt: 3 });
    assert.equal((await reminders(incident.id)).length, 1);
    assert.equal((await deliveriesFor(incident.id)).length, 1);
  });
});
