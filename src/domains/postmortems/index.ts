import type { DomainModule } from '../../app/context.js';
import { postmortemRoutes } from './routes.js';

export const postmortemsDomain: DomainModule = {
  name: 'postmortems',
  routes: postmortemRoutes,
};
