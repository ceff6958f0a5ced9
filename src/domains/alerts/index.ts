import type { DomainModule } from '../../app/context.js';
import { heartbeatDueJob } from './heartbeats.js';
import { intakeRoutes } from './intake-routes.js';
import { consumersRetryJob } from './consumers.js';
import { startJournal } from './intake-journal.js';
import { purgeAlertPayloads, schedulePurge } from './jobs.js';
import { suppressionEndedJob } from './resurface.js';
import { alertsRoutes } from './routes.js';

export const alertsDomain: DomainModule = {
  name: 'alerts',
  routes: (app, ctx) => {
    alertsRoutes(app, ctx);
    intakeRoutes(app, ctx);
  },
  jobs: [purgeAlertPayloads, suppressionEndedJob, consumersRetryJob, heartbeatDueJob],
  start: async (ctx) => {
    // A database that is down at start must not stop intake from answering 503 later.
    await schedulePurge(ctx).catch((err: unknown) => ctx.logger.warn({ err }, 'could not schedule the alert payload purge'));
    // Applies journaled intake here, including what a previous process accepted but did not apply before it stopped.
    return startJournal(ctx);
  },
};
