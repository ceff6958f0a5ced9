import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { amBody, settled } from '../../testing/alerts.js';
import { startSmtpPeer, type SmtpPeer } from '../notify/testing.js';
import { DELIVERY_HEADER } from '../notify/signing.js';
import { until as waitUntil } from '../../testing/until.js';

const PER_MINUTE = 5;

function deliveryIdOf(raw: string): string {
  const match = new RegExp(`^${DELIVERY_HEADER}:\\s*(\\S+)`, 'im').exec(raw);
  assert.ok(match, 'every mail names its delivery');
  return match[1]!;
}

/** The storm's probes count thousands of rows: every 100 ms, up to 150 s. */
const until = (what: string, condition: () => Promise<boolean>) => waitUntil(what, condition, 150_000, 100);

describeEachStore('page flood protection', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;

  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, pagesPerMinute: PER_MINUTE, alertFlapChanges: 2, intakeMaxAlertsPerRequest: 1000 } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  async function onCallService(name: string): Promise<{ key: string; user: { id: string; email: string } }> {
    const admin = await t.user('admin');
    const oncall = await t.user('responder');
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name, steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: oncall.user.id }] }] } });
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name, escalationPolicyId: policy.json().id, groupBy: ['alertname'] } });
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name } });
    return { key: integration.json().key, user: oncall.user };
  }

  test('a storm of 10,000 alerts in 500 groups pages the on-call person at most N a minute; every group is in a page or a digest', async () => {
    const { key, user } = await onCallService('checkout-api');
    for (let batch = 0; batch < 10; batch++) {
      // 1,000 alerts per request: 50 groups (alertname) × 20 alerts (instance).
      const alerts = Array.from({ length: 1000 }, (_, i) => ({ fingerprint: `b${batch}-${i}`, labels: { alertname: `Alert${batch * 50 + (i % 50)}`, instance: `i${Math.floor(i / 50)}` } }));
      const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody(alerts) });
      assert.equal(res.statusCode, 202, res.body);
    }
    const pagesOf = () => t.ctx.store.db.selectFrom('pages').selectAll().where('user_id', '=', user.id).execute();
    await until('one page per group', async () => (await pagesOf()).length === 500);
    await until('every folded page to be in a digest', async () => (await pagesOf()).every((p) => p.status !== 'folded'));

    const pages = await pagesOf();
    const groups = await t.ctx.store.db.selectFrom('alert_groups').select('id').execute();
    assert.equal(groups.length, 500);
    const escalations = await t.ctx.store.db.selectFrom('escalations').select(['id', 'alert_group_id']).execute();
    const paged = new Set(pages.map((p) => escalations.find((e) => e.id === p.escalation_id)!.alert_group_id));
    assert.equal(paged.size, 500, 'every group is in some page or digest');

    const sent = pages.filter((p) => p.status === 'sent').map((p) => Date.parse(p.created_at)).sort((a, b) => a - b);
    for (const at of sent) assert.ok(sent.filter((s) => s > at - 60_000 && s <= at).length <= PER_MINUTE, 'at most N pages in any minute');
    const digested = pages.filter((p) => p.status === 'digested');
    assert.equal(sent.length + digested.length, 500);
    const digestIds = new Set(digested.map((p) => p.digest_id));
    // Deliveries are at least once (a send retried after a lost lease can repeat): count distinct deliveries.
    const userMails = () => {
      const byDelivery = new Map<string, (typeof smtp.mails)[number]>();
      for (const m of smtp.mails) if (m.to.includes(user.email)) byDelivery.set(deliveryIdOf(m.raw), m);
      return [...byDelivery.values()];
    };
    await until('the page and digest mails', async () => userMails().length >= sent.length + digestIds.size);
    const mails = userMails();
    assert.equal(mails.length, sent.length + digestIds.size, 'one delivery per page sent plus one per digest');
    const digests = mails.filter((m) => /more alert groups? on checkout-api/.test(m.subject));
    assert.equal(digests.length, digestIds.size);
    const folded = digests.reduce((n, m) => n + Number(/(\d+) more alert group/.exec(m.subject)![1]), 0);
    assert.equal(folded, digested.length, 'the digests count every folded group');
  });

  test('a flapping alert never pages again', async () => {
    const { key, user } = await onCallService('flappy');
    const send = async (status: 'firing' | 'resolved') => {
      const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint: 'flap', status, labels: { alertname: 'Flap' } }]) });
      assert.equal(res.statusCode, 202, res.body);
    };
    await send('firing');
    await until('the first page', async () => (await t.ctx.store.db.selectFrom('pages').select('id').where('user_id', '=', user.id).execute()).length === 1);
    for (let i = 0; i < 3; i++) {
      await send('resolved');
      await send('firing');
    }
    // Intake answers once the alerts are journaled: read the tables after the journal is applied.
    await settled(t);
    const alert = await t.ctx.store.db.selectFrom('alerts').select(['flapping', 'group_id']).where('dedup_key', '=', 'flap').executeTakeFirstOrThrow();
    assert.equal(alert.flapping, 1);
    const escalations = await t.ctx.store.db.selectFrom('escalations').select('id').where('service_id', '=', (await t.ctx.store.db.selectFrom('alerts').select('service_id').where('dedup_key', '=', 'flap').executeTakeFirstOrThrow()).service_id).execute();
    assert.equal(escalations.length, 1, 'no new escalation for the flapping alert');
    assert.equal((await t.ctx.store.db.selectFrom('pages').select('id').where('user_id', '=', user.id).execute()).length, 1);
  });
});
