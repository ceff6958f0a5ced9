/**
 * Drill scenarios: created and edited by responders, fired on their schedule
 * (jobs.ts) or at once, each run measured against the scenario's goals.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { badRequest, conflict, invalidField, notFound, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { findUser } from '../auth/service.js';
import { adaptIntakeBody } from '../alerts/intake-adapt.js';
import { listIntegrations } from '../alerts/integrations.js';
import type { FieldMappings } from '../alerts/adapt-generic.js';
import type { AlertDeps } from '../alerts/pipeline.js';
import { findServiceByIdOrName } from '../catalog/service.js';
import { getIncidentRow } from '../incidents/access.js';
import { fireDrillInTx } from './fire.js';
import { goalTrend, type DrillGoal, type GoalTrend } from './goals.js';
import { scheduleDrillFire } from './job-kinds.js';
import { measureRun, type MeasuredRun } from './measure.js';
import { describeSchedule, nextOccurrence, scheduleProblems, type DrillSchedule } from './schedule.js';
import * as store from './store.js';
import type { DrillFormat } from './tables.js';
import { clockNow } from '../../clock.js';

export interface DrillInput {
  name: string;
  serviceId: string;
  alert: { format: DrillFormat; payload: Record<string, unknown> };
  responders?: string[] | undefined;
  goals: DrillGoal[];
  schedule: DrillSchedule;
  enabled?: boolean | undefined;
}

export interface DrillChanges {
  enabled?: boolean | undefined;
  goals?: DrillGoal[] | undefined;
  responders?: string[] | undefined;
  schedule?: DrillSchedule | undefined;
}

export interface DrillView {
  id: string;
  name: string;
  serviceId: string;
  integrationId: string;
  alert: { format: DrillFormat; payload: Record<string, unknown> };
  responders: string[];
  goals: DrillGoal[];
  schedule: DrillSchedule;
  scheduleText: string;
  nextFireAt: string | null;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
}

export interface RunSummary {
  id: string;
  drillId: string;
  trigger: store.RunRow['trigger'];
  occurrence: string;
  firedAt: string;
  firedBy: string;
  alerts: number;
  alertGroupId: string | null;
  incidentId: string | null;
  incidentRef: string | null;
}

export interface RunReport extends RunSummary, Omit<MeasuredRun, 'actors' | 'incidentRef' | 'alertGroupId' | 'incidentId'> {
  drillName: string;
  expectedResponders: string[];
  respondersWhoActed: string[];
}

function toView(row: store.ScenarioRow): DrillView {
  const schedule = fromJson<DrillSchedule>(row.schedule)!;
  return {
    id: row.id,
    name: row.name,
    serviceId: row.service_id,
    integrationId: row.integration_id,
    alert: { format: row.format, payload: fromJson<Record<string, unknown>>(row.payload)! },
    responders: fromJson<string[]>(row.responders) ?? [],
    goals: fromJson<DrillGoal[]>(row.goals) ?? [],
    schedule,
    scheduleText: describeSchedule(schedule),
    nextFireAt: row.next_fire_at,
    enabled: row.disabled_at === null,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function summaryOf(run: store.RunRow, incidentRef: string | null): RunSummary {
  return { id: run.id, drillId: run.scenario_id, trigger: run.trigger, occurrence: run.occurrence, firedAt: run.fired_at, firedBy: run.fired_by, alerts: run.alerts, alertGroupId: run.alert_group_id, incidentId: run.incident_id, incidentRef };
}

function refuse(problems: FieldError[]): void {
  if (problems.length) throw badRequest(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
}

async function checkResponders(db: Db, responders: readonly string[]): Promise<void> {
  const problems: FieldError[] = [];
  for (const [i, id] of responders.entries()) if (!(await findUser(db, id))) problems.push({ field: `responders[${i}]`, message: `no user with id ${id}` });
  if (new Set(responders).size !== responders.length) problems.push({ field: 'responders', message: 'must not name a user twice' });
  refuse(problems);
}

function checkGoals(goals: readonly DrillGoal[]): void {
  const seen = new Set(goals.map((g) => `${g.kind}:${g.minutes}`));
  if (seen.size !== goals.length) throw invalidField('goals', 'must not repeat a goal');
}

/**
 * The service's enabled integration of the drill's format, with the payload
 * checked by that format's intake adapter now, so a scenario that could not
 * fire is refused at creation.
 */
