/**
 * Scheduled maintenance: windows that move their components
 * to Under Maintenance at the start and back at the end by themselves, through
 * jobs, with notices to subscribers when scheduled, shortly before, at the
 * start and at the end. A job carries the time it was scheduled for and does
 * nothing when the window has since moved or been cancelled.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { fromJson, nowIso, toJson } from '../../db/dialect.js';
import { defineJob, type JobContext } from '../../jobs/definition.js';
import { invalidField, notFound, unprocessable } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import type { MaintenanceChanges, NewMaintenance } from './schemas.js';
import { announce, setComponentStatusInTx, type StatusDeps } from './service.js';
import * as store from './store.js';
import { scheduleSubscriberNotice } from './subscribers.js';
import { clockMs } from '../../clock.js';

const Phase = Type.Union([Type.Literal('upcoming'), Type.Literal('start'), Type.Literal('end')]);
const CAUSE = (id: string) => `maintenance:${id}`;

function depsOf(ctx: JobContext): StatusDeps {
  return { bus: ctx.bus, jobs: ctx.jobs, config: ctx.config };
}

/** Moves a window along: the notice before it, its start, its end. */
export const maintenanceStepJob = defineJob({
  kind: 'statuspage.maintenance_step',
  payload: Type.Object({ maintenanceId: Type.String(), phase: Phase, scheduledFor: Type.String(), scheduledUntil: Type.String() }),
  async handler(payload, ctx) {
    const deps = depsOf(ctx);
    await ctx.store.transaction(async (trx) => {
      const m = await store.findMaintenance(trx, payload.maintenanceId, true);
      // Moved or cancelled since this job was scheduled: a newer job owns the window.
      if (!m || m.scheduled_for !== payload.scheduledFor || m.scheduled_until !== payload.scheduledUntil) return;
      const now = nowIso();
      if (payload.phase === 'upcoming' && m.status === 'scheduled') {
        await scheduleSubscriberNotice(trx, deps, { kind: 'maintenance', id: m.id, phase: 'upcoming' });
      } else if (payload.phase === 'start' && m.status === 'scheduled') {
        for (const id of fromJson<string[]>(m.component_ids) ?? []) await setComponentStatusInTx(trx, deps, id, 'under_maintenance', CAUSE(m.id), now).catch(ignoreMissing);
        await store.updateMaintenance(trx, m.id, { status: 'in_progress', started_at: now, updated_at: now });
        await scheduleSubscriberNotice(trx, deps, { kind: 'maintenance', id: m.id, phase: 'started' });
        await announce(trx, deps, m.page_id);
      } else if (payload.phase === 'end' && m.status === 'in_progress') {
        await endWindow(trx, deps, m, 'completed', now);
      }
    });
  },
});

function ignoreMissing(err: unknown): void {
  // A component deleted after the window was scheduled is simply skipped.
  if ((err as { kind?: string }).kind !== 'not_found') throw err;
}

/** Returns the window's components that are still under maintenance to operational. */
async function endWindow(trx: Transaction<Database>, deps: StatusDeps, m: store.MaintenanceRow, status: 'completed' | 'cancelled', now: string): Promise<void> {
  if (m.status === 'in_progress') {
    for (const id of fromJson<string[]>(m.component_ids) ?? []) {
      const component = await store.findComponent(trx, id);
      if (component?.status === 'under_maintenance') await setComponentStatusInTx(trx, deps, id, 'operational', CAUSE(m.id), now);
    }
  }
  await store.updateMaintenance(trx, m.id, { status, ...(status === 'completed' ? { completed_at: now } : {}), updated_at: now });
  await scheduleSubscriberNotice(trx, deps, { kind: 'maintenance', id: m.id, phase: status });
  await announce(trx, deps, m.page_id);
}

async function scheduleSteps(trx: Transaction<Database>, deps: StatusDeps, m: { id: string; scheduled_for: string; scheduled_until: string; notice_minutes: number }): Promise<void> {
  const base = { maintenanceId: m.id, scheduledFor: m.scheduled_for, scheduledUntil: m.scheduled_until };
  const key = (phase: string) => `${m.id}:${phase}:${m.scheduled_for}:${m.scheduled_until}`;
  const noticeAt = new Date(Date.parse(m.scheduled_for) - m.notice_minutes * 60_000);
  if (m.notice_minutes > 0 && noticeAt.getTime() > clockMs()) {
    await deps.jobs.schedule(trx, maintenanceStepJob, { ...base, phase: 'upcoming' }, { key: key('upcoming'), runAt: noticeAt.toISOString() });
  }
  await deps.jobs.schedule(trx, maintenanceStepJob, { ...base, phase: 'start' }, { key: key('start'), runAt: m.scheduled_for });
  await deps.jobs.schedule(trx, maintenanceStepJob, { ...base, phase: 'end' }, { key: key('end'), runAt: m.scheduled_until });
}

