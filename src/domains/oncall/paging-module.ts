import type { DomainModule } from '../../app/context.js';
import { pagingJobs } from './escalation-jobs.js';
import { pagingRoutes } from './paging-routes.js';

/** Paging: escalation policies and escalations, pages, contact methods, page links. */
export const pagingDomain: DomainModule = {
  name: 'paging',
  routes: pagingRoutes,
  jobs: pagingJobs,
};
