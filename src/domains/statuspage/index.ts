import type { DomainModule } from '../../app/context.js';
import { loadSnapshots } from './load.js';
import { maintenanceStepJob } from './maintenance.js';
import { statusPublicRoutes } from './public-routes.js';
import { StatusReadModel } from './read-model.js';
import { statusAdminRoutes } from './routes.js';
import { publicUrlOf } from './service.js';
import { subscriberNoticeJob } from './subscribers.js';
import { statuspageFactConsumers } from './incident-facts.js';

export const statuspageDomain: DomainModule = {
  name: 'statuspage',
  routes: (app, ctx) => {
    // One read model per API process, loaded before the server answers and followed through the change bus.
    const model = new StatusReadModel({ load: (now) => loadSnapshots(ctx.store.db, publicUrlOf(ctx.config), now) });
    app.addHook('onReady', async () => model.start(ctx.bus));
    app.addHook('onClose', async () => model.stop());
    statusPublicRoutes(app, ctx, model);
    statusAdminRoutes(app, ctx);
  },
  jobs: [subscriberNoticeJob, maintenanceStepJob],
  facts: statuspageFactConsumers,
};
