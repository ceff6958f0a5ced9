/** Building blocks of the paging journeys, all through the HTTP API: a service, its policy, its Alertmanager integration, an alert. */
import assert from 'node:assert/strict';
import type { RealServer } from './real-server.js';

type Auth = Record<string, string>;

/** Creates a service and an Alertmanager integration on it; returns their ids and the intake path. */
export async function serviceWithIntake(server: RealServer, admin: Auth, name: string, escalationPolicyId?: string): Promise<{ id: string; intakeUrl: string }> {
  const service = await server.call<{ id: string }>('POST', '/api/v1/services', admin, { name, ...(escalationPolicyId ? { escalationPolicyId } : {}) });
  assert.equal(service.status, 201, JSON.stringify(service.body));
  const integration = await server.call<{ intakeUrl: string }>('POST', `/api/v1/services/${service.body.id}/integrations`, admin, { kind: 'alertmanager', name: 'prometheus' });
  assert.equal(integration.status, 201, JSON.stringify(integration.body));
  return { id: service.body.id, intakeUrl: integration.body.intakeUrl };
}

/** Creates an escalation policy with one immediate step naming these targets. */
export async function policy(server: RealServer, admin: Auth, name: string, targets: Array<{ type: 'user' | 'schedule' | 'team'; id: string }>): Promise<string> {
  const res = await server.call<{ id: string }>('POST', '/api/v1/escalation-policies', admin, { name, steps: [{ delaySeconds: 0, targets }] });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** Fires one critical alert through the Alertmanager webhook; answers the intake status. */
export async function fireAlert(server: RealServer, intakeUrl: string, fingerprint: string, summary: string): Promise<number> {
  const res = await fetch(server.url + intakeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      version: '4',
      status: 'firing',
      receiver: 'firebreak',
      groupKey: '{}:{}',
      alerts: [{ status: 'firing', labels: { alertname: 'CheckoutErrors', severity: 'critical' }, annotations: { summary }, startsAt: new Date().toISOString(), fingerprint }],
    }),
  });
  await res.text();
  return res.status;
}

export interface EscalationSeen {
  id: string;
  alertGroupId: string | null;
  status: string;
  pagedNobody: string | null;
  pages: Array<{ userId: string; status: string; detail: string | null }>;
}
