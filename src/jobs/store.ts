import { sql, type Selectable, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { Database, Db } from '../db/schema.js';
import { skipLocked } from '../db/dialect.js';
import type { JobsTable } from './tables.js';

export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  kind: string;
  idempotencyKey: string;
  payload: string;
  runAt: string;
  maxAttempts: number;
}

/** Inserts a job unless one with the same idempotency key exists. True when inserted. */
export async function insertJob(db: Db, job: NewJob, now: string): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      idempotency_key: job.idempotencyKey,
      payload: job.payload,
      status: 'queued',
      run_at: job.runAt,
      attempts: 0,
      max_attempts: job.maxAttempts,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims up to `limit` due jobs for this worker: queued jobs whose time has
 * come, and running jobs whose lease expired (their worker died). Must run
 * inside a transaction.
 */
export async function claimDueJobs(
  trx: Db,
  workerId: string,
  limit: number,
  now: string,
  leaseUntil: string,
  /** Queued jobs due by this instant (product time; `now` by default). Leases follow `now`. */
  dueBy: string = now,
): Promise<JobRow[]> {
  const due = skipLocked(
    trx,
    trx
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', dueBy)]),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', now), eb('attempts', '<', eb.ref('max_attempts'))]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit),
  );
  const ids = (await due.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  return trx
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      lease_until: leaseUntil,
      locked_by: workerId,
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .returningAll()
    .execute();
}

/** Jobs whose worker died on their final attempt can never be claimed again: mark them dead. */
export async function buryAbandonedJobs(db: Db, now: string): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'dead', last_error: 'lease expired on the final attempt', lease_until: null, updated_at: now, finished_at: now })
    .where('status', '=', 'running')
    .where('lease_until', '<=', now)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The claim a worker holds: a job id with the attempt number it claimed. */
export interface Claim {
  id: number;
  attempts: number;
  workerId: string;
}

type JobUpdate = UpdateQueryBuilder<Database, 'jobs', 'jobs', UpdateResult>;

/** Restricts an update to the job while this claim still holds it (a late worker whose lease expired changes nothing). */
function heldBy(query: JobUpdate, claim: Claim): JobUpdate {
  return query
    .where('id', '=', claim.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', claim.workerId)
    .where('attempts', '=', claim.attempts);
}

/** Extends the lease of a job still held by this claim. False when the claim was lost. */
export async function renewLease(db: Db, claim: Claim, leaseUntil: string, now: string): Promise<boolean> {
  const result = await heldBy(db.updateTable('jobs').set({ lease_until: leaseUntil, updated_at: now }), claim).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a held job done. */
export async function completeJob(db: Db, claim: Claim, now: string): Promise<boolean> {
  const result = await heldBy(
    db.updateTable('jobs').set({ status: 'done', lease_until: null, updated_at: now, finished_at: now, last_error: null }),
    claim,
  ).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a failed attempt: retry at retryAt, or dead when retryAt is null. */
export async function failJob(db: Db, claim: Claim, error: string, retryAt: string | null, now: string): Promise<boolean> {
  const set = retryAt
    ? { status: 'queued' as const, run_at: retryAt, lease_until: null, locked_by: null, last_error: error, updated_at: now }
    : { status: 'dead' as const, lease_until: null, last_error: error, updated_at: now, finished_at: now };
  const result = await heldBy(db.updateTable('jobs').set(set), claim).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** When the next job becomes claimable: the earliest due time or lease expiry. */
export async function nextWakeAt(db: Db): Promise<string | null> {
  const queued = await db
    .selectFrom('jobs')
    .select('run_at as at')
    .where('status', '=', 'queued')
    .orderBy('run_at')
    .limit(1)
    .executeTakeFirst();
  const leased = await db
    .selectFrom('jobs')
    .select('lease_until as at')
    .where('status', '=', 'running')
    .orderBy('lease_until')
    .limit(1)
    .executeTakeFirst();
  const times = [queued?.at, leased?.at].filter((t): t is string => typeof t === 'string');
  return times.length === 0 ? null : times.sort()[0]!;
}

/** Queue depth (jobs due now or running) and lag (age of the oldest due job), for /metrics. */
export async function queueStats(db: Db, now: string): Promise<{ due: number; running: number; dead: number; oldestDueAt: string | null }> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', sql<number>`count(*)`.as('n'), sql<string | null>`min(run_at)`.as('oldest')])
    .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]), eb('status', 'in', ['running', 'dead'])]))
    .groupBy('status')
    .execute();
  const by = new Map(rows.map((r) => [r.status, r]));
  return {
    due: Number(by.get('queued')?.n ?? 0),
    running: Number(by.get('running')?.n ?? 0),
    dead: Number(by.get('dead')?.n ?? 0),
    oldestDueAt: by.get('queued')?.oldest ?? null,
  };
}

/** Deletes finished jobs older than the cutoff, a batch at a time. */
export async function purgeFinishedJobs(db: Db, before: string, batch = 1000): Promise<number> {
  const ids = await db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'done')
    .where('finished_at', '<', before)
    .limit(batch)
    .execute();
  if (ids.length === 0) return 0;
  await db.deleteFrom('jobs').where('id', 'in', ids.map((r) => r.id)).execute();
  return ids.length;
}

/** One job by id. */
export async function findJobById(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Looks up jobs by idempotency key (tests, CLI and admin views). */
export async function findJob(db: Db, idempotencyKey: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

/** When the earliest queued job is due and when the earliest lease ends, apart (they follow different clocks when a test moves product time). */
export async function nextDueAndLeaseEnd(db: Db): Promise<{ due: string | null; leaseEnd: string | null }> {
  const queued = await db.selectFrom('jobs').select('run_at as at').where('status', '=', 'queued').orderBy('run_at').limit(1).executeTakeFirst();
  const leased = await db.selectFrom('jobs').select('lease_until as at').where('status', '=', 'running').orderBy('lease_until').limit(1).executeTakeFirst();
  return { due: queued?.at ?? null, leaseEnd: leased?.at ?? null };
}
