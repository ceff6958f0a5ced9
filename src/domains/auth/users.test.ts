import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';

describeEachStore('users and teams', (fixture) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = await t.user('admin');
  });
  after(async () => {
    await t.close();
  });

  test('an admin creates a user with a time zone; emails are unique regardless of case', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.auth,
      payload: { email: 'Ana@Example.test', name: 'Ana', role: 'responder', timeZone: 'Europe/Berlin' },
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().email, 'ana@example.test');
    assert.equal(res.json().timeZone, 'Europe/Berlin');
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: 'ANA@example.test', name: 'Ana 2', role: 'viewer' } });
    assert.equal(dup.statusCode, 409);
  });

  test('an unknown time zone is refused naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: 'tz@example.test', name: 'Tz', role: 'viewer', timeZone: 'Mars/Olympus' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'timeZone');
  });

  test('people change their own name but not their role; admins change roles', async () => {
    const responder = await t.user('responder');
    const own = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${responder.user.id}`, headers: responder.auth, payload: { name: 'Renamed' } });
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().name, 'Renamed');
    const promote = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${responder.user.id}`, headers: responder.auth, payload: { role: 'admin' } });
    assert.equal(promote.statusCode, 403);
    const other = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${admin.user.id}`, headers: responder.auth, payload: { name: 'Hijack' } });
    assert.equal(other.statusCode, 403);
    const byAdmin = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${responder.user.id}`, headers: admin.auth, payload: { role: 'viewer' } });
    assert.equal(byAdmin.json().role, 'viewer');
    const nowViewer = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: responder.auth, payload: { name: 'nope' } });
    assert.equal(nowViewer.statusCode, 403, 'the new role applies to the existing token at once');
  });

  test('a disabled user can no longer use their token', async () => {
    const victim = await t.user('responder');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${victim.user.id}`, headers: admin.auth, payload: { disabled: true } });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: victim.auth });
    assert.equal(res.statusCode, 401);
  });

  test('team membership is added and removed by admins', async () => {
    const member = await t.user('responder');
    const team = (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.auth, payload: { name: 'payments' } })).json();
    const added = await t.app.inject({ method: 'PUT', url: `/api/v1/teams/${team.id}/members/${member.user.id}`, headers: admin.auth });
    assert.equal(added.statusCode, 200);
    assert.deepEqual(added.json().members.map((m: { id: string }) => m.id), [member.user.id]);
    const byResponder = await t.app.inject({ method: 'PUT', url: `/api/v1/teams/${team.id}/members/${member.user.id}`, headers: member.auth });
    assert.equal(byResponder.statusCode, 403);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/teams/${team.id}/members/${member.user.id}`, headers: admin.auth });
    assert.deepEqual(removed.json().members, []);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/teams/${team.id}/members/${member.user.id}`, headers: admin.auth });
    assert.equal(again.statusCode, 404);
  });

  test('tokens list shows prefixes and never the secret; only admins list everyone’s', async () => {
    const responder = await t.user('responder');
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: responder.auth });
    assert.equal(mine.statusCode, 200);
    const [token] = mine.json().tokens;
    assert.equal(token.token, undefined);
    assert.ok(responder.token.startsWith(token.prefix));
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/tokens?all=true', headers: responder.auth });
    assert.equal(all.statusCode, 403);
    const allAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/tokens?all=true', headers: admin.auth });
    assert.ok(allAdmin.json().tokens.length >= 2);
  });

  test('a password login opens a session; a wrong password gets the same answer as an unknown email', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: 'pw@example.test', name: 'Pw', role: 'viewer', password: 'long enough password' } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'pw@example.test', password: 'long enough password' } });
    assert.equal(ok.statusCode, 200);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'pw@example.test', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@example.test', password: 'nope' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().detail, unknown.json().detail);
    const stored = await fixture.store.db.selectFrom('users').select('password_hash').where('email', '=', 'pw@example.test').executeTakeFirstOrThrow();
    assert.match(stored.password_hash!, /^scrypt\$/);
  });
});
