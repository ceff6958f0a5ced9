import type { Logger } from 'pino';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config.js';
import type { Store } from '../db/store.js';
import type { ChangeBus } from '../db/changes.js';
import type { JobQueue } from '../jobs/queue.js';
import type { AnyJobDefinition } from '../jobs/definition.js';
import type { Metrics } from './metrics.js';
import type { Clock } from '../clock.js';
import type { ConsumerFaults } from './faults.js';
import type { FactSubscriber } from '../domains/incidents/fact-consumers.js';
import type { IncidentContributions } from '../domains/incidents/contributions.js';
import type { PageObserver } from '../domains/oncall/page-observers.js';
import type { ActionItemTracker } from '../domains/postmortems/action-item-trackers.js';

/** What a running Firebreak process hands to routes and services. */
export interface AppContext {
  config: Config;
  store: Store;
  bus: ChangeBus;
  jobs: JobQueue;
  logger: Logger;
  metrics: Metrics;
  /** Product time (`src/clock.ts`): requests, start hooks and jobs run inside it. */
  clock: Clock;
  /** Test-only: consumers made to fail on purpose (set through createTestApp's options; never in a real process). */
  faults?: ConsumerFaults;
}

/** Fastify with TypeBox typing, as route modules receive it. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * A domain plugs into the process here: its routes and its job kinds. The
 * list of domains lives in `domains.ts`, the one place a new domain is added.
 */
export interface DomainModule {
  name: string;
  routes?: (app: App, ctx: AppContext) => void;
  jobs?: readonly AnyJobDefinition[];
  /** The incident facts this domain consumes (resolved, declared, …); registered at assembly, so the incident core imports no consumer. */
  facts?: readonly FactSubscriber[];
  /** What this domain adds to the incident's reads and reminders (runbooks on the handoff, pages); registered at assembly. */
  incident?: IncidentContributions;
  /** What this domain does when paging pages, acknowledges, resolves or escalates (chat updates its messages); registered at assembly. */
  pages?: readonly PageObserver[];
  /** Where postmortem action items become issues (GitHub, Jira) and how their link shows; registered at assembly. */
  actionItems?: ActionItemTracker;
  /** Runs once per process after migrations (for example to subscribe to change notifications). */
  start?: (ctx: AppContext) => Promise<(() => Promise<void>) | void>;
}
