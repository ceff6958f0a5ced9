/**
 * The incident list, live: one SSE stream per list on screen. Every append
 * announces {incidentId, seq} on the incident events channel; the hub
 * coalesces a burst of announcements, reads each changed incident once and
 * sends its list summary to every client that may see it. A private incident
 * never reaches a client outside it: each frame is checked against the
 * client's identity (`canSee`), the same rule as GET /api/v1/incidents.
 */
import type { ChangeListener } from '../../db/changes.js';
import type { Db } from '../../db/schema.js';
import type { Identity } from '../auth/identity.js';
import { canSee, getIncidentRow, stateOf } from './access.js';
import { summarise, type IncidentSummary } from './reads.js';
import type { StreamSink } from './stream.js';
import { clockNow } from '../../clock.js';

export interface ListStreamOptions {
  db: () => Db;
  subscribe: (listener: ChangeListener) => Promise<() => void>;
  /** Re-reads an identity after an access change: the current one, or why it no longer holds. */
  recheck: (identity: Identity) => Promise<{ identity: Identity } | { reason: string }>;
  heartbeatMs?: number;
  /** Announcements within this window are read together. */
  coalesceMs?: number;
  onError?: (err: unknown) => void;
  now?: () => Date;
}

/** `event: incident` carries one incident's list summary. */
export function incidentFrame(summary: IncidentSummary): string {
  return `event: incident\ndata: ${JSON.stringify(summary)}\n\n`;
}

/** Sent when announcements may have been lost (the bus reconnected): the client reloads its list. */
export const RESYNC_FRAME = 'event: resync\ndata: {}\n\n';

const MAX_BUFFERED_BYTES = 1024 * 1024;

interface ListClient {
  identity: Identity;
  sink: StreamSink;
  closed: boolean;
}

export class IncidentListHub {
  private readonly clients = new Set<ListClient>();
  private readonly changed = new Set<string>();
  private subscription: Promise<() => void> | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: ListStreamOptions) {}

  get clientCount(): number {
    return this.clients.size;
  }

  /** Adds a client; frames for every change committed after this resolves reach it. */
  async connect(identity: Identity, sink: StreamSink): Promise<{ close(): void }> {
    if (this.closed) throw new Error('the list stream hub is closed');
    this.subscription ??= this.options.subscribe((payload) => this.notified(payload));
    this.subscription.catch(() => (this.subscription = undefined));
    await this.subscription;
    this.heartbeat ??= setInterval(() => {
      for (const c of this.clients) c.sink.write(': heartbeat\n\n');
    }, this.options.heartbeatMs ?? 15_000).unref();
    const client: ListClient = { identity, sink, closed: false };
    this.clients.add(client);
    return { close: () => this.drop(client) };
  }

  /** Access may have been withdrawn somewhere: every client's identity is read again; withdrawn ones end saying why. */
  async accessChanged(): Promise<void> {
    for (const client of [...this.clients]) {
      try {
        const current = await this.options.recheck(client.identity);
        if ('reason' in current) {
          client.sink.write(`event: closed\ndata: ${JSON.stringify({ reason: current.reason })}\n\n`);
          this.drop(client);
        } else client.identity = current.identity;
      } catch (err) {
        this.options.onError?.(err);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.flushTimer);
    clearInterval(this.heartbeat);
    for (const client of [...this.clients]) this.drop(client);
    const unsubscribe = await this.subscription?.catch(() => undefined);
    unsubscribe?.();
  }

  private drop(client: ListClient): void {
    if (client.closed) return;
    client.closed = true;
    this.clients.delete(client);
    client.sink.end();
  }

  private notified(payload: string | null): void {
    if (payload === null) {
      for (const c of this.clients) c.sink.write(RESYNC_FRAME);
      return;
    }
    let incidentId: unknown;
    try {
      incidentId = (JSON.parse(payload) as { incidentId?: unknown }).incidentId;
    } catch {
      return;
    }
    if (typeof incidentId !== 'string' || this.clients.size === 0) return;
    this.changed.add(incidentId);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, this.options.coalesceMs ?? 25);
  }

  /** Reads each changed incident once and sends its summary to the clients that may see it. */
  private async flush(): Promise<void> {
    const ids = [...this.changed];
    this.changed.clear();
    const db = this.options.db();
    const now = this.options.now?.() ?? clockNow();
    for (const id of ids) {
      try {
        const row = await getIncidentRow(db, id);
        if (!row) continue;
        const frame = incidentFrame(summarise(stateOf(row), now));
        for (const client of [...this.clients]) {
          if (!(await canSee(db, client.identity, row)) || client.closed) continue;
          client.sink.write(frame);
          // A client this far behind is dropped; it reconnects and reloads its list.
          if (client.sink.writableLength > MAX_BUFFERED_BYTES) this.drop(client);
        }
      } catch (err) {
        this.options.onError?.(err);
        // The clients cannot trust their lists any more: they reload them.
        for (const c of this.clients) c.sink.write(RESYNC_FRAME);
      }
    }
  }
}
