import type { DomainModule } from '../../app/context.js';
import { notifyRoutes } from './routes.js';
import { notifyJobs } from './jobs.js';
import { useMailers } from './transport.js';

export const notifyDomain: DomainModule = {
  name: 'notify',
  routes: notifyRoutes,
  jobs: notifyJobs,
  async start() {
    const release = useMailers();
    return async () => release();
  },
};