async function integrationFor(db: Db, input: Pick<DrillInput, 'serviceId' | 'alert'>, maxAlerts: number): Promise<string> {
  if ((await findServiceByIdOrName(db, input.serviceId))?.id !== input.serviceId) throw invalidField('serviceId', `no service with id ${input.serviceId}`);
  const integration = (await listIntegrations(db, input.serviceId)).find((i) => i.kind === input.alert.format && i.enabled);
  if (!integration) throw invalidField('alert.format', `the service has no enabled ${input.alert.format} integration to send the drill into`);
  const adapted = adaptIntakeBody(input.alert.format, input.alert.payload, { mappings: integration.mappings as FieldMappings | null }, maxAlerts);
  if (!adapted.ok) refuse(adapted.errors.slice(0, 20).map((message) => ({ field: 'alert.payload', message })));
  else if (!adapted.signals.some((s) => s.action === 'trigger')) throw invalidField('alert.payload', 'must fire at least one alert (a resolve or acknowledge alone would raise nothing)');
  return integration.id;
}

/** Creates a drill scenario and schedules its first occurrence after `now`. */
export async function createDrill(st: Store, deps: Pick<AlertDeps, 'jobs' | 'config'>, actor: Actor, input: DrillInput, now = clockNow()): Promise<DrillView> {
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  refuse(scheduleProblems(input.schedule));
  checkGoals(input.goals);
  return st.transaction(async (trx) => {
    if (await store.findScenarioByName(trx, name)) throw conflict('drill-name-taken', `a drill named "${name}" exists`);
    const integrationId = await integrationFor(trx, input, deps.config.intakeMaxAlertsPerRequest);
    await checkResponders(trx, input.responders ?? []);
    const enabled = input.enabled ?? true;
    const next = enabled ? (nextOccurrence(input.schedule, now)?.toISOString() ?? null) : null;
    const at = now.toISOString();
    const row: store.ScenarioRow = {
      id: randomUUID(),
      name,
      service_id: input.serviceId,
      integration_id: integrationId,
      format: input.alert.format,
      payload: toJson(input.alert.payload),
      responders: toJson(input.responders ?? []),
      goals: toJson(input.goals),
      schedule: toJson(input.schedule),
      next_fire_at: next,
      disabled_at: enabled ? null : at,
      created_by: actor.label,
      created_at: at,
      updated_at: at,
    };
    await store.insertScenario(trx, row);
    if (next) await scheduleDrillFire(trx, deps.jobs, row.id, next);
    await recordAudit(trx, actor, { action: 'drill.create', targetType: 'drill', targetId: row.id, detail: { name, serviceId: row.service_id, format: row.format, schedule: describeSchedule(input.schedule) } });
    return toView(row);
  });
}

/**
 * Edits a scenario. A changed schedule, or enabling it, schedules the next
 * occurrence after `now`; the job of the old one finds itself stale.
 */
export async function updateDrill(st: Store, deps: Pick<AlertDeps, 'jobs'>, actor: Actor, id: string, changes: DrillChanges, now = clockNow()): Promise<DrillView> {
  if (changes.schedule) refuse(scheduleProblems(changes.schedule));
  if (changes.goals) checkGoals(changes.goals);
  return st.transaction(async (trx) => {
    const row = await store.findScenario(trx, id, true);
    if (!row) throw notFound(`drill ${id}`);
    if (changes.responders) await checkResponders(trx, changes.responders);
    const enabled = changes.enabled ?? row.disabled_at === null;
    const schedule = changes.schedule ?? fromJson<DrillSchedule>(row.schedule)!;
    const next = enabled ? (nextOccurrence(schedule, now)?.toISOString() ?? null) : null;
    const at = now.toISOString();
    await store.updateScenario(trx, id, {
      ...(changes.goals ? { goals: toJson(changes.goals) } : {}),
      ...(changes.responders ? { responders: toJson(changes.responders) } : {}),
      schedule: toJson(schedule),
      disabled_at: enabled ? null : (row.disabled_at ?? at),
      next_fire_at: next,
      updated_at: at,
    });
    if (next) await scheduleDrillFire(trx, deps.jobs, id, next);
    await recordAudit(trx, actor, { action: 'drill.update', targetType: 'drill', targetId: id, detail: { name: row.name, changed: Object.keys(changes) } });
    return toView((await store.findScenario(trx, id))!);
  });
}

