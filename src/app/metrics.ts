import client from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../db/store.js';
import { queueStats } from '../jobs/store.js';
import { journalStats } from '../domains/alerts/service.js';
import type { ServedRecorder } from '../http/front-door.js';
import { clockMs, clockNow } from '../clock.js';

/** The process's Prometheus registry and the instruments the platform feeds. */
export interface Metrics {
  registry: client.Registry;
  jobAttempts: client.Counter<'kind' | 'outcome'>;
  jobDuration: client.Histogram<'kind'>;
  /** Intake transactions run again: a group-commit batch replayed request by request, or one request retried. */
  intakeRetries: client.Counter<'scope' | 'reason'>;
  /** Consumers of intake (incident linking, paging, runbooks, status page, metrics) that failed; their work is retried. */
  intakeConsumerFailures: client.Counter<'consumer'>;
  /** Intake journal entries set aside after failing too often. */
  alertJournalSetAside: client.Counter;
}

/** Creates a registry with process metrics, job metrics and queue depth/lag read at scrape time. */
export function createMetrics(store: Store): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'firebreak_' });
  const jobAttempts = new client.Counter({
    name: 'firebreak_job_attempts_total',
    help: 'Job attempts by kind and outcome (done, retry, dead; lost when another worker had taken the job over)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new client.Histogram({
    name: 'firebreak_job_duration_seconds',
    help: 'Time a job handler took',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });
  const lag = new client.Gauge({
    name: 'firebreak_job_queue_lag_seconds',
    help: 'How long the oldest due job has waited past its run time',
    registers: [],
  });
  // One query at scrape time feeds both gauges; depth is registered first so it collects first.
  new client.Gauge({
    name: 'firebreak_job_queue_depth',
    help: 'Jobs by state: due (queued and due now), running, dead',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const stats = await queueStats(store.db, clockNow().toISOString());
      this.set({ state: 'due' }, stats.due);
      this.set({ state: 'running' }, stats.running);
      this.set({ state: 'dead' }, stats.dead);
      lag.set(stats.oldestDueAt ? Math.max(0, (clockMs() - Date.parse(stats.oldestDueAt)) / 1000) : 0);
    },
  });
  registry.registerMetric(lag);
  const intakeRetries = new client.Counter({
    name: 'firebreak_alert_intake_retries_total',
    help: 'Alert intake transactions run again, by scope (journal: a batch of journal entries the applier ran again; request: the transaction of a test alert retried) and reason (deadlock, serialization, concurrent_write, unavailable, other)',
    labelNames: ['scope', 'reason'] as const,
    registers: [registry],
  });
  const intakeConsumerFailures = new client.Counter({
    name: 'firebreak_alert_intake_consumer_failures_total',
    help: 'Failures of what intake feeds (incident linking, paging, runbooks, status page, metrics), by consumer; the alerts stay stored and the work is retried',
    labelNames: ['consumer'] as const,
    registers: [registry],
  });
  const alertJournalSetAside = new client.Counter({
    name: 'firebreak_alert_journal_set_aside_total',
    help: 'Intake journal entries set aside after failing to apply too often (kept; list and replay them through GET /api/v1/alerts/journal/set-aside)',
    registers: [registry],
  });
  const journalOldest = new client.Gauge({
    name: 'firebreak_alert_journal_oldest_seconds',
    help: 'Age of the oldest intake journal entry not yet applied (0 when none waits)',
    registers: [],
  });
  // One query at scrape time feeds both gauges; depth is registered first so it collects first.
  new client.Gauge({
    name: 'firebreak_alert_journal_depth',
    help: 'Intake journal entries (accepted requests) by state: pending (appended, not yet applied) and set_aside (failed too often, waiting for a replay)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const stats = await journalStats(store.db);
      this.set({ state: 'pending' }, stats.pending);
      this.set({ state: 'set_aside' }, stats.setAside);
      journalOldest.set(stats.oldestPendingAt ? Math.max(0, (clockMs() - Date.parse(stats.oldestPendingAt)) / 1000) : 0);
    },
  });
  registry.registerMetric(journalOldest);
  return { registry, jobAttempts, jobDuration, intakeRetries, intakeConsumerFailures, alertJournalSetAside };
}

/** Counts requests and measures latency per route pattern (not per raw URL, to bound label cardinality); returns the recorder for requests answered before Fastify. */
export function instrumentHttp(app: FastifyInstance, registry: client.Registry): ServedRecorder {
  const requests = new client.Counter({
    name: 'firebreak_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'firebreak_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const record: ServedRecorder = (method, route, status, seconds) => {
    requests.inc({ method, route, status: String(status) });
    latency.observe({ method, route }, seconds);
  };
  app.addHook('onResponse', async (request, reply) => {
    record(request.method, request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'), reply.statusCode, reply.elapsedTime / 1000);
  });
  return record;
}
