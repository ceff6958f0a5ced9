/** Small factories for drill tests: an on-call chain behind a service with an Alertmanager integration, and drill bodies. */
import type { TestApp } from '../app/testing.js';
import { cliActor } from '../domains/auth/identity.js';
import { createSchedule } from '../domains/oncall/schedule-service.js';
import { amBody, createIntegration, createService } from './alerts.js';

/** Waits on a condition (the worker runs on its own time). */
export { until } from './until.js';

export interface PagedService {
  serviceId: string;
  integrationKey: string;
  onCall: { id: string; email: string; auth: { authorization: string } };
  admin: { authorization: string };
}

/** A service whose escalation policy pages the person on call in a weekly rotation, with an Alertmanager integration. */
export async function pagedService(t: TestApp, name: string): Promise<PagedService> {
  const admin = await t.user('admin');
  const onCall = await t.user('responder');
  const schedule = await createSchedule(t.ctx.store, cliActor(), {
    name: `${name}-rotation`,
    timeZone: 'Europe/Berlin',
    layers: [{ name: 'weekly', start: '2026-01-05T09:00', length: { unit: 'weeks', count: 1 }, participants: [onCall.user.id], restrictions: [] }],
  });
  const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: `${name}-policy`, steps: [{ delaySeconds: 0, targets: [{ type: 'schedule', id: schedule.id }] }] } });
  if (policy.statusCode !== 201) throw new Error(`policy: ${policy.body}`);
  const service = await createService(t, admin.auth, name, { escalationPolicyId: policy.json().id });
  const integration = await createIntegration(t, admin.auth, service.id, 'alertmanager');
  return { serviceId: service.id, integrationKey: integration.key, onCall: { id: onCall.user.id, email: onCall.user.email, auth: onCall.auth }, admin: admin.auth };
}

/** A drill body: an Alertmanager alert that pages (critical), the on-call person expected, the three goals. */
export function drillBody(name: string, serviceId: string, schedule: Record<string, unknown>, responders: string[] = []): Record<string, unknown> {
  return {
    name,
    serviceId,
    alert: { format: 'alertmanager', payload: amBody([{ fingerprint: `${name}-fp`, labels: { severity: 'critical', alertname: 'CheckoutErrors' }, summary: `Checkout 5xx above 5% (${name})` }]) },
    responders,
    goals: [
      { kind: 'acknowledged', minutes: 5 },
      { kind: 'shared_picture', minutes: 10 },
      { kind: 'mitigated', minutes: 30 },
    ],
    schedule,
  };
}

