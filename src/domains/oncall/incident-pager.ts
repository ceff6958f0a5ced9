/** The pager the incident domain's heartbeat uses, contributed at assembly (the incident core imports no on-call module). */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { IncidentState } from '../incidents/model.js';
import { beginEscalations, incidentPageRow } from './escalation-begin.js';
import type { PagingDeps } from './paging.js';
import { clockNow } from '../../clock.js';

/** Pages one person into the incident now, in trx, through their contact methods and rules. */
export async function pageResponderIntoIncident(trx: Transaction<Database>, deps: PagingDeps, incident: IncidentState, userId: string, reason: string, by: string): Promise<void> {
  const now = clockNow().toISOString();
  const row = incidentPageRow({ incident, target: { type: 'user', id: userId }, reason, by, now });
  await beginEscalations(trx, deps, [row], now);
}
