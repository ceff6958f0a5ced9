import type { Transaction } from 'kysely';
import { injectFault } from '../../app/faults.js';
import type { Database } from '../../db/schema.js';
import type { IncidentDeps } from './deps.js';
import type { IncidentRecord, IncidentState, StoredEvent } from './model.js';
import { scheduleCommitments } from './commitments.js';
import { scheduleHeartbeat } from './heartbeat-schedule.js';
import { projectIncidentEvent } from '../statuspage/publish.js';
import { openOnResolve } from '../postmortems/service.js';
import { recordFactsOnAppend } from '../metrics/facts-store.js';

/**
 * Runs in the appending transaction after every event (the declaration
 * included), with the state that event produced: schedules the reminders the
 * event commits the room to (next update due, mitigation deadline, the
 * heartbeat after a miss), writes the incident's public face on the
 * status page (which may refuse the event, rolling it back), opens the
 * postmortem a resolved SEV1/SEV2 requires, and keeps the incident's metrics
 * facts row (so reports never replay logs).
 */
export async function afterEventAppended(
  trx: Transaction<Database>,
  deps: IncidentDeps,
  incident: IncidentRecord,
  event: StoredEvent,
  state: IncidentState,
): Promise<void> {
  await scheduleCommitments(trx, deps, incident, event, state);
  await scheduleHeartbeat(trx, deps, incident, event, state);
  injectFault(deps.faults, 'statuspage');
  await projectIncidentEvent(trx, deps, incident, event, state);
  // A resolved SEV1/SEV2 owes a postmortem (docs/practices.md#blameless-postmortems).
  await openOnResolve(trx, deps, incident, event, state);
  injectFault(deps.faults, 'metrics');
  await recordFactsOnAppend(trx, event, state);
}
