import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { cliActor } from './identity.js';
import { createUser } from './service.js';
import { LoginThrottle } from './throttle.js';

test('the login throttle refuses an account after 5 failures and an address after 50, until the window ends', () => {
  let now = 1_000_000;
  const throttle = new LoginThrottle(undefined, () => now);
  for (let i = 0; i < 4; i++) throttle.failed('ana@example.test', '10.0.0.1');
  assert.equal(throttle.retryAfter('ana@example.test', '10.0.0.1'), 0, 'four failures are allowed');
  throttle.failed('ana@example.test', '10.0.0.1');
  assert.equal(throttle.retryAfter('ana@example.test', '10.0.0.1'), 900);
  assert.equal(throttle.retryAfter('ana@example.test', '10.9.9.9'), 900, 'per account, whatever the address');
  assert.equal(throttle.retryAfter('bob@example.test', '10.0.0.1'), 0, 'other accounts from the same address are not locked yet');
  now += 600_000;
  assert.equal(throttle.retryAfter('ana@example.test', '10.0.0.1'), 300);
  now += 300_000;
  assert.equal(throttle.retryAfter('ana@example.test', '10.0.0.1'), 0, 'the window ended');

  for (let i = 0; i < 50; i++) throttle.failed(`user${i}@example.test`, '10.0.0.2');
  assert.equal(throttle.retryAfter('someone-new@example.test', '10.0.0.2'), 900, 'a spray from one address is refused');
  throttle.failed('carol@example.test', '10.0.0.3');
  throttle.succeeded('carol@example.test');
  for (let i = 0; i < 4; i++) throttle.failed('carol@example.test', '10.0.0.3');
  assert.equal(throttle.retryAfter('carol@example.test', '10.0.0.3'), 0, 'a success clears the account count');
});

describeEachStore('login and password hardening', (fixture) => {
  let t: TestApp;
  const password = 'correct horse battery staple';
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    await t.close();
  });

  const login = (email: string, pw: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password: pw } });

  test('an unknown email costs the same password hashing work as a known one (CPU time, not the clock)', async () => {
    for (let i = 0; i < 3; i++) await createUser(fixture.store, cliActor(), { email: `work${i}@example.test`, name: 'W', role: 'viewer', password });
    const cpuOf = async (email: string, i: number) => {
      const start = process.cpuUsage();
      assert.equal((await login(email, 'wrong password!!', `10.9.0.${i}`)).statusCode, 401);
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    await cpuOf('warm-up@example.test', 99);
    let known = 0;
    let unknown = 0;
    // Interleaved, so a busy machine weighs on both alike.
    for (let i = 0; i < 3; i++) {
      known += await cpuOf(`work${i}@example.test`, 2 * i);
      unknown += await cpuOf(`ghost${i}@example.test`, 2 * i + 1);
    }
    // scrypt dominates a failed login; without it an unknown email costs a few per cent of a known one.
    assert.ok(unknown > known * 0.25, `unknown emails used ${unknown} µs of CPU, known ones ${known} µs`);
  });

  test('repeated failed logins for one account get 429 with Retry-After, even with the right password', async () => {
    await createUser(fixture.store, cliActor(), { email: 'throttled@example.test', name: 'T', role: 'viewer', password });
    for (let i = 0; i < 5; i++) assert.equal((await login('throttled@example.test', 'wrong password!!', `10.1.0.${i}`)).statusCode, 401);
    const refused = await login('Throttled@example.test', password, '10.1.0.99');
    assert.equal(refused.statusCode, 429, refused.body);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 900, `Retry-After ${retryAfter} is within the 15-minute window`);
    assert.equal(refused.json().type, 'https://firebreak.dev/problems/login-throttled');
  });

  test('repeated failed logins from one address get 429 for every account', async () => {
    for (let i = 0; i < 50; i++) assert.equal((await login(`nobody${i}@example.test`, 'wrong password!!', '10.2.0.1')).statusCode, 401);
    const refused = await login('anyone@example.test', 'wrong password!!', '10.2.0.1');
    assert.equal(refused.statusCode, 429, refused.body);
    assert.ok(Number(refused.headers['retry-after']) > 0);
  });

  test('changing your own password needs the current one and ends your other sessions', async () => {
    const user = await createUser(fixture.store, cliActor(), { email: 'changer@example.test', name: 'C', role: 'responder', password });
    const a = await login('changer@example.test', password, '10.3.0.1');
    const b = await login('changer@example.test', password, '10.3.0.2');
    const cookieOf = (res: typeof a) => {
      const cookies = res.cookies as Array<{ name: string; value: string }>;
      return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    };
    const asA = { cookie: cookieOf(a), 'x-csrf-token': a.json().csrfToken as string };
    const asB = { cookie: cookieOf(b) };
    const change = (body: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: asA, payload: body });

    const missing = await change({ password: 'a brand new password' });
    assert.equal(missing.statusCode, 400, missing.body);
    assert.deepEqual(missing.json().errors, [{ field: 'currentPassword', message: 'is required to change your own password' }]);
    const wrong = await change({ password: 'a brand new password', currentPassword: 'not my password' });
    assert.equal(wrong.statusCode, 403, wrong.body);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: asB })).statusCode, 200, 'refused changes end nothing');

    const ok = await change({ password: 'a brand new password', currentPassword: password });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: asB })).statusCode, 401, 'the other session ended');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: asA })).statusCode, 200, 'the session that changed it stays');
    assert.equal((await login('changer@example.test', 'a brand new password', '10.3.0.3')).statusCode, 200);
    assert.ok(!t.logs.join('\n').includes(password), 'passwords never reach the logs');
  });

  test('role_assigned labels a user from their record, not from the request', async () => {
    const responder = await t.user('responder');
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder.auth, payload: { title: 'labels', severity: 'SEV3' } })).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/events`,
      headers: responder.auth,
      payload: { kind: 'role_assigned', body: { role: 'communications', userId: responder.user.id, label: 'The CEO' } },
    });
    assert.equal(res.statusCode, 201, res.body);
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}/events`, headers: responder.auth })).json().events as Array<{ kind: string; body: { label?: string } }>;
    const assigned = events.find((e) => e.kind === 'role_assigned');
    assert.equal(assigned?.body.label, responder.user.name);
  });
});
