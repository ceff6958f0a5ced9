import type { DomainModule } from '../../app/context.js';
import { catalogRoutes } from './routes.js';

export const catalogDomain: DomainModule = { name: 'catalog', routes: catalogRoutes };
