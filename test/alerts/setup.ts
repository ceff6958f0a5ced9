/** Shared setup for alert end-to-end tests: a scratch database with services and integrations, made before the server starts. */
import type { ScratchDatabase } from '../../src/db/testing.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createService, updateService } from '../../src/domains/catalog/service.js';
import { createUser } from '../../src/domains/auth/service.js';
import { createPolicy } from '../../src/domains/oncall/escalation-service.js';
import { createIntegration } from '../../src/domains/alerts/integrations.js';

export interface Seeded {
  serviceIds: string[];
  keys: Record<'alertmanager' | 'pagerduty' | 'grafana' | 'generic', string>;
}

/** Creates `services` services named `<prefix>-<i>` and one integration of each kind on the first. */
export async function seed(scratch: ScratchDatabase, prefix: string, services = 1): Promise<Seeded> {
  const store = await scratch.open();
  try {
    const serviceIds: string[] = [];
    for (let i = 0; i < services; i++) serviceIds.push((await createService(store, cliActor(), { name: `${prefix}-${i}` })).id);
    const make = async (kind: 'alertmanager' | 'pagerduty' | 'grafana' | 'generic') =>
      (
        await createIntegration(store, cliActor(), serviceIds[0]!, {
          kind,
          name: `${kind} e2e`,
          ...(kind === 'generic' ? { mappings: { dedupKey: '$.id', summary: '$.title', severity: '$.level', status: '$.state', labels: '$.tags' } } : {}),
        })
      ).key;
    return { serviceIds, keys: { alertmanager: await make('alertmanager'), pagerduty: await make('pagerduty'), grafana: await make('grafana'), generic: await make('generic') } };
  } finally {
    await store.close();
  }
}

/** Row counts of the tables intake writes. */
export async function intakeRows(scratch: ScratchDatabase): Promise<{ alerts: number; payloads: number; groups: number }> {
  const store = await scratch.open();
  try {
    const count = async (table: 'alerts' | 'alert_payloads' | 'alert_groups') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { alerts: await count('alerts'), payloads: await count('alert_payloads'), groups: await count('alert_groups') };
  } finally {
    await store.close();
  }
}

/** Gives every service a one-step escalation policy paging one responder, so each new alert group pages once. */
export async function seedPaging(scratch: ScratchDatabase, serviceIds: readonly string[], prefix: string): Promise<void> {
  const store = await scratch.open();
  try {
    const user = await createUser(store, cliActor(), { email: `${prefix}-oncall@example.test`, name: `${prefix} on call`, role: 'responder' });
    const policy = await createPolicy(store, cliActor(), { name: `${prefix} page once`, steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: user.id }] }] });
    for (const id of serviceIds) await updateService(store, cliActor(), id, { escalationPolicyId: policy.id, groupBy: ['alertname'] });
  } finally {
    await store.close();
  }
}
