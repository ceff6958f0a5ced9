import type { DomainModule } from '../../app/context.js';
import { similarRoutes } from './routes.js';

/** Similar incidents: a read service over incidents, alerts, the catalog and postmortems; it owns no table. */
export const similarDomain: DomainModule = {
  name: 'similar',
  routes: similarRoutes,
};
