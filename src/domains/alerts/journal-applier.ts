/**
 * The applier behind the intake journal: runs dedup, grouping, suppression,
 * incident linking and paging for journaled requests, in large batches, in
 * order per partition (the integration's service), exactly once across
 * processes and restarts.
 *
 * Exactly once: a batch's entries are deleted, and its partition's count
 * advanced, in the transaction that applied them; a crash before the commit
 * leaves them pending, after it leaves nothing to redo. In order: the
 * applier claims the partition's row (FOR UPDATE SKIP LOCKED on PostgreSQL,
 * SQLite's single writer elsewhere) before reading its entries, so one
 * applier at a time works on a partition, oldest entry first; another process
 * moves on to another partition. A request sent after an earlier one was
 * answered always lands behind it. Deleting rather than moving a cursor past
 * ids keeps an entry whose id was drawn early but committed late from being skipped.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { nowIso } from '../../clock.js';
import { fromJson } from '../../db/dialect.js';
import type { Db } from '../../db/schema.js';
import { lockIntakeServices, retryReason } from './intake-writer.js';
import { ingestInTx, type AlertDeps, type IntakeIntegration, type IntakeMeta } from './pipeline.js';
import type { AlertSignal } from './signal.js';
import { findIntegration } from './store.js';
import { adaptWebhook } from './intake-adapt.js';
import { BUSY_ARRIVALS, entriesBeforeBatch, restBeforeBatch } from './journal-rest.js';
import { AlertStatistics } from './planner-statistics.js';
import * as journal from './store-journal.js';

/** Entries and signals applied per transaction: the commit is cheap (no fsync), and a small batch keeps intake from waiting long behind it. */
const BATCH_ENTRIES = 8;
const BATCH_SIGNALS = 1000;
/** How long after an append the applier starts (appends arriving meanwhile join the batch). */
const APPLY_DELAY_MS = 5;
/** Partitions looked at per pass. */
const PARTITIONS_PER_PASS = 32;
/** Failed attempts after which an entry is set aside (kept, counted, listed for an administrator to replay) so its service's later entries proceed. */
export const MAX_ENTRY_ATTEMPTS = 5;
/** How long a reader waits for the journal to catch up before answering with what is applied. */
const SETTLE_TIMEOUT_MS = 15_000;
/** How long a stopping process keeps applying. */
const STOP_DRAIN_MS = 10_000;

interface DecodedEntry {
  id: number;
  integration: IntakeIntegration;
  signals: AlertSignal[];
  meta: IntakeMeta;
}

/** An entry's signals: as journaled, or adapted again from the body as sent (see store-journal.ts, AdaptAgain). */
function signalsOf(e: journal.JournalEntry): AlertSignal[] {
  const stored: unknown = JSON.parse(e.signals);
  if (Array.isArray(stored)) return stored as AlertSignal[];
  if (!journal.isAdaptAgain(stored) || e.evidence === null) throw new Error(`journal entry ${e.id} holds neither signals nor a body to adapt`);
  // The edge accepted this body with the same adapter, so only its size limit (checked there) is left out here.
  const result = adaptWebhook(stored.adapt, JSON.parse(e.evidence), { mappings: null }, Number.MAX_SAFE_INTEGER);
  if (!result.ok) throw new Error(`journal entry ${e.id}: its body no longer adapts: ${result.errors.slice(0, 3).join('; ')}`);
  return result.signals;
}

async function decode(trx: Db, entries: readonly journal.JournalEntry[]): Promise<DecodedEntry[]> {
  const integrations = new Map<string, IntakeIntegration>();
  const out: DecodedEntry[] = [];
  for (const e of entries) {
    let integration = integrations.get(e.integration_id);
    if (!integration) {
      const row = await findIntegration(trx, e.integration_id);
      // The foreign key deletes an integration's entries with it; a missing row cannot happen inside the claim.
      if (!row) throw new Error(`journal entry ${e.id} names integration ${e.integration_id}, which no longer exists`);
      integration = { id: row.id, serviceId: row.service_id, kind: row.kind, name: row.name, groupBy: fromJson<string[]>(row.group_by) };
      integrations.set(row.id, integration);
    }
    out.push({
      id: e.id,
      integration,
      signals: signalsOf(e),
      meta: { ip: e.ip, requestId: e.request_id, receivedAt: e.received_at, ...(e.evidence !== null ? { evidenceJson: e.evidence } : {}) },
    });
  }
  return out;
}

