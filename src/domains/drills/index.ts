import type { DomainModule } from '../../app/context.js';
import { drillDueJob } from './jobs.js';
import { drillsRoutes } from './routes.js';

export const drillsDomain: DomainModule = {
  name: 'drills',
  routes: drillsRoutes,
  jobs: [drillDueJob],
};
