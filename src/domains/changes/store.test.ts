import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { cliActor } from '../auth/identity.js';
import { createService } from '../catalog/service.js';
import * as store from './store.js';

describeEachStore('change events store', (fixture) => {
  let serviceId = '';
  before(async () => {
    serviceId = (await createService(fixture.store, cliActor(), { name: 'store-svc' })).id;
  });

  const row = (id: string, externalKey: string | null, startedAt: string, finishedAt: string | null = null): store.ChangeRow => ({
    id, service_id: serviceId, source_id: null, origin: 'github', external_key: externalKey, kind: 'deploy', summary: null, version: id, author: null, link: null,
    started_at: startedAt, finished_at: finishedAt, rollback_command: null, rollback_link: null, recorded_at: '2026-11-30T12:00:00.000Z',
  });

  test('a later status of the same deployment updates its change, keeping its id and start', async () => {
    const first = await store.upsertChange(fixture.store.db, row('a', 'repo#1', '2026-11-30T10:00:00.000Z'));
    const again = await store.upsertChange(fixture.store.db, { ...row('b', 'repo#1', '2026-11-30T10:05:00.000Z', '2026-11-30T10:06:00.000Z'), version: 'v2' });
    assert.equal(again.id, first.id);
    assert.equal(again.started_at, '2026-11-30T10:00:00.000Z');
    assert.equal(again.finished_at, '2026-11-30T10:06:00.000Z');
    assert.equal(again.version, 'v2');
    assert.equal((await store.listChanges(fixture.store.db, { serviceIds: [serviceId], limit: 10 })).length, 1);
  });

  test('changes without an external key are each kept; the list filters by time and kind, newest first', async () => {
    await store.upsertChange(fixture.store.db, row('c', null, '2026-11-30T11:00:00.000Z'));
    await store.upsertChange(fixture.store.db, row('d', null, '2026-11-30T11:00:00.000Z'));
    const all = await store.listChanges(fixture.store.db, { serviceIds: [serviceId], limit: 10 });
    assert.deepEqual(all.map((c) => c.id), ['c', 'd', 'a']);
    assert.deepEqual((await store.listChanges(fixture.store.db, { from: '2026-11-30T10:30:00.000Z', to: '2026-11-30T11:00:00.000Z', limit: 10 })).map((c) => c.id), ['c', 'd']);
    assert.deepEqual(await store.listChanges(fixture.store.db, { kind: 'migration', limit: 10 }), []);
    assert.deepEqual(await store.listChanges(fixture.store.db, { serviceIds: [], limit: 10 }), []);
  });
});
