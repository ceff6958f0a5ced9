/**
 * Job kinds of the alert domain that other alert code schedules. Declared
 * without handlers so silences can schedule them without importing the
 * pipeline; the handlers live beside the code they run (resurface.ts).
 */
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/schema.js';
import { defineJobKind } from '../../jobs/definition.js';
import type { JobQueue } from '../../jobs/queue.js';

/**
 * A silence or maintenance window stopped suppressing (it ended or was ended
 * early): alerts it kept quiet that are still firing are evaluated again, as
 * if they had just arrived, instead of waiting for the source's next resend.
 */
export const suppressionEndedKind = defineJobKind({
  kind: 'alerts.suppression-ended',
  payload: Type.Object({ suppressedBy: Type.String({ pattern: '^(silence|maintenance):' }) }),
});

/** Schedules the re-evaluation for when `suppressedBy` (`silence:<id>` or `maintenance:<id>`) stops, in trx. */
export async function scheduleSuppressionEnd(trx: Db, jobs: JobQueue, suppressedBy: string, endsAt: string): Promise<void> {
  await jobs.schedule(trx, suppressionEndedKind, { suppressedBy }, { key: `${suppressedBy}:${endsAt}`, runAt: endsAt });
}
