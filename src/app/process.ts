import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { Store } from '../db/store.js';
import { createChangeBus } from '../db/changes.js';
import { JobQueue } from '../jobs/queue.js';
import { JobWorker } from '../jobs/worker.js';
import type { AnyJobDefinition } from '../jobs/definition.js';
import { bootstrapFirstAdmin } from '../domains/auth/service.js';
import type { App, AppContext, DomainModule } from './context.js';
import { createMetrics } from './metrics.js';
import { buildServer } from './server.js';
import { domains as allDomains } from './domains.js';
import { FileClock, systemClock, withClock, type Clock } from '../clock.js';
import { assembleDomains } from './assemble.js';

export type ProcessRole = 'api' | 'worker';
export const PROCESS_ROLES: readonly ProcessRole[] = ['api', 'worker'];

export interface StartOptions {
  roles: readonly ProcessRole[];
  logger: Logger;
  /** Where the one-time setup link goes (the console, not the log). */
  announce?: (message: string) => void;
  /** Extra job kinds (tests register their own). */
  extraJobs?: readonly AnyJobDefinition[];
  domains?: readonly DomainModule[];
  /** Product time; by default FIREBREAK_CLOCK_FILE's clock when set, else the system clock. */
  clock?: Clock;
}

export interface RunningFirebreak {
  ctx: AppContext;
  app: App | undefined;
  worker: JobWorker | undefined;
  /** http://host:port when the api role runs. */
  url: string | undefined;
  /** Stops accepting, finishes in-flight requests and jobs, then closes the database. */
  close(): Promise<void>;
}

/** Opens the store, migrates, and starts the requested roles (ARCHITECTURE.md, "One program, two roles, two dialects"). */
export async function startFirebreak(config: Config, options: StartOptions): Promise<RunningFirebreak> {
  const clock = options.clock ?? (config.clockFile ? new FileClock(config.clockFile) : systemClock);
  // Everything the process starts (bus listeners, timers, the server, the worker) inherits this clock.
  return withClock(clock, () => startOnClock(config, options, clock));
}

async function startOnClock(config: Config, options: StartOptions, clock: Clock): Promise<RunningFirebreak> {
  const { logger } = options;
  const domains = options.domains ?? allDomains;
  assembleDomains(domains);
  const store = Store.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  const cleanups: Array<() => Promise<void>> = [];
  // Started before the port is taken: a failed start stops them too, or their timers would keep the process alive.
  let worker: JobWorker | undefined;
  let app: App | undefined;
  try {
    const applied = await store.migrate();
    if (applied.length) logger.info({ migrations: applied }, 'applied migrations');
    const bus = createChangeBus(store);
    cleanups.push(() => bus.close());
    const jobs = new JobQueue(bus, config.jobMaxAttempts);
    const metrics = createMetrics(store);
    const ctx: AppContext = { config, store, bus, jobs, logger, metrics, clock };

    const admin = await bootstrapFirstAdmin(store, config.adminEmail);
    if (admin) announceSetup(config, admin, options.announce ?? ((m) => process.stderr.write(`${m}\n`)));

    for (const domain of domains) {
      const stop = await domain.start?.(ctx);
      if (stop) cleanups.push(stop);
    }

    if (options.roles.includes('worker')) {
      const definitions = [...domains.flatMap((d) => d.jobs ?? []), ...(options.extraJobs ?? [])];
      worker = new JobWorker(config, store, bus, jobs, logger.child({ role: 'worker' }), { concurrency: config.workerConcurrency, leaseMs: config.jobLeaseSeconds * 1000, productClock: clock }, definitions, {
        onAttempt: (kind, outcome, seconds) => {
          metrics.jobAttempts.inc({ kind, outcome });
          metrics.jobDuration.observe({ kind }, seconds);
        },
      });
      await worker.start();
    }

    let url: string | undefined;
    if (options.roles.includes('api')) {
      app = await buildServer(ctx, domains);
      await app.listen({ port: config.port, host: config.host }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') throw new Error(`cannot listen on ${config.host}:${config.port}: the port is already in use (stop what uses it, or set FIREBREAK_PORT)`);
        if (err.code === 'EACCES') throw new Error(`cannot listen on ${config.host}:${config.port}: permission denied (use a port above 1023, or set FIREBREAK_PORT)`);
        throw err;
      });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      // Port 0 asks the system for a free port: links built from host and port (without FIREBREAK_PUBLIC_URL) must name the one it gave.
      if (config.port === 0) (config as { port: number }).port = port;
      url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    }
    logger.info({ roles: options.roles, url, database: store.description }, 'firebreak started');

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        await app?.close();
        await worker?.stop();
        for (const cleanup of cleanups.reverse()) await cleanup();
        await store.close();
        if (clock instanceof FileClock) clock.close();
      })());
    return { ctx, app, worker, url, close };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}

function announceSetup(config: Config, admin: { email: string; setupToken: string }, announce: (message: string) => void): void {
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  announce(
    [
      '',
      `First start: created the admin account ${admin.email}. Set its password within 24 hours: open ${base}/setup and paste this one-time token,`,
      `  ${admin.setupToken}`,
      `or use it with curl:`,
      `  curl -X POST ${base}/api/v1/auth/setup -H 'content-type: application/json' \\`,
      `       -d '{"token":"${admin.setupToken}","password":"<at least 12 characters>"}'`,
      `(or create users and tokens with: npx firebreak user create / npx firebreak token create)`,
      '',
    ].join('\n'),
  );
}
