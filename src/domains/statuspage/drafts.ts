/**
 * Update drafts: an incident's state rendered through the workspace's template.
 * Apart from comms.ts because it reads incidents, and comms.ts is reached from
 * the incident service's hooks (an import cycle otherwise).
 */
import type { Db } from '../../db/schema.js';
import type { Viewer } from '../incidents/access.js';
import { getIncident } from '../incidents/reads.js';
import { postmortemDueAt } from '../postmortems/due.js';
import { getTemplates, getUpdateChannels } from './comms.js';
import type { TemplateKind } from './schemas.js';
import { draftUpdate } from './templates.js';
import { clockNow } from '../../clock.js';

/** A prefilled update for an incident `who` may see, from the workspace's template. */
export async function getDraft(db: Db, who: Viewer, incidentIdOrRef: string, kind: TemplateKind, now = clockNow()) {
  const state = await getIncident(db, who, incidentIdOrRef, now);
  const [templates, channels] = await Promise.all([getTemplates(db), getUpdateChannels(db)]);
  const due = await postmortemDueAt(db, state.id, state.severity, new Date(state.keyTimes.resolvedAt ?? now.toISOString()));
  return draftUpdate(kind, templates[kind], state, { now, bridge: channels.bridgeUrl ?? null, postmortemDate: due ? utcMinute(due) : null });
}

/** "2026-12-04 14:15 UTC" */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
