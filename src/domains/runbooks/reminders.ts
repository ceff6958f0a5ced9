/**
 * Reminding the owners of rotting runbooks through the notify outbox, exactly
 * once per runbook per reminder period: the (runbook, period) row is claimed
 * in the transaction that writes the notification, so a second sweep in the
 * same period (another worker, a retried job) sends nothing.
 */
import type { Db } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { getTeam } from '../auth/teams.js';
import { enqueueNotification } from '../notify/service.js';
import { runbookPath } from './linked.js';
import { assessRunbooks, type RotPolicy } from './rot-facts.js';
import { DAY_MS, describeCause } from './rot.js';
import * as store from './store.js';

/** The period `now` falls in: the start of the n-th `periodDays` since the epoch, as a date. */
export function reminderPeriod(now: Date, periodDays: number): string {
  const periodMs = periodDays * DAY_MS;
  return new Date(Math.floor(now.getTime() / periodMs) * periodMs).toISOString().slice(0, 10);
}

/** The people to remind: the owning user, else the owning team's members. */
async function ownersOf(db: Db, row: store.RunbookRow): Promise<string[]> {
  if (row.owner_user_id) return [row.owner_user_id];
  if (!row.owner_team_id) return [];
  const team = await getTeam(db, row.owner_team_id);
  return (team.members ?? []).map((m) => m.id);
}

/** Reminds the owners of each rotting runbook not yet reminded this period; returns how many runbooks were reminded about. */
export async function remindRotOwners(trx: Db, jobs: JobQueue, now: Date, policy: RotPolicy & { periodDays: number; linkBase: string }): Promise<number> {
  const rows = await store.listRunbooks(trx);
  const rot = await assessRunbooks(trx, rows, now, policy);
  const period = reminderPeriod(now, policy.periodDays);
  let reminded = 0;
  for (const row of rows) {
    const r = rot.get(row.id)!;
    if (!r.rotting) continue;
    const owners = await ownersOf(trx, row);
    if (owners.length === 0 || !(await store.claimReminder(trx, row.id, period, now.toISOString()))) continue;
    const text = [
      `The runbook "${row.title}" is rotting:`,
      ...r.causes.map((c) => `- ${describeCause(c)}`),
      '',
      `Fix it and ask someone other than its author to test it: ${policy.linkBase}${runbookPath(row.id)}`,
    ].join('\n');
    for (const userId of owners) await enqueueNotification(trx, jobs, { recipientUserId: userId, subject: `Runbook rotting: ${row.title}`.slice(0, 250), text, reason: 'runbook.rot' });
    reminded++;
  }
  return reminded;
}
