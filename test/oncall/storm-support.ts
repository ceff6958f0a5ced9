/** Shared by the two-worker paging tests: worker processes, the storm of alert groups, and the counts. */
import assert from 'node:assert/strict';
import { TEST_OUTBOUND_ALLOW } from '../../src/testing/outbound.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestApp } from '../../src/app/testing.js';
import type { StoreFixture } from '../../src/db/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { ROOT } from '../support/process.js';
import { until as waitUntil } from '../../src/testing/until.js';

const WORKER = path.join(ROOT, 'dist', 'test', 'support', 'job-worker.js');
// The issue's 1,000 groups (PAGING_TEST_GROUPS overrides it for a quick run).
export const GROUPS = Number(process.env.PAGING_TEST_GROUPS ?? 1000);

/** Waits on a heavy probe (counts over thousands of rows): every 100 ms, up to 280 s. */
export const until = (what: string, condition: () => Promise<boolean>, timeoutMs = 280_000) => waitUntil(what, condition, timeoutMs, 100);

export async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER], { env: { ...process.env, FIREBREAK_LOG_LEVEL: 'error', FIREBREAK_OUTBOUND_ALLOW: TEST_OUTBOUND_ALLOW, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('worker ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
  });
  return child;
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/**
 * Four services, each with its own three-step policy over its own three
 * people, and GROUPS alert groups spread over them (a storm across teams).
 */
export async function seedStorm(t: TestApp, tag: string): Promise<string[]> {
  const admin = await t.user('admin');
  const services: Array<{ id: string; key: string }> = [];
  for (let s = 0; s < 4; s++) {
    const users = [await t.user('responder'), await t.user('responder'), await t.user('responder')];
    const policy = await t.app.inject({
      method: 'POST',
      url: '/api/v1/escalation-policies',
      headers: admin.auth,
      payload: { name: `three steps ${tag}${s}`, steps: users.map((u, i) => ({ delaySeconds: i === 0 ? 0 : 1, targets: [{ type: 'user', id: u.user.id }] })) },
    });
    assert.equal(policy.statusCode, 201, policy.body);
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name: `storm-${tag}${s}`, escalationPolicyId: policy.json().id, groupBy: ['alertname'] } });
    assert.equal(service.statusCode, 201, service.body);
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: `am-${tag}${s}` } });
    assert.equal(integration.statusCode, 201, integration.body);
    services.push({ id: service.json().id, key: integration.json().key });
  }
  // Alertmanager batches of 50 alerts, each alert its own group (distinct alertname).
  for (let i = 0; i < GROUPS; i += 50) {
    const target = services[(i / 50) % services.length]!;
    const body = amBody(Array.from({ length: Math.min(50, GROUPS - i) }, (_, j) => ({ fingerprint: `${tag}-${i + j}`, labels: { alertname: `A${i + j}` } })));
    const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${target.key}`, payload: body });
    assert.equal(res.statusCode, 202, res.body);
  }
  return services.map((s) => s.id);
}

/** Pages of the services' escalations, and the page deliveries naming those services (one per page: these people have only their account email). */
export async function pageCounts(fixture: StoreFixture, serviceIds: string[], tag: string): Promise<{ pages: number; deliveries: number; sent: number }> {
  const pages = await sql<{ n: string }>`select count(*) as n from pages p join escalations e on e.id = p.escalation_id where e.service_id in (${sql.join(serviceIds)})`.execute(fixture.store.db);
  const deliveries = await sql<{ n: string; sent: string | null }>`select count(*) as n, sum(case when status = 'sent' then 1 else 0 end) as sent from deliveries where reason = 'oncall.page' and body_text like ${`%Service: storm-${tag}%`}`.execute(fixture.store.db);
  return { pages: Number(pages.rows[0]!.n), deliveries: Number(deliveries.rows[0]!.n), sent: Number(deliveries.rows[0]!.sent ?? 0) };
}

export async function exhausted(fixture: StoreFixture, serviceIds: string[]): Promise<number> {
  const rows = await sql<{ n: string }>`select count(*) as n from escalations where service_id in (${sql.join(serviceIds)}) and status = 'exhausted'`.execute(fixture.store.db);
  return Number(rows.rows[0]!.n);
}

