import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { IncidentDeps } from './deps.js';
import type { IncidentRecord, IncidentState, StoredEvent } from './model.js';
import { scheduleCommitments } from './commitments.js';
import { scheduleHeartbeat } from './heartbeat-schedule.js';

/**
 * Runs in the appending transaction after every event (the declaration
 * included), with the state that event produced: schedules the reminders the
 * event commits the room to (next update due, mitigation deadline, the
 * heartbeat after a miss). Other domains' work follows from the facts the
 * append establishes (fact-consumers.ts), never from here.
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
}
