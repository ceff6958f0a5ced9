/**
 * Two workers and one delivery: the first stalls mid-send past its lease, the
 * second retries and sends. Whatever the stalled one then hears from the
 * receiver, the delivery keeps the outcome of the attempt that owns it.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { findJob } from '../../jobs/store.js';
import { JobWorker, type AttemptOutcome } from '../../jobs/worker.js';
import { enqueueWebhook, getDelivery } from './service.js';
import { notifyJobs } from './jobs.js';
import { until } from '../../testing/until.js';

/** A webhook receiver that holds the first request until the test answers it, and answers the others 200 at once. */
async function startStallingReceiver(): Promise<{ url: string; held: Promise<(status: number) => void>; answered: number; close(): Promise<void> }> {
  let release!: (answer: (status: number) => void) => void;
  const held = new Promise<(status: number) => void>((resolve) => (release = resolve));
  const state = { answered: 0, first: true };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      if (state.first) {
        state.first = false;
        release((status) => res.writeHead(status).end(`status ${status}`));
        return;
      }
      state.answered++;
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    held,
    get answered() {
      return state.answered;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describeEachStore('a stale worker cannot overwrite a delivery', (fixture) => {
  let t: TestApp;
  const workers: JobWorker[] = [];

  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    for (const w of workers) await w.stop();
    await t.close();
  });

  async function startWorker(outcomes: AttemptOutcome[], concurrency = 2): Promise<JobWorker> {
    // A long lease: the first worker never renews during the test; the test expires its lease instead, as a stall would.
    const worker = new JobWorker(t.ctx.config, t.ctx.store, t.ctx.bus, t.ctx.jobs, t.ctx.logger, { concurrency, leaseMs: 60_000, retryBaseMs: 50 }, notifyJobs, {
      onAttempt: (kind, outcome) => kind === 'notify.deliver' && outcomes.push(outcome),
    });
    await worker.start();
    workers.push(worker);
    return worker;
  }

  for (const late of [
    { status: 400, what: 'a permanent failure' },
    { status: 200, what: 'a success' },
  ]) {
    test(`the stalled worker's late ${late.what} leaves the retry's sent delivery as it was, and its attempt is reported lost`, async () => {
      const receiver = await startStallingReceiver();
      const first: AttemptOutcome[] = [];
      const second: AttemptOutcome[] = [];
      try {
        // One slot, held by the stalled send: the stalled worker cannot also claim the retry itself.
        await startWorker(first, 1);
        const id = await t.ctx.store.transaction((trx) => enqueueWebhook(trx, t.ctx.jobs, { url: receiver.url, payload: { late: late.status }, reason: 'test.stale' }));
        const answerStalled = await receiver.held;
        // The first worker is stuck in the send; its lease runs out.
        await t.ctx.store.db.updateTable('jobs').set({ lease_until: '2000-01-01T00:00:00.000Z' }).where('idempotency_key', '=', `notify.deliver:${id}`).execute();
        const rescuer = await startWorker(second);
        await until('the retry to send', async () => (await getDelivery(t.ctx.store.db, id)).status === 'sent');
        await until("the retry's outcome", () => second.length > 0);
        const sent = await getDelivery(t.ctx.store.db, id);
        const job = await findJob(t.ctx.store.db, `notify.deliver:${id}`);
        assert.equal(job?.status, 'done');
        assert.equal(job?.attempts, 2);
        assert.equal(job?.locked_by, rescuer.id);

        answerStalled(late.status);
        await until("the stalled worker's outcome", () => first.length > 0);
        assert.deepEqual(first, ['lost']);
        assert.deepEqual(second, ['done']);
        const final = await getDelivery(t.ctx.store.db, id);
        assert.equal(final.status, 'sent');
        assert.equal(final.statusDetail, null);
        assert.equal(final.sentAt, sent.sentAt, 'sent_at is the retry’s');
        assert.deepEqual(
          final.attempts.map((a) => [a.attempt, a.outcome]),
          [
            [1, late.status === 200 ? 'sent' : 'failed'],
            [2, 'sent'],
          ],
          'both attempts are on record',
        );
        const afterAll = await findJob(t.ctx.store.db, `notify.deliver:${id}`);
        assert.equal(afterAll?.status, 'done');
        assert.equal(afterAll?.last_error, null);
        assert.equal(receiver.answered, 1);
      } finally {
        for (const w of workers.splice(0)) await w.stop();
        await receiver.close();
      }
    });
  }
});
