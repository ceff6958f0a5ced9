import type { Static, TSchema } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { ChangeBus } from '../db/changes.js';
import type { JobQueue } from './queue.js';

/** What a job handler may use. Handlers are idempotent and re-check state before acting (DESIGN §5). */
export interface JobContext {
  config: Config;
  store: Store;
  bus: ChangeBus;
  jobs: JobQueue;
  logger: Logger;
  /** Aborted when the worker loses the job's lease or shuts down hard. */
  signal: AbortSignal;
  /** 1 on the first run. */
  attempt: number;
  jobId: number;
}

/** A typed job: its kind, the schema its payload must satisfy, and what running it does. */
export interface JobDefinition<P = unknown> {
  kind: string;
  payload: TSchema;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  /** Overrides the configured attempt limit for this kind. */
  maxAttempts?: number;
}

/** Any job definition, for registries (a handler of a specific payload accepts `never`). */
export type AnyJobDefinition = JobDefinition<never>;

/** Declares a job kind; the payload type follows from its schema. */
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
