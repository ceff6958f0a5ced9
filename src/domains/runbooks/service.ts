/**
 * Runbooks: Markdown documents linked to services and alert matchers, written
 * by responders, tested by someone other than their author, and judged for rot.
 */
import { hidePrivateIncidents } from './rot-visibility.js';
import type { Viewer } from '../incidents/access.js';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Store } from '../../db/store.js';
import { fromJson, toJson } from '../../db/dialect.js';
import { DomainError, invalidField, isDomainError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../auth/identity.js';
import { getUser } from '../auth/service.js';
import { getTeam } from '../auth/teams.js';
import { compileMatcher, type Matcher } from '../alerts/matchers.js';
import { findServiceByIdOrName, getService } from '../catalog/service.js';
import { checkLinksKind } from './job-kinds.js';
import { renderRunbook } from './render.js';
import { assessRunbooks, type RotPolicy } from './rot-facts.js';
import { describeCause, rankRot, type RotAssessment, type RotCause } from './rot.js';
import * as store from './store.js';
import { runbookTemplate } from './template.js';
import { clockNow } from '../../clock.js';

/** What writing runbooks needs: the store, and the queue for the link check an edit schedules. */
export interface RunbookDeps {
  store: Store;
  jobs: JobQueue;
}

export interface RotView {
  rotting: boolean;
  daysSinceTested: number;
  causes: Array<RotCause & { text: string }>;
}

export interface RunbookSummary {
  id: string;
  title: string;
  ownerUserId: string | null;
  ownerTeamId: string | null;
  serviceIds: string[];
  matchers: Matcher[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  lastTested: { at: string; byUserId: string | null; note: string | null } | null;
  rot: RotView;
}

export interface RunbookView extends RunbookSummary {
  body: string;
  html: string;
  links: Array<{ url: string; status: number | null; ok: boolean; error: string | null; checkedAt: string }>;
}

export interface RunbookInput {
  title?: string | undefined;
  body?: string | undefined;
  ownerUserId?: string | null | undefined;
  ownerTeamId?: string | null | undefined;
  serviceIds?: string[] | undefined;
  matchers?: Matcher[] | undefined;
}

/** The rot policy the process runs with. */
export function rotPolicyOf(config: Pick<Config, 'runbookMaxUntestedDays'>): RotPolicy {
  return { maxUntestedDays: config.runbookMaxUntestedDays };
}

function rotView(r: RotAssessment): RotView {
  return { rotting: r.rotting, daysSinceTested: r.daysSinceTested, causes: r.causes.map((c) => ({ ...c, text: describeCause(c) })) };
}

function toSummary(row: store.RunbookRow, serviceIds: string[], rot: RotAssessment): RunbookSummary {
  return {
    id: row.id,
    title: row.title,
    ownerUserId: row.owner_user_id,
    ownerTeamId: row.owner_team_id,
    serviceIds,
    matchers: fromJson<Matcher[]>(row.matchers) ?? [],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastTested: row.last_tested_at ? { at: row.last_tested_at, byUserId: row.last_tested_by, note: row.last_tested_note } : null,
    rot: rotView(rot),
  };
}

/** The one-screen first page (docs/practices.md#runbooks) a new runbook starts from. */
export function template(): { title: string; body: string } {
  return runbookTemplate();
}

/** Refuses what a schema cannot say: a blank title, matchers that do not compile, unknown services, owners or teams. */
async function checkInput(db: Db, input: RunbookInput): Promise<void> {
  if (input.title !== undefined && !input.title.trim()) throw invalidField('title', 'must not be blank');
  input.matchers?.forEach((m, i) => {
    try {
      compileMatcher(m);
    } catch (err) {
      throw invalidField(`matchers[${i}].value`, (err as Error).message);
    }
  });
  const exists = async (field: string, lookup: () => Promise<unknown>) => {
    try {
      await lookup();
    } catch (err) {
      if (isDomainError(err, 'not_found')) throw invalidField(field, 'names nothing that exists');
      throw err;
    }
  };
  for (const [i, id] of (input.serviceIds ?? []).entries()) await exists(`serviceIds[${i}]`, () => getService(db, id));
  if (input.ownerUserId) await exists('ownerUserId', () => getUser(db, input.ownerUserId!));
  if (input.ownerTeamId) await exists('ownerTeamId', () => getTeam(db, input.ownerTeamId!));
}

async function scheduleLinkCheck(trx: Db, jobs: JobQueue, id: string, version: string): Promise<void> {
  await jobs.schedule(trx, checkLinksKind, { runbookId: id }, { key: `${id}:${version}` });
}

/** Creates a runbook (the template's body when none is given) and schedules the check of its links. */
export async function createRunbook(deps: RunbookDeps, actor: Actor, input: RunbookInput & { title: string }, at = clockNow()): Promise<string> {
  const id = randomUUID();
  const now = at.toISOString();
  return deps.store.transaction(async (trx) => {
    await checkInput(trx, input);
    const title = input.title.trim();
    await store.insertRunbook(trx, {
      id,
      title,
      body: input.body ?? runbookTemplate(title).body,
      owner_user_id: input.ownerUserId ?? null,
      owner_team_id: input.ownerTeamId ?? null,
      matchers: toJson(input.matchers ?? []),
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
      last_tested_at: null,
      last_tested_by: null,
      last_tested_note: null,
    });
    await store.replaceServices(trx, id, input.serviceIds ?? []);
    await scheduleLinkCheck(trx, deps.jobs, id, now);
    await recordAudit(trx, actor, { action: 'runbook.create', targetType: 'runbook', targetId: id, detail: { title, serviceIds: input.serviceIds ?? [] } });
    return id;
  });
}

/** Changes a runbook; a new body gets its links checked again. */
export async function updateRunbook(deps: RunbookDeps, actor: Actor, id: string, input: RunbookInput, at = clockNow()): Promise<void> {
  const now = at.toISOString();
  await deps.store.transaction(async (trx) => {
    const row = await store.findRunbook(trx, id);
    if (!row) throw notFound(`runbook ${id}`);
    await checkInput(trx, input);
    await store.updateRunbook(trx, id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
      ...(input.ownerTeamId !== undefined ? { owner_team_id: input.ownerTeamId } : {}),
      ...(input.matchers !== undefined ? { matchers: toJson(input.matchers) } : {}),
      updated_by: actor.userId,
      updated_at: now,
    });
    if (input.serviceIds !== undefined) await store.replaceServices(trx, id, input.serviceIds);
    if (input.body !== undefined && input.body !== row.body) await scheduleLinkCheck(trx, deps.jobs, id, now);
    await recordAudit(trx, actor, { action: 'runbook.update', targetType: 'runbook', targetId: id, detail: { fields: Object.keys(input) } });
  });
}

/** Deletes a runbook. */
export async function deleteRunbook(st: Store, actor: Actor, id: string): Promise<void> {
  await st.transaction(async (trx) => {
    const row = await store.findRunbook(trx, id);
    if (!row || !(await store.deleteRunbook(trx, id))) throw notFound(`runbook ${id}`);
    await recordAudit(trx, actor, { action: 'runbook.delete', targetType: 'runbook', targetId: id, detail: { title: row.title } });
  });
}

/**
 * Records that a person tested the runbook (docs/practices.md#runbooks: tested by someone other
 * than the author). Its author is refused with 422 naming `testedBy`.
 */
export async function markTested(st: Store, actor: Actor, id: string, input: { note?: string | undefined; testedAt?: string | undefined }, now: Date): Promise<void> {
  const testedAt = input.testedAt === undefined ? now : new Date(input.testedAt);
  if (testedAt.getTime() > now.getTime() + 60_000) throw invalidField('testedAt', 'must not be in the future');
  if (input.note !== undefined && !input.note.trim()) throw invalidField('note', 'must not be blank');
  await st.transaction(async (trx) => {
    const row = await store.findRunbook(trx, id);
    if (!row) throw notFound(`runbook ${id}`);
    if (actor.userId === null) throw invalidField('testedBy', 'must be a person: act as a user (--as) to record a test');
    if (actor.userId === row.created_by) {
      throw new DomainError('unprocessable', 'runbook-tested-by-author', 'testedBy: a runbook must be tested by someone other than its author', {
        errors: [{ field: 'testedBy', message: 'is the runbook’s author; someone else must test it' }],
      });
    }
    if (Date.parse(row.created_at) > testedAt.getTime()) throw invalidField('testedAt', 'is before the runbook was written');
    await store.updateRunbook(trx, id, { last_tested_at: testedAt.toISOString(), last_tested_by: actor.userId, last_tested_note: input.note?.trim() ?? null });
    await recordAudit(trx, actor, { action: 'runbook.tested', targetType: 'runbook', targetId: id, detail: { testedAt: testedAt.toISOString(), note: input.note ?? null } });
  });
}

/** One runbook, rendered, with its link checks and rot as of `now`. */
export async function getRunbook(db: Db, id: string, now: Date, policy: RotPolicy, viewer?: Viewer): Promise<RunbookView> {
  const row = await store.findRunbook(db, id);
  if (!row) throw notFound(`runbook ${id}`);
  const services = await store.servicesOf(db, [id]);
  const rot = (await assessRunbooks(db, [row], now, policy)).get(id)!;
  await hidePrivateIncidents(db, viewer, [rot]);
  const links = (await store.linkChecksOf(db, [id])).map((c) => ({ url: c.url, status: c.status, ok: c.ok === 1, error: c.error, checkedAt: c.checked_at }));
  return { ...toSummary(row, services.get(id) ?? [], rot), body: row.body, html: renderRunbook(row.body), links };
}

/** Runbooks by title, optionally of one service (id or name) or only the rotting ones. */
export async function listRunbooks(db: Db, q: { service?: string | undefined; rotting?: boolean | undefined }, now: Date, policy: RotPolicy, viewer?: Viewer): Promise<RunbookSummary[]> {
  let serviceId: string | undefined;
  if (q.service !== undefined) {
    const found = await findServiceByIdOrName(db, q.service);
    if (!found) throw invalidField('query.service', `no service named or with id "${q.service}"`);
    serviceId = found.id;
  }
  const rows = await store.listRunbooks(db, { serviceId });
  const services = await store.servicesOf(db, rows.map((r) => r.id));
  const rot = await assessRunbooks(db, rows, now, policy);
  await hidePrivateIncidents(db, viewer, rot.values());
  return rows.map((r) => toSummary(r, services.get(r.id) ?? [], rot.get(r.id)!)).filter((r) => q.rotting === undefined || r.rot.rotting === q.rotting);
}

/** The rot report: rotting runbooks, worst first. */
export async function rotReport(db: Db, now: Date, policy: RotPolicy, viewer?: Viewer): Promise<{ policy: RotPolicy; generatedAt: string; runbooks: Array<{ id: string; title: string; ownerUserId: string | null; ownerTeamId: string | null; lastTestedAt: string | null; rot: RotView }> }> {
  const rows = await store.listRunbooks(db);
  const rot = await assessRunbooks(db, rows, now, policy);
  await hidePrivateIncidents(db, viewer, rot.values());
  const ranked = rankRot(rows.map((r) => ({ row: r, title: r.title, rot: rot.get(r.id)! })));
  return {
    policy,
    generatedAt: now.toISOString(),
    runbooks: ranked.map(({ row, rot: r }) => ({ id: row.id, title: row.title, ownerUserId: row.owner_user_id, ownerTeamId: row.owner_team_id, lastTestedAt: row.last_tested_at, rot: rotView(r) })),
  };
}
