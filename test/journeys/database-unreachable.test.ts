/**
 * With the database unreachable every route answers 503 with Retry-After: the
 * API behind token and session checks, login, and alert intake; the same when
 * PostgreSQL refuses connections (SQLSTATE 55000); and all recover once it is back.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { cuttableProxy, describePostgres } from '../../src/db/testing.js';
import { Store } from '../../src/db/store.js';
import { startRealServer, type RealServer } from './real-server.js';
import { serviceWithIntake, fireAlert } from './paging-setup.js';

describePostgres('the database unreachable', (fixture) => {
  let server: RealServer | undefined;
  let store: Store | undefined;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>> | undefined;
  after(async () => {
    // Each step is bounded: a pool whose connection went through the cut proxy must not hold the file open (it did once under load).
    const bounded = (p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => undefined), new Promise((r) => setTimeout(r, 15_000).unref())]);
    await bounded(server?.close());
    await bounded(proxy?.cut());
    await bounded(store?.close());
  });

  /** Every kind of route, each expected to answer 503 with Retry-After while the database is away. */
  async function expectAllUnavailable(s: RealServer, auth: Record<string, string>, intakeUrl: string, why: string): Promise<void> {
    const answers = [
      await s.call('GET', '/api/v1/incidents', auth),
      await s.call('POST', '/api/v1/incidents', auth, { title: 'Checkout errors', severity: 'SEV2' }),
      await s.call('POST', '/api/v1/auth/login', {}, { email: 'admin@example.test', password: 'correct horse battery' }),
    ];
    for (const res of answers) {
      assert.equal(res.status, 503, `${why}: ${JSON.stringify(res.body)}`);
      assert.equal(res.headers.get('retry-after'), '5');
      assert.equal((res.body as { type: string }).type, 'https://firebreak.dev/problems/database-unavailable');
    }
    assert.equal(await fireAlert(s, intakeUrl, `down-${why}`, 'Checkout 5xx'), 503, `${why}: intake`);
  }

  test('API, auth and intake answer 503 with Retry-After when the connection is refused, and recover', async () => {
    const url = new URL(fixture.scratch.databaseUrl!);
    proxy = await cuttableProxy(url);
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    store = Store.open({ databaseUrl: viaProxy.toString(), dataDir: fixture.scratch.dataDir, poolSize: 2, queryTimeoutMs: 5000 });
    server = await startRealServer(store);
    const admin = (await server.user('admin')).auth;
    const { intakeUrl } = await serviceWithIntake(server, admin, 'checkout-api');

    await proxy.cut();
    await expectAllUnavailable(server, admin, intakeUrl, 'connection refused');
    await proxy.restore();
    assert.equal((await server.call('GET', '/api/v1/incidents', admin)).status, 200);
    assert.equal(await fireAlert(server, intakeUrl, 'back-1', 'Checkout 5xx'), 202);
  });

  test('the same when PostgreSQL is not accepting connections (SQLSTATE 55000)', async () => {
    const admin = (await server!.user('admin')).auth;
    const { intakeUrl } = await serviceWithIntake(server!, admin, 'payments-api');
    const name = new URL(fixture.scratch.databaseUrl!).pathname.slice(1);
    const base = new URL(fixture.scratch.databaseUrl!);
    base.pathname = '/postgres';
    const superuser = new pg.Client({ connectionString: base.toString() });
    await superuser.connect();
    try {
      await superuser.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await superuser.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await expectAllUnavailable(server!, admin, intakeUrl, 'not accepting connections');
      await superuser.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      assert.equal((await server!.call('GET', '/api/v1/incidents', admin)).status, 200);
    } finally {
      await superuser.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await superuser.end();
    }
  });
});
