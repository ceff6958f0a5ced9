/**
 * On-call schedules: create and change them, and ask who is on call. The
 * math lives in schedule.ts/rotation.ts (pure); this file loads rows, checks
 * references and records audit entries.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.js';
import type { Db } from '../../db/schema.js';
import { nowIso, toJson } from '../../db/dialect.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { compileSchedule, finalShifts, onCallAtInstant, scheduleGaps, type ScheduleRules } from './schedule.js';
import type { Restriction, RotationLayer } from './rotation.js';
import type { OverrideRule } from './overrides.js';
import { layerErrors, refuseIfErrors, zoneErrors, type LayerInput } from './schedule-validate.js';
import * as schedules from './schedule-store.js';

/** How far ahead a schedule is checked for gaps. */
export const GAP_HORIZON_MS = 14 * 86_400_000;
/** Longest range one shifts query may span. */
export const MAX_SHIFTS_RANGE_MS = 400 * 86_400_000;

export interface ScheduleView {
  id: string;
  name: string;
  description: string | null;
  timeZone: string;
  ownerTeamId: string | null;
  /** Bottom first: a later layer wins during its hours. */
  layers: RotationLayer[];
  createdAt: string;
  updatedAt: string;
}

export interface ScheduleInput {
  name: string;
  description?: string | null;
  timeZone: string;
  ownerTeamId?: string | null;
  layers: LayerInput[];
}

export interface ShiftView {
  start: string;
  end: string;
  userIds: string[];
}

export interface GapView {
  start: string;
  end: string;
}

function toLayer(row: schedules.LayerRow): RotationLayer {
  return {
    id: row.id,
    name: row.name,
    start: row.start_local,
    length: { unit: row.length_unit, count: row.length_count },
    participants: JSON.parse(row.participants) as string[],
    restrictions: JSON.parse(row.restrictions) as Restriction[],
  };
}

function toView(row: schedules.ScheduleRow, layers: schedules.LayerRow[]): ScheduleView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeZone: row.time_zone,
    ownerTeamId: row.owner_team_id,
    layers: layers.filter((l) => l.schedule_id === row.id).map(toLayer),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toOverrideRule(row: schedules.OverrideRow): OverrideRule {
  return { id: row.id, kind: row.kind, start: Date.parse(row.starts_at), end: Date.parse(row.ends_at), userId: row.user_id, replaces: row.replaces_user_id };
}

/** Finds a schedule row by id or by name. */
export async function findScheduleRow(db: Db, idOrName: string): Promise<schedules.ScheduleRow> {
  const row = (await schedules.findSchedule(db, idOrName)) ?? (await schedules.findScheduleByName(db, idOrName));
  if (!row) throw notFound('schedule', 'schedule-not-found');
  return row;
}

/** A schedule with its layers, by id or name. */
export async function getSchedule(db: Db, idOrName: string): Promise<ScheduleView> {
  const row = await findScheduleRow(db, idOrName);
  return toView(row, await schedules.listLayers(db, [row.id]));
}

/** Every schedule with its layers, by name. */
export async function listSchedules(db: Db): Promise<ScheduleView[]> {
  const rows = await schedules.listSchedules(db);
  const layers = await schedules.listLayers(db, 'all');
  return rows.map((r) => toView(r, layers));
}

async function checkReferences(trx: Db, input: Pick<ScheduleInput, 'ownerTeamId' | 'layers'>): Promise<void> {
  if (input.ownerTeamId && !(await schedules.teamExists(trx, input.ownerTeamId))) throw invalidField('ownerTeamId', 'no team with this id');
  const wanted = [...new Set(input.layers.flatMap((l) => l.participants))];
  const found = new Set(await schedules.existingUserIds(trx, wanted));
  input.layers.forEach((layer, i) => {
    const missing = layer.participants.filter((u) => !found.has(u));
    if (missing.length) throw invalidField(`layers[${i}].participants`, `no user with id ${[...new Set(missing)].join(', ')}`);
  });
}

function layerRows(scheduleId: string, layers: readonly LayerInput[], now: string) {
  return layers.map((l, position) => ({
    id: randomUUID(),
    schedule_id: scheduleId,
    position,
    name: l.name.trim(),
    start_local: l.start,
    length_unit: l.length.unit,
    length_count: l.length.count,
    participants: toJson(l.participants),
    restrictions: toJson(l.restrictions),
    created_at: now,
  }));
}

/** Creates a schedule with its layers; names are unique. */
export async function createSchedule(store: Store, actor: Actor, input: ScheduleInput): Promise<ScheduleView> {
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  refuseIfErrors([...zoneErrors(input.timeZone), ...layerErrors(input.layers)]);
  const id = randomUUID();
  const now = nowIso();
  return store.transaction(async (trx) => {
    if (await schedules.findScheduleByName(trx, name)) throw conflict('schedule-exists', `a schedule named ${name} already exists`);
    await checkReferences(trx, input);
    await schedules.insertSchedule(trx, {
      id,
      name,
      description: input.description ?? null,
      time_zone: input.timeZone,
      owner_team_id: input.ownerTeamId ?? null,
      created_at: now,
      updated_at: now,
    });
    await schedules.replaceLayers(trx, id, layerRows(id, input.layers, now));
    await recordAudit(trx, actor, { action: 'schedule.create', targetType: 'schedule', targetId: id, detail: { name, layers: input.layers.length } });
    return getSchedule(trx, id);
  });
}

