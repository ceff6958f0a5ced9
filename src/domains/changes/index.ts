import type { DomainModule } from '../../app/context.js';
import { changeIntakeRoutes } from './intake-routes.js';
import { changesRoutes } from './routes.js';

export const changesDomain: DomainModule = {
  name: 'changes',
  routes: (app, ctx) => {
    changesRoutes(app, ctx);
    changeIntakeRoutes(app, ctx);
  },
};
