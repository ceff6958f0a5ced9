/**
 * A published postmortem's public summary on the status page (Statuspage's
 * `postmortem` status): only the summary text the authors wrote for the
 * public, and only on pages where the incident already has a public face
 * (a private incident or a drill never has one).
 */
import type { ChangeBus } from '../../db/changes.js';
import type { Db } from '../../db/schema.js';
import { STATUSPAGE_CHANNEL } from './read-model.js';
import * as store from './store.js';

/** Writes the summary on every page showing the incident; returns how many pages show it. */
export async function publishPostmortemSummary(trx: Db, bus: ChangeBus | undefined, incidentId: string, summary: string, at: string): Promise<number> {
  const shown = await store.listStatusIncidentsOf(trx, incidentId);
  for (const s of shown) {
    await store.updateStatusIncident(trx, s.id, { postmortem_body: summary, postmortem_at: at, updated_at: at });
    await bus?.publish(trx, STATUSPAGE_CHANNEL, s.page_id);
  }
  return shown.length;
}
