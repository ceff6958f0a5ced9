import { Type } from '@sinclair/typebox';
import { defineJob, type JobDefinition } from '../../jobs/definition.js';
import { DELIVERY_MAX_ATTEMPTS, deliverOnce } from './delivery.js';
import { deliverySettings } from './transport.js';
import { fallbackOf } from './fallback.js';
import { insertDelivery } from './store.js';

/** Sends one delivery from the outbox; retried with backoff until it is sent or fails for good. */
export const deliverJob: JobDefinition<{ deliveryId: string }> = defineJob({
  kind: 'notify.deliver',
  payload: Type.Object({ deliveryId: Type.String() }),
  maxAttempts: DELIVERY_MAX_ATTEMPTS,
  async handler(payload, ctx) {
    await deliverOnce(ctx.store, deliverySettings(ctx.config), payload.deliveryId, {
      attempt: ctx.attempt,
      signal: ctx.signal,
      complete: ctx.complete,
      // A page's failed channel falls through to the person's next contact method.
      async onFinalFailure(trx, delivery) {
        const next = fallbackOf(delivery);
        if (!next) return;
        await insertDelivery(trx, next);
        await ctx.jobs.schedule(trx, deliverJob, { deliveryId: next.id }, { key: next.id });
      },
    });
  },
});

export const notifyJobs = [deliverJob];
