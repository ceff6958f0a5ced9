import type { DomainModule } from '../../app/context.js';
import { watchAccessChanges } from './revocation.js';
import { authRoutes } from './routes.js';

export const authDomain: DomainModule = {
  name: 'auth',
  routes: authRoutes,
  // Every process hears when access is taken away, so its open streams check again.
  start: async (ctx) => {
    const stop = await watchAccessChanges(ctx.bus);
    return async () => stop();
  },
};
