import { Type } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { ChangeBus } from '../../db/changes.js';
import type { Database } from '../../db/schema.js';
import type { JobQueue } from '../../jobs/queue.js';
import { completeIn, defineJobKind, handleJob, PermanentJobError } from '../../jobs/definition.js';
import type { FactContext, IncidentFact, IncidentFactKind } from './facts.js';
import { factsBetween } from './facts.js';
import type { Clock } from '../../clock.js';
import { injectFault, type ConsumerFaults, type IntakeConsumer } from '../../app/faults.js';

/** What a fact consumer may use: the process's config, change bus and job queue. */
export interface FactDeps {
  config: Config;
  bus: ChangeBus;
  jobs: JobQueue;
  clock?: Clock | undefined;
  /** Test-only: consumers made to fail (app/faults.ts). */
  faults?: ConsumerFaults | undefined;
  logger?: Logger | undefined;
}

/**
 * A domain's subscription to incident facts, declared in its `DomainModule.facts`
 * and registered when the process is assembled. `transaction` consumers run in
 * the appending transaction (they may refuse the event, rolling it back: keep
 * them few and fast); `job` consumers run after commit as fenced jobs, retried
 * until they succeed, so their failure never fails the append.
 */
export interface FactConsumer {
  /** Stable: part of each job's idempotency key and of log lines. */
  name: string;
  kinds: readonly IncidentFactKind[];
  mode: 'transaction' | 'job';
  handle(trx: Transaction<Database>, deps: FactDeps, fact: IncidentFact, context: FactContext): Promise<void>;
}

/**
 * Per-append bookkeeping, not a fact consumer: a read model another domain
 * keeps in step with the log (the metrics facts row). It runs in the appending
 * transaction after every append, facts or none, and is handed the facts the
 * append established so it can act on them (close the row on `resolved`)
 * rather than on the event's kind.
 */
export interface AppendProjection {
  name: string;
  mode: 'every_append';
  project(trx: Transaction<Database>, deps: FactDeps, facts: readonly IncidentFact[], context: FactContext): Promise<void>;
  /** Rewrites the projection of one incident from its log (`firebreak incident rebuild`), in trx. */
  rebuild(trx: Transaction<Database>, incidentId: string): Promise<void>;
}

/** What a domain registers in its `DomainModule.facts`. */
export type FactSubscriber = FactConsumer | AppendProjection;

let consumers: readonly FactConsumer[] = [];
let projections: readonly AppendProjection[] = [];

/** Called once at assembly (process start, CLI) with every domain's consumers. */
export function registerFactConsumers(list: readonly FactSubscriber[]): void {
  const names = new Set<string>();
  for (const consumer of list) {
    if (names.has(consumer.name)) throw new Error(`two fact consumers are named ${consumer.name}`);
    names.add(consumer.name);
  }
  consumers = list.filter((c): c is FactConsumer => c.mode !== 'every_append');
  projections = list.filter((c): c is AppendProjection => c.mode === 'every_append');
}

/** Rewrites every per-append projection of one incident from its log, in trx (after its own projection is rebuilt). */
export async function rebuildAppendProjections(trx: Transaction<Database>, incidentId: string): Promise<void> {
  for (const projection of projections) await projection.rebuild(trx, incidentId);
}

/** The consumers registered at assembly. */
export function registeredFactConsumers(): readonly FactConsumer[] {
  return consumers;
}

const factJobKind = defineJobKind({
  kind: 'incidents.fact',
  payload: Type.Object({ consumer: Type.String(), fact: Type.Unknown(), context: Type.Unknown() }),
});

/**
 * Computes the facts an append established and hands each to its consumers:
 * in-transaction ones now, the others as one job per consumer and fact (keyed
 * by incident, seq, consumer and fact, so a retried append schedules it once);
 * then runs the per-append projections.
 */
export async function announceFacts(trx: Transaction<Database>, deps: FactDeps, context: FactContext): Promise<IncidentFact[]> {
  const facts = factsBetween(context.before, context.after);
  if (deps.faults) injectDomainFaults(deps.faults);
  for (const fact of facts) {
    for (const consumer of consumers) {
      if (!consumer.kinds.includes(fact.kind)) continue;
      if (consumer.mode === 'transaction') await consumer.handle(trx, deps, fact, context);
      else await deps.jobs.schedule(trx, factJobKind, { consumer: consumer.name, fact, context }, { key: `${context.incident.id}:${context.event.seq}:${consumer.name}:${fact.kind}` });
    }
  }
  for (const projection of projections) await projection.project(trx, deps, facts, context);
  return facts;
}

/**
 * Test-only: a domain a test made fail fails every append whose transaction
 * reaches its consumers, as a database error in that domain would.
 */
function injectDomainFaults(faults: ConsumerFaults): void {
  const inTransaction = [...consumers.filter((c) => c.mode === 'transaction'), ...projections];
  for (const name of inTransaction.map((c) => c.name.split('.')[0])) injectFault(faults, name as IntakeConsumer);
}

/** Runs one job-mode consumer on one fact, completing the job in the consumer's transaction. */
export const factJobs = [
  handleJob(factJobKind, async (payload, ctx) => {
    const consumer = consumers.find((c) => c.name === payload.consumer);
    if (!consumer) throw new PermanentJobError(`no fact consumer named ${payload.consumer} in this process`);
    await ctx.store.transaction(async (trx) => {
      await consumer.handle(trx, { config: ctx.config, bus: ctx.bus, jobs: ctx.jobs, logger: ctx.logger }, payload.fact as IncidentFact, payload.context as FactContext);
      await completeIn(ctx, trx);
    });
  }),
];
