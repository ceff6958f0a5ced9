import type { Static, TSchema } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { Db } from '../db/schema.js';
import type { ChangeBus } from '../db/changes.js';
import type { JobQueue } from './queue.js';
import type { Clock } from '../clock.js';
import type { ConsumerFaults } from '../app/faults.js';

/** What a job handler may use. Handlers are idempotent and re-check state before acting (ARCHITECTURE.md, "Jobs"). */
export interface JobContext {
  config: Config;
  store: Store;
  bus: ChangeBus;
  jobs: JobQueue;
  logger: Logger;
  /** Product time; handlers also run inside it, so `clockNow()` answers the same. */
  clock: Clock;
  /** Aborted when the worker loses the job's lease or shuts down hard. */
  signal: AbortSignal;
  /** 1 on the first run. */
  attempt: number;
  jobId: number;
  /** Test-only: consumers made to fail (app/faults.ts); absent in a real process. */
  faults?: ConsumerFaults;
  /**
   * Marks this job done inside trx, the handler's final transaction, so its
   * side effects and its completion commit together. False when this attempt
   * no longer holds the job (its lease expired and another worker claimed it):
   * the handler should then leave the work to that worker (roll back, or keep
   * only writes that are fenced on their own).
   */
  complete: (trx: Db) => Promise<boolean>;
}

/**
 * A job kind: its name and the schema its payload must satisfy. Declaring a
 * kind needs no handler, so code that schedules a job does not import the
 * code that runs it (which may depend back on the scheduler).
 */
export interface JobKind<P = unknown> {
  kind: string;
  payload: TSchema;
  /** Overrides the configured attempt limit for this kind. */
  maxAttempts?: number;
  /** Never set: ties the payload type to the kind (a method, so registries of mixed kinds still type-check). */
  payloadType?(payload: P): void;
}

/** A job kind with what running it does. */
export interface JobDefinition<P = unknown> extends JobKind<P> {
  handler: (payload: P, ctx: JobContext) => Promise<void>;
}

/** Any job definition, for registries (a handler of a specific payload accepts `never`). */
export type AnyJobDefinition = JobDefinition<never>;

/** Declares a job kind without its handler; the payload type follows from its schema. */
export function defineJobKind<S extends TSchema>(kind: { kind: string; payload: S; maxAttempts?: number }): JobKind<Static<S>> {
  return kind;
}

/** Attaches the handler to a kind declared elsewhere (where the code it needs lives). */
export function handleJob<P>(kind: JobKind<P>, handler: (payload: P, ctx: JobContext) => Promise<void>): JobDefinition<P> {
  return { kind: kind.kind, payload: kind.payload, ...(kind.maxAttempts === undefined ? {} : { maxAttempts: kind.maxAttempts }), handler };
}

/** Declares a job kind and its handler together. */
export function defineJob<S extends TSchema>(definition: {
  kind: string;
  payload: S;
  handler: (payload: Static<S>, ctx: JobContext) => Promise<void>;
  maxAttempts?: number;
}): JobDefinition<Static<S>> {
  return definition;
}

/** Raised by a handler to give up at once instead of retrying. */
export class PermanentJobError extends Error {}

/** Raised in a handler's final transaction when another worker has taken the job over: the transaction rolls back. */
export class JobClaimLost extends Error {}

/** Completes the job in trx, the handler's final transaction, or rolls trx back when this attempt no longer holds the job. */
export async function completeIn(ctx: JobContext, trx: Db): Promise<void> {
  if (!(await ctx.complete(trx))) throw new JobClaimLost(`job ${ctx.jobId} was taken over by another worker`);
}
