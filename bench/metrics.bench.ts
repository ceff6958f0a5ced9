/**
 * Metrics over 10,000 incidents (drills among them) through the store, read
 * from the per-incident facts rows, on SQLite and on PostgreSQL when
 * FIREBREAK_TEST_DATABASE_URL is set; the back-fill of those rows (what
 * migration 0017 does) over the same incidents, once; drafting a
 * postmortem from a 5,000-event incident, pure and read through the store.
 * Each figure is the median of repeated runs after warm-up, wall and CPU.
 *
 *   node dist/bench/metrics.bench.js
 */
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import { toJson } from '../src/db/dialect.js';
import type { DialectName } from '../src/db/dialect.js';
import { cliActor } from '../src/domains/auth/identity.js';
import type { IncidentEvent } from '../src/domains/incidents/events.js';
import { replay } from '../src/domains/incidents/reduce.js';
import * as incidents from '../src/domains/incidents/store.js';
import { incidentMetrics } from '../src/domains/metrics/service.js';
import { rebuildIncidentFacts } from '../src/domains/metrics/facts-store.js';
import { storeHistory } from '../src/testing/metrics.js';
import { timedHistory } from '../src/testing/synthetic-history.js';
import { draftPostmortem } from '../src/domains/postmortems/draft.js';
import { sev1Log } from '../src/domains/postmortems/fixture.js';
import { draftFor } from '../src/domains/postmortems/service.js';
import { round, table } from './support.js';

const INCIDENTS = 10_000;
const EVENTS = 5_000;
const WINDOW = { from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' };
const NOW = new Date('2027-01-01T00:00:00Z');

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/**
 * Median wall time of `runs` runs after warm-up, and the median CPU time this
 * process spent in them (on a shared machine the wall time mostly measures
 * the wait for a core; for PostgreSQL the server's CPU is not included).
 */
async function timeIt(runs: number, fn: () => unknown): Promise<[number, number]> {
  for (let i = 0; i < 2; i++) await fn();
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
  return [round(median(wall), 1), round(median(cpu), 1)];
}

/** The SEV1 fixture stretched to `count` events with observations and updates in the middle. */
function longLog(count: number): IncidentEvent[] {
  const base = sev1Log();
  const head = base.slice(0, 40);
  const tail = base.slice(40);
  const filler: IncidentEvent[] = [];
  const start = Date.parse(head[head.length - 1]!.occurredAt);
  for (let i = 0; filler.length < count - base.length; i++) {
    const at = new Date(start + i * 100).toISOString();
    filler.push((i % 10 === 0
      ? { ...head[19]!, kind: 'update_posted', occurredAt: at, recordedAt: at, body: { audience: 'internal', text: `update ${i}`, nextUpdateAt: new Date(start + i * 100 + 50_000).toISOString() } }
      : { ...head[8]!, kind: 'observation', occurredAt: at, recordedAt: at, body: { text: `observation ${i}` } }) as IncidentEvent);
  }
  const shift = filler.length * 100;
  const moved = tail.map((e) => ({ ...e, occurredAt: new Date(Date.parse(e.occurredAt) + shift).toISOString(), recordedAt: new Date(Date.parse(e.recordedAt) + shift).toISOString() }) as IncidentEvent);
  return [...head, ...filler, ...moved].map((e, i) => ({ ...e, seq: i + 1 }) as IncidentEvent);
}

const rows: Array<Array<string | number>> = [];
const log = longLog(EVENTS);
const state = replay(log)!;
rows.push(['draft from 5,000 events (pure)', '-', ...(await timeIt(20, () => draftPostmortem(state, log, 'bench', NOW)))]);

const dialects: DialectName[] = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  try {
    await store.transaction((trx) => storeHistory(trx, timedHistory(INCIDENTS, 7)));
    for (const groupBy of [undefined, 'severity', 'team', 'month'] as const) {
      rows.push([`metrics over ${INCIDENTS.toLocaleString('en')} incidents${groupBy ? ` by ${groupBy}` : ''}`, dialect, ...(await timeIt(15, () => incidentMetrics(store.db, { ...WINDOW, groupBy }, NOW)))]);
    }
    const t0 = performance.now();
    await store.transaction(async (trx) => {
      await trx.deleteFrom('incident_metric_facts').execute();
      for (const { id } of await trx.selectFrom('incidents').select('id').execute()) await rebuildIncidentFacts(trx, id);
    });
    rows.push([`back-fill facts rows of ${INCIDENTS.toLocaleString('en')} incidents (once)`, dialect, round(performance.now() - t0, 1), '-']);
    await store.transaction(async (trx) => {
      await incidents.insertIncident(trx, {
        id: state.id, number: INCIDENTS + 1, ref: `INC-${INCIDENTS + 1}`, title: state.title, severity: state.severity, status: state.status, is_private: 0, is_drill: 0,
        commander_id: null, declared_at: state.keyTimes.declaredAt, resolved_at: state.keyTimes.resolvedAt, last_seq: state.lastSeq, state: toJson(state), updated_at: state.lastEventAt,
      });
      for (let i = 0; i < log.length; i += 500) {
        await trx.insertInto('incident_events').values(log.slice(i, i + 500).map((e) => ({
          incident_id: e.incidentId, seq: e.seq, kind: e.kind, actor_id: e.actorId, actor_label: e.actorLabel, occurred_at: e.occurredAt, recorded_at: e.recordedAt, body: toJson(e.body),
        }))).execute();
      }
    });
    rows.push(['draft from 5,000 events, read from the store', dialect, ...(await timeIt(10, () => draftFor(store.db, cliActor(), state.id, NOW)))]);
  } finally {
    await store.close();
    await scratch.drop();
  }
}
console.log(table('Metrics and postmortem drafts (median ms)', ['measure', 'dialect', 'wall ms', 'CPU ms (this process)'], rows));
