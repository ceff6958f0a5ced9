/**
 * The lock order that keeps intake free of deadlocks on PostgreSQL (taken by
 * the journal's applier and by direct intake), and group commit for direct
 * intake: test alerts, which answer with the stored alert (HTTP intake goes
 * through the journal: intake-journal.ts).
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

interface PendingIntake {
  integration: IntakeIntegration;
  signals: readonly AlertSignal[];
  meta: IntakeMeta;
  resolve: (result: IngestResult) => void;
  reject: (err: unknown) => void;
}

type IntakeRequest = Pick<PendingIntake, 'integration' | 'signals' | 'meta'>;

/** Requests that arrive while a transaction runs share the next one (group commit), up to these limits. */
const GROUP_COMMIT_REQUESTS = 32;
const GROUP_COMMIT_SIGNALS = 5000;

/** Why an intake transaction failed, as counted in /metrics. */
export function retryReason(err: unknown): 'deadlock' | 'serialization' | 'concurrent_write' | 'unavailable' | 'other' {
  if (err instanceof ConcurrentWrite) return 'concurrent_write';
  const code = String((err as { code?: unknown }).code ?? '');
  if (code === '40P01') return 'deadlock';
  if (code === '40001') return 'serialization';
  return isDatabaseUnavailable(err) ? 'unavailable' : 'other';
}

/** Locks, in id order, every service the requests may write under (see the file comment). */
export async function lockIntakeServices(trx: Db, requests: readonly Pick<IntakeRequest, 'integration' | 'signals'>[]): Promise<void> {
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
 * Group commit per store: while one intake transaction runs, the requests that
 * arrive meanwhile queue up and are written together in the next transaction,
 * so a burst costs one commit (one fsync on SQLite) per batch instead of per
 * request. Each request still answers only after the transaction holding its
 * alerts has committed. If a shared transaction fails, its requests are retried
 * one by one (logged and counted), so one request's failure never fails its neighbours.
 */
class IntakeWriter {
  private readonly queue: PendingIntake[] = [];
  private draining = false;

  constructor(private readonly deps: AlertDeps) {}

  submit(integration: IntakeIntegration, signals: readonly AlertSignal[], meta: IntakeMeta): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ integration, signals, meta, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        // Let requests already on the wire be parsed and queued first: on SQLite a transaction runs without
        // yielding to I/O, so without this pause every batch would hold exactly one request.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.take();
        if (batch.length === 1) {
          const [one] = batch;
          await ingestAlone(this.deps, one!).then(one!.resolve, one!.reject);
          continue;
        }
        try {
          const results = await this.deps.store.transaction(async (trx) => {
            await lockIntakeServices(trx, batch);
            const out: IngestResult[] = [];
            for (const p of batch) out.push(await ingestInTx(trx, this.deps, p.integration, p.signals, p.meta));
            return out;
          });
          batch.forEach((p, i) => p.resolve(results[i]!));
        } catch (err) {
          const reason = retryReason(err);
          this.deps.metrics?.intakeRetries.inc({ scope: 'batch', reason });
          this.deps.logger?.warn({ err, reason, requests: batch.length }, 'alert intake batch failed; replaying its requests one by one');
          for (const p of batch) await ingestAlone(this.deps, p).then(p.resolve, p.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private take(): PendingIntake[] {
    const batch: PendingIntake[] = [];
    let signals = 0;
    while (this.queue.length > 0 && batch.length < GROUP_COMMIT_REQUESTS) {
      const next = this.queue[0]!;
      if (batch.length > 0 && signals + next.signals.length > GROUP_COMMIT_SIGNALS) break;
      batch.push(this.queue.shift()!);
      signals += next.signals.length;
    }
    return batch;
  }
}

// One writer per process context (its config decides grouping, flapping and limits).
const writers = new WeakMap<AlertDeps, IntakeWriter>();

/** Runs the pipeline for one request's signals; resolves only after the transaction holding them has committed. */
export function ingestSignals(deps: AlertDeps, integration: IntakeIntegration, signals: readonly AlertSignal[], meta: IntakeMeta): Promise<IngestResult> {
  let writer = writers.get(deps);
  if (!writer) {
    writer = new IntakeWriter(deps);
    writers.set(deps, writer);
  }
  return writer.submit(integration, signals, meta);
}

/** One request in its own transaction, retried (and counted) when a concurrent transaction won a race for the same alert or group. */
async function ingestAlone(deps: AlertDeps, p: IntakeRequest): Promise<IngestResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.store.transaction(async (trx) => {
        await lockIntakeServices(trx, [p]);
        return ingestInTx(trx, deps, p.integration, p.signals, p.meta);
      });
    } catch (err) {
      const reason = retryReason(err);
      if (reason === 'unavailable' || reason === 'other' || attempt >= 5) throw err;
      deps.metrics?.intakeRetries.inc({ scope: 'request', reason });
      deps.logger?.warn({ err, reason, attempt }, 'alert intake request conflicted with another transaction; retrying');
    }
  }
}
