/**
 * Update drafts: an incident's state rendered through the workspace's template.
 * Apart from comms.ts because it reads incidents, and comms.ts is reached from
 * the incident service's hooks (an import cycle otherwise).
 */
import type { Db } from '../../db/schema.js';
import type { Viewer } from '../incidents/access.js';
import { getIncident } from '../incidents/reads.js';
import { getTemplates } from './comms.js';
import type { TemplateKind } from './schemas.js';
import { draftUpdate } from './templates.js';

/** A prefilled update for an incident `who` may see, from the workspace's template. */
export async function getDraft(db: Db, who: Viewer, incidentIdOrRef: string, kind: TemplateKind, now = new Date()) {
  const state = await getIncident(db, who, incidentIdOrRef, now);
  const templates = await getTemplates(db);
  return draftUpdate(kind, templates[kind], state, { now });
}
