/**
 * Keeping the metrics facts row (tables.ts): written in the transaction of
 * every appended event (a per-append projection registered in index.ts),
 * rebuilt from the log by `firebreak incident rebuild`.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/schema.js';
import { fromJson, toJson } from '../../db/dialect.js';
import type { IncidentState, Severity, StoredEvent } from '../incidents/model.js';
import type { IncidentFact } from '../incidents/facts.js';
import { COMMITMENT_KINDS, commitmentSummary, factsRowOf, type CommitmentEvent, type IncidentFactsRow } from './facts.js';
import type { IncidentMetricFactsTable } from './tables.js';

export type FactsRow = Selectable<IncidentMetricFactsTable>;

/** The row as the metrics read it; `parsed` caches service lists, which many incidents share. */
export function factsOfRow(row: FactsRow, parsed = new Map<string, string[]>()): IncidentFactsRow {
  let services = parsed.get(row.services);
  if (!services) parsed.set(row.services, (services = fromJson<string[]>(row.services) ?? []));
  return {
    incidentId: row.incident_id,
    severity: row.severity as Severity,
    services,
    drill: row.is_drill === 1,
    declaredAt: Number(row.declared_at_ms),
    acknowledgedAt: row.acknowledged_at_ms === null ? null : Number(row.acknowledged_at_ms),
    firstSharedPictureAt: row.shared_picture_at_ms === null ? null : Number(row.shared_picture_at_ms),
    mitigatedAt: row.mitigated_at_ms === null ? null : Number(row.mitigated_at_ms),
    resolvedAt: row.resolved_at_ms === null ? null : Number(row.resolved_at_ms),
    firstSymptomAt: row.first_symptom_at_ms === null ? null : Number(row.first_symptom_at_ms),
    commitmentsMet: row.commitments_met,
    commitmentsMissed: row.commitments_missed,
    openCommitmentDueAt: row.open_commitment_due_at_ms === null ? null : Number(row.open_commitment_due_at_ms),
    reminders: row.reminders,
  };
}

function rowOf(f: IncidentFactsRow): FactsRow {
  return {
    incident_id: f.incidentId,
    severity: f.severity,
    services: toJson(f.services),
    is_drill: f.drill ? 1 : 0,
    declared_at_ms: f.declaredAt,
    acknowledged_at_ms: f.acknowledgedAt,
    shared_picture_at_ms: f.firstSharedPictureAt,
    mitigated_at_ms: f.mitigatedAt,
    resolved_at_ms: f.resolvedAt,
    first_symptom_at_ms: f.firstSymptomAt,
    commitments_met: f.commitmentsMet,
    commitments_missed: f.commitmentsMissed,
    open_commitment_due_at_ms: f.openCommitmentDueAt,
    reminders: f.reminders,
  };
}

/** The stored facts row of an incident, if any. */
export async function findFactsRow(db: Db, incidentId: string): Promise<IncidentFactsRow | undefined> {
  const row = await db.selectFrom('incident_metric_facts').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
  return row ? factsOfRow(row) : undefined;
}

/** Inserts or replaces an incident's facts row. */
export async function putFactsRow(db: Db, facts: IncidentFactsRow): Promise<void> {
  const { incident_id: _id, ...rest } = rowOf(facts);
  await db.insertInto('incident_metric_facts').values(rowOf(facts)).onConflict((oc) => oc.column('incident_id').doUpdateSet(rest)).execute();
}

/**
 * The update and resolution events of an incident (what update commitments are
 * read from), with the current resolution whatever event made it: a
 * `status_changed` to resolved closes the open commitment as `resolved` does.
 */
async function commitmentEvents(db: Db, state: IncidentState): Promise<CommitmentEvent[]> {
  const rows = await db.selectFrom('incident_events').select(['seq', 'kind', 'occurred_at', 'body'])
    .where('incident_id', '=', state.id).where('kind', 'in', COMMITMENT_KINDS).orderBy('seq').execute();
  const events: CommitmentEvent[] = rows.map((r) => ({ seq: r.seq, kind: r.kind, occurredAt: r.occurred_at, body: fromJson(r.body) }));
  const resolvedSeq = state.keyTimeSeqs.resolvedAt;
  if (state.keyTimes.resolvedAt && resolvedSeq !== null && !events.some((e) => e.seq === resolvedSeq)) {
    events.push({ seq: resolvedSeq, kind: 'resolved', occurredAt: state.keyTimes.resolvedAt, body: {} });
  }
  return events;
}

async function reminderCount(db: Db, incidentId: string): Promise<number> {
  const row = await db.selectFrom('incident_events').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_id', '=', incidentId).where('kind', '=', 'reminder').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The facts row of an incident read afresh from its state and its log. */
async function factsFromStore(db: Db, state: IncidentState): Promise<IncidentFactsRow> {
  return factsRowOf(state, commitmentSummary(await commitmentEvents(db, state)), await reminderCount(db, state.id));
}

/** The facts that can decide or open an update commitment. */
const COMMITMENT_FACTS: ReadonlySet<IncidentFact['kind']> = new Set(['published_publicly', 'shared_internally', 'resolved', 'reopened']);

/**
 * In the appending transaction of every event: brings the incident's facts row
 * up to `state`. The row is closed on the `resolved` fact, whatever event
 * resolved; only updates and resolutions (or a corrected resolution time)
 * change commitments and only reminders change the reminder count, so other
 * events re-read nothing from the log.
 */
export async function recordFactsOnAppend(trx: Db, facts: readonly IncidentFact[], event: StoredEvent, before: IncidentState | undefined, state: IncidentState): Promise<void> {
  const stored = await findFactsRow(trx, state.id);
  if (!stored) {
    await putFactsRow(trx, await factsFromStore(trx, state));
    return;
  }
  const moved = facts.some((f) => COMMITMENT_FACTS.has(f.kind)) || before?.keyTimes.resolvedAt !== state.keyTimes.resolvedAt;
  const commitments = moved ? commitmentSummary(await commitmentEvents(trx, state)) : stored;
  const reminders = stored.reminders + (event.kind === 'reminder' ? 1 : 0);
  await putFactsRow(trx, factsRowOf(state, commitments, reminders));
}

/** Rewrites an incident's facts row from its stored projection and log (migration, rebuild). */
export async function rebuildIncidentFacts(db: Db, incidentId: string): Promise<void> {
  const row = await db.selectFrom('incidents').select('state').where('id', '=', incidentId).executeTakeFirst();
  const state = row ? fromJson<IncidentState>(row.state) : null;
  if (state) await putFactsRow(db, await factsFromStore(db, state));
}
