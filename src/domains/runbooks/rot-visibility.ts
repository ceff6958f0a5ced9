/**
 * A runbook's rot may name an incident where one of its mitigations failed.
 * When that incident is private and the reader is not one of its members,
 * the cause stays (the runbook is still rotting) but says only that a
 * mitigation failed in a private incident: no id, no reference.
 */
import type { Db } from '../../db/schema.js';
import { canSee, getIncidentRow, type Viewer } from '../incidents/access.js';
import type { RotAssessment } from './rot.js';

/** Masks, in place, every failed mitigation of an incident `viewer` may not see. */
export async function hidePrivateIncidents(db: Db, viewer: Viewer | undefined, assessments: Iterable<RotAssessment>): Promise<void> {
  if (!viewer) return;
  const visible = new Map<string, boolean>();
  for (const assessment of assessments) {
    for (const [i, cause] of assessment.causes.entries()) {
      if (cause.kind !== 'mitigation_failed' || cause.incidentId === null) continue;
      if (!visible.has(cause.incidentId)) {
        const row = await getIncidentRow(db, cause.incidentId);
        visible.set(cause.incidentId, row !== undefined && (await canSee(db, viewer, row)));
      }
      if (!visible.get(cause.incidentId)) assessment.causes[i] = { kind: 'mitigation_failed', incidentId: null, incidentRef: null, at: cause.at };
    }
  }
}
