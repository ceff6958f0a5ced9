/**
 * The live war-room stream (ARCHITECTURE.md, "The change bus"). One subscription per process to the
 * incident events channel; per incident, one feed reads each new event once
 * from the database and fans the same pre-formatted SSE frame out to every
 * connected client. A client that connects with a Last-Event-ID first catches
 * up on its own, holding live frames aside until it has, so it receives every
 * event after its id exactly once and in order.
 */
import type { ChangeListener } from '../../db/changes.js';

/** The fields of a stored event the stream needs; the whole event is sent as the data line. */
export interface StreamableEvent {
  seq: number;
  kind: string;
}

/** Reads an incident's events with seq > afterSeq, in order, at most `limit`. */
export type ReadEventsAfter = (incidentId: string, afterSeq: number, limit: number) => Promise<StreamableEvent[]>;

/** Where a client's frames go: an HTTP response in production, anything writable in tests. */
export interface StreamSink {
  write(chunk: string): boolean;
  /** Bytes written but not yet accepted by the client. */
  readonly writableLength: number;
  end(): void;
}

export interface StreamHubOptions {
  read: ReadEventsAfter;
  /** Subscribes to the incident events channel; returns the unsubscribe function. */
  subscribe: (listener: ChangeListener) => Promise<() => void>;
  heartbeatMs?: number;
  /** A client this far behind is disconnected; it resumes with Last-Event-ID. */
  maxBufferedBytes?: number;
  onError?: (err: unknown, incidentId: string) => void;
}

interface Frame {
  seq: number;
  kind: string;
  text: string;
}

/**
 * Keeps a stream's access current: checked again before a batch goes out when
 * the process's access epoch moved (a token revoked, a session ended, a user
 * disabled or their role changed) or the batch holds an event that changes
 * who may see the incident. Otherwise a batch costs one integer comparison.
 */
export interface StreamGuard {
  epoch(): number;
  accessKinds: ReadonlySet<string>;
  /** Checks access again: why it no longer holds, or undefined. */
  check(): Promise<string | undefined>;
}

/** The last frame a stream gets when access is withdrawn; the client should not reconnect with the same credentials. */
export function closedFrame(reason: string): string {
  return `event: closed\ndata: ${JSON.stringify({ reason })}\n\n`;
}

const PAGE = 500;

/** Formats one event as an SSE frame: id = seq, event = kind, data = the event as JSON. */
export function sseFrame(event: StreamableEvent): string {
  return `id: ${event.seq}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`;
}

const toFrame = (event: StreamableEvent): Frame => ({ seq: event.seq, kind: event.kind, text: sseFrame(event) });

class StreamClient {
  private catchingUp = false;
  private again = false;
  /** Live frames that arrived while catching up. */
  private pending: Frame[] = [];
  closed = false;
  /** The access epoch and the highest seq access was last checked at. */
  private checkedEpoch: number;
  private checkedSeq: number;

  constructor(
    private readonly feed: IncidentFeed,
    private readonly sink: StreamSink,
    /** The last seq this client has: nothing at or below it is sent again. */
    public lastSeq: number,
    private readonly guard?: StreamGuard,
  ) {
    this.checkedEpoch = guard?.epoch() ?? 0;
    this.checkedSeq = lastSeq;
  }

