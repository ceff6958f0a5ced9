import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { cliActor, type Actor } from '../auth/identity.js';
import { appendEvent, declareIncident } from './service.js';
import { openSse, type SseConnection } from './stream-testing.js';

type TestUser = Awaited<ReturnType<TestApp['user']>>;
const actorOf = (u: TestUser): Actor => cliActor({ id: u.user.id, email: u.user.email, role: u.user.role });
const refsIn = (stream: SseConnection) => stream.messages.filter((m) => m.event === 'incident').map((m) => (JSON.parse(m.data) as { ref: string }).ref);

/** The incident list's live stream: changes as list summaries, each only to those who may see the incident. */
describeEachStore('incident list stream', (fixture) => {
  let t: TestApp;
  let base: string;
  let declarer: TestUser;
  let admin: TestUser;

  before(async () => {
    t = await createTestApp(fixture.store);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    declarer = await t.user('responder');
    admin = await t.user('admin');
  });
  after(async () => {
    await t.close();
  });

  test('a change to an incident reaches an open list as its summary', async () => {
    const viewer = await t.user('viewer');
    const stream = await openSse(`${base}/api/v1/incidents/stream`, viewer.auth);
    assert.equal(stream.status, 200, stream.body());
    const incident = await declareIncident(t.ctx.store, t.ctx, actorOf(declarer), { title: 'Listed live', severity: 'SEV2' });
    const [declared] = await stream.waitForMessages(1);
    assert.equal(declared!.event, 'incident');
    const summary = JSON.parse(declared!.data) as { ref: string; title: string; status: string; commander: { userId: string } };
    assert.deepEqual([summary.ref, summary.title, summary.status, summary.commander.userId], [incident.ref, 'Listed live', 'investigating', declarer.user.id]);
    const next = await t.user('responder');
    await appendEvent(t.ctx.store, t.ctx, actorOf(declarer), incident.id, { kind: 'role_assigned', body: { role: 'commander', userId: next.user.id } });
    const [, taken] = await stream.waitForMessages(2);
    assert.equal((JSON.parse(taken!.data) as { commander: { userId: string } }).commander.userId, next.user.id);
    stream.close();
  });

  test('a private incident never reaches someone outside it; its members and admins see it', async () => {
    const outsider = await t.user('responder');
    const member = await t.user('viewer');
    const streams = {
      outsider: await openSse(`${base}/api/v1/incidents/stream`, outsider.auth),
      member: await openSse(`${base}/api/v1/incidents/stream`, member.auth),
      admin: await openSse(`${base}/api/v1/incidents/stream`, admin.auth),
    };
    const secret = await declareIncident(t.ctx.store, t.ctx, actorOf(declarer), { title: 'Secret payroll breach', severity: 'SEV1', private: true });
    await appendEvent(t.ctx.store, t.ctx, actorOf(declarer), secret.id, { kind: 'member_added', body: { userId: member.user.id } });
    await appendEvent(t.ctx.store, t.ctx, actorOf(declarer), secret.id, { kind: 'observation', body: { text: 'salaries visible' } });
    const open = await declareIncident(t.ctx.store, t.ctx, actorOf(declarer), { title: 'Public search latency', severity: 'SEV3' });
    // Changes are sent in commit order: once the public incident arrived, everything about the private one was decided.
    for (const s of Object.values(streams)) {
      const deadline = Date.now() + 10_000;
      while (!refsIn(s).includes(open.ref)) {
        assert.ok(Date.now() < deadline, `the public incident reached every list: ${s.body()}`);
        await s.waitForMessages(s.messages.length + 1, 10_000);
      }
    }
    assert.deepEqual(refsIn(streams.outsider), [open.ref], 'the outsider hears only of the public incident');
    assert.doesNotMatch(streams.outsider.body(), /Secret payroll|salaries/);
    assert.ok(refsIn(streams.admin).includes(secret.ref), 'an admin sees the private incident');
    assert.ok(refsIn(streams.member).includes(secret.ref), 'a member sees it once added');
    for (const s of Object.values(streams)) s.close();
  });

  test('revoking the token ends the list stream, saying why', async () => {
    const viewer = await t.user('viewer');
    const stream = await openSse(`${base}/api/v1/incidents/stream`, viewer.auth);
    const [token] = (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: viewer.auth })).json().tokens as Array<{ id: string }>;
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${token!.id}`, headers: viewer.auth });
    assert.equal(revoked.statusCode, 200, revoked.body);
    await stream.ended;
    const last = stream.messages.at(-1);
    assert.equal(last?.event, 'closed');
    assert.equal((JSON.parse(last.data) as { reason: string }).reason, 'the API token was revoked');
  });

  test('anonymous clients are refused with 401', async () => {
    const stream = await openSse(`${base}/api/v1/incidents/stream`);
    await stream.ended;
    assert.equal(stream.status, 401);
  });

  test('a query is refused with 400 naming it, before any stream opens', async () => {
    const viewer = await t.user('viewer');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/incidents/stream?since=5', headers: viewer.auth });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /since/);
  });
});
