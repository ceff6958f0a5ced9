import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { cliActor, type Actor } from '../auth/identity.js';
import { createUser } from '../auth/service.js';
import { appendEvent, declareIncident } from './service.js';
import { openSse, type SseConnection } from './stream-testing.js';

type TestUser = Awaited<ReturnType<TestApp['user']>>;
const actorOf = (u: TestUser): Actor => cliActor({ id: u.user.id, email: u.user.email, role: u.user.role });

/** Streams re-check access when it may have been withdrawn and end with a final event saying why. */
describeEachStore('incident streams end when access ends', (fixture) => {
  let t: TestApp;
  let base: string;
  let responder: TestUser;
  let admin: TestUser;

  before(async () => {
    t = await createTestApp(fixture.store);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    responder = await t.user('responder');
    admin = await t.user('admin');
  });
  after(async () => {
    await t.close();
  });

  const declare = (options: { private?: boolean } = {}) => declareIncident(t.ctx.store, t.ctx, actorOf(responder), { title: 'Stream access', severity: 'SEV2', ...options });
  const observe = (incidentId: string, text: string) => appendEvent(t.ctx.store, t.ctx, actorOf(responder), incidentId, { kind: 'observation', body: { text } });

  /** Opens a stream, checks it delivers, then waits for it to end after `withdraw`; returns the final event's reason. */
  async function endsAfter(stream: SseConnection, incidentId: string, withdraw: () => Promise<void>): Promise<string> {
    assert.equal(stream.status, 200, stream.body());
    await observe(incidentId, 'before');
    await stream.waitForMessages(1);
    await withdraw();
    await stream.ended;
    await observe(incidentId, 'after');
    const last = stream.messages[stream.messages.length - 1]!;
    assert.equal(last.event, 'closed');
    assert.ok(!stream.messages.some((m) => m.data.includes('"after"')), 'nothing is delivered after access ended');
    return (JSON.parse(last.data) as { reason: string }).reason;
  }

  test('revoking the token ends its open stream', async () => {
    const viewer = await t.user('viewer');
    const incident = await declare();
    const stream = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, viewer.auth);
    const reason = await endsAfter(stream, incident.id, async () => {
      const [token] = (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: viewer.auth })).json().tokens as Array<{ id: string }>;
      const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token!.id}`, headers: viewer.auth });
      assert.equal(revoked.statusCode, 200, revoked.body);
    });
    assert.equal(reason, 'the API token was revoked');
  });

  test('logging out ends the session\'s open stream', async () => {
    await createUser(t.ctx.store, cliActor(), { email: 'streamer@example.test', name: 'S', role: 'viewer', password: 'a long enough password' });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'streamer@example.test', password: 'a long enough password' } });
    const cookie = (login.cookies as Array<{ name: string; value: string }>).map((c) => `${c.name}=${c.value}`).join('; ');
    const incident = await declare();
    const stream = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, { cookie });
    const reason = await endsAfter(stream, incident.id, async () => {
      const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': login.json().csrfToken as string } });
      assert.equal(out.statusCode, 204, out.body);
    });
    assert.equal(reason, 'the session was logged out');
  });

  test('disabling the user ends their open stream', async () => {
    const viewer = await t.user('viewer');
    const incident = await declare();
    const stream = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, viewer.auth);
    const reason = await endsAfter(stream, incident.id, async () => {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${viewer.user.id}`, headers: admin.auth, payload: { disabled: true } });
      assert.equal(res.statusCode, 200, res.body);
    });
    assert.equal(reason, 'the user was disabled');
  });

  test('an admin demoted to responder loses the stream of a private incident they are not a member of', async () => {
    const other = await t.user('admin');
    const incident = await declare({ private: true });
    const stream = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, other.auth);
    const reason = await endsAfter(stream, incident.id, async () => {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${other.user.id}`, headers: admin.auth, payload: { role: 'responder' } });
      assert.equal(res.statusCode, 200, res.body);
    });
    assert.equal(reason, 'you can no longer see this incident');
  });

  test('a resume point past int4 is refused with 400 naming it, on every dialect', async () => {
    const incident = await declare();
    const query = await openSse(`${base}/api/v1/incidents/${incident.id}/stream?lastEventId=2147483648`, responder.auth);
    await query.ended;
    assert.equal(query.status, 400, query.body());
    assert.match(query.body(), /query\.lastEventId:? must be at most 2147483647/);
    const header = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, { ...responder.auth, 'last-event-id': '99999999999' });
    await header.ended;
    assert.equal(header.status, 400, header.body());
    assert.match(header.body(), /header\.last-event-id/);
  });

  test('a stream whose access still holds keeps delivering after an unrelated revocation', async () => {
    const incident = await declare();
    const stream = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, responder.auth);
    await observe(incident.id, 'one');
    await stream.waitForMessages(1);
    const bystander = await t.user('viewer');
    const [token] = (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bystander.auth })).json().tokens as Array<{ id: string }>;
    await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token!.id}`, headers: bystander.auth });
    await observe(incident.id, 'two');
    const messages = await stream.waitForMessages(2);
    assert.deepEqual(messages.map((m) => m.event), ['observation', 'observation']);
    stream.close();
  });
});
