import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { cliActor } from '../auth/identity.js';
import * as service from './service.js';

describeEachStore('concurrent appends to one incident', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    await t.close();
  });

  test('50 parallel appends get sequence numbers without gaps or duplicates, and the projection counts them all', async () => {
    const { user } = await t.user('responder');
    const actor = cliActor({ id: user.id, email: user.email, role: user.role });
    const incident = await service.declareIncident(t.ctx.store, t.ctx, actor, { title: 'Load', severity: 'SEV3' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => service.appendEvent(t.ctx.store, t.ctx, actor, incident.id, { kind: 'observation', body: { text: `observation ${i}` } })),
    );
    const appended = results.map((r) => r.event.seq).sort((a, b) => a - b);
    assert.deepEqual(appended, Array.from({ length: 50 }, (_, i) => i + 2), 'the declaration holds seq 1; appends take 2..51');
    const stored = await service.listEventsAfter(t.ctx.store.db, incident.id, 0, 1000);
    assert.deepEqual(stored.map((e) => e.seq), Array.from({ length: 51 }, (_, i) => i + 1));
    const row = await service.getIncidentRow(t.ctx.store.db, incident.id);
    assert.equal(row?.last_seq, 51);
    assert.equal(JSON.parse(row!.state).eventCount, 51);
  });

  test('parallel declarations get distinct, consecutive references', async () => {
    const actor = cliActor();
    const declared = await Promise.all(Array.from({ length: 20 }, () => service.declareIncident(t.ctx.store, t.ctx, actor, { title: 'Storm', severity: 'SEV4' })));
    const numbers = declared.map((d) => Number(d.ref.slice(4))).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => numbers[0]! + i));
  });
});
