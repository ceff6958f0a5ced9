/**
 * The commitments an event makes the room to (the next update's due time, a
 * mitigation's deadline), scheduled as jobs in the appending transaction. Only
 * the job kinds are declared here; their handlers live in cadence.ts, which
 * needs the incident service (that imports this file through its hooks).
 */
import { Type } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { defineJobKind } from '../../jobs/definition.js';
import type { IncidentDeps } from './deps.js';
import type { IncidentRecord, IncidentState, StoredEvent } from './model.js';

/** Events that can move the next update's due time. */
const CADENCE_KINDS = new Set(['declared', 'update_posted', 'severity_changed', 'status_changed', 'resolved', 'reopened', 'amended']);

/** The declaration is always the first event: the default cadence counts from it until an update is posted. */
export const DECLARATION_SEQ = 1;

/** Fires when the next update was due. */
export const updateDueKind = defineJobKind({
  kind: 'incidents.update_due',
  payload: Type.Object({ incidentId: Type.String(), basisSeq: Type.Integer({ minimum: 1 }), dueAt: Type.String() }),
});

/** Fires at a mitigation's deadline. */
export const mitigationDeadlineKind = defineJobKind({
  kind: 'incidents.mitigation_deadline',
  payload: Type.Object({ incidentId: Type.String(), mitigationSeq: Type.Integer({ minimum: 1 }) }),
});

/** Fires at the response target of an incident alerts declared, if no person has confirmed its severity. */
export const triageDueKind = defineJobKind({
  kind: 'incidents.triage_due',
  payload: Type.Object({ incidentId: Type.String(), dueAt: Type.String() }),
});

/**
 * Schedules the reminders an appended event commits the room to, in its
 * transaction: the next update's due time, the triage target of an incident
 * alerts declared, and a new mitigation's deadline.
 */
export async function scheduleCommitments(trx: Transaction<Database>, deps: IncidentDeps, incident: IncidentRecord, event: StoredEvent, state: IncidentState): Promise<void> {
  if (CADENCE_KINDS.has(event.kind) && state.nextUpdateDue && state.status !== 'resolved') {
    const basisSeq = state.lastUpdate?.seq ?? DECLARATION_SEQ;
    const dueAt = state.nextUpdateDue;
    await deps.jobs.schedule(trx, updateDueKind, { incidentId: incident.id, basisSeq, dueAt }, { key: `${incident.id}:${basisSeq}:${dueAt}`, runAt: dueAt });
  }
  if (event.kind === 'declared' && state.triage.pending && state.triage.dueAt) {
    await deps.jobs.schedule(trx, triageDueKind, { incidentId: incident.id, dueAt: state.triage.dueAt }, { key: `${incident.id}:triage`, runAt: state.triage.dueAt });
  }
  if (event.kind === 'mitigation_started') {
    const { deadline } = event.body as { deadline: string };
    await deps.jobs.schedule(trx, mitigationDeadlineKind, { incidentId: incident.id, mitigationSeq: event.seq }, { key: `${incident.id}:${event.seq}`, runAt: deadline });
  }
}
