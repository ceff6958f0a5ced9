/**
 * A running escalation: it keeps the policy it started with, a resolved alert
 * stops it, and the escalate-now link confirms on GET and fires the next step
 * on POST, at once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { findJob } from '../../jobs/store.js';
import { amBody, settled } from '../../testing/alerts.js';
import { startSmtpPeer, type SmtpPeer } from '../notify/testing.js';
import { linkIn, until } from './paging-testing.js';

describeEachStore('a running escalation', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;

  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' } });
    admin = await t.user('admin');
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  /** A service paging `first` at once and `second` after `delaySeconds`; returns its intake key and policy id. */
  async function service(name: string, first: string, second: string, delaySeconds: number): Promise<{ key: string; policyId: string }> {
    const steps = [
      { delaySeconds: 0, targets: [{ type: 'user', id: first }] },
      { delaySeconds, targets: [{ type: 'user', id: second }] },
    ];
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name, steps } });
    assert.equal(policy.statusCode, 201, policy.body);
    const svc = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name, escalationPolicyId: policy.json().id } });
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${svc.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name } });
    return { key: integration.json().key as string, policyId: policy.json().id as string };
  }

  async function escalationOf(summary: string): Promise<{ id: string; status: string; nextStep: { step: number } | null; pages: Array<{ userId: string; step: number }> }> {
    // Escalations start when intake applies the request, just behind its answer.
    await settled(t);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/escalations?limit=100', headers: admin.auth })).json().escalations as Array<{ id: string; title: string }>;
    const found = list.find((e) => e.title === summary);
    assert.ok(found, `an escalation titled ${summary}`);
    return (await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${found.id}`, headers: admin.auth })).json();
  }

  test('editing a policy mid-escalation does not change the running escalation: step 2 pages whom the policy named when it started', async () => {
    const [first, second, newcomer] = [await t.user('responder'), await t.user('responder'), await t.user('responder')];
    const { key, policyId } = await service('edited mid-way', first.user.id, second.user.id, 2);
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'edit-1', summary: 'edited policy alert' }]) })).statusCode, 202);
    const running = await escalationOf('edited policy alert');
    assert.deepEqual(running.pages.map((p) => p.userId), [first.user.id], 'step 1 paged at intake');

    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/escalation-policies/${policyId}`,
      headers: admin.auth,
      payload: { steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: newcomer.user.id }] }] },
    });
    assert.equal(edit.statusCode, 200, edit.body);

    await until('step 2 of the running escalation', async () => (await escalationOf('edited policy alert')).status === 'exhausted');
    const done = await escalationOf('edited policy alert');
    assert.deepEqual(done.pages.map((p) => [p.userId, p.step]), [[first.user.id, 0], [second.user.id, 1]]);
    assert.equal((await t.ctx.store.db.selectFrom('pages').select('id').where('user_id', '=', newcomer.user.id).execute()).length, 0, 'the newcomer of the edited policy is never paged');
  });

  test('a resolved alert resolves its group and stops the escalation: the next step never pages', async () => {
    const [first, second] = [await t.user('responder'), await t.user('responder')];
    const { key } = await service('resolved mid-way', first.user.id, second.user.id, 2);
    const fire = amBody([{ fingerprint: 'resolve-1', summary: 'resolved alert' }]);
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: fire })).statusCode, 202);
    const running = await escalationOf('resolved alert');
    assert.equal(running.status, 'active');

    const resolve = amBody([{ fingerprint: 'resolve-1', summary: 'resolved alert', status: 'resolved' }]);
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: resolve })).statusCode, 202);
    const stopped = await escalationOf('resolved alert');
    assert.equal(stopped.status, 'resolved');
    assert.equal(stopped.nextStep, null);

    await until('step 2 to come due and find nothing to do', async () => (await findJob(t.ctx.store.db, `oncall.escalation-step:${running.id}:0:1`))?.status === 'done');
    assert.deepEqual((await escalationOf('resolved alert')).pages.map((p) => p.userId), [first.user.id]);
    assert.equal(smtp.mails.filter((m) => m.to.includes(second.user.email)).length, 0);
  });

  test('the escalate-now link: its GET shows a confirmation and changes nothing; its POST pages the next step at once', async () => {
    const [first, second] = [await t.user('responder'), await t.user('responder')];
    // Step 2 is an hour away: only the link can bring it forward within this test.
    const { key } = await service('escalated by link', first.user.id, second.user.id, 3600);
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'now-1', summary: 'escalate me' }]) })).statusCode, 202);
    const mail = await until('the first page', async () => smtp.mails.find((m) => m.to.includes(first.user.email) && /escalate me/.test(m.subject)));
    const link = linkIn(mail.text, 'Escalate now');

    const get = await t.app.inject({ method: 'GET', url: link });
    assert.equal(get.statusCode, 200);
    assert.match(get.body, /<form method="post"><button type="submit">Escalate now<\/button>/);
    const untouched = await escalationOf('escalate me');
    assert.deepEqual({ status: untouched.status, step: untouched.nextStep?.step, pages: untouched.pages.length }, { status: 'active', step: 1, pages: 1 });

    const post = await t.app.inject({ method: 'POST', url: link, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(post.statusCode, 200, post.body);
    // Paged in the POST's own transaction: no waiting for the step's due time or a worker.
    const escalated = await escalationOf('escalate me');
    assert.deepEqual(escalated.pages.map((p) => [p.userId, p.step]), [[first.user.id, 0], [second.user.id, 1]]);
    assert.equal(escalated.status, 'exhausted');
    await until('the page to the second person', async () => smtp.mails.find((m) => m.to.includes(second.user.email) && /escalate me/.test(m.subject)));
    assert.equal((await t.app.inject({ method: 'POST', url: link })).statusCode, 409, 'the link is single-use');
  });
});
