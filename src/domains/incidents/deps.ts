import type { Config } from '../../config.js';
import type { ChangeBus } from '../../db/changes.js';
import type { JobQueue } from '../../jobs/queue.js';

/** What the incident service needs from the process; AppContext satisfies it. */
export interface IncidentDeps {
  bus: ChangeBus;
  jobs: JobQueue;
  config: Config;
}

/** Channel announcing each appended event as `{"incidentId": ..., "seq": ...}`. */
export const INCIDENT_EVENTS_CHANNEL = 'firebreak_incident_events';
