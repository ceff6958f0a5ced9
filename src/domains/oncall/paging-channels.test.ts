/**
 * A page reaches every kind of contact method through a real peer on
 * loopback: a voice call through the Twilio-compatible API, a signed webhook,
 * and a Slack-compatible webhook, each verified with the code sent to it first.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../notify/signing.js';
import { startHttpPeer, type HttpPeer, type ReceivedRequest } from '../notify/testing.js';
import { until } from './paging-testing.js';

const SECRET = 'whsec-paging-channels-0123456789';

describeEachStore('paging through voice, webhook and Slack', (fixture) => {
  let twilio: HttpPeer;
  let hook: HttpPeer;
  let slack: HttpPeer;
  let t: TestApp;

  before(async () => {
    [twilio, hook, slack] = await Promise.all([startHttpPeer(() => 201), startHttpPeer(() => 204), startHttpPeer(() => 200)]);
    t = await createTestApp(fixture.store, {
      config: { publicUrl: 'http://firebreak.test', twilioBaseUrl: twilio.url, twilioAccountSid: 'AC77', twilioAuthToken: 'tok', twilioFromNumber: '+15550000', ntfyBaseUrl: twilio.url },
    });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await Promise.all([twilio.close(), hook.close(), slack.close()]);
  });

  /** Adds a method, reads the code its peer received, verifies it. */
  async function verified(person: Awaited<ReturnType<TestApp['user']>>, kind: string, address: string, peer: HttpPeer, code: (r: ReceivedRequest) => string, extra: Record<string, string> = {}): Promise<string> {
    const before = peer.requests.length;
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/users/${person.user.id}/contact-methods`, headers: person.auth, payload: { kind, address, ...extra } });
    assert.equal(added.statusCode, 201, added.body);
    const [request] = (await peer.waitForRequests(before + 1)).slice(before);
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/contact-methods/${added.json().id}/verify`, headers: person.auth, payload: { code: code(request!) } });
    assert.equal(ok.json().verified, true, ok.body);
    return added.json().id as string;
  }

  test('one page rings the phone, posts the signed webhook and the Slack message, each with the acknowledge link', async () => {
    const [lead, person] = [await t.user('responder'), await t.user('responder')];
    const voice = await verified(person, 'voice', '+15550177', twilio, (r) => /code is (\d{6})/.exec(new URLSearchParams(r.body).get('Twiml')!)![1]!);
    const webhook = await verified(person, 'webhook', `${hook.url}/pager`, hook, (r) => (JSON.parse(r.body) as { code: string }).code, { signingSecret: SECRET });
    const chat = await verified(person, 'slack', `${slack.url}/services/T0/B0/x`, slack, (r) => /code is (\d{6})/.exec((JSON.parse(r.body) as { text: string }).text)![1]!);
    const rules = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${person.user.id}/notification-rules`,
      headers: person.auth,
      payload: { rules: [voice, webhook, chat].map((contactMethodId) => ({ contactMethodId, delaySeconds: 0 })) },
    });
    assert.equal(rules.statusCode, 200, rules.body);
    const marks = { twilio: twilio.requests.length, hook: hook.requests.length, slack: slack.requests.length };

    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: lead.auth, payload: { title: 'Card auth failing', severity: 'SEV1' } })).json() as { ref: string };
    const paged = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/pages`, headers: lead.auth, payload: { userId: person.user.id, reason: 'capacity' } });
    assert.equal(paged.statusCode, 201, paged.body);

    const call = (await twilio.waitForRequests(marks.twilio + 1)).slice(marks.twilio)[0]!;
    assert.equal(call.path, '/2010-04-01/Accounts/AC77/Calls.json');
    assert.equal(call.headers.authorization, `Basic ${Buffer.from('AC77:tok').toString('base64')}`);
    const form = new URLSearchParams(call.body);
    assert.equal(form.get('To'), '+15550177');
    assert.match(form.get('Twiml')!, /^<Response><Say>Card auth failing[\s\S]*Acknowledge: http:\/\/firebreak\.test\/p\/[A-Za-z0-9_-]+[\s\S]*<\/Say><\/Response>$/);

    const posted = (await hook.waitForRequests(marks.hook + 1)).slice(marks.hook)[0]!;
    assert.equal(posted.path, '/pager');
    assert.ok(verifyWebhookSignature(SECRET, String(posted.headers[TIMESTAMP_HEADER]), posted.body, String(posted.headers[SIGNATURE_HEADER])), 'the webhook is signed with the method secret');
    const body = JSON.parse(posted.body) as { event: string; subject: string; text: string; links: Array<{ label: string; url: string }>; warRoom: string; pageId: string };
    assert.equal(body.event, 'oncall.page');
    assert.match(body.subject, new RegExp(`PAGE ${incident.ref}: Card auth failing`));
    assert.deepEqual(body.links.map((l) => l.label), ['Acknowledge', 'Resolve', 'Escalate']);
    assert.equal(body.warRoom, `http://firebreak.test/incidents/${incident.ref}`, "the page leads to the incident's war room");
    assert.match(body.text, new RegExp(`^War room: http://firebreak\\.test/incidents/${incident.ref}$`, 'm'));
    assert.ok(body.pageId);

    const message = (await slack.waitForRequests(marks.slack + 1)).slice(marks.slack)[0]!;
    assert.equal(message.path, '/services/T0/B0/x');
    assert.match((JSON.parse(message.body) as { text: string }).text, /PAGE .*Card auth failing[\s\S]*Reason: capacity[\s\S]*Acknowledge: http:\/\/firebreak\.test\/p\//);

    // Every attempt is recorded, each sent.
    const deliveries = await until('the three deliveries sent', async () => {
      const rows = await t.ctx.store.db.selectFrom('deliveries').select(['channel', 'status']).where('reason', '=', 'oncall.page').where('recipient_user_id', '=', person.user.id).execute();
      return rows.length === 3 && rows.every((r) => r.status === 'sent') ? rows : undefined;
    });
    assert.deepEqual(deliveries.map((d) => d.channel).sort(), ['slack', 'voice', 'webhook']);
  });
});
