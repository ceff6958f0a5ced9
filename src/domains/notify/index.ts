import type { DomainModule } from '../../app/context.js';
import { notifyRoutes } from './routes.js';
import { notifyJobs } from './jobs.js';
import { closeMailers } from './transport.js';

export const notifyDomain: DomainModule = {
  name: 'notify',
  routes: notifyRoutes,
  jobs: notifyJobs,
  async start() {
    return async () => closeMailers();
  },
};
