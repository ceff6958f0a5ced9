/** Gathers what rot is judged on (tests, service changes, link checks, failed mitigations) and judges each runbook. */
import type { Db } from '../../db/schema.js';
import { isDomainError } from '../../errors.js';
import { getService, type ServiceView } from '../catalog/service.js';
import { listChanges } from '../changes/service.js';
import { runbooksLinkedTo } from './matching.js';
import { assessRot, type RotAssessment, type RotFacts } from './rot.js';
import * as store from './store.js';

export interface RotPolicy {
  maxUntestedDays: number;
}

/** The latest change event and the catalog edit of each service, as rot facts. */
async function serviceChanges(db: Db, serviceIds: readonly string[]): Promise<Map<string, RotFacts['serviceChanges']>> {
  const out = new Map<string, RotFacts['serviceChanges']>();
  for (const id of serviceIds) {
    let service: ServiceView;
    try {
      service = await getService(db, id);
    } catch (err) {
      // A service deleted since: its link rows went with it (cascade); nothing to judge.
      if (isDomainError(err, 'not_found')) continue;
      throw err;
    }
    const facts: RotFacts['serviceChanges'] = [];
    // The newest change is after the last test exactly when any change is.
    const [latest] = await listChanges(db, { service: id, limit: 1 });
    if (latest) facts.push({ serviceId: id, serviceName: service.name, via: 'change_event', at: latest.startedAt, detail: `${latest.kind}${latest.version ? ` ${latest.version}` : ''}` });
    if (Date.parse(service.updatedAt) > Date.parse(service.createdAt)) facts.push({ serviceId: id, serviceName: service.name, via: 'catalog_edit', at: service.updatedAt, detail: 'catalog entry edited' });
    out.set(id, facts);
  }
  return out;
}

/** Failed mitigations since the oldest baseline, by the runbooks their incidents showed. */
async function failedMitigationsByRunbook(db: Db, since: string): Promise<Map<string, RotFacts['failedMitigations']>> {
  const out = new Map<string, RotFacts['failedMitigations']>();
  const labelsByIncident = new Map<string, string[]>();
  for (const failure of await store.failedMitigationsSince(db, since)) {
    if (!labelsByIncident.has(failure.incidentId)) labelsByIncident.set(failure.incidentId, await store.alertLabelsOfIncident(db, failure.incidentId));
    const shown = await runbooksLinkedTo(db, { serviceIds: failure.serviceIds, alertLabels: labelsByIncident.get(failure.incidentId)! });
    for (const id of shown.keys()) out.set(id, [...(out.get(id) ?? []), { incidentId: failure.incidentId, incidentRef: failure.ref, at: failure.at }]);
  }
  return out;
}

/** Judges each runbook as of `now`. */
export async function assessRunbooks(db: Db, rows: readonly store.RunbookRow[], now: Date, policy: RotPolicy): Promise<Map<string, RotAssessment>> {
  const out = new Map<string, RotAssessment>();
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.id);
  const services = await store.servicesOf(db, ids);
  const changes = await serviceChanges(db, [...new Set([...services.values()].flat())]);
  const checks = await store.linkChecksOf(db, ids);
  const oldestBaseline = rows.map((r) => r.last_tested_at ?? r.created_at).reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
  const failures = await failedMitigationsByRunbook(db, new Date(oldestBaseline).toISOString());
  for (const row of rows) {
    const facts: RotFacts = {
      createdAt: row.created_at,
      lastTestedAt: row.last_tested_at,
      serviceChanges: (services.get(row.id) ?? []).flatMap((s) => changes.get(s) ?? []),
      linkChecks: checks.filter((c) => c.runbook_id === row.id).map((c) => ({ url: c.url, ok: c.ok === 1, status: c.status, error: c.error, checkedAt: c.checked_at })),
      failedMitigations: failures.get(row.id) ?? [],
    };
    out.set(row.id, assessRot(facts, now, policy));
  }
  return out;
}
