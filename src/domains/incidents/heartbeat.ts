/**
 * The update heartbeat (docs/practices.md#update-cadence). The cadence job reminds
 * once when an update is due; from that reminder on, this keeps reminding
 * every cadence interval until an update is posted, and from the second miss
 * also tells the commander: the second miss pages them through on-call (their
 * contact methods and notification rules), later misses notify them. For SEV1/SEV2 it also reminds when no public
 * update was posted 5 minutes after declaration. Each reminder is an event appended under the incident's
 * row lock after re-checking, so two workers running the same job remind once.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { completeIn, handleJob, type JobContext } from '../../jobs/definition.js';
import { systemActor } from '../auth/identity.js';
import { enqueueNotification } from '../notify/service.js';
import { pageResponder } from './contributions.js';
import type { IncidentDeps } from './deps.js';
import { getIncidentRow, stateOf } from './access.js';
import { answerableUser, holderOf } from './derive.js';
import { DECLARATION_SEQ } from './commitments.js';
import { PUBLIC_UPDATE_WITHIN_MINUTES, publicUpdateDueKind, updateStillDueKind, type ReminderBody } from './heartbeat-schedule.js';
import type { IncidentState, StoredEvent } from './model.js';
import { appendEventInTx, listEventsAfter } from './service.js';

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

/** The people to tell: the communications lead (else the commander), plus the commander from the second miss; with nobody commanding, the first person in the room stands in for the commander. */
export function heartbeatRecipients(state: IncidentState, miss: number): string[] {
  const commander = answerableUser(state);
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
    const state = row ? stateOf(row) : undefined;
    if (state && state.status !== 'resolved') await check(trx, depsOf(ctx), state);
    // Completing in the same transaction fences a worker whose lease ran out.
    await completeIn(ctx, trx);
  });
}

/** A further missed update: reminds again unless an update was posted since the last one. */
export const updateStillDueJob = handleJob(updateStillDueKind, async (payload, ctx) => {
  await withOpenIncident(ctx, payload.incidentId, async (trx, deps, state) => {
    if ((state.lastUpdate?.seq ?? DECLARATION_SEQ) !== payload.basisSeq) return;
    const done = await anyEventSince(trx, state.id, payload.basisSeq, (e) => e.kind === 'reminder' && (e.body as ReminderBody).reason === 'update_due' && (e.body as ReminderBody).miss === payload.miss);
    if (done) return;
    const last = state.lastUpdate ? `The last update was posted at ${state.lastUpdate.at}.` : 'No update has been posted since the incident was declared.';
    const commander = holderOf(state, 'commander')?.userId ?? null;
    const page = payload.miss === 2 ? commander : null;
    await remind(trx, deps, state, { reason: 'update_due', dueAt: payload.dueAt, miss: payload.miss }, heartbeatRecipients(state, payload.miss).filter((id) => id !== page), {
      subject: `${state.ref}: ${payload.miss} updates missed`,
      text: `${state.ref} (${state.severity}, ${state.status}): ${state.title}\n\nUpdates are ${payload.miss} cadence intervals overdue. ${last}\nPost an update now, even without new technical progress, and commit to the time of the next one.`,
    });
    // The second miss pages the commander (once: this runs in the transaction that records the miss, after the re-check above).
    if (page && !(await pageResponder(trx, deps, state, page, `${payload.miss} updates missed: post an update now`, 'heartbeat'))) {
      ctx.logger.warn({ incidentId: state.id }, 'no pager is registered in this process: the commander was not paged for the second missed update');
    }
  });
});

/** Five minutes after a SEV1/SEV2 is declared: reminds if nothing was published on the status page. */
export const publicUpdateDueJob = handleJob(publicUpdateDueKind, async (payload, ctx) => {
  await withOpenIncident(ctx, payload.incidentId, async (trx, deps, state) => {
    if (state.private || state.drill || (state.severity !== 'SEV1' && state.severity !== 'SEV2')) return;
    // Only a public update that reached the status page counts: the first one to get there names the public title
    // (a public update without one is recorded but not published), and a refused one was never stored.
    const published = (e: StoredEvent) => e.kind === 'update_posted' && (e.body as { audience: string; publicTitle?: string }).audience === 'public' && !!(e.body as { publicTitle?: string }).publicTitle;
    const seen = await anyEventSince(trx, state.id, 0, (e) => published(e) || (e.kind === 'reminder' && (e.body as ReminderBody).reason === 'public_update_due'));
    if (seen) return;
    await remind(trx, deps, state, { reason: 'public_update_due', dueAt: payload.dueAt }, heartbeatRecipients(state, 1), {
      subject: `${state.ref}: no public status update yet`,
      text: `${state.ref} (${state.severity}): ${state.title}\n\nIt is ${PUBLIC_UPDATE_WITHIN_MINUTES} minutes since declaration and the status page says nothing. Post a public update (audience public, with a public title and the affected components).`,
    });
  });
});

export const heartbeatJobs = [updateStillDueJob, publicUpdateDueJob];
