/** Integrations: a service's intake endpoints, each authenticated by a secret key shown once and stored as SHA-256. */
import { randomUUID } from 'node:crypto';
import { afterCommit, type Store } from '../../db/store.js';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/schema.js';
import { fromJson, nowIso, toJson } from '../../db/dialect.js';
import { badRequest, forbidden, DomainError, notFound, referenced } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { getService } from '../catalog/service.js';
import { checkMappings, type FieldMappings } from './adapt-generic.js';
import type { IntakeIntegration } from './pipeline.js';
import * as store from './store.js';
import type { IntegrationKind } from './tables.js';
import type { JobQueue } from '../../jobs/queue.js';
import { changeHeartbeatInterval, createHeartbeat, heartbeatsOf, heartbeatView, type HeartbeatView } from './heartbeats.js';

export const INTEGRATION_KINDS = ['alertmanager', 'pagerduty', 'grafana', 'generic', 'opsgenie', 'heartbeat'] as const;

export interface IntegrationView {
  id: string;
  serviceId: string;
  kind: IntegrationKind;
  name: string;
  keyPrefix: string;
  enabled: boolean;
  mappings: Record<string, string> | null;
  groupBy: string[] | null;
  /** Where senders post, with `{key}` standing for the secret key. */
  intakePath: string;
  /** Heartbeat integrations: the interval and where the heartbeat stands. */
  heartbeat: HeartbeatView | null;
  createdAt: string;
  updatedAt: string;
}

export interface IntakeTarget extends IntakeIntegration {
  mappings: FieldMappings | null;
}

export function intakePathOf(kind: IntegrationKind, key: string): string {
  // PagerDuty senders put the key in the body's routing_key; Opsgenie senders in Authorization: GenieKey.
  if (kind === 'pagerduty') return '/v2/enqueue';
  if (kind === 'opsgenie') return '/v2/alerts';
  if (kind === 'heartbeat') return `/intake/heartbeat/${key}`;
  return `/intake/${kind}/${key}`;
}

