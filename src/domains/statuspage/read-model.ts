/**
 * The in-memory read model every process serves status pages from (ARCHITECTURE.md, "Status page").
 * It reloads on the change bus and once a second, so it is never more than a
 * second old while the database is up; requests only read memory. When a
 * reload fails it keeps the last good snapshot and marks it stale, and the
 * HTML shows its age. Responses are rendered once per snapshot, with an ETag.
 */
import { createHash } from 'node:crypto';
import { clockNow } from '../../clock.js';
import type { ChangeBus } from '../../db/changes.js';
import { atomFeed, rssFeed } from './feeds.js';
import { renderHistoryHtml, renderPageHtml } from './html.js';
import type { PageSnapshot } from './snapshot.js';
import { statuspageApi, type StatuspageEndpoint } from './statuspage-json.js';

/** Channel announcing that something a status page shows has changed. */
export const STATUSPAGE_CHANNEL = 'firebreak_statuspage';

export type PageResource = 'html' | 'history' | 'history.rss' | 'history.atom' | `api/v2/${StatuspageEndpoint}`;

export interface Rendered {
  body: Buffer;
  etag: string;
  contentType: string;
}

interface PageEntry {
  snapshot: PageSnapshot;
  rendered: Map<string, Rendered>;
}

export interface ReadModelOptions {
  /** Reads every page's snapshot from the database. */
  load: (now: Date) => Promise<PageSnapshot[]>;
  clock?: () => Date;
  /** Reload interval while nothing is announced (and the retry interval while the database is down). */
  refreshMs?: number;
  /** A reload slower than this counts as the database being unreachable. */
  loadTimeoutMs?: number;
}

function rendered(body: string, contentType: string): Rendered {
  const buffer = Buffer.from(body, 'utf8');
  return { body: buffer, contentType, etag: `"${createHash('sha1').update(buffer).digest('base64url')}"` };
}

export class StatusReadModel {
  private entries: PageEntry[] = [];
  private bySlug = new Map<string, PageEntry>();
  private byHost = new Map<string, PageEntry>();
  /** When the database first failed to answer, or null while it answers. */
  staleSince: string | null = null;
  private loading: Promise<void> | undefined;
  private lastLoadedAt = 0;
  private inFlight: Promise<PageSnapshot[]> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly clock: () => Date;

  constructor(private readonly options: ReadModelOptions) {
    this.clock = options.clock ?? clockNow;
  }

  /** Loads once (a failure here leaves the model empty until the database answers), then follows the bus. */
  async start(bus: ChangeBus): Promise<void> {
    await this.refresh();
    this.unsubscribe = await bus.subscribe(STATUSPAGE_CHANNEL, () => void this.refresh());
    // Reload once a second; while the database is unreachable, retry four times as often so the
    // page catches up within a second of its return.
    const refreshMs = this.options.refreshMs ?? 1000;
    this.timer = setInterval(() => {
      if (this.staleSince !== null || Date.now() - this.lastLoadedAt >= refreshMs) void this.refresh();
    }, Math.max(10, Math.floor(refreshMs / 4))).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe?.();
  }

  /** Reloads now; a reload asked for during one runs once more after it. */
  refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.reload().finally(() => {
      this.loading = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.loading;
  }

  private async reload(): Promise<void> {
    const now = this.clock();
    let timeout: NodeJS.Timeout | undefined;
    try {
      // A load that outlived its timeout (a hung connection) is waited on, not doubled, so
      // retries never pile up queries on the pool.
      this.inFlight ??= this.options.load(now).finally(() => (this.inFlight = undefined));
      const snapshots = await Promise.race([
        this.inFlight,
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new Error('status page reload timed out')), this.options.loadTimeoutMs ?? 2000);
        }),
      ]);
      // Leaving the stale state: rendered HTML carries the age banner, so render afresh.
      this.replace(snapshots, this.staleSince === null);
      this.staleSince = null;
      this.lastLoadedAt = Date.now();
    } catch {
      this.staleSince ??= now.toISOString();
      this.lastLoadedAt = Date.now();
      // The age shown on the HTML grows: render it again on the next request.
      for (const entry of this.entries) {
        for (const key of entry.rendered.keys()) if (key.startsWith('html') || key.startsWith('history|')) entry.rendered.delete(key);
      }
    } finally {
      clearTimeout(timeout);
    }
  }

  private replace(snapshots: PageSnapshot[], reuse: boolean): void {
    const previous = new Map(this.entries.map((e) => [e.snapshot.page.id, e]));
    this.entries = snapshots.map((snapshot) => {
      const old = previous.get(snapshot.page.id);
      // Keep rendered bytes (and their ETags) when nothing but the read time changed and no day has turned.
      if (reuse && old && sameContent(old.snapshot, snapshot)) return { snapshot, rendered: old.rendered };
      return { snapshot, rendered: new Map() };
    });
    this.bySlug = new Map(this.entries.map((e) => [e.snapshot.page.slug, e]));
    this.byHost = new Map(this.entries.filter((e) => e.snapshot.page.host).map((e) => [e.snapshot.page.host!, e]));
  }

  /** True once a snapshot has been loaded. */
  get loaded(): boolean {
    return this.entries.length > 0;
  }

  /** The page at /status. */
  defaultPage(): PageSnapshot | undefined {
    return this.entries[0]?.snapshot;
  }

  bySlugOrDefault(slug: string | undefined): PageSnapshot | undefined {
    const entry = slug === undefined ? this.entries[0] : this.bySlug.get(slug);
    return entry?.snapshot;
  }

  forHost(host: string): PageSnapshot | undefined {
    return this.byHost.get(host)?.snapshot;
  }

  /** Seconds since the snapshot was read, when the database is unreachable. */
  ageSeconds(snapshot: PageSnapshot): number | null {
    if (!this.staleSince) return null;
    return Math.max(0, Math.round((this.clock().getTime() - Date.parse(snapshot.builtAt)) / 1000));
  }

  /** The response for one resource of a page, rendered once per snapshot and base path. */
  render(snapshot: PageSnapshot, resource: PageResource, base: string): Rendered {
    const entry = this.entries.find((e) => e.snapshot === snapshot) ?? { snapshot, rendered: new Map<string, Rendered>() };
    const key = resource === 'html' || resource === 'history' ? `${resource}|${base}` : resource;
    let result = entry.rendered.get(key);
    if (result) return result;
    const now = this.clock();
    const options = { now, base, staleSince: this.staleSince };
    if (resource === 'html') result = rendered(renderPageHtml(snapshot, options), 'text/html; charset=utf-8');
    else if (resource === 'history') result = rendered(renderHistoryHtml(snapshot, options), 'text/html; charset=utf-8');
    else if (resource === 'history.rss') result = rendered(rssFeed(snapshot), 'application/rss+xml; charset=utf-8');
    else if (resource === 'history.atom') result = rendered(atomFeed(snapshot), 'application/atom+xml; charset=utf-8');
    else result = rendered(JSON.stringify(statuspageApi[resource.slice('api/v2/'.length) as StatuspageEndpoint](snapshot)), 'application/json; charset=utf-8');
    entry.rendered.set(key, result);
    return result;
  }
}

/** Same published content within the same hour (uptime bars and percentages move with time). */
function sameContent(a: PageSnapshot, b: PageSnapshot): boolean {
  if (a.builtAt.slice(0, 13) !== b.builtAt.slice(0, 13)) return false;
  return JSON.stringify({ ...a, builtAt: '' }) === JSON.stringify({ ...b, builtAt: '' });
}
