import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Value } from '@sinclair/typebox/value';
import type { Logger } from 'pino';
import type { ConsumerFaults } from '../app/faults.js';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { ChangeBus } from '../db/changes.js';
import type { Db } from '../db/schema.js';
import { databaseNow, fromJson } from '../db/dialect.js';
import { currentClock, withClock, type Clock } from '../clock.js';
import { JobClaimLost, PermanentJobError, type AnyJobDefinition } from './definition.js';
import { JOBS_CHANNEL, type JobQueue } from './queue.js';
import { retryDelayMs } from './backoff.js';
import {
  buryAbandonedJobs,
  claimDueJobs,
  completeJob,
  failJob,
  nextWakeAt,
  nextDueAndLeaseEnd,
  purgeFinishedJobs,
  renewLease,
  type Claim,
  findJobById,
  type JobRow,
} from './store.js';

export interface WorkerOptions {
  concurrency: number;
  leaseMs: number;
  /** Longest sleep with nothing due: a safety net for a notification lost while disconnected. */
  idleWakeMs?: number;
  /** How long finished jobs are kept. */
  retainDoneMs?: number;
  retryBaseMs?: number;
  /** Test-only: consumers made to fail, handed to handlers (app/faults.ts). */
  faults?: ConsumerFaults;
  /** This host's clock, used only to time sleeps (leases follow the database's clock). Tests inject a skewed one. */
  clock?: () => Date;
  /**
   * Product time (`src/clock.ts`), the clock handlers run on; the process clock by default.
   * A clock that jumps (a test's) also decides which jobs are due, and moving it wakes the worker.
   */
  productClock?: Clock;
}

/** How an attempt ended: `lost` when another worker had taken the job over before this one could complete it. */
export type AttemptOutcome = 'done' | 'retry' | 'dead' | 'lost';

export interface WorkerHooks {
  /** Called after every attempt, for metrics. */
  onAttempt?: (kind: string, outcome: AttemptOutcome, seconds: number) => void;
  /** Called for every claim query, with how many jobs it claimed (tests check the worker does not poll). */
  onClaim?: (claimed: number) => void;
}