function toView(row: store.IntegrationRow, heartbeat: HeartbeatView | null = null): IntegrationView {
  return {
    id: row.id,
    serviceId: row.service_id,
    kind: row.kind,
    name: row.name,
    keyPrefix: row.key_prefix,
    enabled: row.disabled_at === null,
    mappings: fromJson<Record<string, string>>(row.mappings),
    groupBy: fromJson<string[]>(row.group_by),
    intakePath: intakePathOf(row.kind, '{key}'),
    heartbeat,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkedMappings(kind: IntegrationKind, mappings: Record<string, string> | undefined): FieldMappings | null {
  if (kind !== 'generic') {
    if (mappings !== undefined) throw badRequest('mappings apply to generic integrations only', [{ field: 'mappings', message: `is not used by ${kind} integrations` }]);
    return null;
  }
  if (mappings === undefined) throw badRequest('a generic integration needs mappings with at least dedupKey and summary', [{ field: 'mappings', message: 'is required' }]);
  const problems = checkMappings(mappings);
  if (problems.length) throw badRequest(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  return mappings as unknown as FieldMappings;
}

export interface NewIntegration {
  kind: IntegrationKind;
  name: string;
  mappings?: Record<string, string>;
  groupBy?: string[];
  heartbeat?: { intervalSeconds: number };
}

/** Creates an integration; the key is returned here only and stored hashed. A heartbeat needs the job queue (its checks are jobs). */
export async function createIntegration(st: Store, actor: Actor, serviceId: string, input: NewIntegration, jobs?: JobQueue): Promise<{ view: IntegrationView; key: string; intakePath: string }> {
  const mappings = checkedMappings(input.kind, input.mappings);
  if (input.heartbeat !== undefined && input.kind !== 'heartbeat') throw badRequest('heartbeat settings apply to heartbeat integrations only', [{ field: 'heartbeat', message: `is not used by ${input.kind} integrations` }]);
  const key = newSecret('fbi');
  const now = nowIso();
  const row: store.IntegrationRow = {
    id: randomUUID(),
    service_id: serviceId,
    kind: input.kind,
    name: input.name.trim(),
    key_hash: hashSecret(key),
    key_prefix: key.slice(0, 10),
    mappings: mappings ? toJson(mappings) : null,
    group_by: input.groupBy?.length ? toJson(input.groupBy) : null,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  return st.transaction(async (trx) => {
    await getService(trx, serviceId);
    forgetKeys(trx);
    await store.insertIntegration(trx, row);
    let heartbeat: HeartbeatView | null = null;
    if (row.kind === 'heartbeat') {
      if (!jobs) throw new Error('creating a heartbeat integration needs the job queue');
      heartbeat = heartbeatView(await createHeartbeat(trx, jobs, row.id, input.heartbeat?.intervalSeconds, new Date(now)));
    }
    await recordAudit(trx, actor, { action: 'integration.create', targetType: 'integration', targetId: row.id, detail: { serviceId, kind: row.kind, name: row.name, ...(heartbeat ? { intervalSeconds: heartbeat.intervalSeconds } : {}) } });
    return { view: toView(row, heartbeat), key, intakePath: intakePathOf(row.kind, key) };
  });
}

export interface IntegrationChanges {
  name?: string;
  enabled?: boolean;
  mappings?: Record<string, string>;
  groupBy?: string[];
  heartbeat?: { intervalSeconds: number };
}

/** Renames, enables or disables an integration, or changes its mappings (checked again), grouping or heartbeat interval. */
export async function updateIntegration(st: Store, actor: Actor, id: string, changes: IntegrationChanges, jobs?: JobQueue): Promise<IntegrationView> {
  return st.transaction(async (trx) => {
    const row = await store.findIntegration(trx, id);
    if (!row) throw notFound('integration');
    const mappings = changes.mappings !== undefined ? checkedMappings(row.kind, changes.mappings) : undefined;
    const now = nowIso();
    forgetKeys(trx);
    await store.updateIntegration(trx, id, {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.enabled !== undefined ? { disabled_at: changes.enabled ? null : (row.disabled_at ?? now) } : {}),
      ...(mappings !== undefined ? { mappings: mappings ? toJson(mappings) : null } : {}),
      ...(changes.groupBy !== undefined ? { group_by: changes.groupBy.length ? toJson(changes.groupBy) : null } : {}),
      updated_at: now,
    });
    if (changes.heartbeat !== undefined && row.kind !== 'heartbeat') throw badRequest('heartbeat settings apply to heartbeat integrations only', [{ field: 'heartbeat', message: `is not used by ${row.kind} integrations` }]);
    // A new interval, or enabling again, restarts the heartbeat's clock from its last ping (or now).
    if (row.kind === 'heartbeat' && (changes.heartbeat !== undefined || (changes.enabled === true && row.disabled_at !== null))) {
      if (!jobs) throw new Error('changing a heartbeat integration needs the job queue');
      const current = (await heartbeatsOf(trx, [id])).get(id);
      await changeHeartbeatInterval(trx, jobs, id, changes.heartbeat?.intervalSeconds ?? current?.intervalSeconds ?? 60, new Date(now));
    }
    const action = changes.enabled === undefined ? 'integration.update' : changes.enabled ? 'integration.enable' : 'integration.disable';
    await recordAudit(trx, actor, { action, targetType: 'integration', targetId: id, detail: { changed: Object.keys(changes) } });
    return toView((await store.findIntegration(trx, id))!, (await heartbeatsOf(trx, [id])).get(id) ?? null);
  });
}

export async function deleteIntegration(st: Store, actor: Actor, id: string): Promise<void> {
  await st.transaction(async (trx) => {
    const row = await store.findIntegration(trx, id);
    if (!row) throw notFound('integration');
    forgetKeys(trx);
    await store.deleteIntegration(trx, id);
    await recordAudit(trx, actor, { action: 'integration.delete', targetType: 'integration', targetId: id, detail: { serviceId: row.service_id, kind: row.kind } });
  });
}

export async function getIntegration(db: Db, id: string): Promise<IntegrationView> {
  const row = await store.findIntegration(db, id);
  if (!row) throw notFound('integration');
  return toView(row, (await heartbeatsOf(db, [id])).get(id) ?? null);
}

export async function listIntegrations(db: Db, serviceId?: string): Promise<IntegrationView[]> {
  const rows = await store.listIntegrations(db, serviceId);
  const beats = await heartbeatsOf(db, rows.filter((r) => r.kind === 'heartbeat').map((r) => r.id));
  return rows.map((row) => toView(row, beats.get(row.id) ?? null));
}

function toTarget(row: store.IntegrationRow): IntakeTarget {
  return { id: row.id, serviceId: row.service_id, kind: row.kind, name: row.name, groupBy: fromJson<string[]>(row.group_by), mappings: fromJson<FieldMappings>(row.mappings) };
}

/**
 * How long intake trusts a key it has looked up. Senders post many requests a
 * second with one key, and looking it up was a query (a round trip on
 * PostgreSQL) on every one. Changes made in this process apply at once (the
 * generation below); another process's show within this long; an append for
 * an integration deleted meanwhile fails on its foreign key and answers 404.
 */
const KEY_TRUST_MS = 1000;
let keysGeneration = 0;
const knownKeys = new WeakMap<Db, Map<string, { row: store.IntegrationRow | undefined; at: number; generation: number }>>();

/** Forgets every key looked up in this process (called once an integration changes). */
function forgetKeys(trx: Db): void {
  keysGeneration++;
  afterCommit(trx, () => keysGeneration++);
}

async function integrationByKey(db: Db, key: string): Promise<store.IntegrationRow | undefined> {
  const hash = hashSecret(key);
  let cache = knownKeys.get(db);
  if (!cache) knownKeys.set(db, (cache = new Map()));
  const known = cache.get(hash);
  if (known && known.generation === keysGeneration && performance.now() - known.at < KEY_TRUST_MS) return known.row;
  const generation = keysGeneration;
  const row = await store.findIntegrationByKeyHash(db, hash);
  // Bounded: a sender trying random keys must not grow the map for ever.
  if (cache.size >= 10_000) cache.clear();
  cache.set(hash, { row, at: performance.now(), generation });
  return row;
}

/** The enabled integration a key opens for this intake kind: 404 for an unknown key (or another kind's), 403 when disabled. */
export async function resolveIntakeKey(db: Db, key: string, kind: IntegrationKind): Promise<IntakeTarget> {
  const row = await integrationByKey(db, key);
  if (!row || row.kind !== kind) throw new DomainError('not_found', 'unknown-integration-key', `no ${kind} integration has this key`);
  if (row.disabled_at !== null) throw forbidden(`the integration "${row.name}" is disabled`);
  return toTarget(row);
}

/** The service's built-in test integration (for `firebreak alert send` and drills), created on first use. */
export async function testIntegration(st: Store, serviceId: string): Promise<IntakeTarget> {
  return st.transaction(async (trx) => {
    const found = await store.findIntegrationByKind(trx, serviceId, 'test');
    if (found) return toTarget(found);
    await referenced('serviceId', getService(trx, serviceId));
    const now = nowIso();
    const row: store.IntegrationRow = {
      id: randomUUID(),
      service_id: serviceId,
      kind: 'test',
      name: 'test alerts',
      key_hash: hashSecret(newSecret('fbi')),
      key_prefix: 'test',
      mappings: null,
      group_by: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    };
    await store.insertIntegration(trx, row);
    return toTarget(row);
  });
}
