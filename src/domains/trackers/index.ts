import type { DomainModule } from '../../app/context.js';
import { trackerJobs } from './jobs.js';
import { trackerRoutes } from './routes.js';
import { actionItemTracker } from './service.js';

/** Postmortem action items as issues in the team's tracker (GitHub Issues, Jira Cloud), closed and reopened from there. */
export const trackersDomain: DomainModule = {
  name: 'trackers',
  routes: trackerRoutes,
  jobs: trackerJobs,
  actionItems: actionItemTracker,
};
