import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';

async function countRows(t: TestApp, table: 'teams' | 'audit_log' | 'users' | 'api_tokens'): Promise<number> {
  const row = await t.ctx.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachStore('auth at the HTTP edge', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    await t.close();
  });

  test('a mutating request without a token is refused with 401 and writes nothing', async () => {
    const before = await countRows(t, 'teams');
    const auditBefore = await countRows(t, 'audit_log');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', payload: { name: 'payments' } });
    assert.equal(res.statusCode, 401);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(res.json().status, 401);
    assert.equal(await countRows(t, 'teams'), before);
    assert.equal(await countRows(t, 'audit_log'), auditBefore);
  });

  test('a viewer token is refused with 403 and writes nothing', async () => {
    const viewer = await t.user('viewer');
    const before = await countRows(t, 'teams');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: viewer.auth, payload: { name: 'payments' } });
    assert.equal(res.statusCode, 403);
    assert.match(res.json().detail, /admin/);
    assert.equal(await countRows(t, 'teams'), before);
  });

  test('malformed JSON is refused with 400 problem+json naming the problem, and writes nothing', async () => {
    const admin = await t.user('admin');
    const before = await countRows(t, 'teams');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { ...admin.auth, 'content-type': 'application/json' },
      payload: '{"name": "payments",',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    const problem = res.json();
    assert.match(problem.detail, /not valid JSON/);
    assert.deepEqual(problem.errors, [{ field: '(body)', message: 'is not valid JSON' }]);
    assert.equal(await countRows(t, 'teams'), before);
  });

  test('a wrong type is refused, not coerced, and the field is named', async () => {
    const admin = await t.user('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.auth, payload: { name: 42 } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'name');
  });

  test('an unknown field is refused by name', async () => {
    const admin = await t.user('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.auth, payload: { name: 'x', colour: 'red' } });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors, [{ field: 'colour', message: 'is not a known field (known fields: name, description)' }]);
  });

  test('an admin creates a team, and the audit log records who, what, target and source address', async () => {
    const admin = await t.user('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.auth, payload: { name: 'checkout' } });
    assert.equal(res.statusCode, 201);
    const team = res.json();
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit?targetId=${team.id}`, headers: admin.auth });
    assert.equal(audit.statusCode, 200);
    const [entry] = audit.json().entries;
    assert.equal(entry.action, 'team.create');
    assert.equal(entry.actorId, admin.user.id);
    assert.equal(entry.actor, admin.user.email);
    assert.equal(entry.targetType, 'team');
    assert.equal(entry.sourceIp, '127.0.0.1');
    assert.ok(entry.requestId);
  });

  test('a revoked token stops working at once', async () => {
    const responder = await t.user('responder');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: responder.auth, payload: { name: 'laptop' } });
    assert.equal(created.statusCode, 201);
    const { id, token } = created.json();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: responder.auth });
    assert.equal(revoked.statusCode, 200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(after.statusCode, 401);
  });

  test('tokens are stored as SHA-256 only and never written to the logs', async () => {
    const admin = await t.user('admin');
    const rows = await t.ctx.store.db.selectFrom('api_tokens').select(['token_hash', 'prefix']).execute();
    const secret = admin.token;
    assert.ok(rows.every((r) => r.token_hash !== secret && /^[0-9a-f]{64}$/.test(r.token_hash)));
    await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: admin.auth });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: admin.user.email, password: 'wrong-password-123' } });
    const logText = t.logs.join('\n');
    assert.ok(t.logs.length > 0, 'requests were logged');
    assert.ok(!logText.includes(secret), 'token not in logs');
    assert.ok(!logText.includes('wrong-password-123'), 'password not in logs');
  });
});
