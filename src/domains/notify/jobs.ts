import { Type } from '@sinclair/typebox';
import { defineJob } from '../../jobs/definition.js';
import { DELIVERY_MAX_ATTEMPTS, deliverOnce } from './delivery.js';
import { deliverySettings } from './transport.js';

/** Sends one delivery from the outbox; retried with backoff until it is sent or fails for good. */
export const deliverJob = defineJob({
  kind: 'notify.deliver',
  payload: Type.Object({ deliveryId: Type.String() }),
  maxAttempts: DELIVERY_MAX_ATTEMPTS,
  async handler(payload, ctx) {
    await deliverOnce(ctx.store, deliverySettings(ctx.config), payload.deliveryId, { attempt: ctx.attempt, signal: ctx.signal, complete: ctx.complete });
  },
});

export const notifyJobs = [deliverJob];
