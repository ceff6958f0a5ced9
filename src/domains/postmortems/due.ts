/**
 * When a postmortem is due: the rule, and the date a resolution message can
 * promise. Kept apart from service.ts so other domains (the update templates)
 * can read it without reaching into the postmortem workflow.
 */
import type { Db } from '../../db/schema.js';

/** A postmortem is due within 48–72 hours of the resolution (docs/practices.md#blameless-postmortems). */
export const DEFAULT_DUE_HOURS = 72;
/** Severities whose resolution opens a required postmortem. */
export const REQUIRED_SEVERITIES: ReadonlySet<string> = new Set(['SEV1', 'SEV2']);

/**
 * The postmortem date for an incident: its postmortem's due date when one
 * exists, else, for a severity that requires one, the date resolving at
 * `resolvedAt` would set; undefined when none is planned.
 */
export async function postmortemDueAt(db: Db, incidentId: string, severity: string, resolvedAt: Date): Promise<string | undefined> {
  const row = await db.selectFrom('postmortems').select('due_at').where('incident_id', '=', incidentId).executeTakeFirst();
  if (row) return row.due_at;
  if (!REQUIRED_SEVERITIES.has(severity)) return undefined;
  return new Date(resolvedAt.getTime() + DEFAULT_DUE_HOURS * 3_600_000).toISOString();
}