  /** Takes live frames from the feed, or holds them while catching up; a gap or an access check starts a catch-up. */
  offer(frames: readonly Frame[]): void {
    if (this.closed) return;
    if (this.catchingUp) {
      this.pending.push(...frames);
      return;
    }
    if (this.needsCheck(frames)) {
      this.pending = [...frames];
      void this.catchUp();
      return;
    }
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      if (frame.seq <= this.lastSeq) continue;
      if (frame.seq !== this.lastSeq + 1) {
        this.pending = frames.slice(i);
        void this.catchUp();
        return;
      }
      this.write(frame);
    }
  }

  /** Reads what this client missed from the database, then releases the live frames held meanwhile. */
  async catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.again = true;
      return;
    }
    this.catchingUp = true;
    try {
      for (;;) {
        this.again = false;
        const frames = (await this.feed.read(this.lastSeq)).map(toFrame);
        if (this.closed) return;
        if (!(await this.verify([...frames, ...this.pending]))) return;
        for (const frame of frames) if (frame.seq > this.lastSeq) this.write(frame);
        if (frames.length === PAGE) continue;
        const held = this.pending.sort((a, b) => a.seq - b.seq);
        // Frames that arrived during the check may need one themselves: read and check again.
        if (this.needsCheck(held)) continue;
        this.pending = [];
        let gap = false;
        for (const frame of held) {
          if (frame.seq <= this.lastSeq) continue;
          if (frame.seq !== this.lastSeq + 1) {
            gap = true;
            break;
          }
          this.write(frame);
        }
        // Done: from here on the feed's frames follow on directly (this runs without yielding).
        if (!gap && !this.again) return;
      }
    } catch (err) {
      this.feed.reportError(err);
      this.close();
    } finally {
      this.catchingUp = false;
    }
  }

  /** Access is checked again when asked from outside (the epoch moved while this stream was idle). */
  recheck(): void {
    if (this.closed || !this.needsCheck([])) return;
    if (this.catchingUp) this.again = true;
    else void this.catchUp();
  }

  private needsCheck(frames: readonly Frame[]): boolean {
    const guard = this.guard;
    if (!guard) return false;
    return guard.epoch() !== this.checkedEpoch || frames.some((f) => f.seq > this.checkedSeq && guard.accessKinds.has(f.kind));
  }

  /** Checks access when needed before `frames` go out; false (and the stream ended, saying why) when it no longer holds. */
  private async verify(frames: readonly Frame[]): Promise<boolean> {
    if (!this.guard || !this.needsCheck(frames)) return true;
    const epoch = this.guard.epoch();
    const upTo = frames.reduce((max, f) => Math.max(max, f.seq), this.checkedSeq);
    const reason = await this.guard.check();
    if (this.closed) return false;
    if (reason !== undefined) {
      this.sink.write(closedFrame(reason));
      this.close();
      return false;
    }
    this.checkedEpoch = epoch;
    this.checkedSeq = upTo;
    return true;
  }

  write(frame: Frame): void {
    if (this.closed) return;
    this.sink.write(frame.text);
    this.lastSeq = frame.seq;
    if (this.sink.writableLength > this.feed.maxBufferedBytes) this.close();
  }

  comment(text: string): void {
    if (!this.closed) this.sink.write(`: ${text}\n\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    this.feed.remove(this);
    this.sink.end();
  }
}

/** One incident's connected clients and the high-water mark of events read for them. */
class IncidentFeed {
  readonly clients = new Set<StreamClient>();
  private refreshing = false;
  private dirty = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: IncidentStreamHub,
    readonly incidentId: string,
    /** Every event up to here has been offered to the clients. */
    public lastSeq: number,
    readonly maxBufferedBytes: number,
  ) {}

  read(afterSeq: number): Promise<StreamableEvent[]> {
    return this.hub.options.read(this.incidentId, afterSeq, PAGE);
  }

  /** Reads events past the high-water mark once and offers them to every client; calls coalesce. */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.dirty = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.dirty = false;
        for (;;) {
          const events = await this.read(this.lastSeq);
          if (events.length === 0) break;
          const frames = events.map(toFrame);
          this.lastSeq = frames[frames.length - 1]!.seq;
          for (const client of this.clients) client.offer(frames);
          if (events.length < PAGE) break;
        }
      } while (this.dirty && this.clients.size > 0);
    } catch (err) {
      this.reportError(err);
      // The database may be back in a moment; the clients stay connected meanwhile.
      this.retry ??= setTimeout(() => {
        this.retry = undefined;
        if (this.clients.size > 0) void this.refresh();
      }, 1000).unref();
    } finally {
      this.refreshing = false;
    }
  }

  remove(client: StreamClient): void {
    this.clients.delete(client);
    if (this.clients.size === 0) {
      clearTimeout(this.retry);
      this.hub.dropFeed(this);
    }
  }

  reportError(err: unknown): void {
    this.hub.options.onError?.(err, this.incidentId);
  }
}

/** A connected client, as its HTTP handler holds it. */
export interface StreamHandle {
  close(): void;
}

/** Every live stream of one process. */
export class IncidentStreamHub {
  private readonly feeds = new Map<string, IncidentFeed>();
  private subscription: Promise<() => void> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(readonly options: StreamHubOptions) {}

  /** How many clients are connected (for metrics and tests). */
  get clientCount(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.clients.size;
    return n;
  }

  /**
   * Connects a client that has every event up to `lastSeq`. `currentSeq` is the
   * incident's last seq as the caller read it, a starting point for a new feed.
   */
  async connect(incidentId: string, sink: StreamSink, lastSeq: number, currentSeq: number, guard?: StreamGuard): Promise<StreamHandle> {
    if (this.closed) throw new Error('the stream hub is closed');
    // Listen before reading, so every event committed after the reads below is announced to us.
    await this.ensureSubscribed();
    // The server may have started shutting down while we subscribed; a client added now would never be closed.
    if (this.closed) throw new Error('the stream hub is closed');
    let feed = this.feeds.get(incidentId);
    if (!feed) {
      feed = new IncidentFeed(this, incidentId, currentSeq, this.options.maxBufferedBytes ?? 1024 * 1024);
      this.feeds.set(incidentId, feed);
      // Events committed between the caller's read and our LISTEN were never announced.
      void feed.refresh();
    }
    const client = new StreamClient(feed, sink, lastSeq, guard);
    feed.clients.add(client);
    void client.catchUp();
    return { close: () => client.close() };
  }

  /** Ends every stream and stops listening (server shutdown must not wait for open streams). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const feed of [...this.feeds.values()]) for (const client of [...feed.clients]) client.close();
    const unsubscribe = await this.subscription?.catch(() => undefined);
    unsubscribe?.();
  }

  /** Access may have been withdrawn: every stream with a guard checks again now, even if idle. */
  accessChanged(): void {
    for (const feed of this.feeds.values()) for (const client of feed.clients) client.recheck();
  }

  dropFeed(feed: IncidentFeed): void {
    if (this.feeds.get(feed.incidentId) === feed) this.feeds.delete(feed.incidentId);
  }

  private ensureSubscribed(): Promise<() => void> {
    if (!this.subscription) {
      this.subscription = this.options.subscribe((payload) => this.notified(payload));
      this.subscription.catch(() => (this.subscription = undefined));
      const every = this.options.heartbeatMs ?? 15_000;
      this.heartbeat ??= setInterval(() => {
        for (const feed of this.feeds.values()) for (const client of feed.clients) client.comment('heartbeat');
      }, every).unref();
    }
    return this.subscription;
  }

  private notified(payload: string | null): void {
    if (payload === null) {
      // Reconnected after a lost connection: announcements may be missing, so every feed reads what it lacks.
      for (const feed of this.feeds.values()) void feed.refresh();
      return;
    }
    const change = parseChange(payload);
    if (!change) return;
    const feed = this.feeds.get(change.incidentId);
    if (feed && change.seq > feed.lastSeq) void feed.refresh();
  }
}

function parseChange(payload: string): { incidentId: string; seq: number } | undefined {
  try {
    const value = JSON.parse(payload) as { incidentId?: unknown; seq?: unknown };
    if (typeof value.incidentId === 'string' && typeof value.seq === 'number') return { incidentId: value.incidentId, seq: value.seq };
  } catch {
    // Not ours to interpret.
  }
  return undefined;
}
