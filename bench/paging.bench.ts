/**
 * Paging latency: (1) an alert sent to intake → its page delivered to the
 * SMTP peer, p50/p99 over 1,000 alerts (each its own alert group) sent at a
 * steady rate, one in-process worker woken by the commit (no polling);
 * (2) how late an escalation step fires after its due time while 10,000
 * other jobs are scheduled.
 *
 *   node dist/bench/paging.bench.js [--alerts 1000] [--rate 20]
 *
 * PostgreSQL runs when FIREBREAK_TEST_DATABASE_URL (or CI) names a server.
 */
import { createTestApp, type TestApp } from '../src/app/testing.js';
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import type { DialectName } from '../src/db/dialect.js';
import { amBody } from '../src/testing/alerts.js';
import { startSmtpPeer, type SmtpPeer } from '../src/domains/notify/testing.js';
import { createJobTestTable, recordRunJob } from '../src/jobs/testing.js';
import { table } from './support.js';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const ALERTS = arg('--alerts', 1000);
const RATE = arg('--rate', 20);
const OTHER_JOBS = 10_000;
const STEPS_MEASURED = 20;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function onCallService(t: TestApp, name: string, steps: number[], people: string[]): Promise<string> {
  const admin = await t.user('admin');
  const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name, steps: steps.map((delaySeconds, i) => ({ delaySeconds, targets: [{ type: 'user', id: people[i] }] })) } });
  const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name, escalationPolicyId: policy.json().id, groupBy: ['alertname'] } });
  const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name } });
  return integration.json().key as string;
}

/** Records when each page mail arrives (the peer wakes its waiters on every message). */
function watchArrivals(smtp: SmtpPeer, count: number): Promise<Map<string, number>> {
  return (async () => {
    const arrived = new Map<string, number>();
    let seen = 0;
    const deadline = Date.now() + 900_000;
    while (arrived.size < count && Date.now() < deadline) {
      await smtp.waitForMails(seen + 1, 900_000);
      const now = Date.now();
      for (; seen < smtp.mails.length; seen++) {
        const summary = /PAGE: (bench alert \d+)/.exec(smtp.mails[seen]!.subject)?.[1];
        if (summary && !arrived.has(summary)) arrived.set(summary, now);
      }
    }
    return arrived;
  })();
}

async function run(dialect: DialectName): Promise<Array<Array<string | number>>> {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  const smtp = await startSmtpPeer();
  const t = await createTestApp(store, { config: { smtpUrl: smtp.url, pagesPerMinute: 1000 } });
  try {
    const oncall = await t.user('responder');
    const second = await t.user('responder');
    const latencyKey = await onCallService(t, 'bench-latency', [0], [oncall.user.id]);
    const stepKey = await onCallService(t, 'bench-steps', [0, 2], [oncall.user.id, second.user.id]);
    await t.startWorker();

    // (1) Accepted → delivered, at a steady rate, each alert a new group.
    const arrivals = watchArrivals(smtp, ALERTS);
    const accepted = new Map<string, number>();
    const start = Date.now();
    for (let i = 0; i < ALERTS; i++) {
      const wait = start + (i * 1000) / RATE - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const summary = `bench alert ${i}`;
      // Timed from the moment the alert is sent: the intake itself counts, and a page that lands before the 202 is read still counts as positive.
      accepted.set(summary, Date.now());
      const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${latencyKey}`, payload: amBody([{ fingerprint: `b${i}`, summary, labels: { alertname: `Bench${i}` } }]) });
      if (res.statusCode !== 202) throw new Error(`intake answered ${res.statusCode}`);
    }
    const arrived = await arrivals;
    const latencies = [...accepted].filter(([s]) => arrived.has(s)).map(([s, at]) => arrived.get(s)! - at);

    // (2) Step lag with 10,000 other jobs waiting in the queue.
    await createJobTestTable(store);
    for (let i = 0; i < OTHER_JOBS; i += 500) {
      await store.transaction(async (trx) => {
        for (let j = i; j < i + 500; j++) await t.ctx.jobs.schedule(trx, recordRunJob, { key: `other-${j}` }, { key: `other-${j}`, runAt: new Date(Date.now() + 3_600_000) });
      });
    }
    for (let i = 0; i < STEPS_MEASURED; i++) {
      await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${stepKey}`, payload: amBody([{ fingerprint: `s${i}`, summary: `step alert ${i}`, labels: { alertname: `Step${i}` } }]) });
    }
    const lags: number[] = [];
    const deadline = Date.now() + 120_000;
    while (lags.length < STEPS_MEASURED && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const pages = await store.db.selectFrom('pages').innerJoin('escalations', 'escalations.id', 'pages.escalation_id').select(['pages.escalation_id', 'pages.step', 'pages.created_at']).where('escalations.title', 'like', 'step alert %').execute();
      lags.length = 0;
      for (const p of pages.filter((x) => x.step === 1)) {
        const first = pages.find((x) => x.escalation_id === p.escalation_id && x.step === 0)!;
        lags.push(Date.parse(p.created_at) - (Date.parse(first.created_at) + 2000));
      }
    }
    return [
      [dialect, `alert sent → page at the SMTP peer (intake included), ${latencies.length} of ${ALERTS} alerts at ${RATE}/s`, `p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms`],
      [dialect, `escalation step fired after its due time, ${lags.length} steps, ${OTHER_JOBS.toLocaleString('en')} other jobs queued`, `p50 ${percentile(lags, 50)} ms, max ${Math.max(...lags)} ms`],
    ];
  } finally {
    await t.close();
    await smtp.close();
    await store.close();
    await scratch.drop();
  }
}

const rows = [...(await run('sqlite'))];
if (testPostgresUrl()) rows.push(...(await run('postgres')));
else rows.push(['postgres', 'skipped: FIREBREAK_TEST_DATABASE_URL is not set', '']);
process.stdout.write(table('Paging latency (bench/paging.bench.ts)', ['store', 'measure', 'value'], rows));
