/**
 * Starting escalations, in the caller's transaction. Kept apart from the
 * escalation service (which appends to incident timelines) so the incidents
 * domain can page through on-call without an import cycle.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EscalationTarget } from './escalation-policy.js';
import * as store from './escalation-store.js';
import { escalationStepJob, runStep } from './escalation-jobs.js';
import { stepPeople, type EscalationFacts, type PagingDeps } from './paging.js';

/**
 * Writes escalations in trx. A first step due now fires in this same
 * transaction (its pages and their notifications commit with the change that
 * caused them: no job round trip before the first page); a later one is a job.
 */
export async function beginEscalations(trx: Transaction<Database>, deps: PagingDeps, rows: store.EscalationRow[], now: string): Promise<string[]> {
  const inserted = new Set(await store.insertEscalations(trx, rows));
  const started = rows.filter((r) => inserted.has(r.id));
  const due: Array<{ row: store.EscalationRow; people: string[] }> = [];
  for (const row of started) {
    if (row.next_step_at! <= now) due.push({ row, people: await stepPeople(trx, row, now) });
    else await deps.jobs.schedule(trx, escalationStepJob, { escalationId: row.id, round: 0, step: 0 }, { key: `${row.id}:0:0`, runAt: row.next_step_at! });
  }
  // Every budget row this transaction will lock, once, in id order: concurrent steps lock in the same order and never deadlock.
  for (const userId of [...new Set(due.flatMap((d) => d.people))].sort()) await store.lockBudget(trx, userId, now);
  for (const { row, people } of due) await runStep(trx, deps, row, now, people);
  return [...inserted];
}

/** A one-step escalation paging `target` into an incident now, with a reason. */
export function incidentPageRow(input: { incident: { id: string; ref: string; title: string; drill?: boolean }; target: EscalationTarget; reason: string; by: string; now: string }): store.EscalationRow {
  const { incident, now } = input;
  const facts: EscalationFacts = { policyId: null, name: `page by ${input.by}`, steps: [{ delaySeconds: 0, targets: [input.target] }], repeat: 0, repeatDelaySeconds: 0, serviceName: null, incidentRef: incident.ref, ...(incident.drill ? { drill: true } : {}) };
  return {
    id: randomUUID(),
    subject: 'incident',
    alert_group_id: null,
    incident_id: incident.id,
    service_id: null,
    policy_id: null,
    snapshot: JSON.stringify(facts),
    title: incident.title,
    reason: input.reason,
    status: 'active',
    round: 0,
    step: 0,
    next_step_at: now,
    acknowledged_by: null,
    acknowledged_at: null,
    stopped_at: null,
    stopped_by: null,
    stop_reason: null,
    created_by: input.by,
    created_at: now,
    updated_at: now,
  };
}
