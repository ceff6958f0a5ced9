/**
 * Running a chat job's outbound calls: every call to a vendor happens in a
 * job, after the change that caused it has committed, so a chat outage never
 * blocks an incident event or an alert. A rate-limit answer (429) schedules
 * the same step again after Retry-After instead of burning an attempt; other
 * retryable failures go back to the queue's backoff; permanent ones stop.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/schema.js';
import { completeIn, defineJobKind, PermanentJobError, type JobContext } from '../../jobs/definition.js';
import type { JobQueue } from '../../jobs/queue.js';
import { ChatCallError } from './outbound.js';
import { clockMs } from '../../clock.js';

export const CHANNEL_STEPS = ['open', 'invite', 'topic', 'intro', 'missing', 'mirror', 'resolved', 'archive'] as const;
export type ChannelStep = (typeof CHANNEL_STEPS)[number];

const ChannelStepPayload = Type.Object({
  channel: Type.String(),
  step: Type.Union(CHANNEL_STEPS.map((s) => Type.Literal(s))),
});
export type ChannelStepPayload = Static<typeof ChannelStepPayload>;

/** One step of an incident channel's life; keyed per channel, step and reason so each is scheduled once. */
export const channelStepKind = defineJobKind({ kind: 'chat.channel', payload: ChannelStepPayload, maxAttempts: 20 });

const PagePayload = Type.Object({ page: Type.String(), step: Type.Union([Type.Literal('post'), Type.Literal('update')]) });
export type PageStepPayload = Static<typeof PagePayload>;

/** Posting or updating one page message in chat. */
export const pageStepKind = defineJobKind({ kind: 'chat.page', payload: PagePayload, maxAttempts: 20 });

/** Schedules a channel step in trx. */
export async function scheduleChannelStep(trx: Db, jobs: JobQueue, channel: string, step: ChannelStep, key: string, runAt?: Date): Promise<boolean> {
  return jobs.schedule(trx, channelStepKind, { channel, step }, { key: `${channel}:${step}:${key}`, ...(runAt ? { runAt } : {}) });
}

/**
 * Runs `work` (the outbound calls), then `commit` (the writes they imply) in
 * the transaction that completes the job. A 429 completes this job and
 * schedules `again` at Retry-After.
 */
export async function runChatStep(ctx: JobContext, work: () => Promise<((trx: Db) => Promise<void>) | void>, again: (trx: Db, at: Date) => Promise<unknown>): Promise<void> {
  let commit: ((trx: Db) => Promise<void>) | void;
  try {
    commit = await work();
  } catch (err) {
    if (!(err instanceof ChatCallError)) throw err;
    if (err.retryAfterMs !== null) {
      const at = new Date(clockMs() + err.retryAfterMs);
      ctx.logger.warn({ jobId: ctx.jobId, retryAt: at.toISOString() }, 'chat vendor rate limit: trying again after Retry-After');
      await ctx.store.transaction(async (trx) => {
        await again(trx, at);
        await completeIn(ctx, trx);
      });
      return;
    }
    if (!err.retryable) throw new PermanentJobError(err.message);
    throw err;
  }
  await ctx.store.transaction(async (trx) => {
    if (commit) await commit(trx);
    await completeIn(ctx, trx);
  });
}

const NoticePayload = Type.Object({ workspace: Type.String(), channel: Type.String(), user: Type.String(), text: Type.String({ maxLength: 8000 }) });

/** A reply only one person sees (a pressed button's or a reaction's outcome), sent after the request was answered. */
export const noticeKind = defineJobKind({ kind: 'chat.notice', payload: NoticePayload, maxAttempts: 5 });
