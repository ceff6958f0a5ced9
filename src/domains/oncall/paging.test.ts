import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { findJob } from '../../jobs/store.js';
import { cliActor } from '../auth/identity.js';
import { startHttpPeer, startSmtpPeer, type HttpPeer, type SmtpPeer } from '../notify/testing.js';
import { amBody } from '../../testing/alerts.js';
import { createSchedule } from './schedule-service.js';
import { linkIn, until } from './paging-testing.js';
import { systemClock, TestClock, useClock } from '../../clock.js';

describeEachStore('paging end to end', (fixture) => {
  let smtp: SmtpPeer;
  let ntfy: HttpPeer;
  let twilio: HttpPeer;
  let t: TestApp;
  // Product time the test moves through escalation delays instead of waiting for them.
  const clock = new TestClock();

  before(async () => {
    useClock(clock);
    smtp = await startSmtpPeer();
    ntfy = await startHttpPeer(() => 200);
    // The Twilio-compatible API accepts verification texts and refuses pages, so a page's SMS fails and falls through.
    twilio = await startHttpPeer((_n, request) => (/verification/.test(decodeURIComponent(request.body)) ? 201 : 400));
    t = await createTestApp(fixture.store, {
      config: {
        smtpUrl: smtp.url,
        publicUrl: 'http://firebreak.test',
        twilioBaseUrl: twilio.url,
        twilioAccountSid: 'AC0123',
        twilioAuthToken: 'secret-token',
        twilioFromNumber: '+15550000',
        ntfyBaseUrl: ntfy.url,
      },
      clock,
    });
    await t.startWorker();
  });

  after(async () => {
    useClock(systemClock);
    await t.close();
    await smtp.close();
    await ntfy.close();
    await twilio.close();
  });

  test('an Alertmanager alert pages the on-call person; no acknowledgement pages the secondary; their link POST stops it; acknowledging only acknowledges, and the same page offers taking command in one action', async () => {
    const admin = await t.user('admin');
    const primary = await t.user('responder');
    const secondary = await t.user('responder');
    const manager = await t.user('responder');

    // The secondary verifies a push topic and a phone, and is reached by both at once.
    const push = await t.app.inject({ method: 'POST', url: `/api/v1/users/${secondary.user.id}/contact-methods`, headers: secondary.auth, payload: { kind: 'push', address: 'secondary-topic' } });
    assert.equal(push.statusCode, 201, push.body);
    const pushCode = /code is (\d{6})/.exec((JSON.parse((await ntfy.waitForRequests(1))[0]!.body) as { message: string }).message)![1]!;
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/contact-methods/${push.json().id}/verify`, headers: secondary.auth, payload: { code: pushCode === '000000' ? '000001' : '000000' } });
    assert.equal(wrong.statusCode, 400);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/contact-methods/${push.json().id}/verify`, headers: secondary.auth, payload: { code: pushCode } })).json().verified, true);
    const sms = await t.app.inject({ method: 'POST', url: `/api/v1/users/${secondary.user.id}/contact-methods`, headers: secondary.auth, payload: { kind: 'sms', address: '+15550123' } });
    assert.equal(sms.statusCode, 201, sms.body);
    const smsRequest = (await twilio.waitForRequests(1))[0]!;
    assert.equal(smsRequest.path, '/2010-04-01/Accounts/AC0123/Messages.json');
    assert.equal(smsRequest.headers.authorization, `Basic ${Buffer.from('AC0123:secret-token').toString('base64')}`);
    const form = new URLSearchParams(smsRequest.body);
    assert.equal(form.get('To'), '+15550123');
    const smsCode = /code is (\d{6})/.exec(form.get('Body')!)![1]!;
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/contact-methods/${sms.json().id}/verify`, headers: secondary.auth, payload: { code: smsCode } })).statusCode, 200);
    const rules = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${secondary.user.id}/notification-rules`,
      headers: secondary.auth,
      payload: { rules: [{ contactMethodId: push.json().id, delaySeconds: 0 }, { contactMethodId: sms.json().id, delaySeconds: 0 }] },
    });
    assert.equal(rules.statusCode, 200, rules.body);

    const schedule = await createSchedule(t.ctx.store, cliActor(), {
      name: `primary-${primary.user.id.slice(0, 6)}`,
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'weekly', start: '2026-01-05T09:00', length: { unit: 'weeks', count: 1 }, participants: [primary.user.id], restrictions: [] }],
    });
    const policy = await t.app.inject({
      method: 'POST',
      url: '/api/v1/escalation-policies',
      headers: admin.auth,
      payload: {
        name: `checkout ${primary.user.id.slice(0, 6)}`,
        steps: [
          { delaySeconds: 0, targets: [{ type: 'schedule', id: schedule.id }] },
          { delaySeconds: 300, targets: [{ type: 'user', id: secondary.user.id }] },
          { delaySeconds: 600, targets: [{ type: 'user', id: manager.user.id }] },
        ],
      },
    });
    assert.equal(policy.statusCode, 201, policy.body);
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name: `checkout-api-${primary.user.id.slice(0, 6)}`, escalationPolicyId: policy.json().id } });
    assert.equal(service.statusCode, 201, service.body);
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: 'prometheus' } });
    const mailsBefore = smtp.mails.length;

    const intake = await t.app.inject({
      method: 'POST',
      url: `/intake/alertmanager/${integration.json().key}`,
      payload: amBody([{ fingerprint: 'f1', labels: { severity: 'critical' }, summary: 'Checkout 5xx above 5%' }]),
    });
    assert.equal(intake.statusCode, 202, intake.body);

    const toPrimary = await until('the page to the on-call person', async () => smtp.mails.slice(mailsBefore).find((m) => m.to.includes(primary.user.email)));
    assert.match(toPrimary.subject, /PAGE INC-\d+: Checkout 5xx above 5%/);
    assert.match(toPrimary.text, /Escalation: checkout .*, step 1 of 3/);
    const escalation = await until('the escalation', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/escalations?limit=1', headers: admin.auth });
      return res.json().escalations[0] as { id: string; alertGroupId: string; incidentId: string } | undefined;
    });

    // No acknowledgement: step 2 pages the secondary (push, and email after the SMS fails) after its delay.
    assert.equal(smtp.mails.slice(mailsBefore).filter((m) => m.to.includes(secondary.user.email)).length, 0, 'not before its delay');
    clock.advance(300_000);
    const toSecondary = await until('the page to the secondary', async () => smtp.mails.slice(mailsBefore).find((m) => m.to.includes(secondary.user.email)));
    const pushPage = ntfy.requests.map((r) => JSON.parse(r.body) as { topic: string; title: string; actions: Array<{ url: string; method: string }> }).find((b) => /PAGE/.test(b.title));
    assert.ok(pushPage, 'the secondary got a push');
    assert.equal(pushPage.topic, 'secondary-topic');
    assert.equal(pushPage.actions[0]!.method, 'POST');
    const pages = (await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalation.id}`, headers: admin.auth })).json().pages as Array<{ userId: string; at: string; step: number }>;
    const first = pages.find((p) => p.userId === primary.user.id)!;
    const second = pages.find((p) => p.userId === secondary.user.id)!;
    assert.ok(Date.parse(second.at) - Date.parse(first.at) >= 300_000, 'step 2 waited for its delay');
    const smsPage = await t.ctx.store.db.selectFrom('deliveries').selectAll().where('channel', '=', 'sms').where('reason', '=', 'oncall.page').executeTakeFirstOrThrow();
    assert.equal(smsPage.status, 'failed');

    // The GET shows a button and changes nothing.
    const ack = linkIn(toSecondary.text, 'Acknowledge');
    const get = await t.app.inject({ method: 'GET', url: ack });
    assert.equal(get.statusCode, 200);
    assert.match(get.body, /<form method="post"><button type="submit">Acknowledge<\/button>/);
    assert.match(get.body, /<form method="post" action="\?take=command"><button type="submit">Acknowledge and take command<\/button>/, 'nobody commands yet: taking command is offered');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalation.id}`, headers: admin.auth })).json().status, 'active');

    const post = await t.app.inject({ method: 'POST', url: ack, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(post.statusCode, 200, post.body);
    const stopped = (await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalation.id}`, headers: admin.auth })).json();
    assert.equal(stopped.status, 'acknowledged');
    assert.equal(stopped.acknowledgedBy, secondary.user.id);
    const group = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${escalation.alertGroupId}`, headers: admin.auth })).json();
    assert.equal(group.status, 'acknowledged');
    // Acknowledging only acknowledges: the secondary joined the incident, and nobody was made commander.
    const incident = await t.ctx.store.db.selectFrom('incidents').select('commander_id').where('id', '=', escalation.incidentId).executeTakeFirstOrThrow();
    assert.equal(incident.commander_id, null);
    const joined = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${escalation.incidentId}`, headers: admin.auth })).json() as { members: string[]; keyTimes: { acknowledgedAt: string | null } };
    assert.ok(joined.members.includes(secondary.user.id), 'the acknowledger joined the incident');
    assert.ok(joined.keyTimes.acknowledgedAt, 'the incident counts as acknowledged from then');

    // Step 3 comes due and finds the escalation stopped: the manager is never paged.
    clock.advance(600_000);
    await until('step 3 to come due and find nothing to do', async () => (await findJob(t.ctx.store.db, `oncall.escalation-step:${escalation.id}:0:2`))?.status === 'done');
    assert.equal(smtp.mails.filter((m) => m.to.includes(manager.user.email)).length, 0);
    assert.equal((await t.ctx.store.db.selectFrom('pages').select('id').where('user_id', '=', manager.user.id).execute()).length, 0);

    // The link was single-use.
    assert.equal((await t.app.inject({ method: 'POST', url: ack })).statusCode, 409);
  });
});