export async function listDrills(db: Db): Promise<DrillView[]> {
  return (await store.listScenarios(db)).map(toView);
}

/** A drill by id or name (for the CLI). */
export async function findDrill(db: Db, idOrName: string): Promise<DrillView | undefined> {
  const row = (await store.findScenarioByName(db, idOrName)) ?? (/^[0-9a-f-]{36}$/i.test(idOrName) ? await store.findScenario(db, idOrName.toLowerCase()) : undefined);
  return row ? toView(row) : undefined;
}

export async function getDrill(db: Db, id: string): Promise<DrillView> {
  const row = await store.findScenario(db, id);
  if (!row) throw notFound(`drill ${id}`);
  return toView(row);
}

/** Fires the drill now, through intake, in one transaction with its run and audit entry. */
export async function runDrillNow(st: Store, deps: AlertDeps, actor: Actor, id: string): Promise<RunSummary> {
  const run = await st.transaction(async (trx) => {
    const row = await store.findScenario(trx, id, true);
    if (!row) throw notFound(`drill ${id}`);
    const fired = await fireDrillInTx(trx, deps, row, clockNow().toISOString(), 'manual', actor.label);
    // Two runs of one drill in the same millisecond share an occurrence: the second is refused, not doubled.
    if (!fired) throw conflict('drill-just-fired', `drill ${row.name} was fired at this very instant; try again`);
    await recordAudit(trx, actor, { action: 'drill.run', targetType: 'drill', targetId: id, detail: { runId: fired.id, incidentId: fired.incident_id } });
    return fired;
  });
  return summaryOf(run, await incidentRefOf(st.db, run.incident_id));
}

async function incidentRefOf(db: Db, incidentId: string | null): Promise<string | null> {
  return incidentId ? ((await getIncidentRow(db, incidentId))?.ref ?? null) : null;
}

/** A scenario's runs, newest first. */
export async function listRuns(db: Db, id: string, limit = 50): Promise<RunSummary[]> {
  await getDrill(db, id);
  const runs = await store.listRuns(db, id, limit);
  return Promise.all(runs.map(async (r) => summaryOf(r, await incidentRefOf(db, r.incident_id))));
}

/** One run measured against its goals as of `now`. */
export async function getRunReport(db: Db, id: string, runId: string, now = clockNow()): Promise<RunReport> {
  const drill = await getDrill(db, id);
  const run = await store.findRun(db, id, runId);
  if (!run) throw notFound(`drill run ${runId}`);
  const { actors, incidentRef, ...measured } = await measureRun(db, run, now);
  return { ...summaryOf(run, incidentRef), ...measured, drillName: drill.name, expectedResponders: drill.responders, respondersWhoActed: drill.responders.filter((r) => actors.includes(r)) };
}

/** Per goal, the measured values over the latest `limit` runs (oldest first) and how many met. */
export async function getTrend(db: Db, id: string, now = clockNow(), limit = 50): Promise<{ drillId: string; runs: number; goals: GoalTrend[] }> {
  await getDrill(db, id);
  const runs = await store.listRuns(db, id, limit);
  const measured = await Promise.all(runs.map(async (r) => ({ runId: r.id, firedAt: r.fired_at, goals: (await measureRun(db, r, now)).goals })));
  return { drillId: id, runs: runs.length, goals: goalTrend(measured) };
}
