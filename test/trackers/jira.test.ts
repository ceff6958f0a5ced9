/**
 * Action items as Jira Cloud issues, against a stand-in that checks every
 * request against Atlassian's published REST description: the owner assigned
 * by email look-up, the due date in `duedate`, and signed `jira:issue_updated`
 * webhooks (X-Hub-Signature, timestamp window, delivery id) closing and
 * reopening the item.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { clockMs } from '../../src/clock.js';
import { until } from '../../src/testing/until.js';
import { JiraStandIn } from '../support/trackers/jira-standin.js';

type Auth = { authorization: string };
const WEBHOOK_SECRET = `jira-secret-${randomBytes(16).toString('hex')}`;

describeEachStore('action items as Jira issues', (fixture) => {
  let t: TestApp;
  let jira: JiraStandIn;
  let admin: Auth;
  let responder: { auth: Auth; user: { id: string; email: string } };
  let ref: string;

  before(async () => {
    jira = new JiraStandIn();
    await jira.start();
    t = await createTestApp(fixture.store, { config: { secretKey: randomBytes(32).toString('base64') } });
    await t.startWorker();
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')) as typeof responder;
    jira.addUser(responder.user.email, 'The Owner');
    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder.auth, payload: { title: 'Search latency', severity: 'SEV3' } });
    ref = declared.json().ref;
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem`, headers: responder.auth })).statusCode, 201);
  });
  after(async () => {
    await t.close();
    await jira.close();
  });

  const itemOf = async (id: string) => {
    const pm = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/postmortem`, headers: responder.auth })).json() as { actionItems: Array<{ id: string; status: string; tracker: { key: string | null; url: string | null; state: string | null; sync: string } | null }> };
    return pm.actionItems.find((i) => i.id === id)!;
  };
  const deliver = (headers: Record<string, string>, body: string) => t.app.inject({ method: 'POST', url: '/api/v1/tracker/webhooks/jira', headers, payload: body });

  test('a Jira tracker: the API token sealed; the issue assigned by email with its due date; closing and reopening in Jira moves the item', async () => {
    const configured = await t.app.inject({ method: 'PUT', url: '/api/v1/tracker/jira', headers: admin, payload: { siteUrl: jira.url, email: jira.email, token: jira.token, projectKey: 'OPS', labels: ['postmortem'], webhookSecret: WEBHOOK_SECRET } });
    assert.equal(configured.statusCode, 200, configured.body);
    assert.ok(!configured.body.includes(jira.token) && !configured.body.includes(WEBHOOK_SECRET));
    const stored = JSON.stringify((await sql`select * from trackers`.execute(fixture.store.db)).rows);
    assert.ok(!stored.includes(jira.token) && !stored.includes(WEBHOOK_SECRET), 'no secret is plain in the database');
    const badKey = await t.app.inject({ method: 'PUT', url: '/api/v1/tracker/jira', headers: admin, payload: { siteUrl: jira.url, email: jira.email, token: 'x', projectKey: 'ops key' } });
    assert.equal(badKey.statusCode, 400, badKey.body);
    assert.match(badKey.body, /projectKey/);

    const added = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Cap search query fan-out at 32 shards', type: 'prevent', ownerId: responder.user.id, dueAt: '2027-02-01T00:00:00.000Z' } });
    assert.equal(added.statusCode, 201, added.body);
    const id = added.json().id as string;
    await until('the Jira issue to exist', async () => (await itemOf(id)).tracker?.sync === 'created');
    assert.deepEqual(jira.violations, []);
    const issue = jira.issues.get('OPS-1')!;
    assert.equal(issue.fields.summary, 'Cap search query fan-out at 32 shards');
    assert.equal(issue.fields.duedate, '2027-02-01');
    assert.deepEqual(issue.fields.assignee, { accountId: jira.users[0]!.accountId });
    assert.deepEqual(issue.fields.labels, ['postmortem']);
    assert.equal((await itemOf(id)).tracker!.url, `${jira.url}/browse/OPS-1`);

    const done = jira.statusWebhook('OPS-1', true, clockMs());
    assert.deepEqual(done.problems, []);
    const closed = await deliver(jira.deliveryHeaders(WEBHOOK_SECRET, done.body, randomUUID()), done.body);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal((await itemOf(id)).status, 'closed');
    assert.equal((await itemOf(id)).tracker!.state, 'closed');

    const todo = jira.statusWebhook('OPS-1', false, clockMs());
    const reopened = await deliver(jira.deliveryHeaders(WEBHOOK_SECRET, todo.body, randomUUID()), todo.body);
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal((await itemOf(id)).status, 'open');
  });

  test('Jira refusals: no or wrong X-Hub-Signature 401, an old timestamp 401, malformed 400 naming the field, a replayed identifier ignored', async () => {
    const { body } = jira.statusWebhook('OPS-1', true, clockMs());
    const { 'x-hub-signature': _drop, ...unsigned } = jira.deliveryHeaders(WEBHOOK_SECRET, body, randomUUID());
    assert.equal((await deliver(unsigned, body)).statusCode, 401);
    assert.equal((await deliver(jira.deliveryHeaders('another-secret-entirely', body, randomUUID()), body)).statusCode, 401);
    const stale = jira.statusWebhook('OPS-1', true, clockMs() - 10 * 60_000).body;
    assert.equal((await deliver(jira.deliveryHeaders(WEBHOOK_SECRET, stale, randomUUID()), stale)).statusCode, 401, 'a delivery older than the window is a replay');
    const noKey = JSON.stringify({ ...JSON.parse(body), issue: { fields: {} } });
    const malformed = await deliver(jira.deliveryHeaders(WEBHOOK_SECRET, noKey, randomUUID()), noKey);
    assert.equal(malformed.statusCode, 400, malformed.body);
    assert.match(malformed.json().detail, /body\.issue\.key/);
    assert.equal((await itemOf((await t.app.inject({ method: 'GET', url: '/api/v1/action-items', headers: responder.auth })).json().items[0].id)).status, 'open', 'nothing refused changed the item');

    const identifier = randomUUID();
    assert.equal((await deliver(jira.deliveryHeaders(WEBHOOK_SECRET, body, identifier), body)).statusCode, 200);
    const replay = await deliver(jira.deliveryHeaders(WEBHOOK_SECRET, body, identifier), body);
    assert.equal(replay.statusCode, 202, replay.body);
  });
});
