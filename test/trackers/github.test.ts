/**
 * Action items as GitHub issues, against a stand-in that checks every request
 * against GitHub's published REST description: configuring (admin only,
 * secrets sealed and never answered), creating through the outbox (retried
 * while GitHub answers 503, every try visible), and signed `issues` webhooks
 * closing and reopening the item (refusals: signature, malformed, replay).
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { TestClock } from '../../src/clock.js';
import { until } from '../../src/testing/until.js';
import { GithubStandIn, githubSpec } from '../support/trackers/github-standin.js';

type Auth = { authorization: string };
const WEBHOOK_SECRET = `whsec-${randomBytes(16).toString('hex')}`;

describeEachStore('action items as GitHub issues', (fixture) => {
  let t: TestApp;
  let github: GithubStandIn;
  let admin: Auth;
  let responder: Auth;
  let ref: string;
  const clock = new TestClock();

  before(async () => {
    github = new GithubStandIn();
    await github.start();
    t = await createTestApp(fixture.store, { clock, config: { secretKey: randomBytes(32).toString('base64'), publicUrl: 'https://firebreak.example.com' } });
    await t.startWorker();
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: 'Checkout <b>down</b> @here [x](javascript:alert(1))', severity: 'SEV3' } });
    assert.equal(declared.statusCode, 201, declared.body);
    ref = declared.json().ref;
    const opened = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem`, headers: responder });
    assert.equal(opened.statusCode, 201, opened.body);
  });
  after(async () => {
    await t.close();
    await github.close();
  });

  const configure = (headers: Auth, payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/v1/tracker/github', headers, payload });
  const addItem = async (title: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem/action-items`, headers: responder, payload: { title, type: 'detect', dueAt: '2027-01-15T00:00:00.000Z' } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; tracker: { sync: string } | null };
  };
  const itemOf = async (id: string) => {
    const pm = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/postmortem`, headers: responder })).json() as { actionItems: Array<{ id: string; status: string; evidenceUrl: string | null; tracker: { key: string | null; url: string | null; state: string | null; sync: string; attempts: number; lastError: string | null } | null }> };
    return pm.actionItems.find((i) => i.id === id)!;
  };
  const deliver = (headers: Record<string, string>, body: string) => t.app.inject({ method: 'POST', url: '/api/v1/tracker/webhooks/github', headers, payload: body });

  test('only an admin configures the tracker; the token and webhook secret are sealed in the database and never answered', async () => {
    const body = { repository: `${github.owner}/${github.repo}`, token: github.token, webhookSecret: WEBHOOK_SECRET, labels: ['postmortem'], apiUrl: github.url };
    assert.equal((await configure(responder, body)).statusCode, 403);
    const bad = await configure(admin, { ...body, repository: 'not a repo' });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.body, /repository/);
    const res = await configure(admin, body);
    assert.equal(res.statusCode, 200, res.body);
    const shown = await t.app.inject({ method: 'GET', url: '/api/v1/tracker', headers: admin });
    assert.equal(shown.statusCode, 200);
    for (const answer of [res.body, shown.body]) {
      assert.ok(!answer.includes(github.token), 'the token is never answered');
      assert.ok(!answer.includes(WEBHOOK_SECRET), 'the webhook secret is never answered');
    }
    assert.equal(shown.json().webhookUrl, 'https://firebreak.example.com/api/v1/tracker/webhooks/github');
    const rows = await sql<{ settings: string; token_sealed: string; webhook_secret_sealed: string }>`select settings, token_sealed, webhook_secret_sealed from trackers`.execute(fixture.store.db);
    assert.equal(rows.rows.length, 1);
    const stored = JSON.stringify(rows.rows[0]);
    assert.ok(!stored.includes(github.token) && !stored.includes(WEBHOOK_SECRET), 'no secret is plain in the database');
    assert.match(rows.rows[0]!.token_sealed, /^v1\./);
  });

  let itemId = '';
  test('an action item becomes an issue: checked against GitHub’s description, typed text escaped, due date in the body, link shown on the postmortem', async () => {
    const created = await addItem('Add a p99 latency alert on checkout-api <img src=x onerror=alert(1)> @security-team');
    itemId = created.id;
    assert.equal(created.tracker?.sync, 'pending');
    await until('the issue to exist', async () => (await itemOf(itemId)).tracker?.sync === 'created');
    assert.deepEqual(github.violations, []);
    const issue = github.issues.get(1)!;
    assert.equal(issue.title, 'Add a p99 latency alert on checkout-api <img src=x onerror=alert(1)> @security-team');
    assert.deepEqual(issue.labels, ['postmortem']);
    const unescaped = (text: string) => new RegExp(`(^|[^\\\\])${text.replace(/[[\]()]/g, '\\$&')}`).test(issue.body);
    assert.ok(issue.body.includes('\\<img') && !unescaped('<img'), 'inline HTML is escaped');
    assert.ok(issue.body.includes('\\@security') && !unescaped('@security-team'), 'a typed @mention does not ping');
    assert.ok(!unescaped('<b>') && !unescaped('[x]'), 'the incident title’s markup is escaped');
    assert.match(issue.body, /Due: 2027-01-15/);
    assert.match(issue.body, new RegExp(`<https://firebreak\\.example\\.com/postmortems/${ref}>`));
    const item = await itemOf(itemId);
    assert.equal(item.tracker!.key, `${github.owner}/${github.repo}#1`);
    assert.equal(item.tracker!.url, `https://github.com/${github.owner}/${github.repo}/issues/1`);
    assert.equal(item.tracker!.state, 'open');
  });

  test('closing the issue closes the action item; reopening reopens it; a replayed delivery changes nothing', async () => {
    github.setState(1, 'closed');
    const closed = github.issuesWebhook(1, 'closed');
    assert.deepEqual(closed.problems, [], 'the payload conforms to the published issues-closed schema');
    const deliveryId = randomUUID();
    const res = await deliver(await github.deliveryHeaders(WEBHOOK_SECRET, closed.body, deliveryId), closed.body);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().outcome, 'applied');
    let item = await itemOf(itemId);
    assert.equal(item.status, 'closed');
    assert.equal(item.tracker!.state, 'closed');
    assert.equal(item.evidenceUrl, `https://github.com/${github.owner}/${github.repo}/issues/1`, 'the issue is the evidence');

    github.setState(1, 'open');
    const reopened = github.issuesWebhook(1, 'reopened');
    assert.deepEqual(reopened.problems, []);
    const again = await deliver(await github.deliveryHeaders(WEBHOOK_SECRET, reopened.body, randomUUID()), reopened.body);
    assert.equal(again.statusCode, 200, again.body);
    item = await itemOf(itemId);
    assert.equal(item.status, 'open');
    assert.equal(item.tracker!.state, 'open');

    const replay = await deliver(await github.deliveryHeaders(WEBHOOK_SECRET, closed.body, deliveryId), closed.body);
    assert.equal(replay.statusCode, 202, replay.body);
    assert.equal((await itemOf(itemId)).status, 'open', 'the replayed close did nothing');
  });

  test('refusals: no or wrong signature 401, malformed 400 naming the field, an issue Firebreak did not create 202 ignored', async () => {
    const { body } = github.issuesWebhook(1, 'closed');
    const headers = await github.deliveryHeaders(WEBHOOK_SECRET, body, randomUUID());
    const { 'x-hub-signature-256': _drop, ...unsigned } = headers;
    const missing = await deliver(unsigned, body);
    assert.equal(missing.statusCode, 401, missing.body);
    const forged = await deliver(await github.deliveryHeaders('some-other-secret-value', body, randomUUID()), body);
    assert.equal(forged.statusCode, 401, forged.body);
    const tampered = await deliver(headers, body.replace('"closed"', '"reopened"'));
    assert.equal(tampered.statusCode, 401, 'a body changed after signing is refused');
    assert.equal((await itemOf(itemId)).status, 'open', 'no refused delivery changed the item');

    const noNumber = JSON.stringify({ ...JSON.parse(body), issue: { html_url: 'https://github.com/x/y/issues/1' } });
    const malformed = await deliver(await github.deliveryHeaders(WEBHOOK_SECRET, noNumber, randomUUID()), noNumber);
    assert.equal(malformed.statusCode, 400, malformed.body);
    assert.match(malformed.json().detail, /body\.issue\.number/);
    const notJson = 'not json';
    const garbage = await deliver(await github.deliveryHeaders(WEBHOOK_SECRET, notJson, randomUUID()), notJson);
    assert.equal(garbage.statusCode, 400, garbage.body);

    const unknown = JSON.stringify({ ...JSON.parse(body), issue: { ...JSON.parse(body).issue, number: 999 } });
    const ignored = await deliver(await github.deliveryHeaders(WEBHOOK_SECRET, unknown, randomUUID()), unknown);
    assert.equal(ignored.statusCode, 202, ignored.body);
    assert.equal(ignored.json().outcome, 'ignored');
  });

  test('GitHub down: the outbox retries with back-off, each try visible, until the issue is created', async () => {
    const unavailable = { status: 503, body: { message: 'Service Unavailable', documentation_url: 'https://docs.github.com/rest' } };
    github.server.inject((r) => r.method === 'POST', unavailable, 2);
    const created = await addItem('Page the database on-call when replication lag passes 30 s');
    await until('two failed tries', async () => ((await t.app.inject({ method: 'GET', url: `/api/v1/tracker/issues/${created.id}`, headers: admin })).json().attempts?.length ?? 0) >= 2);
    // Move product time past the back-off rather than waiting for it.
    clock.advance(60_000);
    await until('the issue to exist after GitHub recovers', async () => (await itemOf(created.id)).tracker?.sync === 'created');
    const log = (await t.app.inject({ method: 'GET', url: `/api/v1/tracker/issues/${created.id}`, headers: admin })).json() as { attempts: Array<{ outcome: string; detail: string }> };
    assert.deepEqual(log.attempts.map((a) => a.outcome), ['retry', 'retry', 'created']);
    assert.match(log.attempts[0]!.detail, /HTTP 503/);
    assert.equal((await itemOf(created.id)).tracker!.attempts, 3);
    assert.deepEqual(github.violations, []);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/tracker/issues/${created.id}`, headers: responder })).statusCode, 403);
  });

  test('a refusal that waiting cannot fix fails at once with why; an admin retries it after fixing the cause', async () => {
    github.server.inject((r) => r.method === 'POST', { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }, 1);
    const created = await addItem('Document the failover runbook for the payments database');
    await until('the creation to fail', async () => (await itemOf(created.id)).tracker?.sync === 'failed');
    const failed = (await itemOf(created.id)).tracker!;
    assert.equal(failed.attempts, 1, 'a 404 is not retried');
    assert.match(failed.lastError ?? '', /HTTP 404: Not Found/);
    const retried = await t.app.inject({ method: 'POST', url: `/api/v1/tracker/issues/${created.id}/retry`, headers: admin });
    assert.equal(retried.statusCode, 200, retried.body);
    await until('the issue after the retry', async () => (await itemOf(created.id)).tracker?.sync === 'created');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/tracker/issues/${created.id}/retry`, headers: admin });
    assert.equal(again.statusCode, 422, 'only a failed creation is retried');
  });

  test('the stand-in refuses what GitHub’s description refuses', () => {
    const checked = githubSpec.check('POST', '/repos/acme/reliability/issues', { 'content-type': 'application/json' }, new URLSearchParams(), JSON.stringify({ body: 'no title' }));
    assert.ok(checked.problems.some((p) => /title/.test(p)), checked.problems.join('; '));
  });
});
