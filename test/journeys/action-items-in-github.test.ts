/**
 * Postmortem action items living in the team's GitHub, through the HTTP API:
 * an admin connects the repository, a SEV2 resolves and its postmortem gets an
 * action item, the issue appears in (a stand-in for) GitHub, someone closes it
 * there, GitHub's signed webhook arrives, and the postmortem answers with the
 * item done and the issue's link and state.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { until } from '../../src/testing/until.js';
import { GithubStandIn } from '../support/trackers/github-standin.js';

describeEachStore('journey: an action item lives in GitHub and is closed from there', (fixture) => {
  let t: TestApp;
  let github: GithubStandIn;
  before(async () => {
    github = new GithubStandIn('acme', 'payments');
    await github.start();
    t = await createTestApp(fixture.store, { config: { secretKey: randomBytes(32).toString('base64') } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await github.close();
  });

  test('postmortem → action item → GitHub issue → closed in GitHub → the postmortem shows it done', async () => {
    const admin = (await t.user('admin')).auth;
    const responder = (await t.user('responder')).auth;
    const connected = await t.app.inject({ method: 'PUT', url: '/api/v1/tracker/github', headers: admin, payload: { repository: 'acme/payments', token: github.token, apiUrl: github.url } });
    assert.equal(connected.statusCode, 200, connected.body);
    const secret = connected.json().webhookSecret as string;
    assert.match(secret, /^fbtw_/, 'a generated webhook secret is answered once');

    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: 'Card payments failing', severity: 'SEV2' } });
    const ref = declared.json().ref as string;
    const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: responder, payload: { kind: 'resolved', body: { override: { reason: 'journey' } } } });
    assert.equal(resolved.statusCode, 201, resolved.body);
    const postmortem = () => t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/postmortem`, headers: responder });
    await until('the SEV2 postmortem to open', async () => (await postmortem()).statusCode === 200);

    const added = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem/action-items`, headers: responder, payload: { title: 'Alert when PSP error rate exceeds 2% for 5 minutes', type: 'detect' } });
    assert.equal(added.statusCode, 201, added.body);
    const itemId = added.json().id as string;
    const item = async () => ((await postmortem()).json().actionItems as Array<{ id: string; status: string; tracker: { url: string; state: string; sync: string } | null }>).find((i) => i.id === itemId)!;
    await until('the issue in GitHub', async () => (await item()).tracker?.sync === 'created');
    assert.equal(github.issues.size, 1);
    assert.deepEqual(github.violations, [], 'every request conformed to GitHub’s published description');

    github.setState(1, 'closed');
    const { body, problems } = github.issuesWebhook(1, 'closed');
    assert.deepEqual(problems, []);
    const hook = await t.app.inject({ method: 'POST', url: '/api/v1/tracker/webhooks/github', headers: await github.deliveryHeaders(secret, body, randomUUID()), payload: body });
    assert.equal(hook.statusCode, 200, hook.body);

    const done = await item();
    assert.equal(done.status, 'closed');
    assert.deepEqual({ url: done.tracker!.url, state: done.tracker!.state }, { url: 'https://github.com/acme/payments/issues/1', state: 'closed' });
    const open = await t.app.inject({ method: 'GET', url: '/api/v1/action-items', headers: responder });
    assert.ok(!(open.json().items as Array<{ id: string }>).some((i) => i.id === itemId), 'no longer among the open action items');
  });
});
