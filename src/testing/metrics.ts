/**
 * The synthetic history with known times (`timedHistory` in
 * synthetic-history.ts) written as incidents, for the metrics tests and the
 * benchmark. Each incident's log is built so the reducer's key times are
 * the designed ones; rows are written with the incidents store.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/schema.js';
import { toJson } from '../db/dialect.js';
import type { IncidentEvent } from '../domains/incidents/events.js';
import type { IncidentState } from '../domains/incidents/model.js';
import { replay } from '../domains/incidents/reduce.js';
import * as incidents from '../domains/incidents/store.js';
import { declaredBody, timeline } from '../domains/incidents/testing.js';
import { rebuildIncidentFacts } from '../domains/metrics/facts-store.js';
import { TIMED_HISTORY_START, TIMED_SERVICES, type TimedIncident } from './synthetic-history.js';

/** Owner team of each generated service (ledger has none). */
export const TEAMS: Record<string, string> = { checkout: 'team-shop', search: 'team-discovery', payments: 'team-shop' };

/** The event log that yields a designed incident's times. */
export function logOf(d: TimedIncident, number: number): IncidentEvent[] {
  const t = timeline(d.id);
  const iso = (s: number) => new Date(d.declaredAt + s * 1000).toISOString();
  const person = (s: number, extra: { occurredAt?: string } = {}) => ({ occurredAt: iso(s), actorId: '00000000-0000-4000-8000-0000000000aa', actorLabel: 'alice@example.test', ...extra });
  const system = (s: number) => ({ occurredAt: iso(s), actorId: null, actorLabel: 'firebreak' });
  const rec = (e: IncidentEvent, s: number) => ({ ...e, recordedAt: iso(s) }) as IncidentEvent;
  const events: IncidentEvent[] = [];
  // Declared by an integration, so acknowledgement is the first person's event.
  events.push(rec(t.next('declared', declaredBody({ ref: `INC-${number}`, severity: d.severity, services: d.services, drill: d.drill, commander: { userId: null, label: 'Alex' } }), system(0)), 0));
  for (let r = 0; r < d.reminders; r++) {
    events.push(rec(t.next('reminder', { reason: 'update_due', dueAt: iso(0) }, system(0)), 0));
  }
  events.push(rec(t.next('observation', { text: 'Error rate up' }, person(d.ack)), d.ack));
  if (d.detection !== null) {
    events.push(rec(t.next('marker', { marker: 'first_symptom' }, person(d.ack, { occurredAt: iso(-d.detection) })), d.ack));
  }
  events.push(rec(t.next('impact_stated', { statement: 'Checkout fails', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' }, person(d.ack)), d.ack));
  events.push(rec(t.next('hypothesis_proposed', { text: 'Bad deploy' }, person(d.ack)), d.ack));
  events.push(rec(t.next('no_unsafe_actions_known', {}, person(d.ack)), d.ack));
  events.push(rec(t.next('next_decision', { decision: 'Roll back?', owner: { label: 'Alex' }, dueAt: iso(d.sharedPicture + 3600) }, person(d.ack)), d.ack));
  // The committed next update completes the shared picture.
  const promised = d.sharedPicture + 1800;
  events.push(rec(t.next('update_posted', { audience: 'internal', text: 'Investigating', nextUpdateAt: iso(promised) }, person(d.sharedPicture)), d.sharedPicture));
  const second = d.commitmentMet ? promised - 60 : promised + 600;
  events.push(rec(t.next('update_posted', { audience: 'internal', text: 'Still on it' }, person(second)), second));
  if (d.mitigated !== null) {
    const m = Math.max(d.mitigated, second);
    d.mitigated = m;
    events.push(rec(t.next('status_changed', { status: 'monitoring', reason: 'Rolled back' }, person(m)), m));
  }
  if (d.resolved !== null) {
    const r = Math.max(d.resolved, (d.mitigated ?? 0) + 1);
    d.resolved = r;
    events.push(rec(t.next('resolved', { override: { reason: 'generated history' } }, person(r)), r));
  }
  return events;
}

/** Writes the teams, services and designed incidents (with their metrics facts rows); returns each replayed state. */
export async function storeHistory(db: Db, designed: readonly TimedIncident[]): Promise<IncidentState[]> {
  const now = new Date(TIMED_HISTORY_START).toISOString();
  for (const team of new Set(Object.values(TEAMS))) {
    await db.insertInto('teams').values({ id: team, name: team, description: null, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
  }
  for (const name of TIMED_SERVICES) {
    await db.insertInto('services').values({
      id: randomUUID(), name, description: null, owner_team_id: TEAMS[name] ?? null, runbook_url: null, tier: null,
      escalation_policy_id: null, group_by: null, created_at: now, updated_at: now,
    }).onConflict((oc) => oc.doNothing()).execute();
  }
  const states: IncidentState[] = [];
  let number = 0;
  for (const d of designed) {
    number += 1;
    const events = logOf(d, number);
    const state = replay(events)!;
    states.push(state);
    await incidents.insertIncident(db, {
      id: d.id, number, ref: state.ref, title: state.title, severity: state.severity, status: state.status,
      is_private: 0, is_drill: d.drill ? 1 : 0, commander_id: null, declared_at: state.keyTimes.declaredAt,
      resolved_at: state.keyTimes.resolvedAt, last_seq: state.lastSeq, state: toJson(state), updated_at: state.lastEventAt,
    });
    const rows = events.map((e) => ({
      incident_id: e.incidentId, seq: e.seq, kind: e.kind, actor_id: e.actorId, actor_label: e.actorLabel,
      occurred_at: e.occurredAt, recorded_at: e.recordedAt, body: toJson(e.body),
    }));
    await db.insertInto('incident_events').values(rows).execute();
    await rebuildIncidentFacts(db, d.id);
    if (d.actionItems.length > 0) await storeActionItems(db, d);
  }
  return states;
}

/** A postmortem for a designed incident, holding its designed action items. */
async function storeActionItems(db: Db, d: TimedIncident): Promise<void> {
  const iso = (s: number) => new Date(d.declaredAt + s * 1000).toISOString();
  const postmortemId = randomUUID();
  await db.insertInto('postmortems').values({
    id: postmortemId, incident_id: d.id, status: 'draft', required: 0, owner_id: null, due_at: iso(86_400), sections: '{}', whys: '[]',
    created_at: iso(3600), updated_at: iso(3600), published_at: null, reminded_at: null, reviewers: '[]', meeting_at: null, meeting_minutes: null, meeting_sequence: 0, public_summary: null,
  }).execute();
  await db.insertInto('postmortem_action_items').values(d.actionItems.map((a, i) => ({
    id: randomUUID(), postmortem_id: postmortemId, incident_id: d.id, title: `Generated action item ${i}`, type: 'prevent' as const, priority: 'medium' as const,
    status: a.closed === null ? ('open' as const) : ('closed' as const), owner_id: null, due_at: a.due === null ? null : iso(a.due), tracker_url: null,
    evidence_url: a.closed === null ? null : 'https://git.example/pr/1', created_at: iso(a.created), updated_at: iso(a.created),
    closed_at: a.closed === null ? null : iso(a.closed), reminded_at: null,
  }))).execute();
}
