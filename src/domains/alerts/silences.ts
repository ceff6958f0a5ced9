/** Silences (label matchers with a time range, like Alertmanager's) and maintenance windows per service. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import { nowIso, toJson } from '../../db/dialect.js';
import { badRequest, invalidField, notFound, referenced } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { getService } from '../catalog/service.js';
import { compileMatcher, type Matcher } from './matchers.js';
import * as st from './store-silences.js';
import { scheduleSuppressionEnd } from './job-kinds.js';
import type { AlertDeps } from './pipeline.js';

/** What changing silences and maintenance needs: the store, and the queue for the re-evaluation at their end. */
export type SuppressionDeps = Pick<AlertDeps, 'store' | 'jobs'>;

export interface SilenceView {
  id: string;
  matchers: Matcher[];
  serviceId: string | null;
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  createdAt: string;
  expiredAt: string | null;
  active: boolean;
}

export interface MaintenanceView {
  id: string;
  serviceId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

function toSilenceView(row: st.SilenceRow, now: string): SilenceView {
  return {
    id: row.id,
    matchers: JSON.parse(row.matchers) as Matcher[],
    serviceId: row.service_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdBy: row.created_by,
    comment: row.comment,
    createdAt: row.created_at,
    expiredAt: row.expired_at,
    active: row.expired_at === null && row.starts_at <= now && row.ends_at > now,
  };
}

function toMaintenanceView(row: st.MaintenanceRow): MaintenanceView {
  return { id: row.id, serviceId: row.service_id, startsAt: row.starts_at, endsAt: row.ends_at, reason: row.reason, createdBy: row.created_by, createdAt: row.created_at };
}

function checkRange(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw invalidField('endsAt', 'must be after startsAt');
}

export interface NewSilence {
  matchers: Matcher[];
  serviceId?: string;
  startsAt?: string;
  endsAt: string;
  comment: string;
}

/** Creates a silence; regular expressions are checked here so a bad one is refused, not silently ignored. */
export async function createSilence({ store, jobs }: SuppressionDeps, actor: Actor, input: NewSilence): Promise<SilenceView> {
  input.matchers.forEach((m, i) => {
    try {
      compileMatcher(m);
    } catch (err) {
      throw badRequest(`matchers.${i}.value: ${(err as Error).message}`, [{ field: `matchers.${i}.value`, message: (err as Error).message }]);
    }
  });
  const now = nowIso();
  const startsAt = new Date(input.startsAt ?? now).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  checkRange(startsAt, endsAt);
  if (endsAt <= now) throw invalidField('endsAt', 'must be in the future');
  const row: st.SilenceRow = {
    id: randomUUID(),
    matchers: toJson(input.matchers.map(({ name, op, value }) => ({ name, op, value }))),
    service_id: input.serviceId ?? null,
    starts_at: startsAt,
    ends_at: endsAt,
    created_by: actor.label,
    created_by_id: actor.userId,
    comment: input.comment,
    created_at: now,
    expired_at: null,
  };
  return store.transaction(async (trx) => {
    if (input.serviceId) await referenced('serviceId', getService(trx, input.serviceId));
    await st.insertSilence(trx, row);
    await scheduleSuppressionEnd(trx, jobs, `silence:${row.id}`, endsAt);
    await recordAudit(trx, actor, { action: 'silence.create', targetType: 'silence', targetId: row.id, detail: { matchers: input.matchers, endsAt } });
    return toSilenceView(row, now);
  });
}

export async function listSilences(db: Db, active?: boolean): Promise<SilenceView[]> {
  const now = nowIso();
  return (await st.listSilences(db, { active: active ?? false, now })).map((r) => toSilenceView(r, now));
}

export async function getSilence(db: Db, id: string): Promise<SilenceView> {
  const row = await st.findSilence(db, id);
  if (!row) throw notFound('silence');
  return toSilenceView(row, nowIso());
}

/** Ends a silence now (kept for the record); the alerts it kept quiet are evaluated again at once. */
export async function expireSilence({ store, jobs }: SuppressionDeps, actor: Actor, id: string): Promise<SilenceView> {
  return store.transaction(async (trx) => {
    if (!(await st.findSilence(trx, id))) throw notFound('silence');
    const now = nowIso();
    if (await st.expireSilence(trx, id, now)) await scheduleSuppressionEnd(trx, jobs, `silence:${id}`, now);
    await recordAudit(trx, actor, { action: 'silence.expire', targetType: 'silence', targetId: id });
    return toSilenceView((await st.findSilence(trx, id))!, now);
  });
}

/** Schedules a maintenance window: alerts routed to the service during it are stored but suppressed. */
export async function createMaintenance({ store, jobs }: SuppressionDeps, actor: Actor, serviceId: string, input: { startsAt: string; endsAt: string; reason: string }): Promise<MaintenanceView> {
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  checkRange(startsAt, endsAt);
  const row: st.MaintenanceRow = { id: randomUUID(), service_id: serviceId, starts_at: startsAt, ends_at: endsAt, reason: input.reason, created_by: actor.label, created_at: nowIso() };
  return store.transaction(async (trx) => {
    await getService(trx, serviceId);
    await st.insertMaintenance(trx, row);
    await scheduleSuppressionEnd(trx, jobs, `maintenance:${row.id}`, endsAt);
    await recordAudit(trx, actor, { action: 'maintenance.create', targetType: 'service', targetId: serviceId, detail: { windowId: row.id, startsAt, endsAt } });
    return toMaintenanceView(row);
  });
}

export async function listMaintenance(db: Db, serviceId: string): Promise<MaintenanceView[]> {
  await getService(db, serviceId);
  return (await st.listMaintenance(db, serviceId)).map(toMaintenanceView);
}

export async function deleteMaintenance({ store, jobs }: SuppressionDeps, actor: Actor, serviceId: string, windowId: string): Promise<void> {
  await store.transaction(async (trx) => {
    const row = await st.findMaintenance(trx, windowId);
    if (!row || row.service_id !== serviceId) throw notFound('maintenance window');
    await st.deleteMaintenance(trx, windowId);
    await scheduleSuppressionEnd(trx, jobs, `maintenance:${windowId}`, nowIso());
    await recordAudit(trx, actor, { action: 'maintenance.delete', targetType: 'service', targetId: serviceId, detail: { windowId } });
  });
}
