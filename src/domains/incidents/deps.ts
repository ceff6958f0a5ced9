import type { ConsumerFaults } from '../../app/faults.js';
import type { Config } from '../../config.js';
import type { ChangeBus } from '../../db/changes.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Clock } from '../../clock.js';

/** What the incident service needs from the process; AppContext satisfies it. */
export interface IncidentDeps {
  bus: ChangeBus;
  jobs: JobQueue;
  config: Config;
  /** Product time (`src/clock.ts`); the clock in scope when absent. */
  clock?: Clock | undefined;
  /** Test-only: consumers made to fail (app/faults.ts). */
  faults?: ConsumerFaults | undefined;
}

/** Channel announcing each appended event as `{"incidentId": ..., "seq": ...}`. */
export const INCIDENT_EVENTS_CHANNEL = 'firebreak_incident_events';