/**
 * Runs due jobs (ARCHITECTURE.md, "Jobs"). It sleeps until the next job is due, a lease
 * expires, or a notification says a job was scheduled; it never busy-polls.
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly definitions = new Map<string, AnyJobDefinition>();
  private readonly running = new Map<number, Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private stopping = false;
  private wake: (() => void) | undefined;
  private woken = false;
  private loop: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastPurge = 0;
  /** The database clock minus this host's, measured at each claim. */
  private skewMs = 0;
  private readonly productClock: Clock;
  private stopFollowingClock: (() => void) | undefined;

  constructor(
    private readonly config: Config,
    private readonly store: Store,
    private readonly bus: ChangeBus,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
    private readonly options: WorkerOptions,
    definitions: readonly AnyJobDefinition[],
    private readonly hooks: WorkerHooks = {},
  ) {
    this.productClock = options.productClock ?? currentClock();
    for (const d of definitions) {
      if (this.definitions.has(d.kind)) throw new Error(`job kind ${d.kind} is defined twice`);
      this.definitions.set(d.kind, d);
    }
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(JOBS_CHANNEL, () => this.nudge());
    // A test that moves product time past a job's run_at expects it to run now.
    this.stopFollowingClock = this.productClock.onAdvance?.(() => this.nudge());
    this.loop = withClock(this.productClock, () => this.run());
  }

  /** Stops claiming, waits for running jobs to finish, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.stopFollowingClock?.();
    this.nudge();
    await this.loop;
    await Promise.allSettled(this.running.values());
  }

  /** Aborts running handlers (hard shutdown after the grace period). */
  abortRunning(): void {
    for (const controller of this.controllers) controller.abort(new Error('worker shutting down'));
  }

  private nudge(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      let sleepMs: number;
      try {
        const free = this.options.concurrency - this.running.size;
        const claimed = free > 0 ? await this.claim(free) : [];
        for (const job of claimed) this.execute(job);
        if (claimed.length > 0 && claimed.length === free) continue;
        await this.purgeOccasionally();
        sleepMs = await this.untilNextWake();
      } catch (err) {
        this.logger.error({ err }, 'job worker loop failed; retrying');
        sleepMs = 1000;
      }
      if (this.woken || this.stopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleepMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  // Real time: only sleeps are timed by it (mechanical; see src/clock.ts).
  private localNow(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /** Whether product time jumps (a test's clock): then it, not the database, says which jobs are due. */
  private get jumpingClock(): boolean {
    return this.productClock.onAdvance !== undefined;
  }

  private async claim(limit: number): Promise<JobRow[]> {
    const claimed = await this.store.transaction(async (trx) => {
      const now = await databaseNow(trx);
      this.skewMs = now.getTime() - this.localNow().getTime();
      const leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
      await buryAbandonedJobs(trx, now.toISOString());
      const dueBy = this.jumpingClock ? this.productClock.now().toISOString() : now.toISOString();
      return claimDueJobs(trx, this.id, limit, now.toISOString(), leaseUntil, dueBy);
    });
    this.hooks.onClaim?.(claimed.length);
    return claimed;
  }

  private async untilNextWake(): Promise<number> {
    const idle = this.options.idleWakeMs ?? 60_000;
    // With every slot busy, a finishing job wakes the loop.
    if (this.running.size >= this.options.concurrency) return idle;
    const next = await nextWakeAt(this.store.db);
    if (!next) return idle;
    if (this.jumpingClock) {
      // Due times follow product time, leases the database's; moving product time nudges the loop.
      const { due, leaseEnd } = await nextDueAndLeaseEnd(this.store.db);
      const untilDue = due ? Date.parse(due) - this.productClock.now().getTime() : idle;
      const untilLeaseEnd = leaseEnd ? Date.parse(leaseEnd) - (this.localNow().getTime() + this.skewMs) : idle;
      return Math.max(0, Math.min(idle, untilDue, untilLeaseEnd));
    }
    return Math.max(0, Math.min(idle, new Date(next).getTime() - (this.localNow().getTime() + this.skewMs)));
  }

  private async purgeOccasionally(): Promise<void> {
    const now = this.productClock.now().getTime();
    if (now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    const before = new Date(now - (this.options.retainDoneMs ?? 7 * 86_400_000)).toISOString();
    while ((await purgeFinishedJobs(this.store.db, before)) > 0) {
      if (this.stopping) return;
    }
  }

  private execute(job: JobRow): void {
    const promise = this.attempt(job).finally(() => {
      this.running.delete(job.id);
      this.nudge();
    });
    this.running.set(job.id, promise);
  }

  private async attempt(job: JobRow): Promise<void> {
    const claim: Claim = { id: job.id, attempts: job.attempts, workerId: this.id };
    const started = process.hrtime.bigint();
    const controller = new AbortController();
    this.controllers.add(controller);
    const renewal = setInterval(() => {
      this.renew(claim).then(
        (held) => held || controller.abort(new Error('lease lost')),
        (err) => this.logger.warn({ err, jobId: job.id }, 'could not renew job lease'),
      );
    }, Math.max(50, Math.floor(this.options.leaseMs / 3)));
    let completedByHandler = false;
    const complete = async (trx: Db): Promise<boolean> => {
      const held = await completeJob(trx, claim, (await databaseNow(trx)).toISOString());
      completedByHandler ||= held;
      return held;
    };
    let outcome: AttemptOutcome;
    try {
      await this.runHandler(job, controller.signal, complete);
      outcome = completedByHandler ? 'done' : await this.recordSuccess(job, claim);
    } catch (err) {
      // A throw after the handler's final transaction committed its completion is not a failed attempt.
      if (completedByHandler && (await this.isDone(claim))) {
        this.logger.warn({ err, jobId: job.id, kind: job.kind }, 'job handler threw after completing its job; the job stays done');
        outcome = 'done';
      } else if (err instanceof JobClaimLost) {
        this.logger.info({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job was taken over by another worker; this attempt rolled back');
        outcome = 'lost';
      } else {
        outcome = await this.recordFailure(job, claim, err);
      }
    } finally {
      clearInterval(renewal);
      this.controllers.delete(controller);
    }
    this.hooks.onAttempt?.(job.kind, outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async renew(claim: Claim): Promise<boolean> {
    const now = await databaseNow(this.store.db);
    return renewLease(this.store.db, claim, new Date(now.getTime() + this.options.leaseMs).toISOString(), now.toISOString());
  }

  /**
   * Marks a job done after its handler returned. When the claim was lost the
   * job belongs to the worker that took it over; when the update itself fails
   * the job stays running and is retried after its lease (handlers are
   * idempotent). Neither counts as a failed attempt.
   */
  private async recordSuccess(job: JobRow, claim: Claim): Promise<AttemptOutcome> {
    try {
      if (await completeJob(this.store.db, claim, (await databaseNow(this.store.db)).toISOString())) return 'done';
      this.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job finished after another worker took it over; its result is left to that worker');
      return 'lost';
    } catch (err) {
      this.logger.error({ err, jobId: job.id, kind: job.kind }, 'could not mark a finished job done; it will run again after its lease');
      return 'lost';
    }
  }

  private async isDone(claim: Claim): Promise<boolean> {
    const row = await findJobById(this.store.db, claim.id).catch(() => undefined);
    return row?.status === 'done' && row.attempts === claim.attempts && row.locked_by === claim.workerId;
  }

  private async runHandler(job: JobRow, signal: AbortSignal, complete: (trx: Db) => Promise<boolean>): Promise<void> {
    const definition = this.definitions.get(job.kind);
    if (!definition) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
    const payload = fromJson<unknown>(job.payload);
    if (!Value.Check(definition.payload, payload)) throw new PermanentJobError(`payload no longer matches the ${job.kind} schema`);
    await definition.handler(payload as never, {
      config: this.config,
      store: this.store,
      bus: this.bus,
      jobs: this.queue,
      logger: this.logger.child({ jobId: job.id, jobKind: job.kind }),
      clock: this.productClock,
      signal,
      attempt: job.attempts,
      jobId: job.id,
      complete,
      ...(this.options.faults ? { faults: this.options.faults } : {}),
    });
  }

  private async recordFailure(job: JobRow, claim: Claim, err: unknown): Promise<AttemptOutcome> {
    const message = err instanceof Error ? err.message : String(err);
    const final = err instanceof PermanentJobError || job.attempts >= job.max_attempts;
    this.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message, final }, 'job attempt failed');
    try {
      const now = await databaseNow(this.store.db);
      const from = this.jumpingClock ? this.productClock.now() : now;
      const retryAt = final ? null : new Date(from.getTime() + retryDelayMs(job.attempts, this.options.retryBaseMs)).toISOString();
      if (!(await failJob(this.store.db, claim, message.slice(0, 2000), retryAt, now.toISOString()))) return 'lost';
    } catch (e) {
      this.logger.error({ err: e, jobId: job.id }, 'could not record job failure; its lease will expire and it will be retried');
    }
    return final ? 'dead' : 'retry';
  }
}
