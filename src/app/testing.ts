/** Builds an in-process Firebreak for route and service tests (requests via app.inject). */
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../config.js';
import type { Store } from '../db/store.js';
import { createChangeBus } from '../db/changes.js';
import { JobQueue } from '../jobs/queue.js';
import { JobWorker } from '../jobs/worker.js';
import type { AnyJobDefinition } from '../jobs/definition.js';
import { cliActor, type Role } from '../domains/auth/identity.js';
import { createToken, createUser, type UserView } from '../domains/auth/service.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { buildServer } from './server.js';
import { domains as allDomains } from './domains.js';
import { registerPageObservers } from '../domains/oncall/page-observers.js';
import type { App, AppContext, DomainModule } from './context.js';

export interface TestApp {
  app: App;
  ctx: AppContext;
  /** Every log line the app wrote, as JSON text. */
  logs: string[];
  /** Creates a user with this role and an API token; returns the Authorization header value too. */
  user(role: Role, email?: string): Promise<{ user: UserView; token: string; auth: { authorization: string } }>;
  /** Starts a job worker over the app's context (stopped by close). */
  startWorker(extraJobs?: readonly AnyJobDefinition[]): Promise<JobWorker>;
  close(): Promise<void>;
}

export async function createTestApp(store: Store, options: { config?: Partial<Config>; domains?: readonly DomainModule[] } = {}): Promise<TestApp> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config: Config = { ...loadConfig({}), ...options.config };
  const logger = createLogger('info', sink);
  const bus = createChangeBus(store);
  const jobs = new JobQueue(bus, config.jobMaxAttempts);
  const ctx: AppContext = { config, store, bus, jobs, logger, metrics: createMetrics(store) };
  const domains = options.domains ?? allDomains;
  registerPageObservers(domains.flatMap((d) => d.pages ?? []));
  const cleanups: Array<() => Promise<void>> = [() => bus.close()];
  let app: App;
  try {
    for (const domain of domains) {
      const stop = await domain.start?.(ctx);
      if (stop) cleanups.push(stop);
    }
    app = await buildServer(ctx, domains);
  } catch (err) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    throw err;
  }
  const workers: JobWorker[] = [];
  return {
    app,
    ctx,
    logs,
    async user(role, email = `${role}-${randomUUID().slice(0, 8)}@example.test`) {
      const user = await createUser(store, cliActor(), { email, name: `${role} ${email}`, role });
      const { token } = await createToken(store, cliActor(), { userId: user.id, name: 'test' });
      return { user, token, auth: { authorization: `Bearer ${token}` } };
    },
    async startWorker(extraJobs = []) {
      const definitions = [...domains.flatMap((d) => d.jobs ?? []), ...extraJobs];
      const worker = new JobWorker(config, store, bus, jobs, logger, { concurrency: 4, leaseMs: 5000, retryBaseMs: 50 }, definitions);
      await worker.start();
      workers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of workers) await worker.stop();
      await app.close();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
