/** Product time for server processes a test starts: a `FIREBREAK_CLOCK_FILE` the test rewrites to move their clocks. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { TestClock } from '../../src/clock.js';

export interface ClockFile {
  /** The value for FIREBREAK_CLOCK_FILE. */
  path: string;
  /** The processes' product time (they run at real speed from the last instant written). */
  now(): Date;
  /** Moves every process's clock forward by ms. */
  advance(ms: number): Date;
  /** Moves every process's clock to just past an instant (a job's run_at, a deadline). */
  passTo(instant: string | Date): Date;
}

/** Writes a clock file in dir, starting at the real time now. */
export function clockFile(dir: string): ClockFile {
  const file = path.join(dir, 'clock');
  const clock = new TestClock();
  const write = (at: Date) => {
    writeFileSync(file, `${at.toISOString()}\n`);
    return at;
  };
  write(clock.now());
  return {
    path: file,
    now: () => clock.now(),
    advance: (ms) => write(clock.advance(ms)),
    passTo: (instant) => write(clock.set(Math.max(clock.now().getTime(), new Date(instant).getTime() + 1000))),
  };
}
