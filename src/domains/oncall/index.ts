import type { DomainModule } from '../../app/context.js';
import { oncallRoutes } from './routes.js';
import { planNoticesJob, schedulePlanner, shiftNoticeJob } from './shift-notices.js';

export const oncallDomain: DomainModule = {
  name: 'oncall',
  routes: oncallRoutes,
  jobs: [planNoticesJob, shiftNoticeJob],
  start: async (ctx) => {
    // A database that is down at start must not stop the process; the next start schedules it.
    await schedulePlanner(ctx).catch((err: unknown) => ctx.logger.warn({ err }, 'could not schedule the on-call notice planner'));
  },
};
