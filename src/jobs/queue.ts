import { Value } from '@sinclair/typebox/value';
import type { Db } from '../db/schema.js';
import type { ChangeBus } from '../db/changes.js';
import { toJson } from '../db/dialect.js';
import type { JobKind } from './definition.js';
import { insertJob } from './store.js';
import { clockNow } from '../clock.js';

/** Channel on which new or rescheduled jobs wake workers. */
export const JOBS_CHANNEL = 'firebreak_jobs';

export interface ScheduleOptions {
  /** Scheduling the same key again does nothing: one reminder per commitment, one page per step. */
  key: string;
  /** When the job is due; now when omitted. */
  runAt?: Date | string;
}

/** Schedules typed jobs inside the caller's transaction. */
export class JobQueue {
  constructor(
    private readonly bus: ChangeBus,
    private readonly defaultMaxAttempts: number,
  ) {}

  /**
   * Adds a job in trx (so it exists exactly when the change that caused it
   * commits) and wakes the workers. Returns false when the key was already scheduled.
   */
  async schedule<P>(trx: Db, definition: JobKind<P>, payload: P, options: ScheduleOptions): Promise<boolean> {
    if (!Value.Check(definition.payload, payload)) {
      const error = Value.Errors(definition.payload, payload).First();
      throw new Error(`job ${definition.kind}: invalid payload at ${error?.path || '/'}: ${error?.message}`);
    }
    const runAt = options.runAt === undefined ? clockNow() : new Date(options.runAt);
    const inserted = await insertJob(
      trx,
      {
        kind: definition.kind,
        idempotencyKey: `${definition.kind}:${options.key}`,
        payload: toJson(payload),
        runAt: runAt.toISOString(),
        maxAttempts: definition.maxAttempts ?? this.defaultMaxAttempts,
      },
      clockNow().toISOString(),
    );
    if (inserted) await this.bus.publish(trx, JOBS_CHANNEL, runAt.toISOString());
    return inserted;
  }
}
