/** Raw alert payloads cited as evidence on an incident's timeline (kept apart from the alert service, which depends on incidents). */
import type { Db } from '../../db/schema.js';
import { keepPayloadForIncident } from './store.js';

/** Keeps the payload for as long as the incident lives; false when it does not exist (or was purged). */
export async function keepPayloadAsEvidence(trx: Db, payloadId: number, incidentId: string): Promise<boolean> {
  return keepPayloadForIncident(trx, payloadId, incidentId);
}
