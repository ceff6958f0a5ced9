/**
 * Reminders of postmortems past due and action items past due, each sent once:
 * the job is keyed by the item and its due time, and the handler checks and
 * stamps `reminded_at` under the row's lock, so two workers (or a retried
 * job) never remind twice.
 */
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/schema.js';
import { forUpdate } from '../../db/dialect.js';
import { defineJob } from '../../jobs/definition.js';
import type { JobQueue } from '../../jobs/queue.js';
import { enqueueNotification } from '../notify/service.js';
import { clockNow } from '../../clock.js';

export const postmortemDueJob = defineJob({
  kind: 'postmortems.due',
  payload: Type.Object({ postmortemId: Type.String(), dueAt: Type.String() }),
  async handler(payload, ctx) {
    await ctx.store.transaction(async (trx) => {
      const row = await forUpdate(trx, trx.selectFrom('postmortems').innerJoin('incidents', 'incidents.id', 'postmortems.incident_id')
        .select(['postmortems.id', 'postmortems.status', 'postmortems.owner_id', 'postmortems.due_at', 'postmortems.reminded_at', 'incidents.ref', 'incidents.title', 'incidents.id as incident_id'])
        .where('postmortems.id', '=', payload.postmortemId)).executeTakeFirst();
      // Published, re-dated, already reminded, or nobody to remind: nothing to do.
      if (!row || row.status === 'published' || row.due_at !== payload.dueAt || row.reminded_at !== null || !row.owner_id) return;
      await trx.updateTable('postmortems').set({ reminded_at: clockNow().toISOString() }).where('id', '=', row.id).execute();
      await enqueueNotification(trx, ctx.jobs, {
        recipientUserId: row.owner_id,
        subject: `${row.ref}: the postmortem was due at ${row.due_at}`,
        text: `${row.ref}: ${row.title}\n\nThe postmortem you own was due at ${row.due_at} and is still ${row.status.replace('_', ' ')}. \`firebreak postmortem draft ${row.ref}\` prints the draft from the timeline.`,
        reason: 'postmortem.due',
        incidentId: row.incident_id,
      });
    });
  },
});

export const actionItemOverdueJob = defineJob({
  kind: 'postmortems.action_item_overdue',
  payload: Type.Object({ itemId: Type.String(), dueAt: Type.String() }),
  async handler(payload, ctx) {
    await ctx.store.transaction(async (trx) => {
      const item = await forUpdate(trx, trx.selectFrom('postmortem_action_items').innerJoin('incidents', 'incidents.id', 'postmortem_action_items.incident_id')
        .select(['postmortem_action_items.id', 'postmortem_action_items.title', 'postmortem_action_items.status', 'postmortem_action_items.owner_id', 'postmortem_action_items.due_at', 'postmortem_action_items.reminded_at', 'incidents.ref', 'incidents.id as incident_id'])
        .where('postmortem_action_items.id', '=', payload.itemId)).executeTakeFirst();
      if (!item || item.status === 'closed' || item.due_at !== payload.dueAt || item.reminded_at === payload.dueAt || !item.owner_id) return;
      // reminded_at holds the due time reminded about: a new due date earns a new reminder.
      await trx.updateTable('postmortem_action_items').set({ reminded_at: payload.dueAt }).where('id', '=', item.id).execute();
      await enqueueNotification(trx, ctx.jobs, {
        recipientUserId: item.owner_id,
        subject: `${item.ref}: action item overdue: ${item.title}`,
        text: `The action item "${item.title}" from the postmortem of ${item.ref} was due at ${item.due_at}. Close it with a link to the evidence, or set a new due date.`,
        reason: 'postmortem.action_item_overdue',
        incidentId: item.incident_id,
      });
    });
  },
});

export const reminderJobs = [postmortemDueJob, actionItemOverdueJob];

export async function schedulePostmortemDue(trx: Db, jobs: JobQueue, postmortemId: string, dueAt: string): Promise<void> {
  await jobs.schedule(trx, postmortemDueJob, { postmortemId, dueAt }, { key: `${postmortemId}:${dueAt}`, runAt: dueAt });
}

export async function scheduleActionItemOverdue(trx: Db, jobs: JobQueue, itemId: string, dueAt: string | null): Promise<void> {
  if (dueAt) await jobs.schedule(trx, actionItemOverdueJob, { itemId, dueAt }, { key: `${itemId}:${dueAt}`, runAt: dueAt });
}
