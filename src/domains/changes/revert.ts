/**
 * Revert first on an incident: the recent changes to its services and their
 * dependencies, ranked (see rankRollbackCandidates), with a safety checklist;
 * and recording that one was rolled back as a `mitigation_started` event.
 */
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { invalidField, notFound } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import type { Viewer } from '../incidents/access.js';
import { getIncident } from '../incidents/reads.js';
import { appendEvent, type IncidentDeps, type StoredEvent } from '../incidents/service.js';
import { listServices } from '../catalog/service.js';
import { dependencyDistances, effectiveAt, rankRollbackCandidates, rollbackSafetyChecklist, type ChecklistItem } from './rollback.js';
import { toChangeView, type ChangeView } from './service.js';
import * as store from './store.js';

export const DEFAULT_WINDOW_HOURS = 12;
/** More changes than this in the window are cut (the top of the ranking is what matters). */
const MAX_CANDIDATES = 2000;

export interface SuggestedRollback {
  change: ChangeView;
  serviceName: string;
  distance: number;
  minutesBefore: number;
  score: number;
  rollbackLink: string | null;
  rollbackCommand: string | null;
  prompt: string;
}

export interface SuggestedRollbacks {
  incidentId: string;
  ref: string;
  /** The first symptom marker, or the declaration when none is marked. */
  anchor: { at: string; from: 'first_symptom' | 'declaration' };
  windowHours: number;
  suggestions: SuggestedRollback[];
  checklist: ChecklistItem[];
}

/** The ranked rollback candidates for an incident `who` may see (404 otherwise). */
export async function suggestRollbacks(db: Db, who: Viewer, idOrRef: string, windowHours = DEFAULT_WINDOW_HOURS): Promise<SuggestedRollbacks> {
  const incident = await getIncident(db, who, idOrRef);
  const symptom = incident.markers.first_symptom;
  const anchor = symptom ? { at: symptom.at, from: 'first_symptom' as const } : { at: incident.keyTimes.declaredAt, from: 'declaration' as const };
  const services = await listServices(db);
  const names = new Map(services.map((s) => [s.id, s.name]));
  const edges = services.flatMap((s) => s.dependsOn.map((dependsOnId) => ({ serviceId: s.id, dependsOnId })));
  const distances = dependencyDistances(edges, incident.services);
  const windowMs = windowHours * 3_600_000;
  // A change that started up to the window before the anchor may have finished inside it; one that started after the anchor cannot have caused it.
  const rows = await store.listChanges(db, { serviceIds: [...distances.keys()], from: new Date(Date.parse(anchor.at) - windowMs).toISOString(), to: anchor.at, limit: MAX_CANDIDATES });
  const candidates = rows.map((row) => ({ ...toChangeView(row), serviceId: row.service_id, rollbackCommand: row.rollback_command, rollbackLink: row.rollback_link }));
  const ranked = rankRollbackCandidates(candidates, distances, anchor.at, windowHours * 60);
  const suggestions = ranked.map(({ change, distance, minutesBefore, score }) => {
    const { rollbackCommand, rollbackLink, ...rest } = change;
    const serviceName = names.get(change.serviceId) ?? change.serviceId;
    const where = distance === 0 ? serviceName : `${serviceName} (a dependency, ${distance} hop${distance > 1 ? 's' : ''} away)`;
    return {
      change: rest as ChangeView,
      serviceName,
      distance,
      minutesBefore,
      score,
      rollbackLink,
      rollbackCommand,
      prompt: `Consider rollback: ${change.kind.replace('_', ' ')} ${change.version ?? change.summary ?? change.id} to ${where} took effect ${minutesBefore} min before ${anchor.from === 'first_symptom' ? 'the first symptom' : 'the declaration'} (${effectiveAt(change, anchor.at)}). Stop the bleeding first; find the root cause after.`,
    };
  });
  return { incidentId: incident.id, ref: incident.ref, anchor, windowHours, suggestions, checklist: rollbackSafetyChecklist(candidates) };
}

export interface RolledBack {
  /** How long until the expected signal should show (the mitigation's deadline). */
  deadlineMinutes?: number | undefined;
  /** Overrides the default expected signal. */
  expectedSignal?: string | undefined;
}

/**
 * Records that a suggested change was rolled back: a `mitigation_started`
 * event through the incident service (its rules, projection and audit), with
 * the expected signal filled in from the change and the anchor.
 */
export async function recordRollback(st: Store, deps: IncidentDeps, actor: Actor, idOrRef: string, changeId: string, input: RolledBack, now: Date): Promise<StoredEvent> {
  const suggested = await suggestRollbacks(st.db, actor, idOrRef);
  const row = await store.findChange(st.db, changeId);
  if (!row) throw notFound(`change ${changeId}`);
  const found = suggested.suggestions.find((s) => s.change.id === changeId);
  if (!found) throw invalidField('changeId', `change ${changeId} is not among this incident's suggested rollbacks`);
  const what = `${found.change.kind.replace('_', ' ')} ${found.change.version ?? found.change.summary ?? found.change.id} of ${found.serviceName}`;
  const minutes = input.deadlineMinutes ?? 15;
  const body = {
    action: `Rolled back ${what}${found.rollbackCommand ? ` (${found.rollbackCommand})` : ''}`,
    expectedSignal: input.expectedSignal ?? `The symptoms that began at ${suggested.anchor.at} subside within ${minutes} min of the rollback of ${what}; if they do not, this change was not the cause.`,
    deadline: new Date(now.getTime() + minutes * 60_000).toISOString(),
  };
  return (await appendEvent(st, deps, actor, suggested.incidentId, { kind: 'mitigation_started', body })).event;
}
