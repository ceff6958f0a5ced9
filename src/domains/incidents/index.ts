import type { DomainModule } from '../../app/context.js';
import { incidentRoutes } from './routes.js';
import { incidentStreamRoutes } from './stream-routes.js';
import { incidentListStreamRoutes } from './list-stream-routes.js';
import { cadenceJobs } from './cadence.js';
import { heartbeatJobs } from './heartbeat.js';
import { factJobs } from './fact-consumers.js';
import { rebuildProjectionsJob } from './rebuild-job.js';

export const incidentsDomain: DomainModule = {
  name: 'incidents',
  routes: (app, ctx) => {
    incidentRoutes(app, ctx);
    incidentStreamRoutes(app, ctx);
    incidentListStreamRoutes(app, ctx);
  },
  jobs: [...cadenceJobs, ...heartbeatJobs, ...factJobs, rebuildProjectionsJob],
};
