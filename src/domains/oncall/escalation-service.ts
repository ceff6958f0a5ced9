/**
 * Escalation policies and running escalations. An alert group opened by
 * intake starts its service's policy in the intake transaction; a person
 * acknowledging or resolving the group stops it in theirs; step jobs lock the
 * escalation row and re-check before paging, so an acknowledgement committed
 * by any process stops the next step.
 */
import { injectFault } from '../../app/faults.js';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { conflict, notFound } from '../../errors.js';
import { systemActor, type Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { appendEventInTx, getIncidentRow, isIncidentMember } from '../incidents/service.js';
import { canSee, type Viewer } from '../incidents/access.js';
import { checkSteps, type EscalationSnapshot, type EscalationStep, type EscalationTarget } from './escalation-policy.js';
import * as store from './escalation-store.js';
import { checkTargetsExist, targetName } from './escalation-targets.js';
import { runStep } from './escalation-jobs.js';
import { beginEscalations, incidentPageRow } from './escalation-begin.js';
import type { EscalationFacts, PagingDeps } from './paging.js';
import { clockNow } from '../../clock.js';
import { announcePage } from './page-observers.js';

export interface PolicyInput {
  name: string;
  description?: string | null;
  steps: EscalationStep[];
  repeat?: number;
  repeatDelaySeconds?: number;
}

export interface PolicyView {
  id: string;
  name: string;
  description: string | null;
  steps: EscalationStep[];
  repeat: number;
  repeatDelaySeconds: number;
  createdAt: string;
  updatedAt: string;
}

function toPolicyView(r: store.PolicyRow): PolicyView {
  return { id: r.id, name: r.name, description: r.description, steps: JSON.parse(r.steps) as EscalationStep[], repeat: r.repeat, repeatDelaySeconds: r.repeat_delay_seconds, createdAt: r.created_at, updatedAt: r.updated_at };
}

async function checkPolicy(db: Db, steps: readonly EscalationStep[]): Promise<void> {
  checkSteps(steps);
  for (const [i, step] of steps.entries()) await checkTargetsExist(db, step.targets, `steps/${i}/targets`);
}

export async function createPolicy(st: Store, actor: Actor, input: PolicyInput): Promise<PolicyView> {
  const now = clockNow().toISOString();
  const row: store.PolicyRow = {
    id: randomUUID(),
    name: input.name.trim(),
    description: input.description ?? null,
    steps: JSON.stringify(input.steps),
    repeat: input.repeat ?? 0,
    repeat_delay_seconds: input.repeatDelaySeconds ?? 300,
    created_at: now,
    updated_at: now,
  };
  return st.transaction(async (trx) => {
    await checkPolicy(trx, input.steps);
    if (await store.findPolicy(trx, row.name)) throw conflict('policy-exists', `an escalation policy named ${row.name} already exists`);
    await store.insertPolicy(trx, row);
    await recordAudit(trx, actor, { action: 'escalation_policy.create', targetType: 'escalation_policy', targetId: row.id, detail: { name: row.name, steps: input.steps.length } });
    return toPolicyView(row);
  });
}

/** Changes a policy; escalations already running keep the snapshot they started with. */
export async function updatePolicy(st: Store, actor: Actor, idOrName: string, input: Partial<PolicyInput>): Promise<PolicyView> {
  return st.transaction(async (trx) => {
    const row = await store.findPolicy(trx, idOrName);
    if (!row) throw notFound('escalation policy');
    if (input.steps) await checkPolicy(trx, input.steps);
    if (input.name && input.name.trim() !== row.name && (await store.findPolicy(trx, input.name.trim()))) throw conflict('policy-exists', `an escalation policy named ${input.name.trim()} already exists`);
    const changes: Partial<store.PolicyRow> = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.steps !== undefined ? { steps: JSON.stringify(input.steps) } : {}),
      ...(input.repeat !== undefined ? { repeat: input.repeat } : {}),
      ...(input.repeatDelaySeconds !== undefined ? { repeat_delay_seconds: input.repeatDelaySeconds } : {}),
      updated_at: clockNow().toISOString(),
    };
    await store.updatePolicy(trx, row.id, changes);
    await recordAudit(trx, actor, { action: 'escalation_policy.update', targetType: 'escalation_policy', targetId: row.id, detail: { fields: Object.keys(input) } });
    return toPolicyView({ ...row, ...changes });
  });
}

export async function deletePolicy(st: Store, actor: Actor, idOrName: string): Promise<void> {
  await st.transaction(async (trx) => {
    const row = await store.findPolicy(trx, idOrName);
    if (!row) throw notFound('escalation policy');
    await store.deletePolicy(trx, row.id);
    await recordAudit(trx, actor, { action: 'escalation_policy.delete', targetType: 'escalation_policy', targetId: row.id, detail: { name: row.name } });
  });
}

