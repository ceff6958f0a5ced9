/**
 * The heartbeat's job kinds and their scheduling, run in the appending
 * transaction through the incident hooks. Only the kinds are declared here;
 * their handlers live in heartbeat.ts, which needs the incident service (that
 * imports this file through its hooks).
 */
import { Type } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { defineJobKind } from '../../jobs/definition.js';
import { DECLARATION_SEQ } from './commitments.js';
import type { IncidentDeps } from './deps.js';
import type { IncidentRecord, IncidentState, StoredEvent } from './model.js';

/** When the severity defines no cadence, missed updates are chased every 30 minutes. */
const FALLBACK_CADENCE_MINUTES = 30;
/** A SEV1/SEV2 has a public status update within 5 minutes of declaration (docs/practices.md#update-cadence). */
export const PUBLIC_UPDATE_WITHIN_MINUTES = 5;

export type ReminderBody = { reason: string; dueAt: string; miss?: number };

/** A further missed update: reminds again unless an update was posted since the last one. */
export const updateStillDueKind = defineJobKind({
  kind: 'incidents.update_still_due',
  payload: Type.Object({ incidentId: Type.String(), basisSeq: Type.Integer({ minimum: 1 }), dueAt: Type.String(), miss: Type.Integer({ minimum: 2 }) }),
});

/** Five minutes after a SEV1/SEV2 is declared: reminds if nothing was published on the status page. */
export const publicUpdateDueKind = defineJobKind({
  kind: 'incidents.public_update_due',
  payload: Type.Object({ incidentId: Type.String(), dueAt: Type.String() }),
});

/** Schedules the next heartbeat an appended event calls for, in its transaction. */
export async function scheduleHeartbeat(trx: Transaction<Database>, deps: IncidentDeps, incident: IncidentRecord, event: StoredEvent, state: IncidentState): Promise<void> {
  if (state.status === 'resolved') return;
  if (event.kind === 'reminder') {
    const body = event.body as ReminderBody;
    if (body.reason !== 'update_due') return;
    const miss = (body.miss ?? 1) + 1;
    const cadence = state.policy.severities[state.severity].updateCadenceMinutes ?? FALLBACK_CADENCE_MINUTES;
    const dueAt = new Date(Date.parse(body.dueAt) + cadence * 60_000).toISOString();
    const basisSeq = state.lastUpdate?.seq ?? DECLARATION_SEQ;
    await deps.jobs.schedule(trx, updateStillDueKind, { incidentId: incident.id, basisSeq, dueAt, miss }, { key: `${incident.id}:${basisSeq}:${miss}`, runAt: dueAt });
  } else if (event.kind === 'declared' && !incident.private && !incident.drill && (state.severity === 'SEV1' || state.severity === 'SEV2')) {
    const dueAt = new Date(Date.parse(state.keyTimes.declaredAt) + PUBLIC_UPDATE_WITHIN_MINUTES * 60_000).toISOString();
    await deps.jobs.schedule(trx, publicUpdateDueKind, { incidentId: incident.id, dueAt }, { key: incident.id, runAt: dueAt });
  }
}