function checkWindow(from: string, until: string): void {
  if (Date.parse(until) <= Date.parse(from)) throw invalidField('scheduledUntil', 'must be after scheduledFor');
}

function view(m: store.MaintenanceRow) {
  return {
    id: m.id,
    pageId: m.page_id,
    name: m.name,
    body: m.body,
    componentIds: fromJson<string[]>(m.component_ids) ?? [],
    scheduledFor: m.scheduled_for,
    scheduledUntil: m.scheduled_until,
    status: m.status,
    noticeMinutes: m.notice_minutes,
  };
}

/** Schedules a window and tells subscribers. */
export async function scheduleMaintenance(db: Store, deps: StatusDeps, actor: Actor, pageId: string, input: NewMaintenance): Promise<ReturnType<typeof view>> {
  const scheduledFor = new Date(input.scheduledFor).toISOString();
  const scheduledUntil = new Date(input.scheduledUntil).toISOString();
  checkWindow(scheduledFor, scheduledUntil);
  return db.transaction(async (trx) => {
    if (!(await store.findPage(trx, pageId))) throw notFound('status page');
    const components = await store.listComponents(trx, [pageId]);
    for (const [i, id] of input.componentIds.entries()) {
      if (!components.some((c) => c.id === id && c.is_group === 0)) throw invalidField(`componentIds[${i}]`, `component ${id} is not a component of this page`);
    }
    const id = randomUUID();
    const now = nowIso();
    const row = { id, page_id: pageId, name: input.name, body: input.body, component_ids: toJson([...new Set(input.componentIds)]), scheduled_for: scheduledFor, scheduled_until: scheduledUntil, status: 'scheduled' as const, notice_minutes: input.noticeMinutes ?? 60, started_at: null, completed_at: null, created_at: now, updated_at: now };
    await store.insertMaintenance(trx, row);
    await scheduleSteps(trx, deps, row);
    await scheduleSubscriberNotice(trx, deps, { kind: 'maintenance', id, phase: 'scheduled' });
    await recordAudit(trx, actor, { action: 'status_maintenance.create', targetType: 'status_maintenance', targetId: id, detail: { pageId, scheduledFor, scheduledUntil } });
    await announce(trx, deps, pageId);
    return view((await store.findMaintenance(trx, id))!);
  });
}

/** Renames, moves or cancels a window; moving reschedules its steps (the old ones then do nothing). */
export async function changeMaintenance(db: Store, deps: StatusDeps, actor: Actor, id: string, input: MaintenanceChanges): Promise<ReturnType<typeof view>> {
  return db.transaction(async (trx) => {
    const m = await store.findMaintenance(trx, id, true);
    if (!m) throw notFound('maintenance');
    if (m.status === 'completed' || m.status === 'cancelled') throw unprocessable('maintenance-over', `this maintenance is ${m.status}`);
    const now = nowIso();
    if (input.cancelled) {
      await endWindow(trx, deps, m, 'cancelled', now);
    } else {
      const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor).toISOString() : m.scheduled_for;
      const scheduledUntil = input.scheduledUntil ? new Date(input.scheduledUntil).toISOString() : m.scheduled_until;
      checkWindow(scheduledFor, scheduledUntil);
      if (m.status === 'in_progress' && scheduledFor !== m.scheduled_for) throw invalidField('scheduledFor', 'the window has started; only its end can move');
      await store.updateMaintenance(trx, id, { ...(input.name ? { name: input.name } : {}), ...(input.body ? { body: input.body } : {}), scheduled_for: scheduledFor, scheduled_until: scheduledUntil, updated_at: now });
      if (scheduledFor !== m.scheduled_for || scheduledUntil !== m.scheduled_until) await scheduleSteps(trx, deps, { ...m, scheduled_for: scheduledFor, scheduled_until: scheduledUntil });
      await announce(trx, deps, m.page_id);
    }
    await recordAudit(trx, actor, { action: 'status_maintenance.update', targetType: 'status_maintenance', targetId: id, detail: { fields: Object.keys(input) } });
    return view((await store.findMaintenance(trx, id))!);
  });
}

export async function listMaintenances(db: Store, pageId: string): Promise<Array<ReturnType<typeof view>>> {
  const rows = await db.db.selectFrom('status_maintenances').selectAll().where('page_id', '=', pageId).orderBy('scheduled_for', 'desc').limit(200).execute();
  return rows.map(view);
}
