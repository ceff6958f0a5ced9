/**
 * The update heartbeat (seed 004, issue 10 item 4). The cadence job reminds
 * once when an update is due; from that reminder on, this keeps reminding
 * every cadence interval until an update is posted, and from the second miss
 * also tells the commander. For SEV1/SEV2 it also reminds when no public
 * update was posted 5 minutes after declaration (seed 003: a status page
 * "within 5 minutes"). Each reminder is an event appended under the incident's
 * row lock after re-checking, so two workers running the same job remind once.
 */
import { Type } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { defineJob, type JobContext } from '../../jobs/definition.js';
import { systemActor } from '../auth/identity.js';
import { enqueueNotification } from '../notify/service.js';
import type { IncidentDeps } from './deps.js';
import { getIncidentRow, stateOf } from './access.js';
import { holderOf } from './derive.js';
import type { IncidentRecord, IncidentState, StoredEvent } from './model.js';
import { appendEventInTx, listEventsAfter } from './service.js';

/** When the severity defines no cadence, missed updates are chased every 30 minutes. */
const FALLBACK_CADENCE_MINUTES = 30;
/** Seed 003: a SEV1/SEV2 has a public status update within 5 minutes of declaration. */
export const PUBLIC_UPDATE_WITHIN_MINUTES = 5;
const DECLARATION_SEQ = 1;

type ReminderBody = { reason: string; dueAt: string; miss?: number };

function depsOf(ctx: JobContext): IncidentDeps {
  return { bus: ctx.bus, jobs: ctx.jobs, config: ctx.config };
}

/** True when an event after `since` matches. */
async function anyEventSince(trx: Transaction<Database>, incidentId: string, since: number, match: (e: StoredEvent) => boolean): Promise<boolean> {
  let after = since;
  for (;;) {
    const page = await listEventsAfter(trx, incidentId, after, 500);
    if (page.some(match)) return true;
    if (page.length < 500) return false;
    after = page[page.length - 1]!.seq;
  }
}

/** The people to tell: the communications lead (else the commander), plus the commander from the second miss. */
export function heartbeatRecipients(state: IncidentState, miss: number): string[] {
  const commander = holderOf(state, 'commander')?.userId ?? null;
  const first = holderOf(state, 'communications')?.userId ?? commander;
  return [...new Set([first, miss >= 2 ? commander : null].filter((id): id is string => id !== null))];
}

async function remind(trx: Transaction<Database>, deps: IncidentDeps, state: IncidentState, body: ReminderBody, recipients: string[], message: { subject: string; text: string }): Promise<void> {
  await appendEventInTx(trx, deps, systemActor('heartbeat'), state.id, { kind: 'reminder', body });
  for (const recipientUserId of recipients) {
    await enqueueNotification(trx, deps.jobs, { recipientUserId, subject: message.subject, text: message.text, reason: `incident.${body.reason}`, incidentId: state.id });
  }
}

async function withOpenIncident(ctx: JobContext, incidentId: string, check: (trx: Transaction<Database>, deps: IncidentDeps, state: IncidentState) => Promise<void>): Promise<void> {
  await ctx.store.transaction(async (trx) => {
    const row = await getIncidentRow(trx, incidentId, true);
    if (!row) return;
    const state = stateOf(row);
    if (state.status === 'resolved') return;
    await check(trx, depsOf(ctx), state);
  });
}

/** A further missed update: reminds again unless an update was posted since the last one. */
export const updateStillDueJob = defineJob({
  kind: 'incidents.update_still_due',
  payload: Type.Object({ incidentId: Type.String(), basisSeq: Type.Integer({ minimum: 1 }), dueAt: Type.String(), miss: Type.Integer({ minimum: 2 }) }),
  async handler(payload, ctx) {
    await withOpenIncident(ctx, payload.incidentId, async (trx, deps, state) => {
      if ((state.lastUpdate?.seq ?? DECLARATION_SEQ) !== payload.basisSeq) return;
      const done = await anyEventSince(trx, state.id, payload.basisSeq, (e) => e.kind === 'reminder' && (e.body as ReminderBody).reason === 'update_due' && (e.body as ReminderBody).miss === payload.miss);
      if (done) return;
      const last = state.lastUpdate ? `The last update was posted at ${state.lastUpdate.at}.` : 'No update has been posted since the incident was declared.';
      await remind(trx, deps, state, { reason: 'update_due', dueAt: payload.dueAt, miss: payload.miss }, heartbeatRecipients(state, payload.miss), {
        subject: `${state.ref}: ${payload.miss} updates missed`,
        text: `${state.ref} (${state.severity}, ${state.status}): ${state.title}\n\nUpdates are ${payload.miss} cadence intervals overdue. ${last}\nPost an update now, even without new technical progress, and commit to the time of the next one.`,
      });
    });
  },
});

/** Five minutes after a SEV1/SEV2 is declared: reminds if nothing was published on the status page. */
export const publicUpdateDueJob = defineJob({
  kind: 'incidents.public_update_due',
  payload: Type.Object({ incidentId: Type.String(), dueAt: Type.String() }),
  async handler(payload, ctx) {
    await withOpenIncident(ctx, payload.incidentId, async (trx, deps, state) => {
      if (state.private || state.drill || (state.severity !== 'SEV1' && state.severity !== 'SEV2')) return;
      const seen = await anyEventSince(trx, state.id, 0, (e) => (e.kind === 'update_posted' && (e.body as { audience: string }).audience === 'public') || (e.kind === 'reminder' && (e.body as ReminderBody).reason === 'public_update_due'));
      if (seen) return;
      await remind(trx, deps, state, { reason: 'public_update_due', dueAt: payload.dueAt }, heartbeatRecipients(state, 1), {
        subject: `${state.ref}: no public status update yet`,
        text: `${state.ref} (${state.severity}): ${state.title}\n\nIt is ${PUBLIC_UPDATE_WITHIN_MINUTES} minutes since declaration and the status page says nothing. Post a public update (audience public, with a public title and the affected components).`,
      });
    });
  },
});

export const heartbeatJobs = [updateStillDueJob, publicUpdateDueJob];

/** Schedules the next heartbeat an appended event calls for, in its transaction. */
export async function scheduleHeartbeat(trx: Transaction<Database>, deps: IncidentDeps, incident: IncidentRecord, event: StoredEvent, state: IncidentState): Promise<void> {
  if (state.status === 'resolved') return;
  if (event.kind === 'reminder') {
    const body = event.body as ReminderBody;
    if (body.reason !== 'update_due') return;
    const miss = (body.miss ?? 1) + 1;
    const cadence = state.policy.severities[state.severity].updateCadenceMinutes ?? FALLBACK_CADENCE_MINUTES;
    const dueAt = new Date(Date.parse(body.dueAt) + cadence * 60_000).toISOString();
    const basisSeq = state.lastUpdate?.seq ?? DECLARATION_SEQ;
    await deps.jobs.schedule(trx, updateStillDueJob, { incidentId: incident.id, basisSeq, dueAt, miss }, { key: `${incident.id}:${basisSeq}:${miss}`, runAt: dueAt });
  } else if (event.kind === 'declared' && !incident.private && !incident.drill && (state.severity === 'SEV1' || state.severity === 'SEV2')) {
    const dueAt = new Date(Date.parse(state.keyTimes.declaredAt) + PUBLIC_UPDATE_WITHIN_MINUTES * 60_000).toISOString();
    await deps.jobs.schedule(trx, publicUpdateDueJob, { incidentId: incident.id, dueAt }, { key: incident.id, runAt: dueAt });
  }
}
