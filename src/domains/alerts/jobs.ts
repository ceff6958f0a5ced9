/** The raw-payload purge: runs hourly, deletes request bodies older than alertPayloadRetentionDays. */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app/context.js';
import { completeIn, defineJob } from '../../jobs/definition.js';
import * as store from './store.js';
import { clockMs } from '../../clock.js';

const HOUR_MS = 3_600_000;

/** The idempotency key of the purge due in the hour starting at `at`: one per hour however many processes schedule it. */
function purgeKey(at: number): string {
  return new Date(Math.floor(at / HOUR_MS) * HOUR_MS).toISOString();
}

export const purgeAlertPayloads = defineJob({
  kind: 'alerts.purge-payloads',
  payload: Type.Object({ retentionDays: Type.Integer({ minimum: 1 }) }),
  async handler(payload, ctx) {
    const before = new Date(clockMs() - payload.retentionDays * 86_400_000).toISOString();
    const purged = await store.purgePayloads(ctx.store.db, before);
    if (purged > 0) ctx.logger.info({ purged, before }, 'purged raw alert payloads past retention');
    const next = clockMs() + HOUR_MS;
    await ctx.store.transaction(async (trx) => {
      await ctx.jobs.schedule(trx, purgeAlertPayloads, payload, { key: purgeKey(next), runAt: new Date(Math.floor(next / HOUR_MS) * HOUR_MS) });
      await completeIn(ctx, trx);
    });
  },
});

/** Makes sure a purge is scheduled (a no-op when one already is for this hour). */
export async function schedulePurge(ctx: AppContext): Promise<void> {
  await ctx.store.transaction((trx) =>
    ctx.jobs.schedule(trx, purgeAlertPayloads, { retentionDays: ctx.config.alertPayloadRetentionDays }, { key: purgeKey(clockMs()) }),
  );
}
