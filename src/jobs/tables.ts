import type { Generated } from 'kysely';

export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** Unique: scheduling the same key twice schedules one job. */
  idempotency_key: string;
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** While running: when the claim expires and another worker may retry it. */
  lease_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface JobTables {
  jobs: JobsTable;
}
