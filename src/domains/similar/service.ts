/**
 * Similar incidents, as a read service over other domains' services: the
 * incident history (incidents), the alerts each one carried (alerts: rule
 * names and fingerprints), service names (catalog), and what was learnt
 * (postmortems: root cause and action items, open ones flagged). It owns no
 * table; the ranking itself is pure (similarity.ts).
 */
import type { Db } from '../../db/schema.js';
import { isDomainError } from '../../errors.js';
import { listAlerts } from '../alerts/service.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import type { Viewer } from '../incidents/access.js';
import type { IncidentState } from '../incidents/model.js';
import { getIncident, incidentHistory } from '../incidents/reads.js';
import { getPostmortem } from '../postmortems/service.js';
import { rankSimilar, type IncidentDoc, type Reasons } from './similarity.js';

/** How far back the search looks: the newest incidents, enough for years of a team's history. */
export const HISTORY_LIMIT = 2000;

export interface SimilarIncident {
  ref: string;
  title: string;
  severity: string;
  status: string;
  declaredAt: string;
  resolvedAt: string | null;
  score: number;
  reasons: Reasons & { sharedServiceNames: string[] };
  /** "Matched on: same service checkout-api; same alert CheckoutErrorRate; words tls, handshake" */
  why: string;
  resolutionSummary: string | null;
  postmortem: { status: string; rootCause: string | null; actionItems: Array<{ title: string; status: string; open: boolean }> } | null;
}

/** What a new incident is known by before it exists (the declare form). */
export interface Draft {
  title: string;
  impact?: string | undefined;
  services?: readonly string[] | undefined;
}

async function alertsOf(db: Db, who: Viewer, state: IncidentState): Promise<{ rules: string[]; fingerprints: string[] }> {
  const rules = new Set<string>();
  const fingerprints = new Set<string>();
  for (const a of state.alerts) {
    for (const r of a.rules ?? []) rules.add(r);
    for (const f of a.fingerprints ?? []) fingerprints.add(f);
    if (a.rules || a.fingerprints) continue;
    // Recorded before the attachment kept its alerts: the group's alerts now (a refired alert may have moved on).
    for (const alert of await listAlerts(db, { groupId: a.alertGroupId, limit: 50 }, who)) {
      const rule = alert.rule ?? alert.labels.alertname;
      if (rule) rules.add(rule);
      fingerprints.add(alert.dedupKey);
    }
  }
  return { rules: [...rules], fingerprints: [...fingerprints] };
}

async function docOf(db: Db, who: Viewer, state: IncidentState): Promise<IncidentDoc> {
  const impact = state.impact && !state.impact.provisional ? state.impact.statement : '';
  return { id: state.id, text: `${state.title} ${impact}`, services: state.services, ...(await alertsOf(db, who, state)) };
}

async function serviceIds(db: Db, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const n of names) {
    const found = await findServiceByIdOrName(db, n);
    if (found) ids.push(found.id);
  }
  return ids;
}

function whyOf(r: SimilarIncident['reasons']): string {
  const parts = [
    r.sharedServiceNames.length > 0 ? `same service ${r.sharedServiceNames.join(', ')}` : null,
    r.sharedFingerprints.length > 0 ? `the same alert fired (fingerprint ${r.sharedFingerprints.join(', ')})` : null,
    r.sharedRules.length > 0 ? `same alert rule ${r.sharedRules.join(', ')}` : null,
    r.matchingTerms.length > 0 ? `similar words: ${r.matchingTerms.join(', ')}` : null,
  ].filter(Boolean);
  return `Matched on ${parts.join('; ')}`;
}

async function describe(db: Db, who: Viewer, state: IncidentState, match: { score: number; reasons: Reasons }): Promise<SimilarIncident> {
  const names = await Promise.all(match.reasons.sharedServices.map(async (id) => (await findServiceByIdOrName(db, id))?.name ?? id));
  let postmortem: SimilarIncident['postmortem'] = null;
  try {
    const pm = await getPostmortem(db, who, state.id);
    postmortem = {
      status: pm.status,
      rootCause: pm.sections.rootCause ?? (pm.draft.rootCause.map((l) => l.text).join('; ') || null),
      actionItems: pm.actionItems.map((i) => ({ title: i.title, status: i.status, open: i.status !== 'closed' })),
    };
  } catch (err) {
    // No postmortem for this one: a not-found is an answer, anything else is not.
    if (!isDomainError(err, 'not_found')) throw err;
  }
  const reasons = { ...match.reasons, sharedServiceNames: names };
  return {
    ref: state.ref,
    title: state.title,
    severity: state.severity,
    status: state.status,
    declaredAt: state.keyTimes.declaredAt,
    resolvedAt: state.resolution?.at ?? null,
    score: match.score,
    reasons,
    why: whyOf(reasons),
    resolutionSummary: state.resolution?.summary ?? null,
    postmortem,
  };
}

async function rank(db: Db, who: Viewer, target: IncidentDoc, limit: number): Promise<SimilarIncident[]> {
  const history = (await incidentHistory(db, who, HISTORY_LIMIT)).filter((s) => s.id !== target.id);
  const docs = await Promise.all(history.map((s) => docOf(db, who, s)));
  const byId = new Map(history.map((s) => [s.id, s]));
  const matches = rankSimilar(target, docs, limit);
  return Promise.all(matches.map((m) => describe(db, who, byId.get(m.id)!, m)));
}

/** The incidents most like this one, best first, each with why it matched and what was learnt from it. */
export async function similarToIncident(db: Db, who: Viewer, idOrRef: string, limit = 3): Promise<SimilarIncident[]> {
  const state = await getIncident(db, who, idOrRef);
  return rank(db, who, await docOf(db, who, state), limit);
}

/** The incidents most like one being declared (its title, impact and services so far). */
export async function similarToDraft(db: Db, who: Viewer, draft: Draft, limit = 3): Promise<SimilarIncident[]> {
  const target: IncidentDoc = { id: '', text: `${draft.title} ${draft.impact ?? ''}`, services: await serviceIds(db, draft.services ?? []), rules: [], fingerprints: [] };
  return rank(db, who, target, limit);
}