export class JournalApplier {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private soonTimer: NodeJS.Timeout | undefined;
  /** Requests appended by this process so far, and readers waiting in settled(). */
  private arrivals = 0;
  private readers = 0;
  /** How long the last batch took and how many entries it applied (rests and burst batches are measured from them). */
  private lastBatchMs = 0;
  private lastBatchEntries = 0;
  /** When the last BUSY_ARRIVALS appends were announced (a ring). */
  private readonly recentArrivals = new Array<number>(BUSY_ARRIVALS).fill(-Infinity);
  /** When the applier last went from an empty journal to work (performance.now()), while it has work. */
  private busySince: number | undefined;
  private readonly statistics: AlertStatistics;

  constructor(private readonly deps: AlertDeps) {
    this.statistics = new AlertStatistics(deps.store, deps.logger);
  }

  /**
   * Applies what is pending a moment from now: appends arriving meanwhile join
   * the same batch, and intake answers are not queued behind an apply for
   * every single request. Readers that need the journal applied call settled().
   */
  soon(): void {
    if (this.stopped || this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = undefined;
      void this.kick();
    }, APPLY_DELAY_MS);
  }

  /** This process appended requests just now: counted (how busy intake is: journal-rest.ts), and applied soon. */
  appended(requests: number): void {
    const now = performance.now();
    for (let i = 0; i < Math.min(requests, BUSY_ARRIVALS); i++) this.recentArrivals[++this.arrivals % BUSY_ARRIVALS] = now;
    this.soon();
  }

  /** Applies what is pending (coalescing calls); resolves once everything pending when called has been tried. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops applying, after applying what is pending (for up to a few seconds: what is left stays journaled for the next start). */
  async stop(): Promise<void> {
    await Promise.race([this.kick(), sleep(STOP_DRAIN_MS, undefined, { ref: false })]);
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.soonTimer);
    await this.running;
    await this.statistics.idle();
  }

  /**
   * Read-your-writes: returns once every entry appended before the call has
   * been applied (by this process or another), applying what it can itself.
   */
  async settled(): Promise<void> {
    const through = await journal.lastEntryId(this.deps.store.db);
    if (through === null) return;
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    this.readers++;
    try {
      await this.settle(through, deadline);
    } finally {
      this.readers--;
    }
  }

  private async settle(through: number, deadline: number): Promise<void> {
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      await this.kick();
      if (!(await journal.pendingThrough(this.deps.store.db, through))) return;
      if (performance.now() > deadline || this.stopped) {
        this.deps.logger?.warn({ through }, 'alert journal: a read waited too long for intake to be applied; answering with what is applied');
        return;
      }
      // Another process holds the partition: its commit is moments away.
      await sleep(wait);
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass();
      } catch (err) {
        this.deps.logger?.warn({ err }, 'alert journal: could not look for pending entries; retrying');
        this.retryLater();
      }
    } while (this.again && !this.stopped);
  }

  /** Applies pending partitions until none is left that this process can claim. */
  private async pass(): Promise<void> {
    while (!this.stopped) {
      const partitions = await journal.pendingPartitions(this.deps.store.db, PARTITIONS_PER_PASS);
      if (partitions.length === 0) this.busySince = undefined;
      else this.busySince ??= performance.now();
      let applied = 0;
      for (const key of partitions) {
        if (this.stopped) return;
        const maxEntries = await this.yieldToIntake();
        const started = performance.now();
        const entries = await this.applyPartition(key, maxEntries);
        applied += entries;
        this.lastBatchMs = performance.now() - started;
        this.lastBatchEntries = entries;
      }
      if (applied === 0) return;
    }
  }

  /**
   * Before a batch: lets requests that came in meanwhile be read (on SQLite a
   * transaction never yields to I/O) and, while requests keep arriving, rests
   * (journal-rest.ts), so appends arriving meanwhile are answered and join the
   * next, larger batch. Returns how many entries that batch may take.
   */
  private async yieldToIntake(): Promise<number> {
    const { recentArrivals, busySince, lastBatchMs, readers } = this;
    const state = { now: performance.now(), recentArrivals, busySince, lastBatchMs, readers, dialect: this.deps.store.dialect };
    const rest = restBeforeBatch(state);
    if (rest > 0) await sleep(rest);
    else await new Promise((resolve) => setImmediate(resolve));
    return entriesBeforeBatch(state, this.lastBatchEntries, BATCH_ENTRIES);
  }

  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.kick();
    }, 1000).unref();
  }

  /** One batch of a partition; retried on conflicts, then entry by entry so one bad entry holds up only its partition. */
  private async applyPartition(key: string, maxEntries: number): Promise<number> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await this.applyBatch(key, maxEntries);
      } catch (err) {
        const reason = retryReason(err);
        this.deps.metrics?.intakeRetries.inc({ scope: 'journal', reason });
        this.deps.logger?.warn({ err, reason, partition: key, attempt }, 'alert journal: applying a batch failed; retrying');
        if (reason === 'unavailable') break;
      }
    }
    try {
      return await this.applyBatch(key, 1);
    } catch (err) {
      // An unreachable database says nothing about the entry: only other failures count towards setting it aside.
      if (retryReason(err) === 'unavailable') {
        this.deps.logger?.warn({ err, partition: key }, 'alert journal: database unavailable; the entry stays pending and is retried');
        this.retryLater();
        return 0;
      }
      return this.noteFailure(key, err);
    }
  }

  /** Counts the failure against the partition's oldest entry; past MAX_ENTRY_ATTEMPTS it is set aside and the partition moves on. */
  private async noteFailure(key: string, err: unknown): Promise<number> {
    const { deps } = this;
    const message = err instanceof Error ? err.message : String(err);
    let noted: Awaited<ReturnType<typeof journal.noteFailure>>;
    try {
      noted = await deps.store.transaction(async (trx) => ((await journal.claimPartition(trx, key)) ? journal.noteFailure(trx, key, message, MAX_ENTRY_ATTEMPTS, nowIso()) : undefined));
    } catch (noteErr) {
      deps.logger?.error({ err: noteErr, partition: key }, 'alert journal: could not record a failed entry; it stays pending and is retried');
      this.retryLater();
      return 0;
    }
    if (noted?.setAside) {
      deps.metrics?.alertJournalSetAside?.inc();
      deps.logger?.error({ err, partition: key, entry: noted.id, attempts: noted.attempts }, 'alert journal: an entry failed too often and was set aside; its service\'s later entries proceed (list and replay it: GET /api/v1/alerts/journal/set-aside)');
      // Counted as progress: the partition's next entries are applied in this pass.
      return 1;
    }
    deps.logger?.error({ err, partition: key, entry: noted?.id, attempts: noted?.attempts }, 'alert journal: an entry could not be applied; it stays pending and is retried');
    this.retryLater();
    return 0;
  }

  private async applyBatch(key: string, maxEntries: number): Promise<number> {
    const { deps } = this;
    let created = 0;
    // Derived from the durable journal, which the same commit retires: if a crash loses it, the entries are still there.
    const applied = await deps.store.derivedTransaction(async (trx) => {
      created = 0;
      if (!(await journal.claimPartition(trx, key))) return 0;
      const rows = await journal.entriesOf(trx, key, maxEntries);
      const entries = await decode(trx, rows);
      let signals = 0;
      const batch = entries.filter((e) => (signals += e.signals.length) <= BATCH_SIGNALS || e === entries[0]);
      if (batch.length === 0) return 0;
      await lockIntakeServices(trx, batch);
      for (const e of batch) created += (await ingestInTx(trx, deps, e.integration, e.signals, e.meta)).created;
      const retired = await journal.retireEntries(trx, key, batch.map((e) => e.id), batch[batch.length - 1]!.meta.receivedAt!);
      // Only this transaction may retire them (the claim); anything else is a bug worth a rollback.
      if (retired !== batch.length) throw new Error(`alert journal: retired ${retired} of ${batch.length} entries of partition ${key}`);
      return batch.length;
    });
    this.statistics.noteCreated(created);
    return applied;
  }
}
