/** The drill job kind, declared apart from its handler (jobs.ts) so the service can schedule it without importing the pipeline twice. */
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/schema.js';
import { defineJobKind } from '../../jobs/definition.js';
import type { JobQueue } from '../../jobs/queue.js';

/** A scenario's scheduled occurrence is due. */
export const drillDueKind = defineJobKind({
  kind: 'drills.due',
  payload: Type.Object({ scenarioId: Type.String(), occurrence: Type.String() }),
});

/** Schedules the firing of `scenarioId` at `occurrence`, in trx; the key makes it once per occurrence. */
export async function scheduleDrillFire(trx: Db, jobs: JobQueue, scenarioId: string, occurrence: string): Promise<void> {
  await jobs.schedule(trx, drillDueKind, { scenarioId, occurrence }, { key: `${scenarioId}:${occurrence}`, runAt: occurrence });
}