/** Changes a schedule; `layers`, when given, replaces all its layers. */
export async function updateSchedule(store: Store, actor: Actor, idOrName: string, input: Partial<ScheduleInput>): Promise<ScheduleView> {
  const name = input.name?.trim();
  if (input.name !== undefined && !name) throw invalidField('name', 'must not be blank');
  refuseIfErrors([...(input.timeZone !== undefined ? zoneErrors(input.timeZone) : []), ...layerErrors(input.layers ?? [])]);
  return store.transaction(async (trx) => {
    const before = await findScheduleRow(trx, idOrName);
    if (name && name !== before.name && (await schedules.findScheduleByName(trx, name))) throw conflict('schedule-exists', `a schedule named ${name} already exists`);
    await checkReferences(trx, { ownerTeamId: input.ownerTeamId ?? null, layers: input.layers ?? [] });
    const now = nowIso();
    await schedules.updateSchedule(trx, before.id, {
      ...(name ? { name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
      ...(input.ownerTeamId !== undefined ? { owner_team_id: input.ownerTeamId } : {}),
      updated_at: now,
    });
    if (input.layers !== undefined) await schedules.replaceLayers(trx, before.id, layerRows(before.id, input.layers, now));
    await recordAudit(trx, actor, { action: 'schedule.update', targetType: 'schedule', targetId: before.id, detail: { changed: Object.keys(input) } });
    return getSchedule(trx, before.id);
  });
}

/** Deletes a schedule with its layers, overrides and feeds. */
export async function deleteSchedule(store: Store, actor: Actor, idOrName: string): Promise<void> {
  await store.transaction(async (trx) => {
    const row = await findScheduleRow(trx, idOrName);
    await schedules.deleteSchedule(trx, row.id);
    await recordAudit(trx, actor, { action: 'schedule.delete', targetType: 'schedule', targetId: row.id, detail: { name: row.name } });
  });
}

/**
 * The rules of the given schedules with the overrides overlapping [from, to),
 * in two queries; `all` says the rows are every schedule, so no id list is sent.
 */
export async function loadScheduleRules(db: Db, rows: readonly schedules.ScheduleRow[], from: Date, to: Date, all = false): Promise<Map<string, ScheduleRules>> {
  const ids = all ? 'all' : rows.map((r) => r.id);
  const [layers, overrides] = await Promise.all([schedules.listLayers(db, ids), schedules.listOverrides(db, ids, from.toISOString(), to.toISOString())]);
  const rules = new Map<string, ScheduleRules>();
  for (const row of rows) rules.set(row.id, { zone: row.time_zone, layers: [], overrides: [] });
  for (const l of layers) rules.get(l.schedule_id)?.layers.push(toLayer(l));
  for (const o of overrides) rules.get(o.schedule_id)?.overrides.push(toOverrideRule(o));
  return rules;
}

/** User ids on call on a schedule at an instant, after layers and overrides (empty in a gap). */
export async function onCallAt(db: Db, scheduleId: string, at: Date): Promise<string[]> {
  const row = await findScheduleRow(db, scheduleId);
  const after = new Date(at.getTime() + 1);
  const rules = (await loadScheduleRules(db, [row], at, after)).get(row.id)!;
  return onCallAtInstant(compileSchedule(rules), at.getTime());
}

export interface OnCallView {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  userIds: string[];
}

/** Who is on call at an instant on every schedule (or the given ones), by schedule name. */
export async function whoIsOnCall(db: Db, at: Date, idOrName?: string): Promise<OnCallView[]> {
  const rows = idOrName ? [await findScheduleRow(db, idOrName)] : await schedules.listSchedules(db);
  const rules = await loadScheduleRules(db, rows, at, new Date(at.getTime() + 1), idOrName === undefined);
  return rows.map((row) => ({
    scheduleId: row.id,
    scheduleName: row.name,
    timeZone: row.time_zone,
    userIds: onCallAtInstant(compileSchedule(rules.get(row.id)!), at.getTime()),
  }));
}

/** Checks a [from, to) range given by a caller. */
export function checkRange(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime())) throw invalidField('from', 'must be a date-time');
  if (Number.isNaN(to.getTime())) throw invalidField('to', 'must be a date-time');
  if (to <= from) throw invalidField('to', 'must be after from');
  if (to.getTime() - from.getTime() > MAX_SHIFTS_RANGE_MS) throw invalidField('to', 'the range may span at most 400 days');
}

/** A schedule's final shifts in [from, to) and the gaps between them. */
export async function scheduleShifts(db: Db, idOrName: string, from: Date, to: Date): Promise<{ schedule: ScheduleView; shifts: ShiftView[]; gaps: GapView[] }> {
  checkRange(from, to);
  const schedule = await getSchedule(db, idOrName);
  const rules = (await loadScheduleRules(db, [await findScheduleRow(db, schedule.id)], from, to)).get(schedule.id)!;
  const compiled = compileSchedule(rules);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    schedule,
    shifts: finalShifts(compiled, from.getTime(), to.getTime()).map((s) => ({ start: iso(s.start), end: iso(s.end), userIds: s.userIds })),
    gaps: scheduleGaps(compiled, from.getTime(), to.getTime()).map((g) => ({ start: iso(g.start), end: iso(g.end) })),
  };
}

/** The gaps in a schedule's next 14 days from `now`: each a stretch when nobody would be paged. */
export async function upcomingGaps(db: Db, idOrName: string, now: Date): Promise<GapView[]> {
  return (await scheduleShifts(db, idOrName, now, new Date(now.getTime() + GAP_HORIZON_MS))).gaps;
}
