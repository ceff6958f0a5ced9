/**
 * Serving through a database outage: with the database
 * cut off, the page still answers 200 from its last snapshot and shows its
 * age; when the database returns, it catches up within a second.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cuttableProxy, describePostgres } from '../../db/testing.js';
import { Store } from '../../db/store.js';
import { createChangeBus, type ChangeBus } from '../../db/changes.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { cliActor } from '../auth/identity.js';
import { setComponentStatus } from './service.js';
import { addComponent } from '../../testing/statuspage.js';
import { until } from '../../testing/until.js';

describePostgres('status page through a database outage', (fixture) => {
  let t: TestApp | undefined;
  let store: Store | undefined;
  let directBus: ChangeBus | undefined;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>> | undefined;
  after(async () => {
    await t?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await directBus?.close();
    await proxy?.cut().catch(() => undefined);
  });

  test('answers 200 from the last snapshot with its age while the database is cut off, and catches up within 1 s of its return', async () => {
    const url = new URL(fixture.scratch.databaseUrl!);
    proxy = await cuttableProxy(url);
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    store = Store.open({ databaseUrl: viaProxy.toString(), dataDir: fixture.scratch.dataDir, poolSize: 4, queryTimeoutMs: 5000 });
    t = await createTestApp(store);
    const admin = (await t.user('admin')).auth;
    const api = await addComponent(t, admin, { name: 'Outage API' });
    await until('the component on the page', async () => (await t!.app.inject({ method: 'GET', url: '/status' })).body.includes('Outage API'));

    await proxy.cut();
    const stale = await until('the page to notice the database is gone', async () => {
      const res = await t!.app.inject({ method: 'GET', url: '/status' });
      return res.headers['x-firebreak-snapshot-age'] !== undefined ? res : undefined;
    });
    assert.equal(stale.statusCode, 200);
    assert.match(stale.body, /Outage API/);
    assert.match(stale.body, /may be out of date: it shows the state as of <time[^>]*>[^<]+<\/time> \(\d+ seconds ago\)/);
    const json = await t.app.inject({ method: 'GET', url: '/status/api/v2/components.json' });
    assert.equal(json.statusCode, 200);
    assert.equal(json.json().components[0].status, 'operational');

    // Meanwhile another process, still connected, changes the component.
    directBus = createChangeBus(fixture.store);
    await setComponentStatus(fixture.store, { bus: directBus, jobs: t.ctx.jobs, config: t.ctx.config }, cliActor(), api, 'major_outage');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await t.app.inject({ method: 'GET', url: '/status/api/v2/components.json' })).json().components[0].status, 'operational', 'still the snapshot while cut off');

    await proxy.restore();
    const back = performance.now();
    await until('the page to catch up', async () => {
      const res = await t!.app.inject({ method: 'GET', url: '/status/api/v2/components.json' });
      return res.json().components[0].status === 'major_outage' && res.headers['x-firebreak-snapshot-age'] === undefined;
    });
    const caughtUpMs = performance.now() - back;
    assert.ok(caughtUpMs < 1000, `caught up in ${caughtUpMs.toFixed(0)} ms`);
    const fresh = await t.app.inject({ method: 'GET', url: '/status' });
    assert.doesNotMatch(fresh.body, /may be out of date/);
  });
});
