/**
 * Product time: the one place Firebreak reads the wall clock.
 *
 * Everything that decides by the time of day or by how long something took in
 * the product's terms (when an update is due, when a silence ends, when a drill
 * fires, when a page escalates, how old a session is, timestamps stored with
 * every row) asks `clockNow()` / `clockMs()` / `nowIso()`. Which clock answers
 * is injected at assembly: `startFirebreak` and `createTestApp` put one on the
 * AppContext and run HTTP requests, domain start hooks and job handlers inside
 * it (`withClock`, an AsyncLocalStorage scope, so no service signature carries
 * it); code outside any scope gets the process clock (`useClock`), which is the
 * system clock unless a test, the CLI (`FIREBREAK_NOW`) or `FIREBREAK_CLOCK_FILE`
 * sets another. A test moves a `TestClock`; the job worker runs jobs due by that
 * clock as soon as it is advanced past them.
 *
 * Purely mechanical timers stay on real time, because they measure the
 * machine rather than the incident: request and connection timeouts, retry
 * backoff sleeps, lease renewal and the worker's idle safety net, the status
 * page read model's reload interval, rate limiting and login throttling, the
 * timestamp in an outgoing webhook signature (checked by the receiver's real
 * clock), and the deadlines of test helpers (`src/testing/until.ts`). The
 * check in `src/clock.test.ts` lists each of them by file.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';

/** A source of product time. */
export interface Clock {
  now(): Date;
  /**
   * Present on clocks that jump (a test's, a clock file): calls listener after
   * each move, so a worker waiting for a job due in product time wakes up.
   * Returns the unsubscribe function.
   */
  onAdvance?(listener: () => void): () => void;
}

/** The machine's clock, for production. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock a test moves. It runs at real speed from its start (so retries and
 * leases still come due) unless frozen; `advance` jumps it forward and wakes
 * whoever waits on product time (the job worker).
 */
export class TestClock implements Clock {
  private base: number;
  private baseAt = performance.now();
  private readonly frozen: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(start: Date | string | number = new Date(), options: { frozen?: boolean } = {}) {
    this.base = new Date(start).getTime();
    this.frozen = options.frozen ?? false;
  }

  now(): Date {
    return new Date(this.base + (this.frozen ? 0 : Math.floor(performance.now() - this.baseAt)));
  }

  /** Moves time forward by ms and wakes whoever waits on it; returns the new time. */
  advance(ms: number): Date {
    if (!(ms >= 0)) throw new Error('a test clock only moves forward');
    return this.set(this.now().getTime() + ms);
  }

  /** Jumps to an instant (forward or back) and wakes whoever waits on it. */
  set(to: Date | string | number): Date {
    this.base = new Date(to).getTime();
    this.baseAt = performance.now();
    for (const listener of this.listeners) listener();
    return this.now();
  }

  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * `FIREBREAK_CLOCK_FILE`: the instant written in a file (ISO 8601), running at
 * real speed from when it was read, and re-read whenever the file changes.
 * Lets a test (or a rehearsal) move the clock of server processes it started.
 */
export class FileClock implements Clock {
  private base: number;
  private baseAt = performance.now();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly file: string) {
    this.base = FileClock.read(file);
    // Polled (not fs.watch) so a rewrite is never missed; not persistent, so it never keeps the process up.
    watchFile(file, { interval: 50, persistent: false }, () => {
      try {
        this.base = FileClock.read(file);
        this.baseAt = performance.now();
      } catch {
        return; // caught mid-write: the next change brings the whole instant
      }
      for (const l of this.listeners) l();
    });
  }

  private static read(file: string): number {
    const ms = Date.parse(readFileSync(file, 'utf8').trim());
    if (Number.isNaN(ms)) throw new Error(`${file} does not hold an ISO 8601 instant`);
    return ms;
  }

  now(): Date {
    return new Date(this.base + Math.floor(performance.now() - this.baseAt));
  }

  onAdvance(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following the file. */
  close(): void {
    unwatchFile(this.file);
  }
}

/** A clock standing at one instant (the CLI's `FIREBREAK_NOW`). */
export function fixedClock(at: Date | string): Clock {
  const ms = new Date(at).getTime();
  return { now: () => new Date(ms) };
}

const scope = new AsyncLocalStorage<Clock>();
let processClock: Clock = systemClock;

/** Sets the clock of code that runs outside any `withClock` scope (process assembly, the CLI, a test file). */
export function useClock(clock: Clock): void {
  processClock = clock;
}

/** Runs fn (and everything it starts, timers and callbacks included) on this clock. */
export function withClock<T>(clock: Clock, fn: () => T): T {
  return scope.run(clock, fn);
}

/** The clock in effect here. */
export function currentClock(): Clock {
  return scope.getStore() ?? processClock;
}

/** Product time now. */
export function clockNow(): Date {
  return currentClock().now();
}

/** Product time now, in epoch milliseconds. */
export function clockMs(): number {
  return currentClock().now().getTime();
}

/** Product time now as the ISO-8601 UTC text stored in every timestamp column. */
export function nowIso(): string {
  return currentClock().now().toISOString();
}
