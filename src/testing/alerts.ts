/** Small factories for alert tests: services, integrations, Alertmanager-shaped bodies, and the captured fixtures. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestApp } from '../app/testing.js';
import { intakeSettled } from '../domains/alerts/intake-journal.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The captured Alertmanager 0.25 webhooks in test/fixtures/alertmanager, in the order they were sent. */
export function alertmanagerFixtures(): Array<{ name: string; body: Record<string, unknown> }> {
  const dir = path.resolve(ROOT, 'test/fixtures/alertmanager');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, body: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown> }));
}

export async function createService(t: TestApp, auth: { authorization: string }, name: string, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: auth, payload: { name, ...extra } });
  if (res.statusCode !== 201) throw new Error(`creating service ${name}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function createIntegration(
  t: TestApp,
  auth: { authorization: string },
  serviceId: string,
  kind: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; key: string }> {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/services/${serviceId}/integrations`, headers: auth, payload: { kind, name: `${kind} ${serviceId.slice(0, 6)}`, ...extra } });
  if (res.statusCode !== 201) throw new Error(`creating integration: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An Alertmanager webhook v4 body with the given alerts. */
export function amBody(alerts: Array<{ fingerprint: string; status?: 'firing' | 'resolved'; labels?: Record<string, string>; summary?: string }>): Record<string, unknown> {
  return {
    receiver: 'firebreak',
    status: alerts.some((a) => (a.status ?? 'firing') === 'firing') ? 'firing' : 'resolved',
    alerts: alerts.map((a) => ({
      status: a.status ?? 'firing',
      labels: { alertname: 'TestAlert', severity: 'warning', ...a.labels },
      annotations: { summary: a.summary ?? `alert ${a.fingerprint}` },
      startsAt: '2026-11-23T14:05:10Z',
      endsAt: a.status === 'resolved' ? '2026-11-23T14:06:13Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example:9090/graph',
      fingerprint: a.fingerprint,
    })),
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    version: '4',
    groupKey: '{}:{}',
    truncatedAlerts: 0,
  };
}

/** Waits until intake has applied every request answered so far (the intake journal), as alert reads do. */
export function settled(t: TestApp): Promise<void> {
  return intakeSettled(t.ctx);
}

/** Rows of a table once intake has applied every request answered so far. */
export async function countRows(t: TestApp, table: 'alerts' | 'alert_groups' | 'alert_events' | 'alert_payloads' | 'audit_log'): Promise<number> {
  await settled(t);
  const row = await t.ctx.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A file of test/fixtures/opsgenie as JSON. */
export function opsgenieFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.resolve(ROOT, 'test/fixtures/opsgenie', name), 'utf8')) as Record<string, unknown>;
}
