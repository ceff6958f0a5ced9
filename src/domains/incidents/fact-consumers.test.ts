import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { domains } from '../../app/domains.js';
import type { DomainModule } from '../../app/context.js';
import { unprocessable } from '../../errors.js';
import { until } from '../../testing/until.js';
import { cliActor, type Actor } from '../auth/identity.js';
import type { IncidentFact } from './facts.js';
import * as service from './service.js';

describeEachStore('fact consumers', (fixture) => {
  let t: TestApp;
  let alice: Actor;
  const seen: Array<{ fact: IncidentFact; attempt: number }> = [];
  let attempts = 0;
  const probe: DomainModule = {
    name: 'probe',
    facts: [
      {
        name: 'probe.flaky-job',
        kinds: ['resolved'],
        mode: 'job',
        async handle(_trx, _deps, fact) {
          attempts += 1;
          // The first attempt fails as a consumer's outage would.
          if (attempts === 1) throw new Error('consumer down');
          seen.push({ fact, attempt: attempts });
        },
      },
      {
        name: 'probe.refuses-sev1',
        kinds: ['severity_changed'],
        mode: 'transaction',
        async handle(_trx, _deps, fact) {
          if (fact.kind === 'severity_changed' && fact.to === 'SEV1') throw unprocessable('probe-refuses', 'the probe refuses SEV1');
        },
      },
    ],
  };
  before(async () => {
    t = await createTestApp(fixture.store, { domains: [...domains, probe] });
    const u = (await t.user('responder')).user;
    alice = cliActor({ id: u.id, email: u.email, role: u.role });
  });
  after(async () => {
    await t.close();
  });

  test('a job consumer failing leaves the append committed; the job is retried until the consumer succeeds', async () => {
    const { ref, id } = await service.declareIncident(t.ctx.store, t.ctx, alice, { title: 'Search down', severity: 'SEV3' });
    const resolved = await service.appendEvent(t.ctx.store, t.ctx, alice, ref, { kind: 'status_changed', body: { status: 'resolved', override: { reason: 'false alarm' } } });
    assert.equal(resolved.state.status, 'resolved', 'the append commits before any job consumer runs');
    const job = await t.ctx.store.db.selectFrom('jobs').select(['kind', 'status']).where('idempotency_key', 'like', `%${id}:${resolved.event.seq}:probe.flaky-job:resolved%`).executeTakeFirstOrThrow();
    assert.deepEqual(job, { kind: 'incidents.fact', status: 'queued' });
    await t.startWorker();
    await until('the flaky consumer to succeed on a retry', async () => seen.length > 0);
    assert.equal(seen[0]!.fact.kind, 'resolved');
    assert.equal(seen[0]!.attempt, 2, 'the first attempt failed and the job was retried');
    const row = await t.ctx.store.db.selectFrom('incidents').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'resolved', 'the failed consumer rolled nothing back');
  });

  test('a transaction consumer refusing a fact rolls the append back', async () => {
    const { ref } = await service.declareIncident(t.ctx.store, t.ctx, alice, { title: 'Payments slow', severity: 'SEV3' });
    await assert.rejects(service.appendEvent(t.ctx.store, t.ctx, alice, ref, { kind: 'severity_changed', body: { severity: 'SEV1', reason: 'everyone' } }), /probe refuses SEV1/);
    const view = await service.appendEvent(t.ctx.store, t.ctx, alice, ref, { kind: 'severity_changed', body: { severity: 'SEV2', reason: 'some' } });
    assert.equal(view.state.severity, 'SEV2');
    assert.equal(view.event.seq, 2, 'the refused event was never stored');
  });
});
