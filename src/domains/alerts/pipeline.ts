/**
 * The intake pipeline (ARCHITECTURE.md, "Alerts"), one transaction per request: dedupe on
 * (integration, dedup key) → silences and maintenance → group → route to the
 * service → open or join an incident. Every step is batched over the whole
 * request (a handful of statements for hundreds of alerts), and the caller
 * answers only after the commit.
 */
import { hash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Metrics } from '../../app/metrics.js';
import type { ConsumerFaults } from '../../app/faults.js';
import type { Config } from '../../config.js';
import type { ChangeBus } from '../../db/changes.js';
import type { Database } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { toJson } from '../../db/dialect.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit, type AuditEvent } from '../audit/service.js';
import { routingServices, type RoutingService } from '../catalog/service.js';
import { effectiveGroupBy, groupKeyOf, windowOpen } from './grouping.js';
import { applySignal, type AlertState, type FlapPolicy } from './lifecycle.js';
import { timeOrderedId } from './ids.js';
import { runConsumers } from './consumers.js';
import type { AlertSignal } from './signal.js';
import { compileSilence, suppressionOf } from './suppression.js';
import { settleGroups, stateColumns, stateOf, writeChanges, type AlertChange } from './settle.js';
import * as store from './store.js';
import * as silenceStore from './store-silences.js';
import type { IntegrationKind } from './tables.js';
import { clockNow } from '../../clock.js';

/** What the pipeline needs from the process (AppContext satisfies it; the CLI passes no logger or metrics). */
export interface AlertDeps {
  store: Store;
  bus: ChangeBus;
  jobs: JobQueue;
  config: Config;
  logger?: Logger;
  metrics?: Pick<Metrics, 'intakeRetries'> & Partial<Pick<Metrics, 'intakeConsumerFailures' | 'alertJournalSetAside'>>;
  /** Test-only: consumers made to fail (see app/faults.ts). */
  faults?: ConsumerFaults | undefined;
}

export interface IntakeIntegration {
  id: string;
  serviceId: string;
  kind: IntegrationKind;
  name: string;
  groupBy: string[] | null;
}

export interface IntakeMeta {
  ip: string | null;
  requestId: string | null;
  /**
   * The request body as received (secrets removed), kept as evidence when the
   * request brought news (a new alert or a change). A plain resend adds nothing
   * that its alerts' stored payloads do not already hold.
   */
  evidence?: unknown;
  /** The same evidence already as JSON text (from the intake journal). */
  evidenceJson?: string;
  /** When intake accepted the request (journaled requests apply later but count from then). */
  receivedAt?: string;
  /** For intake on a person's behalf (test alerts): the audit entry, written in the same transaction. */
  audit?: { actor: Actor; event: AuditEvent };
  /**
   * A drill run sent this request: its alerts open their own group
   * (never a real one), which declares a drill incident and pages saying DRILL.
   */
  drill?: { runId: string };
}

export interface IngestResult {
  alerts: number;
  created: number;
  groupsOpened: number;
  incidentIds: string[];
}

/** Channel announcing alert groups that opened or changed status. */
export const ALERTS_CHANNEL = 'firebreak_alerts';

/** Another transaction inserted the same alert or group first: run the request again. */
export class ConcurrentWrite extends Error {}

export function flapPolicyOf(config: Config): FlapPolicy {
  return { changes: config.alertFlapChanges, windowMinutes: config.alertFlapWindowMinutes };
}

export function intakeActor(integration: IntakeIntegration, meta: IntakeMeta): Actor {
  return { userId: null, label: `integration:${integration.name}`, role: null, via: 'integration', ip: meta.ip, requestId: meta.requestId };
}

/** Bounded JSON text: a payload larger than `max` is kept as its first characters, marked truncated. */
export function boundedJson(value: unknown, max: number): { text: string; size: number; truncated: boolean } {
  const text = toJson(value) ?? 'null';
  if (text.length <= max) return { text, size: text.length, truncated: false };
  return { text: toJson({ truncated: true, size: text.length, head: text.slice(0, Math.max(0, max - 80)) }), size: text.length, truncated: true };
}

