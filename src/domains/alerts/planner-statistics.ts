/**
 * Keeps PostgreSQL's statistics of the alerts table fresh while a storm fills it.
 *
 * The pipeline finds a request's alerts by (integration, dedup key): hundreds
 * of keys in one statement, each a probe of the unique index. PostgreSQL
 * chooses that plan only when its statistics say how many alerts the
 * integration has. Autovacuum refreshes them once a tenth of the table has
 * changed, at its next round (a minute apart by default), so a storm into a
 * new installation or a new integration outruns it: the planner takes the
 * integration's alerts for a few hundred and reads all of them for every
 * lookup (40–55 ms each where a probe takes under 1 ms; the applier fell to
 * about 4,600 alerts/s, bench/README.md). The applier therefore analyzes the
 * table itself as the alerts it created grow it. SQLite plans these lookups
 * from the index alone and needs nothing.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Store } from '../../db/store.js';

/** New alerts before the first analysis. */
const FIRST_AFTER = 1_000;
/** Then whenever the alerts created since the last analysis reach this share of the rows it counted. */
const GROWTH = 0.5;

/** Whether the table has grown enough since its last analysis to analyze it again (pure). */
export function analysisDue(createdSince: number, rowsAtLastAnalysis: number): boolean {
  return createdSince >= Math.max(FIRST_AFTER, rowsAtLastAnalysis * GROWTH);
}

export class AlertStatistics {
  private createdSince = 0;
  private rowsAtLastAnalysis = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly logger?: Logger,
  ) {}

  /** Alerts were created (committed): analyzes the table in the background when they grew it enough. */
  noteCreated(alerts: number): void {
    if (this.store.dialect !== 'postgres' || alerts === 0) return;
    this.createdSince += alerts;
    if (this.running || !analysisDue(this.createdSince, this.rowsAtLastAnalysis)) return;
    this.createdSince = 0;
    this.running = this.analyze().finally(() => (this.running = undefined));
  }

  /** Waits for an analysis under way (before the store closes). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async analyze(): Promise<void> {
    try {
      // Reads a sample (not the table) and takes no lock that blocks writers.
      await sql`analyze alerts`.execute(this.store.db);
      const { rows } = await sql<{ rows: number }>`select reltuples::float8 as rows from pg_class where oid = 'alerts'::regclass`.execute(this.store.db);
      this.rowsAtLastAnalysis = Math.max(0, Number(rows[0]?.rows ?? 0));
    } catch (err) {
      // Only the plans suffer; autovacuum still gets there.
      this.logger?.warn({ err }, 'alerts: could not refresh the planner statistics of the alerts table');
    }
  }
}