export async function getPolicy(db: Db, idOrName: string): Promise<PolicyView> {
  const row = await store.findPolicy(db, idOrName);
  if (!row) throw notFound('escalation policy');
  return toPolicyView(row);
}

export async function listPolicies(db: Db): Promise<PolicyView[]> {
  return (await store.listPolicies(db)).map(toPolicyView);
}

function snapshotOf(p: store.PolicyRow): EscalationSnapshot {
  return { policyId: p.id, name: p.name, steps: JSON.parse(p.steps) as EscalationStep[], repeat: p.repeat, repeatDelaySeconds: p.repeat_delay_seconds };
}

export interface OpenedGroup {
  id: string;
  serviceId: string;
  serviceName: string | null;
  policyId: string | null;
  summary: string;
  incidentId: string | null;
  incidentRef: string | null;
  /** Opened by a drill: its pages say DRILL. */
  drill?: boolean;
}

/**
 * Starts the escalations of alert groups that just opened, in the intake
 * transaction: each snapshots its service's policy. Groups without a policy
 * page nobody.
 */
export async function startGroupEscalations(trx: Transaction<Database>, deps: PagingDeps, groups: readonly OpenedGroup[], actorLabel: string): Promise<string[]> {
  injectFault(deps.faults, 'paging');
  const withPolicy = groups.filter((g) => g.policyId);
  if (withPolicy.length === 0) return [];
  const policies = new Map((await store.findPoliciesByIds(trx, [...new Set(withPolicy.map((g) => g.policyId!))])).map((p) => [p.id, p]));
  const now = clockNow();
  const rows: store.EscalationRow[] = [];
  for (const g of withPolicy) {
    const policy = policies.get(g.policyId!);
    if (!policy) continue;
    const facts: EscalationFacts = { ...snapshotOf(policy), serviceName: g.serviceName, incidentRef: g.incidentRef, ...(g.drill ? { drill: true } : {}) };
    rows.push({
      id: randomUUID(),
      subject: 'alert_group',
      alert_group_id: g.id,
      incident_id: g.incidentId,
      service_id: g.serviceId,
      policy_id: policy.id,
      snapshot: JSON.stringify(facts),
      title: g.summary.slice(0, 500) || `Alerts on ${g.serviceName ?? 'a service'}`,
      reason: null,
      status: 'active',
      round: 0,
      step: 0,
      next_step_at: new Date(now.getTime() + facts.steps[0]!.delaySeconds * 1000).toISOString(),
      acknowledged_by: null,
      acknowledged_at: null,
      stopped_at: null,
      stopped_by: null,
      stop_reason: null,
      created_by: actorLabel,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
  }
  return beginEscalations(trx, deps, rows, now.toISOString());
}

/**
 * Stops the escalations of groups a person (or intake) acknowledged or
 * resolved, in that transaction. Acknowledging only acknowledges: the person
 * joins the linked incident (so it knows who picked it up, and its reminders
 * reach them while nobody commands), and taking command is a separate offer
 * (`takeCommandIfNone`).
 */
export async function haltGroupEscalations(trx: Transaction<Database>, deps: PagingDeps, actor: Actor, groups: ReadonlyArray<{ id: string; status: string; incident_id: string | null }>): Promise<void> {
  const stopping = groups.filter((g) => g.status === 'acknowledged' || g.status === 'resolved');
  if (stopping.length === 0) return;
  const active = await store.lockUnansweredEscalationsOfGroups(trx, stopping.map((g) => g.id));
  const now = clockNow().toISOString();
  for (const status of ['acknowledged', 'resolved'] as const) {
    const ids = new Set(stopping.filter((g) => g.status === status).map((g) => g.id));
    const escalations = active.filter((e) => ids.has(e.alert_group_id!));
    await store.stopEscalations(trx, escalations.map((e) => e.id), status, actor.userId ?? actor.label, now);
    if (status === 'acknowledged') await store.acknowledgePages(trx, escalations.map((e) => e.id), actor.userId, now);
    await announcePage(trx, deps, { kind: status, escalationIds: escalations.map((e) => e.id), by: actor.label });
  }
  const incidents = new Set(stopping.filter((g) => g.status === 'acknowledged' && g.incident_id).map((g) => g.incident_id!));
  for (const incidentId of incidents) await joinOnAcknowledge(trx, deps, actor, incidentId);
}

/**
 * The person acknowledging a page joins its incident unless already in it.
 * They write it themselves when they may (so the incident's acknowledgement
 * time is theirs); a private incident's page was an invitation, so Firebreak
 * adds them then.
 */
async function joinOnAcknowledge(trx: Transaction<Database>, deps: PagingDeps, actor: Actor, incidentId: string): Promise<void> {
  if (!actor.userId || actor.role === null || actor.role === 'viewer') return;
  const incident = await getIncidentRow(trx, incidentId, true);
  if (!incident || incident.status === 'resolved' || (await isIncidentMember(trx, incidentId, actor.userId))) return;
  const writer = incident.is_private === 1 ? systemActor(actor.label) : actor;
  await appendEventInTx(trx, deps, writer, incidentId, { kind: 'member_added', body: { userId: actor.userId } });
}

/**
 * "Acknowledge and take command": after the acknowledgement, the person takes
 * command of the incident when nobody holds it. Returns who commands now.
 */
export async function takeCommandIfNone(st: Store, deps: PagingDeps, actor: Actor, incidentId: string): Promise<{ taken: boolean; commanderId: string | null }> {
  return st.transaction(async (trx) => {
    const incident = await getIncidentRow(trx, incidentId, true);
    if (!incident) throw notFound('incident');
    if (incident.status === 'resolved') throw conflict('resolved', `INC-${incident.number} is resolved; there is nothing to command`);
    if (incident.commander_id) return { taken: incident.commander_id === actor.userId, commanderId: incident.commander_id };
    await appendEventInTx(trx, deps, actor, incidentId, { kind: 'role_assigned', body: { role: 'commander', userId: actor.userId } });
    return { taken: true, commanderId: actor.userId };
  });
}

/**
 * A responder pages a person, a schedule or a team into an incident, with a
 * reason; recorded on the incident's timeline. Returns the escalation.
 */
export async function pageIntoIncident(st: Store, deps: PagingDeps, actor: Actor, incidentRef: string, target: EscalationTarget, reason: string): Promise<{ escalationId: string; incidentId: string }> {
  return st.transaction(async (trx) => {
    const incident = await getIncidentRow(trx, incidentRef);
    if (!incident) throw notFound('incident');
    await checkTargetsExist(trx, [target], (t) => `${t.type}Id`);
    const name = await targetName(trx, target);
    const now = clockNow().toISOString();
    const row = incidentPageRow({ incident: { id: incident.id, ref: `INC-${incident.number}`, title: incident.title, drill: incident.is_drill === 1 }, target, reason, by: actor.label, now });
    const id = row.id;
    // The timeline event first: it checks the actor may write to this incident.
    await appendEventInTx(trx, deps, actor, incident.id, { kind: 'responder_paged', body: { target: { ...target, name }, reason, escalationId: id } });
    await beginEscalations(trx, deps, [row], now);
    await recordAudit(trx, actor, { action: 'oncall.page', targetType: 'incident', targetId: incident.id, detail: { target, reason, escalationId: id } });
    return { escalationId: id, incidentId: incident.id };
  });
}

/**
 * Stops an escalation that is not an alert group's (a page into an incident),
 * in trx. The person acknowledging such a page joins the incident: they were
 * asked in by one of its responders, so they may see it even when it is private.
 */
export async function stopEscalationInTx(trx: Transaction<Database>, deps: PagingDeps, actor: Actor, esc: store.EscalationRow, status: 'acknowledged' | 'resolved'): Promise<void> {
  const now = clockNow().toISOString();
  await store.stopEscalations(trx, [esc.id], status, actor.userId ?? actor.label, now);
  if (status === 'acknowledged') await store.acknowledgePages(trx, [esc.id], actor.userId, now);
  await announcePage(trx, deps, { kind: status, escalationIds: [esc.id], by: actor.label });
  await recordAudit(trx, actor, { action: status === 'acknowledged' ? 'escalation.acknowledge' : 'escalation.resolve', targetType: 'escalation', targetId: esc.id });
  if (status === 'acknowledged' && esc.incident_id) await joinOnAcknowledge(trx, deps, actor, esc.incident_id);
}

/**
 * Fires the pending step now instead of at its due time, in trx (the step job
 * scheduled for later then finds the escalation has moved on).
 */
export async function escalateNowInTx(trx: Transaction<Database>, deps: PagingDeps, actor: Actor, escalationId: string): Promise<void> {
  const esc = await store.lockEscalation(trx, escalationId);
  if (!esc) throw notFound('escalation');
  if (esc.status !== 'active') throw conflict('escalation-stopped', `this escalation has already stopped (${esc.status})`);
  // Announced before the step fires, so only the pages already out read "escalated"; the new ones are fresh pages.
  await announcePage(trx, deps, { kind: 'escalated', escalationIds: [esc.id], by: actor.label });
  await runStep(trx, deps, esc, clockNow().toISOString());
  await recordAudit(trx, actor, { action: 'escalation.escalate', targetType: 'escalation', targetId: esc.id, detail: { round: esc.round, step: esc.step } });
}

export interface EscalationView {
  id: string;
  subject: 'alert_group' | 'incident';
  alertGroupId: string | null;
  incidentId: string | null;
  title: string;
  reason: string | null;
  status: store.EscalationRow['status'];
  policy: EscalationSnapshot;
  nextStep: { round: number; step: number; at: string } | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  pages: Array<{ userId: string; round: number; step: number; status: string; detail: string | null; at: string; acknowledgedAt: string | null }>;
  /** Set while nobody was reached by the steps that fired: why ("nobody was on call…", "not sent: no SMTP server is configured"). */
  pagedNobody: string | null;
}

/** Why an escalation whose steps fired reached nobody, or null when someone was paged (or nothing fired yet, or it stopped). */
function pagedNobodyBecause(row: store.EscalationRow, pages: readonly store.PageRow[], skips: readonly store.PageSkipRow[]): string | null {
  if (row.status !== 'active' && row.status !== 'exhausted') return null;
  const fired = row.round > 0 || row.step > 0 || row.status === 'exhausted' || pages.length > 0 || skips.length > 0;
  if (!fired || pages.length > 0) return null;
  const reasons = [...new Set(skips.map((s) => s.reason))];
  return reasons.length ? `paged nobody: ${reasons.join('; ')}` : 'paged nobody: no one the policy names was on call or enabled when its steps fired';
}

/** One escalation; 404 when it belongs to a private incident `who` may not see (as for the incident itself). */
export async function getEscalation(db: Db, id: string, who?: Viewer): Promise<EscalationView> {
  const row = await store.findEscalation(db, id);
  if (!row || (who && !(await mayView(db, who, row)))) throw notFound('escalation');
  return toEscalationView(db, row);
}

/** True when `who` may see the escalation: it is not a private incident's, or they may see that incident. */
export async function mayView(db: Db, who: Viewer, row: store.EscalationRow): Promise<boolean> {
  if (!row.incident_id) return true;
  const incident = await getIncidentRow(db, row.incident_id);
  return !incident || canSee(db, who, incident);
}

export async function toEscalationView(db: Db, row: store.EscalationRow): Promise<EscalationView> {
  const facts = JSON.parse(row.snapshot) as EscalationFacts;
  const [pages, skips] = await Promise.all([store.pagesOfEscalation(db, row.id), store.skipsOfEscalation(db, row.id)]);
  return {
    id: row.id,
    subject: row.subject,
    alertGroupId: row.alert_group_id,
    incidentId: row.incident_id,
    title: row.title,
    reason: row.reason,
    status: row.status,
    policy: { policyId: facts.policyId, name: facts.name, steps: facts.steps, repeat: facts.repeat, repeatDelaySeconds: facts.repeatDelaySeconds },
    nextStep: row.status === 'active' && row.next_step_at ? { round: row.round, step: row.step, at: row.next_step_at } : null,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    pages: [
      ...pages.map((p) => ({ userId: p.user_id, round: p.round, step: p.step, status: p.status as string, detail: null as string | null, at: p.created_at, acknowledgedAt: p.acknowledged_at })),
      // People a step could not page are listed as skipped, with why: never as sent.
      ...skips.map((s) => ({ userId: s.user_id, round: s.round, step: s.step, status: 'skipped', detail: s.reason, at: s.created_at, acknowledgedAt: null })),
    ],
    pagedNobody: pagedNobodyBecause(row, pages, skips),
  };
}

/** Escalations, newest first; `who` does not see those of private incidents hidden from them. */
export async function listEscalations(db: Db, who: Viewer, filter: { incidentId?: string; alertGroupId?: string; status?: store.EscalationRow['status']; limit: number }): Promise<EscalationView[]> {
  const visibleTo = who.role === 'admin' || who.via === 'system' ? undefined : who.userId;
  const rows = await store.listEscalations(db, { ...filter, ...(visibleTo === undefined ? {} : { visibleTo }) });
  const out: EscalationView[] = [];
  for (const r of rows) out.push(await toEscalationView(db, r));
  return out;
}

/** Who acknowledged an alert group's escalations (user ids or labels). */
export async function groupAcknowledgers(db: Db, alertGroupId: string): Promise<string[]> {
  return store.groupAcknowledgers(db, alertGroupId);
}