/** Bounded JSON text from text already serialised. */
export function boundedText(text: string, max: number): { text: string; size: number; truncated: boolean } {
  if (text.length <= max) return { text, size: text.length, truncated: false };
  return { text: toJson({ truncated: true, size: text.length, head: text.slice(0, Math.max(0, max - 80)) }), size: text.length, truncated: true };
}

/** Runs the pipeline for one request inside trx (its caller holds the service locks: see intake-writer.ts). */
export async function ingestInTx(trx: Transaction<Database>, deps: AlertDeps, integration: IntakeIntegration, signals: readonly AlertSignal[], meta: IntakeMeta): Promise<IngestResult> {
  const { config } = deps;
  const now = meta.receivedAt ?? clockNow().toISOString();
  const policy = flapPolicyOf(config);
  const actor = intakeActor(integration, meta);

  // Resends inside one request collapse onto one alert, applied in order.
  const byKey = new Map<string, AlertSignal[]>();
  for (const s of signals) {
    const list = byKey.get(s.dedupKey);
    if (list) list.push(s);
    else byKey.set(s.dedupKey, [s]);
  }
  // Every known alert is counted as seen up front; most of a storm is plain resends, and for them this is the only write.
  const heads = new Map((await store.touchAlertHeads(trx, integration.id, [...byKey.keys()], now)).map((r) => [r.dedup_key, r]));
  const repeats = new Map<number, string[]>();
  for (const head of heads.values()) {
    const n = byKey.get(head.dedup_key)!.length;
    if (n > 1) repeats.set(n - 1, [...(repeats.get(n - 1) ?? []), head.id]);
  }
  for (const [more, ids] of repeats) await store.touchAlerts(trx, ids, now, more);

  const silences = (await silenceStore.activeSilences(trx, now)).map(compileSilence);
  const knownServiceIds = [...new Set([integration.serviceId, ...[...heads.values()].map((r) => r.service_id)])];
  const maintenance = (await silenceStore.activeMaintenance(trx, knownServiceIds, now)).map((m) => ({ id: m.id, serviceId: m.service_id }));

  // Plain resends (same payload, no state change, nothing to regroup) need nothing more than that touch.
  let plainResends = 0;
  const payloads = new Map<string, { text: string; digest: string }>();
  const changed: string[] = [];
  for (const [key, list] of byKey) {
    const content = [...list].reverse().find((s) => !s.contentless) ?? list[list.length - 1]!;
    const text = boundedJson(content.payload, config.alertPayloadMaxBytes).text;
    // One-shot hashing: creating a Hash object per alert cost more than the digest itself.
    const payload = { text, digest: hash('sha1', text, 'base64') };
    payloads.set(key, payload);
    const head = heads.get(key);
    if (!head) continue;
    const suppressed = head.status === 'resolved' ? head.suppressed_by : suppressionOf(content.labels, head.service_id, silences, maintenance);
    const plain =
      !content.contentless &&
      payload.digest === head.payload_digest &&
      list.every((s) => keepsStatus(head.status, s.action)) &&
      suppressed === head.suppressed_by &&
      (head.status === 'resolved' || suppressed !== null || head.group_id !== null);
    if (plain) plainResends++;
    else changed.push(head.id);
  }
  const existing = new Map((await store.findAlertsByIds(trx, changed)).map((r) => [r.dedup_key, r]));

  // Routing needs the catalog only for new alerts and alerts that change.
  const labelNames = new Set<string>();
  for (const [key, list] of byKey) if (!heads.has(key)) for (const s of list) if (s.labels.service) labelNames.add(s.labels.service);
  const services = existing.size > 0 || heads.size < byKey.size ? await routingServices(trx, knownServiceIds, [...labelNames]) : [];
  const byId = new Map(services.map((s) => [s.id, s]));
  const byName = new Map(services.map((s) => [s.name, s]));
  const home = byId.get(integration.serviceId)!;
  const routeOf = (labels: Record<string, string>): RoutingService => (labels.service && byName.get(labels.service)) || home;
  const unseen = services.map((s) => s.id).filter((id) => !knownServiceIds.includes(id));
  for (const m of await silenceStore.activeMaintenance(trx, unseen, now)) maintenance.push({ id: m.id, serviceId: m.service_id });

  const changes: AlertChange[] = [];
  const wantGroup: GroupWish[] = [];
  for (const [key, list] of byKey) {
    const prev = existing.get(key);
    if (!prev && heads.has(key)) continue;
    // PagerDuty: acknowledging or resolving an alert we never saw is accepted and changes nothing.
    if (!prev && !list.some((s) => s.action === 'trigger')) continue;
    // The touch already counted this request's signals; the lifecycle counts them again from the count before it.
    let state: AlertState | undefined = prev ? { ...stateOf(prev), count: prev.count - list.length } : undefined;
    const transitions: AlertChange['transitions'] = [];
    let retriggered = false;
    for (const s of list) {
      const applied = applySignal(state, s, now, actor.label, policy);
      state = applied.state;
      if (applied.transition) transitions.push({ ...applied.transition, flapping: applied.state.flapping });
      retriggered ||= applied.retriggered;
    }
    const content = [...list].reverse().find((s) => !s.contentless) ?? list[list.length - 1]!;
    const service = prev ? (byId.get(prev.service_id) ?? home) : routeOf(content.labels);
    const labels = content.contentless && prev ? (JSON.parse(prev.labels) as Record<string, string>) : content.labels;
    const suppressedBy = state!.status === 'resolved' ? (prev?.suppressed_by ?? null) : suppressionOf(labels, service.id, silences, maintenance);
    const next: store.AlertRow = {
      id: prev?.id ?? timeOrderedId(),
      integration_id: integration.id,
      service_id: service.id,
      dedup_key: key,
      source: integration.kind,
      ...stateColumns(state!),
      summary: content.contentless && prev ? prev.summary : content.summary,
      rule: content.contentless && prev ? prev.rule : content.rule,
      labels: content.contentless && prev ? prev.labels : toJson(labels),
      links: content.contentless && prev ? prev.links : toJson(content.links),
      group_id: prev?.group_id ?? null,
      suppressed_by: suppressedBy,
      first_seen_at: prev?.first_seen_at ?? now,
      last_seen_at: now,
      last_change_at: transitions.length ? now : (prev?.last_change_at ?? now),
      starts_at: content.startsAt ?? prev?.starts_at ?? null,
      ends_at: content.endsAt ?? prev?.ends_at ?? null,
      payload_digest: payloads.get(key)!.digest,
      drill_run_id: prev ? prev.drill_run_id : (meta.drill?.runId ?? null),
    };
    const change: AlertChange = { prev, next, transitions, occurrences: list.length, actor: actor.label };
    changes.push(change);
    // A flapping alert firing again stays in its group: it must not page anew.
    if (next.status !== 'resolved' && !suppressedBy && (!prev?.group_id || (retriggered && !state!.flapping))) {
      wantGroup.push(groupWish(change, labels, service, integration.groupBy, next.drill_run_id ?? undefined));
    }
  }

  const opened = await assignGroups(trx, config, wantGroup, now);
  const { groups, statusChanged } = await settleGroups(trx, changes, now);
  // Which alerts (rule, fingerprint) each group carries now: the incident's log keeps them, so later incidents can be matched to it.
  const keys = new Map<string, { rules: Set<string>; fingerprints: Set<string> }>();
  for (const { next } of changes) {
    if (!next.group_id) continue;
    const k = keys.get(next.group_id) ?? { rules: new Set<string>(), fingerprints: new Set<string>() };
    if (next.rule) k.rules.add(next.rule);
    k.fingerprints.add(next.dedup_key);
    keys.set(next.group_id, k);
  }

  const fresh = changes.filter((c) => !c.prev).map((c) => c.next);
  if ((await store.insertNewAlerts(trx, fresh)) < fresh.length) throw new ConcurrentWrite();
  await writeChanges(trx, changes, now);
  await store.writeBodies(trx, changes.filter((c) => c.next.payload_digest !== c.prev?.payload_digest).map((c) => ({ alert_id: c.next.id, payload: payloads.get(c.next.dedup_key)!.text })));
  await store.writeGroups(trx, groups);
  // Consumers last, each in a savepoint (their failure is retried, never fails intake); a first page reads the
  // group's alerts written above (their labels pick the page's runbooks).
  const incidentIds = await runConsumers(trx, deps, actor, { groups, opened, statusChanged, services: byId, source: integration.kind, alertKeys: keys });
  if ((meta.evidence !== undefined || meta.evidenceJson !== undefined) && changes.length > 0) {
    const body = meta.evidenceJson !== undefined ? boundedText(meta.evidenceJson, config.intakeBodyLimitBytes) : boundedJson(meta.evidence, config.intakeBodyLimitBytes);
    // A payload whose alerts belong to an incident is evidence for the incident's life, not for the retention window.
    const incidentId = groups.find((g) => g.incident_id !== null)?.incident_id ?? null;
    await store.insertPayload(trx, {
      integration_id: integration.id,
      received_at: now,
      request_id: meta.requestId,
      size_bytes: body.size,
      truncated: body.truncated ? 1 : 0,
      body: body.text,
      incident_id: incidentId,
    });
  }
  if (meta.audit) await recordAudit(trx, meta.audit.actor, meta.audit.event);
  const announced = [...new Set([...opened, ...statusChanged])];
  if (announced.length) await deps.bus.publish(trx, ALERTS_CHANNEL, toJson({ groups: announced.slice(0, 50) }));
  return { alerts: changes.length + plainResends, created: fresh.length, groupsOpened: opened.length, incidentIds };
}

