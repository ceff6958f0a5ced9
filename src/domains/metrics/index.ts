import type { DomainModule } from '../../app/context.js';
import { metricsRoutes } from './routes.js';

export const metricsDomain: DomainModule = {
  name: 'metrics',
  routes: metricsRoutes,
};
