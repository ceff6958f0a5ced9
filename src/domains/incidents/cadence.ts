/**
 * Update cadence and mitigation deadlines. When an event
 * commits the room to a time (the next update, a mitigation's deadline), a job
 * is scheduled for that time in the same transaction. When it runs it
 * re-checks under the incident's row lock that the commitment still stands and
 * was missed, then appends one `reminder` event and notifies the
 * communications lead (or the commander). The idempotency key gives one job
 * per commitment; the re-check gives one reminder even when a job is retried.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { completeIn, handleJob, type JobContext } from '../../jobs/definition.js';
import { systemActor } from '../auth/identity.js';
import { enqueueNotification } from '../notify/service.js';
import type { IncidentDeps } from './deps.js';
import { getIncidentRow, stateOf } from './access.js';
import { answerableUser, holderOf } from './derive.js';
import type { IncidentState } from './model.js';
import { DECLARATION_SEQ, mitigationDeadlineKind, triageDueKind, updateDueKind } from './commitments.js';
import { appendEventInTx, listEventsAfter } from './service.js';

type ReminderBody = { reason: 'update_due' | 'mitigation_deadline' | 'triage_due'; dueAt: string; mitigationSeq?: number };

function depsOf(ctx: JobContext): IncidentDeps {
  return { bus: ctx.bus, jobs: ctx.jobs, config: ctx.config };
}

/** True when a reminder matching `same` was appended after seq `since`. */
async function alreadyReminded(trx: Transaction<Database>, incidentId: string, since: number, same: (body: ReminderBody) => boolean): Promise<boolean> {
  let after = since;
  for (;;) {
    const page = await listEventsAfter(trx, incidentId, after, 500);
    if (page.some((e) => e.kind === 'reminder' && same(e.body as ReminderBody))) return true;
    if (page.length < 500) return false;
    after = page[page.length - 1]!.seq;
  }
}

/** Who hears about a missed commitment: the communications lead, else the commander, else (nobody commands) the first person in the room. */
export function reminderRecipient(state: IncidentState): string | null {
  return holderOf(state, 'communications')?.userId ?? answerableUser(state);
}

/** Appends the reminder and queues its notification, in trx. */
async function remind(trx: Transaction<Database>, deps: IncidentDeps, state: IncidentState, body: ReminderBody, message: { subject: string; text: string }): Promise<void> {
  await appendEventInTx(trx, deps, systemActor('cadence'), state.id, { kind: 'reminder', body });
  const recipient = reminderRecipient(state);
  if (!recipient) return;
  await enqueueNotification(trx, deps.jobs, {
    recipientUserId: recipient,
    subject: message.subject,
    text: message.text,
    reason: `incident.${body.reason}`,
    incidentId: state.id,
  });
}

/**
 * Runs a reminder check under the incident's row lock, which orders it after
 * any update or verification being posted right now; does nothing when the
 * incident is gone or resolved. The job completes in the same transaction.
 */
async function withOpenIncident(
  ctx: JobContext,
  incidentId: string,
  check: (trx: Transaction<Database>, deps: IncidentDeps, state: IncidentState) => Promise<void>,
): Promise<void> {
  await ctx.store.transaction(async (trx) => {
    const row = await getIncidentRow(trx, incidentId, true);
    const state = row ? stateOf(row) : undefined;
    if (state && state.status !== 'resolved') await check(trx, depsOf(ctx), state);
    await completeIn(ctx, trx);
  });
}

/** Fires when the next update was due: reminds once if no newer update was posted and the incident is open. */
export const updateDueJob = handleJob(updateDueKind, async (payload, ctx) => {
  await withOpenIncident(ctx, payload.incidentId, async (trx, deps, state) => {
    const basisSeq = state.lastUpdate?.seq ?? DECLARATION_SEQ;
    // Updated since, or re-timed by a severity change: this commitment no longer stands.
    if (basisSeq !== payload.basisSeq || state.nextUpdateDue !== payload.dueAt) return;
    const reminded = await alreadyReminded(trx, state.id, basisSeq, (b) => b.reason === 'update_due' && b.dueAt === payload.dueAt);
    if (reminded) return;
    const last = state.lastUpdate ? `The last update was posted at ${state.lastUpdate.at}.` : 'No update has been posted since the incident was declared.';
    await remind(trx, deps, state, { reason: 'update_due', dueAt: payload.dueAt }, {
      subject: `${state.ref}: an update was due at ${payload.dueAt}`,
      text: `${state.ref} (${state.severity}, ${state.status}): ${state.title}\n\nThe next update was due at ${payload.dueAt}. ${last}\nPost an update now and commit to the time of the next one.`,
    });
  });
});

/** Fires at a mitigation's deadline: reminds once if it was neither verified nor failed. */
export const mitigationDeadlineJob = handleJob(mitigationDeadlineKind, async (payload, ctx) => {
  await withOpenIncident(ctx, payload.incidentId, async (trx, deps, state) => {
    const mitigation = state.mitigations.active.find((m) => m.seq === payload.mitigationSeq);
    if (!mitigation) return;
    const reminded = await alreadyReminded(trx, state.id, mitigation.seq, (b) => b.reason === 'mitigation_deadline' && b.mitigationSeq === mitigation.seq);
    if (reminded) return;
    await remind(trx, deps, state, { reason: 'mitigation_deadline', dueAt: mitigation.deadline, mitigationSeq: mitigation.seq }, {
      subject: `${state.ref}: mitigation deadline passed without verification`,
      text: `${state.ref} (${state.severity}, ${state.status}): ${state.title}\n\nMitigation "${mitigation.action}" (event ${mitigation.seq}) was expected to show "${mitigation.expectedSignal}" by ${mitigation.deadline}. Record whether it worked (mitigation_verified or mitigation_failed), or try something else.`,
    });
  });
});

/**
 * Fires at the response target of an incident alerts declared (docs/practices.md#triage): reminds once if no person has confirmed or
 * changed its severity yet.
 */
export const triageDueJob = handleJob(triageDueKind, async (payload, ctx) => {
  await withOpenIncident(ctx, payload.incidentId, async (trx, deps, state) => {
    if (!state.triage.pending || state.triage.reminded) return;
    await remind(trx, deps, state, { reason: 'triage_due', dueAt: payload.dueAt }, {
      subject: `${state.ref}: severity not confirmed within the response target`,
      text: `${state.ref} (${state.severity}, declared by alerts): ${state.title}\n\nThe response target passed at ${payload.dueAt} and no one has confirmed the severity. Acknowledge, assess the impact (how many users, which features, since when) and confirm or change the severity.`,
    });
  });
});

export const cadenceJobs = [updateDueJob, mitigationDeadlineJob, triageDueJob];

