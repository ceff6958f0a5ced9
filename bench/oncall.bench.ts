/**
 * On-call schedule math: who is on call now across 1,000 schedules (three
 * layers each, in eight zones, with business-hours restrictions and
 * overrides), pure and through the store (SQLite; PostgreSQL when
 * FIREBREAK_TEST_DATABASE_URL is set); and a year of final shifts of one
 * 3-layer schedule. Each figure is the median of repeated runs after warm-up.
 *
 *   node dist/bench/oncall.bench.js
 */
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import type { DialectName } from '../src/db/dialect.js';
import { cliActor } from '../src/domains/auth/identity.js';
import { createUser } from '../src/domains/auth/service.js';
import { compileSchedule, finalShifts, onCallAtInstant, type ScheduleRules } from '../src/domains/oncall/schedule.js';
import { createSchedule, whoIsOnCall } from '../src/domains/oncall/schedule-service.js';
import { createOverride } from '../src/domains/oncall/overrides-service.js';
import type { RotationLayer } from '../src/domains/oncall/rotation.js';
import { round, table } from './support.js';

const SCHEDULES = 1000;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Los_Angeles', 'Europe/London', 'Asia/Tokyo', 'UTC'];
const DAY = 86_400_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall and this-process CPU milliseconds (medians): on a shared, loaded machine the CPU figure is the steadier one. */
interface Timing {
  wall: number;
  cpu: number;
}

async function timeIt(runs: number, fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < 3; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const fmt = (t: Timing) => [`${round(t.wall, 1)} ms`, `${round(t.cpu, 1)} ms`];

/** Three layers: a weekly 24/7 rotation, a daily business-hours layer, a 12-hour weekend layer. */
function layersFor(i: number, people: string[]): RotationLayer[] {
  const p = (k: number) => [people[(i + k) % people.length]!, people[(i + k + 1) % people.length]!, people[(i + k + 2) % people.length]!];
  return [
    { id: 'a', name: 'around the clock', start: '2025-01-06T09:00', length: { unit: 'weeks', count: 1 }, participants: p(0), restrictions: [] },
    { id: 'b', name: 'business hours', start: '2025-01-06T09:00', length: { unit: 'days', count: 1 }, participants: p(3), restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] },
    { id: 'c', name: 'weekend', start: '2025-01-04T08:00', length: { unit: 'hours', count: 12 }, participants: p(6), restrictions: [{ days: [6, 7], from: '08:00', to: '20:00' }] },
  ];
}

function pureRules(now: number): ScheduleRules[] {
  const people = Array.from({ length: 50 }, (_, i) => `user-${i}`);
  return Array.from({ length: SCHEDULES }, (_, i) => ({
    zone: ZONES[i % ZONES.length]!,
    layers: layersFor(i, people),
    overrides: i % 4 === 0 ? [{ id: 'o', kind: 'replace' as const, start: now - DAY, end: now + DAY, userId: 'user-49', replaces: null }] : [],
  }));
}

async function storeFigure(dialect: DialectName, now: Date): Promise<Timing> {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  try {
    const people: string[] = [];
    for (let i = 0; i < 50; i++) people.push((await createUser(store, cliActor(), { email: `oncall-${i}@example.test`, name: `P${i}`, role: 'responder' })).id);
    for (let i = 0; i < SCHEDULES; i++) {
      const layers = layersFor(i, people).map(({ id: _id, ...l }) => l);
      const s = await createSchedule(store, cliActor(), { name: `schedule-${i}`, timeZone: ZONES[i % ZONES.length]!, layers });
      if (i % 4 === 0) await createOverride(store, cliActor(), s.id, { kind: 'replace', userId: people[49]!, start: new Date(now.getTime() - DAY).toISOString(), end: new Date(now.getTime() + DAY).toISOString() });
    }
    return await timeIt(10, () => whoIsOnCall(store.db, now));
  } finally {
    await store.close();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const now = Date.parse('2026-03-09T13:30:00Z');
  const rules = pureRules(now);
  // Compiled per run: the store path compiles each schedule per question too.
  const nowPure = await timeIt(50, () => {
    for (const r of rules) onCallAtInstant(compileSchedule(r), now);
  });
  const compiled = rules.map(compileSchedule);
  const nowCompiled = await timeIt(50, () => {
    for (const c of compiled) onCallAtInstant(c, now);
  });
  const year = compileSchedule({ ...rules[1]!, overrides: [] });
  const from = Date.parse('2026-01-01T00:00:00Z');
  let shiftCount = 0;
  const yearMs = await timeIt(30, () => {
    shiftCount = finalShifts(year, from, from + 365 * DAY).length;
  });

  const rows: Array<Array<string | number>> = [
    ['who is on call now, 1,000 schedules, pure (compile + answer)', ...fmt(nowPure), '< 50 ms'],
    ['who is on call now, 1,000 schedules, pure (pre-compiled)', ...fmt(nowCompiled), ''],
    [`a year of final shifts, one 3-layer schedule (${shiftCount} shifts)`, ...fmt(yearMs), '< 20 ms'],
  ];
  rows.push(['who is on call now, 1,000 schedules, through SQLite (3 queries + math)', ...fmt(await storeFigure('sqlite', new Date(now))), '']);
  if (testPostgresUrl()) rows.push(['who is on call now, 1,000 schedules, through PostgreSQL (3 queries + math; server CPU not counted)', ...fmt(await storeFigure('postgres', new Date(now))), '']);
  process.stdout.write(table('On-call schedules — `bench/oncall.bench.ts`', ['measure', 'median wall', 'median CPU', 'target'], rows));
}

await main();
