/**
 * How long the journal's applier rests before its next batch, and how many
 * entries that batch may take, so intake is answered first (pure;
 * journal-applier.ts keeps the figures it reads).
 */

/**
 * On SQLite, while requests keep arriving, the applier leaves the event loop to intake
 * for a while after each batch: a pause as long as the batch took, at most
 * this long. Intake then gets at least half of a busy process (on SQLite a
 * batch holds the loop for its whole transaction) and the applier the rest;
 * when intake is idle, or a reader waits for the journal, it runs flat out.
 */
const MAX_PAUSE_MS = 100;
/**
 * A burst: for this long after the applier found work (and on both dialects),
 * answering senders comes first: while requests keep arriving the applier
 * rests BURST_REST_FACTOR times as long as its last batch took (at most
 * BURST_MAX_PAUSE_MS), so it takes about a tenth of the process and the
 * journal absorbs the burst; it still applies oldest first, so the burst's
 * first alerts page within a batch or two. A flood that lasts longer than
 * this gets the even split above, so pages lag a flood by at most about this long.
 */
export const BURST_MS = 5_000;
/** Intake counts as busy while this many appends arrived within this long (40 requests a second). */
export const BUSY_ARRIVALS = 8;
const BUSY_WINDOW_MS = 200;
const BURST_REST_FACTOR = 9;
const BURST_MAX_PAUSE_MS = 250;

export interface RestInput {
  now: number;
  /** When this process's last BUSY_ARRIVALS appends happened (any order; -Infinity for none yet). */
  recentArrivals: readonly number[];
  /** When the applier went from an empty journal to work, while it has work. */
  busySince: number | undefined;
  lastBatchMs: number;
  /** Readers waiting for the journal (read-your-writes): they come before intake. */
  readers: number;
  dialect: 'sqlite' | 'postgres';
}

function intakeBusy(r: RestInput): boolean {
  // Alerts arriving one by one (20 a second, say) never count as busy, so their pages never wait for a rest.
  return r.now - Math.min(...r.recentArrivals) < BUSY_WINDOW_MS && r.readers === 0;
}

function inBurst(r: RestInput): boolean {
  return intakeBusy(r) && r.busySince !== undefined && r.now - r.busySince < BURST_MS;
}

export function restBeforeBatch(r: RestInput): number {
  if (!intakeBusy(r)) return 0;
  if (inBurst(r)) return Math.min(r.lastBatchMs * BURST_REST_FACTOR, BURST_MAX_PAUSE_MS);
  // Only SQLite's transactions hold the event loop; on PostgreSQL a batch awaits the server and intake runs meanwhile, so resting would only slow the applier.
  return r.dialect === 'sqlite' ? Math.min(r.lastBatchMs, MAX_PAUSE_MS) : 0;
}

/**
 * While the applier rests for intake, a SQLite batch aims to take no longer
 * than this. A request that arrives while a batch runs waits for its end (the
 * batch holds the event loop and the one writer); with one request in flight
 * the sender meets a batch as often as the applier holds the process (a tenth
 * in a burst, half after it), and short batches keep each such wait short at
 * the same share. (Eight requests of new alerts took about 60 ms; new alerts
 * with one request in flight went from 0.84–0.90× Alertmanager to 0.93–0.97×,
 * bench/README.md.)
 */
const YIELDING_BATCH_MS = 10;

/**
 * How many entries the next batch may take (at most `max`): on SQLite, while
 * the applier rests for intake, as many as the last batch's pace fits into
 * YIELDING_BATCH_MS, at least one. A PostgreSQL batch awaits the server and
 * holds nothing that intake needs, so it stays whole.
 */
export function entriesBeforeBatch(r: RestInput, lastBatchEntries: number, max: number): number {
  if (r.dialect !== 'sqlite' || restBeforeBatch(r) === 0 || lastBatchEntries === 0 || r.lastBatchMs === 0) return max;
  const perEntryMs = r.lastBatchMs / lastBatchEntries;
  return Math.max(1, Math.min(max, Math.floor(YIELDING_BATCH_MS / perEntryMs)));
}
