import type { DomainModule } from '../../app/context.js';
import { runbookJobs, scheduleRotSweep } from './jobs.js';
import { runbookRoutes } from './routes.js';

export const runbooksDomain: DomainModule = {
  name: 'runbooks',
  routes: runbookRoutes,
  jobs: runbookJobs,
  start: async (ctx) => {
    // A database that is down at start must not stop the process; the next start schedules it.
    await scheduleRotSweep(ctx).catch((err: unknown) => ctx.logger.warn({ err }, 'could not schedule the runbook rot sweep'));
  },
};
