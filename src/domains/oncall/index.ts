import type { DomainModule } from '../../app/context.js';
import { warnAboutUnsendableChannels } from './channel-warnings.js';
import { pagingJobs } from './escalation-jobs.js';
import { pagingRoutes } from './paging-routes.js';
import { oncallRoutes } from './routes.js';
import { planNoticesJob, schedulePlanner, shiftNoticeJob } from './shift-notices.js';
import { pageResponderIntoIncident } from './incident-pager.js';
import { oncallFactConsumers } from './incident-paging.js';
import { pagingSummary } from './incident-paging-summary.js';
import { incidentPagingRoutes } from './incident-paging-routes.js';

export const oncallDomain: DomainModule = {
  name: 'oncall',
  // Schedules (routes.ts) and paging (paging-routes.ts) are one domain.
  routes: (app, ctx) => {
    oncallRoutes(app, ctx);
    pagingRoutes(app, ctx);
    incidentPagingRoutes(app, ctx);
  },
  jobs: [planNoticesJob, shiftNoticeJob, ...pagingJobs],
  facts: oncallFactConsumers,
  incident: {
    pageResponder: pageResponderIntoIncident,
    pagingSummary,
  },
  start: async (ctx) => {
    // A database that is down at start must not stop the process; the next start schedules it.
    await schedulePlanner(ctx).catch((err: unknown) => ctx.logger.warn({ err }, 'could not schedule the on-call notice planner'));
    await warnAboutUnsendableChannels(ctx).catch((err: unknown) => ctx.logger.warn({ err }, 'could not check which channels are in use'));
  },
};
