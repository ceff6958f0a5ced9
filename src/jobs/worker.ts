import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Value } from '@sinclair/typebox/value';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { ChangeBus } from '../db/changes.js';
import { fromJson } from '../db/dialect.js';
import { PermanentJobError, type AnyJobDefinition } from './definition.js';
import { JOBS_CHANNEL, type JobQueue } from './queue.js';
import { retryDelayMs } from './backoff.js';
import {
  buryAbandonedJobs,
  claimDueJobs,
  completeJob,
  failJob,
  nextWakeAt,
  purgeFinishedJobs,
  renewLease,
  type Claim,
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
}

export interface WorkerHooks {
  /** Called after every attempt, for metrics. */
  onAttempt?: (kind: string, outcome: 'done' | 'retry' | 'dead', seconds: number) => void;
  /** Called for every claim query, with how many jobs it claimed (tests check the worker does not poll). */
  onClaim?: (claimed: number) => void;
}

/**
 * Runs due jobs (DESIGN §5). It sleeps until the next job is due, a lease
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
    for (const d of definitions) {
      if (this.definitions.has(d.kind)) throw new Error(`job kind ${d.kind} is defined twice`);
      this.definitions.set(d.kind, d);
    }
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(JOBS_CHANNEL, () => this.nudge());
    this.loop = this.run();
  }

  /** Stops claiming, waits for running jobs to finish, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
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

  private async claim(limit: number): Promise<JobRow[]> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
    const claimed = await this.store.transaction(async (trx) => {
      await buryAbandonedJobs(trx, now.toISOString());
      return claimDueJobs(trx, this.id, limit, now.toISOString(), leaseUntil);
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
    return Math.max(0, Math.min(idle, new Date(next).getTime() - Date.now()));
  }

  private async purgeOccasionally(): Promise<void> {
    const now = Date.now();
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
      const leaseUntil = new Date(Date.now() + this.options.leaseMs).toISOString();
      renewLease(this.store.db, claim, leaseUntil, new Date().toISOString()).then(
        (held) => held || controller.abort(new Error('lease lost')),
        (err) => this.logger.warn({ err, jobId: job.id }, 'could not renew job lease'),
      );
    }, Math.max(50, Math.floor(this.options.leaseMs / 3)));
    let outcome: 'done' | 'retry' | 'dead';
    try {
      await this.runHandler(job, controller.signal);
      await completeJob(this.store.db, claim, new Date().toISOString());
      outcome = 'done';
    } catch (err) {
      outcome = await this.recordFailure(job, claim, err);
    } finally {
      clearInterval(renewal);
      this.controllers.delete(controller);
    }
    this.hooks.onAttempt?.(job.kind, outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async runHandler(job: JobRow, signal: AbortSignal): Promise<void> {
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
      signal,
      attempt: job.attempts,
      jobId: job.id,
    });
  }

  private async recordFailure(job: JobRow, claim: Claim, err: unknown): Promise<'retry' | 'dead'> {
    const message = err instanceof Error ? err.message : String(err);
    const final = err instanceof PermanentJobError || job.attempts >= job.max_attempts;
    const retryAt = final ? null : new Date(Date.now() + retryDelayMs(job.attempts, this.options.retryBaseMs)).toISOString();
    this.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: message, final }, 'job attempt failed');
    await failJob(this.store.db, claim, message.slice(0, 2000), retryAt, new Date().toISOString()).catch((e: unknown) =>
      this.logger.error({ err: e, jobId: job.id }, 'could not record job failure; its lease will expire and it will be retried'),
    );
    return final ? 'dead' : 'retry';
  }
}
