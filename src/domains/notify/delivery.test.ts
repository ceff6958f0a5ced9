import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { findJob } from '../../jobs/store.js';
import { enqueueNotification, enqueueWebhook, getDelivery, type DeliveryView } from './service.js';
import { NO_SMTP_DETAIL } from './delivery.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './signing.js';
import { startHttpPeer, startSmtpPeer, type HttpPeer, type SmtpPeer } from './testing.js';
import { until } from '../../testing/until.js';

/** Polls until the delivery leaves `queued` (or reaches `status`). */
async function settled(t: TestApp, id: string, status?: DeliveryView['status'], timeoutMs = 10_000): Promise<DeliveryView> {
  return until(`delivery ${id} ${status ? `to be ${status}` : 'to leave queued'}`, async () => {
    const delivery = await getDelivery(t.ctx.store.db, id);
    return (status ? delivery.status === status : delivery.status !== 'queued') && delivery;
  }, timeoutMs);
}

describeEachStore('the notification outbox', (fixture) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let http: HttpPeer;
  before(async () => {
    smtp = await startSmtpPeer();
    http = await startHttpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, smtpFrom: 'Firebreak <firebreak@example.test>' } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await http.close();
  });

  test('a notification to a user reaches the SMTP server with their address, the subject and the text', async () => {
    const { user } = await t.user('responder', 'dana@example.test');
    const id = await t.ctx.store.transaction((trx) =>
      enqueueNotification(trx, t.ctx.jobs, {
        recipientUserId: user.id,
        subject: 'INC-7: update due',
        text: 'The next update for INC-7 was due at 14:30.\nPost one now.',
        reason: 'incident.update_due',
        incidentId: 'inc-7',
      }),
    );
    const delivery = await settled(t, id);
    assert.equal(delivery.status, 'sent');
    const [mail] = await smtp.waitForMails(1);
    assert.deepEqual(mail!.to, ['dana@example.test']);
    assert.equal(mail!.from, 'firebreak@example.test');
    assert.equal(mail!.subject, 'INC-7: update due');
    assert.equal(mail!.text, 'The next update for INC-7 was due at 14:30.\nPost one now.');
    assert.equal(delivery.attempts.length, 1);
    assert.equal(delivery.attempts[0]!.outcome, 'sent');
    assert.match(delivery.attempts[0]!.detail, /^250/);
    assert.equal(delivery.recipientUserId, user.id);
    assert.ok(delivery.sentAt);
  });

  test('a recipient the SMTP server refuses with 550 fails at once with its answer recorded', async () => {
    const { user } = await t.user('responder', 'nobody-here@example.test');
    await smtp.close();
    smtp = await startSmtpPeer({ reject: /^nobody-here@/ });
    await t.close();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, smtpFrom: 'Firebreak <firebreak@example.test>' } });
    await t.startWorker();
    const id = await t.ctx.store.transaction((trx) => enqueueNotification(trx, t.ctx.jobs, { recipientUserId: user.id, subject: 's', text: 't', reason: 'test.550' }));
    const delivery = await settled(t, id);
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.attempts.length, 1);
    assert.match(delivery.attempts[0]!.detail, /550/);
    assert.equal(smtp.mails.length, 0);
  });

  test('a signed webhook carries a timestamp and an HMAC-SHA256 signature of the raw body that the receiver can verify', async () => {
    const before = http.requests.length;
    const id = await t.ctx.store.transaction((trx) =>
      enqueueWebhook(trx, t.ctx.jobs, { url: `${http.url}/hooks/firebreak`, secret: 's3cret-key', payload: { event: 'incident.declared', ref: 'INC-8' }, reason: 'webhook.incident' }),
    );
    const delivery = await settled(t, id);
    assert.equal(delivery.status, 'sent');
    const request = (await http.waitForRequests(before + 1))[before]!;
    assert.equal(request.path, '/hooks/firebreak');
    assert.deepEqual(JSON.parse(request.body), { event: 'incident.declared', ref: 'INC-8' });
    const timestamp = request.headers[TIMESTAMP_HEADER] as string;
    const signature = request.headers[SIGNATURE_HEADER] as string;
    assert.match(signature, /^sha256=[0-9a-f]{64}$/);
    assert.ok(verifyWebhookSignature('s3cret-key', timestamp, request.body, signature));
    assert.equal(verifyWebhookSignature('another-key', timestamp, request.body, signature), false);
    assert.equal(verifyWebhookSignature('s3cret-key', timestamp, `${request.body} `, signature), false);
    assert.equal(delivery.attempts[0]!.detail, 'HTTP 204');
    assert.equal(delivery.signed, true);
  });

  test('a Slack-compatible webhook posts {"text": ...} without a signature', async () => {
    const before = http.requests.length;
    const id = await t.ctx.store.transaction((trx) =>
      enqueueWebhook(trx, t.ctx.jobs, { url: `${http.url}/services/T000/B000/XXXX`, channel: 'slack', payload: { text: 'INC-9 declared: checkout errors' }, reason: 'slack.incident' }),
    );
    assert.equal((await settled(t, id)).status, 'sent');
    const request = (await http.waitForRequests(before + 1))[before]!;
    assert.deepEqual(JSON.parse(request.body), { text: 'INC-9 declared: checkout errors' });
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers[SIGNATURE_HEADER], undefined);
  });

  test('a failing peer is retried with every attempt recorded until it succeeds', async () => {
    const flaky = await startHttpPeer((n) => (n < 2 ? 503 : 200));
    try {
      const id = await t.ctx.store.transaction((trx) =>
        enqueueWebhook(trx, t.ctx.jobs, { url: `${flaky.url}/hook`, secret: 'k', payload: { n: 1 }, reason: 'test.retry' }),
      );
      const delivery = await settled(t, id, 'sent');
      assert.deepEqual(delivery.attempts.map((a) => [a.attempt, a.outcome]), [[1, 'failed'], [2, 'failed'], [3, 'sent']]);
      assert.match(delivery.attempts[0]!.detail, /^HTTP 503/);
      assert.equal(flaky.requests.length, 3);
      // Each retry is signed afresh, so every request verifies.
      for (const r of flaky.requests) assert.ok(verifyWebhookSignature('k', r.headers[TIMESTAMP_HEADER] as string, r.body, r.headers[SIGNATURE_HEADER] as string));
    } finally {
      await flaky.close();
    }
  });

  test('a 4xx answer other than 408 and 429 fails the delivery at once without retrying', async () => {
    const refusing = await startHttpPeer(() => 410);
    try {
      const id = await t.ctx.store.transaction((trx) => enqueueWebhook(trx, t.ctx.jobs, { url: `${refusing.url}/gone`, payload: { n: 1 }, reason: 'test.permanent' }));
      const delivery = await settled(t, id);
      assert.equal(delivery.status, 'failed');
      assert.match(delivery.statusDetail ?? '', /HTTP 410/);
      assert.equal(delivery.attempts.length, 1);
      // Once its job is dead nothing can send it again: only then is "one request" the final count.
      await until('the delivery job to end dead', async () => (await findJob(t.ctx.store.db, `notify.deliver:${id}`))?.status === 'dead', 5000);
      assert.equal(refusing.requests.length, 1);
    } finally {
      await refusing.close();
    }
  });

  test('429 Too Many Requests is retried', async () => {
    const limited = await startHttpPeer((n) => (n === 0 ? 429 : 204));
    try {
      const id = await t.ctx.store.transaction((trx) => enqueueWebhook(trx, t.ctx.jobs, { url: `${limited.url}/x`, payload: { n: 1 }, reason: 'test.429' }));
      const delivery = await settled(t, id, 'sent');
      assert.deepEqual(delivery.attempts.map((a) => a.outcome), ['failed', 'sent']);
    } finally {
      await limited.close();
    }
  });

  test('an unreachable peer is retried (connection refused is not permanent)', async () => {
    const gone = await startHttpPeer();
    const url = gone.url;
    await gone.close();
    const id = await t.ctx.store.transaction((trx) => enqueueWebhook(trx, t.ctx.jobs, { url: `${url}/x`, payload: { n: 1 }, reason: 'test.refused' }));
    const delivery = await until('a retry', async () => {
      const d = await getDelivery(t.ctx.store.db, id);
      return d.attempts.length >= 2 && d;
    }, 10_000);
    assert.equal(delivery.attempts[0]!.outcome, 'failed');
    assert.notEqual(delivery.status, 'failed');
  });

  test('a delivery written in a transaction that rolls back leaves no row and no job', async () => {
    const { user } = await t.user('responder');
    let id = '';
    await assert.rejects(
      t.ctx.store.transaction(async (trx) => {
        id = await enqueueNotification(trx, t.ctx.jobs, { recipientUserId: user.id, subject: 's', text: 't', reason: 'test.rollback' });
        throw new Error('the change that caused it failed');
      }),
      /caused it failed/,
    );
    await assert.rejects(getDelivery(t.ctx.store.db, id), /not found/);
    assert.equal(await findJob(t.ctx.store.db, `notify.deliver:${id}`), undefined);
  });

  test('a notification to a disabled user is recorded as skipped and never sent', async () => {
    const { user } = await t.user('responder');
    await t.ctx.store.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    const id = await t.ctx.store.transaction((trx) => enqueueNotification(trx, t.ctx.jobs, { recipientUserId: user.id, subject: 's', text: 't', reason: 'test.disabled' }));
    const delivery = await getDelivery(t.ctx.store.db, id);
    assert.equal(delivery.status, 'skipped');
    assert.match(delivery.statusDetail ?? '', /disabled/);
    assert.equal(await findJob(t.ctx.store.db, `notify.deliver:${id}`), undefined);
  });

  test('a webhook URL that is not http(s) is refused naming the field', async () => {
    await assert.rejects(
      t.ctx.store.transaction((trx) => enqueueWebhook(trx, t.ctx.jobs, { url: 'file:///etc/passwd', payload: {}, reason: 'x' })),
      (err: Error & { errors?: Array<{ field: string }> }) => err.errors?.[0]?.field === 'url',
    );
  });
});

describeEachStore('the notification outbox without an SMTP server', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
    await t.startWorker();
  });
  after(async () => {
    await t.close();
  });

  test('email is marked skipped with the reason recorded, once, instead of retrying', async () => {
    const { user } = await t.user('responder');
    const id = await t.ctx.store.transaction((trx) => enqueueNotification(trx, t.ctx.jobs, { recipientUserId: user.id, subject: 's', text: 't', reason: 'test.no-smtp' }));
    const delivery = await settled(t, id);
    assert.equal(delivery.status, 'skipped');
    assert.equal(delivery.statusDetail, NO_SMTP_DETAIL);
    assert.deepEqual(delivery.attempts.map((a) => a.outcome), ['skipped']);
    const job = await until('the delivery job to be done', async () => {
      const j = await findJob(t.ctx.store.db, `notify.deliver:${id}`);
      return j?.status === 'done' && j;
    }, 5000);
    assert.equal(job.status, 'done');
    assert.equal(job?.attempts, 1);
  });
});
