/**
 * The lock order that keeps intake free of deadlocks on PostgreSQL (taken by
 * the journal's applier and by direct intake), and direct intake itself: test
 * alerts, which answer with the stored alert (HTTP intake goes through the
 * journal: intake-journal.ts).
 *
 * Every intake transaction first locks the rows of every service it may write
 * under, in service-id order, for the whole batch at once: the services of
 * the integrations, the services the alerts name, and the services of the
 * alerts already stored under these keys (an alert's service never changes).
 * Alerts, groups and incident links all belong to a service, so two
 * transactions that could touch the same rows queue on the first service they
 * share instead of each holding what the other needs. Acknowledgements and the
 * re-evaluation after a silence take the same locks first.
 */
import { isDatabaseUnavailable } from '../../db/dialect.js';
import type { Db } from '../../db/schema.js';
import { lockServicesForAlerts, routingServices } from '../catalog/service.js';
import { ConcurrentWrite, ingestInTx, type AlertDeps, type IngestResult, type IntakeIntegration, type IntakeMeta } from './pipeline.js';
import type { AlertSignal } from './signal.js';
import * as store from './store.js';

/** What a lock is taken for: the integration a request came in on, and its signals. */
type IntakeRequest = { integration: IntakeIntegration; signals: readonly AlertSignal[] };

/** Why an intake transaction failed, as counted in /metrics. */
export function retryReason(err: unknown): 'deadlock' | 'serialization' | 'concurrent_write' | 'unavailable' | 'other' {
  if (err instanceof ConcurrentWrite) return 'concurrent_write';
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === '40P01') return 'deadlock';
  if (code === '40001') return 'serialization';
  return isDatabaseUnavailable(err) ? 'unavailable' : 'other';
}

/** Locks, in id order, every service the requests may write under (see the file comment). */
export async function lockIntakeServices(trx: Db, requests: readonly IntakeRequest[]): Promise<void> {
  const serviceIds = new Set<string>();
  const names = new Set<string>();
  const keysByIntegration = new Map<string, Set<string>>();
  for (const { integration, signals } of requests) {
    serviceIds.add(integration.serviceId);
    const keys = keysByIntegration.get(integration.id) ?? new Set<string>();
    keysByIntegration.set(integration.id, keys);
    for (const s of signals) {
      keys.add(s.dedupKey);
      if (s.labels.service) names.add(s.labels.service);
    }
  }
  for (const [integrationId, keys] of keysByIntegration) for (const id of await store.servicesOfAlertKeys(trx, integrationId, [...keys])) serviceIds.add(id);
  if (names.size > 0) for (const s of await routingServices(trx, [], [...names])) serviceIds.add(s.id);
  await lockServicesForAlerts(trx, [...serviceIds]);
}

/**
 * Runs the pipeline for one request's signals in its own transaction (test
 * alerts, which answer with the stored alert); resolves only after it has
 * committed. Retried (and counted) when a concurrent transaction won a race
 * for the same alert or group.
 */
export async function ingestSignals(deps: AlertDeps, integration: IntakeIntegration, signals: readonly AlertSignal[], meta: IntakeMeta): Promise<IngestResult> {
  const request = { integration, signals };
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.transaction(async (trx) => {
        await lockIntakeServices(trx, [request]);
        return ingestInTx(trx, deps, integration, signals, meta);
      });
    } catch (err) {
      const reason = retryReason(err);
      if (reason === 'unavailable' || reason === 'other' || attempt >= 5) throw err;
      deps.metrics?.intakeRetries.inc({ scope: 'request', reason });
      deps.logger?.warn({ err, reason, attempt }, 'alert intake request conflicted with another transaction; retrying');
    }
  }
}