/** True when a signal leaves an alert in this status (a resend of what we already know). */
function keepsStatus(status: store.AlertRow['status'], action: AlertSignal['action']): boolean {
  if (action === 'trigger') return status !== 'resolved';
  if (action === 'resolve') return status === 'resolved';
  return status !== 'triggered';
}

/** An alert that needs a group: the slot (service and group key) it belongs in. */
export interface GroupWish {
  change: AlertChange;
  slot: string;
  service: RoutingService;
  key: string;
  labels: Record<string, string>;
  drill: boolean;
}

/**
 * Where an alert with these labels belongs, by the integration's or else the
 * service's group-by labels. A drill run's alerts get a slot of their own, so
 * a drill never joins a real group and a real alert never joins a drill's.
 */
export function groupWish(change: AlertChange, labels: Record<string, string>, service: RoutingService, integrationGroupBy: string[] | null, drillRunId?: string): GroupWish {
  const grouped = groupKeyOf(labels, effectiveGroupBy(integrationGroupBy, service.groupBy));
  const key = drillRunId === undefined ? grouped.key : `drill:${drillRunId}|${grouped.key}`;
  return { change, slot: `${service.id}\u0000${key}`, service, key, labels: grouped.labels, drill: drillRunId !== undefined };
}

/** Puts each alert that needs a group into its service's open group for its key, opening groups as needed. Returns the ids opened. */
export async function assignGroups(
  trx: Transaction<Database>,
  config: Config,
  wanted: readonly GroupWish[],
  now: string,
): Promise<string[]> {
  if (wanted.length === 0) return [];
  const serviceIds = [...new Set(wanted.map((w) => w.service.id))];
  const slots = new Map<string, store.GroupRow>();
  const stale: string[] = [];
  for (const g of await store.findOpenGroups(trx, serviceIds)) {
    if (windowOpen(g.opened_at, now, config.alertGroupWindowSeconds)) slots.set(`${g.service_id}\u0000${g.group_key}`, g);
    else stale.push(g.id);
  }
  await store.closeGroups(trx, stale);
  const toOpen = new Map<string, store.GroupRow>();
  for (const w of wanted) {
    if (slots.has(w.slot) || toOpen.has(w.slot)) continue;
    const a = w.change.next;
    toOpen.set(w.slot, {
      id: timeOrderedId(),
      service_id: w.service.id,
      group_key: w.key,
      group_labels: toJson(w.labels),
      open_slot: 1,
      status: 'triggered',
      severity: a.severity,
      summary: a.summary,
      opened_at: now,
      acknowledged_at: null,
      resolved_at: null,
      alert_count: 0,
      open_count: 0,
      unacked_count: 0,
      incident_id: null,
      incident_ref: null,
      escalation_policy_id: w.service.escalationPolicyId,
      updated_at: now,
      drill: w.drill ? 1 : 0,
    });
  }
  const rows = [...toOpen.values()];
  if ((await store.insertGroups(trx, rows)).length < rows.length) throw new ConcurrentWrite();
  for (const [slot, row] of toOpen) slots.set(slot, row);
  for (const w of wanted) w.change.next.group_id = slots.get(w.slot)!.id;
  return rows.map((r) => r.id);
}
