import type { DomainModule } from '../../app/context.js';
import { metricsRoutes } from './routes.js';
import { metricsFactsRow } from './incident-facts.js';

export const metricsDomain: DomainModule = {
  name: 'metrics',
  routes: metricsRoutes,
  facts: [metricsFactsRow],
};
