/**
 * The intake journal's front: an accepted request is answered once its
 * signals are durably appended to `alert_journal`, not after the pipeline has
 * run. Requests that arrive together share one transaction, and on SQLite
 * the commits made while the disk flushes share the next flush, off the event
 * loop (Store.groupCommitTransaction); on PostgreSQL each is one row of one insert, with no service lock
 * held, so processes take requests in parallel. The applier
 * (journal-applier.ts) runs the pipeline behind it, woken through the change bus.
 */
import { toJson } from '../../db/dialect.js';
import { nowIso } from '../../clock.js';
import { notFound } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import type { AlertDeps, IntakeIntegration, IntakeMeta } from './pipeline.js';
import { JournalApplier } from './journal-applier.js';
import type { AlertSignal } from './signal.js';
import * as journal from './store-journal.js';

/** Channel announcing new journal entries to the appliers of every process. */
export const JOURNAL_CHANNEL = 'firebreak_alert_journal';

/** Requests appended per transaction. */
const APPEND_BATCH = 64;

interface PendingAppend {
  row: journal.NewJournalEntry;
  resolve: (id: number) => void;
  reject: (err: unknown) => void;
}

class JournalWriter {
  private readonly queue: PendingAppend[] = [];
  private draining = false;

  constructor(
    private readonly deps: AlertDeps,
    private readonly applier: JournalApplier,
  ) {}

  append(row: journal.NewJournalEntry): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        // Let requests already on the wire be parsed and queued, so they share the commit.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, APPEND_BATCH);
        let committed: { value: number[]; durable: Promise<void> };
        try {
          committed = await this.write(batch.map((p) => p.row));
        } catch (err) {
          if (batch.length === 1) batch[0]!.reject(err);
          // One request's failure (its integration deleted meanwhile, say) must not fail its neighbours.
          else for (const p of batch) await this.writeAlone(p);
          continue;
        }
        // Answered once on disk; the next batch commits meanwhile (its flush follows this one).
        const ids = committed.value;
        committed.durable.then(() => batch.forEach((p, i) => p.resolve(ids[i]!)), (err) => batch.forEach((p) => p.reject(err)));
        this.applier.appended(batch.length);
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeAlone(p: PendingAppend): Promise<void> {
    try {
      const { value, durable } = await this.write([p.row]);
      durable.then(() => p.resolve(value[0]!), p.reject);
    } catch (err) {
      p.reject(err);
    }
  }

  private async write(rows: journal.NewJournalEntry[]): Promise<{ value: number[]; durable: Promise<void> }> {
    const { store } = this.deps;
    if (store.dialect === 'postgres') return { value: await journal.appendEntriesAnnounced(store.db, rows, JOURNAL_CHANNEL), durable: Promise.resolve() };
    return store.groupCommitTransaction(async (trx) => {
      const ids = await journal.appendEntries(trx, rows);
      await this.deps.bus.publish(trx, JOURNAL_CHANNEL, '');
      return ids;
    });
  }
}

interface Journal {
  writer: JournalWriter;
  applier: JournalApplier;
}

// One journal per process context.
const journals = new WeakMap<AlertDeps, Journal>();

function journalOf(deps: AlertDeps): Journal {
  let j = journals.get(deps);
  if (!j) {
    const applier = new JournalApplier(deps);
    j = { applier, writer: new JournalWriter(deps, applier) };
    journals.set(deps, j);
  }
  return j;
}

/** A body whose signals the applier can adapt again from its text alone (journal-applier.ts): the journal keeps the text, not the signals. */
export interface SentBody {
  format: 'alertmanager' | 'grafana';
  text: string;
}

/**
 * Durably appends one request's signals; resolves after the commit. Returns
 * the answer intake gives, computed from the payload: the distinct alerts it carried.
 */
export async function appendIntake(deps: AlertDeps, integration: IntakeIntegration, signals: readonly AlertSignal[], meta: IntakeMeta & { evidence?: unknown; sent?: SentBody }): Promise<{ alerts: number; position: number }> {
  const { sent } = meta;
  const position = await journalOf(deps).writer.append({
    partition_key: integration.serviceId,
    integration_id: integration.id,
    received_at: nowIso(),
    request_id: meta.requestId,
    ip: meta.ip,
    // Serialising a request's signals and body again cost as much as the rest of the request (bench/README.md).
    signals: sent ? toJson(journal.adaptAgain(sent.format, signals.length)) : toJson(signals),
    evidence: sent ? sent.text : meta.evidence === undefined ? null : toJson(meta.evidence),
  });
  return { alerts: new Set(signals.map((s) => s.dedupKey)).size, position };
}

/**
 * Puts an entry that was set aside (journal-applier.ts) back in its service's
 * queue, audited, and wakes the applier. Not found unless it is set aside.
 */
export async function replaySetAside(deps: AlertDeps, actor: Actor, id: number): Promise<void> {
  await deps.store.transaction(async (trx) => {
    if (!(await journal.replayEntry(trx, id))) throw notFound('set-aside journal entry');
    await recordAudit(trx, actor, { action: 'alert_journal.replay', targetType: 'alert_journal_entry', targetId: String(id) });
    await deps.bus.publish(trx, JOURNAL_CHANNEL, '');
  });
  journalOf(deps).applier.soon();
}

/** Read-your-writes: waits until everything accepted before the call is applied (applying it here when it can). */
export function intakeSettled(deps: AlertDeps): Promise<void> {
  return journalOf(deps).applier.settled();
}

/**
 * Starts applying in this process: now (entries left by a crash), on every
 * announcement of an append by any process, and every few seconds as a safety net.
 */
export async function startJournal(deps: AlertDeps): Promise<() => Promise<void>> {
  const { applier } = journalOf(deps);
  const unsubscribe = await deps.bus.subscribe(JOURNAL_CHANNEL, () => applier.soon());
  const sweep = setInterval(() => void applier.kick(), 2000).unref();
  void applier.kick();
  return async () => {
    clearInterval(sweep);
    unsubscribe();
    await applier.stop();
  };
}
