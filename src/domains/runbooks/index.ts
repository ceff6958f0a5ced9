import type { DomainModule } from '../../app/context.js';
import { runbookJobs, scheduleRotSweep } from './jobs.js';
import { runbookRoutes } from './routes.js';
import { DEFAULT_ROT_POLICY, runbooksOfIncident } from './linked.js';

export const runbooksDomain: DomainModule = {
  name: 'runbooks',
  routes: runbookRoutes,
  jobs: runbookJobs,
  incident: {
    // The handoff summary lists the incident's runbooks with their rot.
    handoffRunbooks: async (db, incident, now, maxUntestedDays) =>
      (await runbooksOfIncident(db, incident, now, maxUntestedDays === undefined ? DEFAULT_ROT_POLICY : { maxUntestedDays })).map((r) => ({ id: r.id, title: r.title, path: r.path, rotting: r.rotting, rot: r.rot })),
  },
  start: async (ctx) => {
    // A database that is down at start must not stop the process; the next start schedules it.
    await scheduleRotSweep(ctx).catch((err: unknown) => ctx.logger.warn({ err }, 'could not schedule the runbook rot sweep'));
  },
};
