/**
 * Incident timeline throughput: event appends/s through the whole service
 * path (validate, lock the incident row, reduce, store event + projection,
 * audit, notify), to one incident and spread over many, at 1 and 8 writers;
 * and the projection rebuild time for an incident with 10,000 events. SQLite
 * (synchronous=FULL) and PostgreSQL when FIREBREAK_TEST_DATABASE_URL is set.
 *
 *   node dist/bench/incidents.bench.js
 */
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import { createChangeBus } from '../src/db/changes.js';
import { toJson } from '../src/db/dialect.js';
import type { DialectName } from '../src/db/dialect.js';
import type { Store } from '../src/db/store.js';
import { loadConfig } from '../src/config.js';
import { JobQueue } from '../src/jobs/queue.js';
import { cliActor, type Actor } from '../src/domains/auth/identity.js';
import { createUser } from '../src/domains/auth/service.js';
import type { IncidentEvent } from '../src/domains/incidents/events.js';
import { reduce, replay } from '../src/domains/incidents/reduce.js';
import * as service from '../src/domains/incidents/service.js';
import { declaredBody, timeline } from '../src/domains/incidents/testing.js';
import { round, table } from './support.js';
import { assembleDomains } from '../src/app/assemble.js';
import { domains } from '../src/app/domains.js';

const APPENDS = Number(process.env.BENCH_APPENDS ?? 1500);
const INCIDENTS = 50;
const REBUILD_EVENTS = 10_000;

/** Appends `total` observations with `writers` concurrent writers; returns appends/s. */
async function appendRate(store: Store, deps: service.IncidentDeps, actor: Actor, refs: string[], total: number, writers: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) {
        const i = next++;
        await service.appendEvent(store, deps, actor, refs[i % refs.length]!, { kind: 'observation', body: { text: `queue depth ${i}` } });
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

/** A heavy long log: facts and notes, with hypotheses, mitigations, decisions, unsafe actions, amendments and updates opening and settling. */
function longLog(incidentId: string, count: number): IncidentEvent[] {
  const tl = timeline(incidentId);
  const events: IncidentEvent[] = [tl.next('declared', declaredBody({ ref: 'INC-BENCH' }), { minutes: 0 })];
  while (events.length < count) {
    const seq = events.length + 1;
    const step = seq % 20;
    const minutes = seq / 10;
    const opts = { minutes };
    if (step === 1) events.push(tl.next('hypothesis_proposed', { text: `hypothesis ${seq}` }, opts));
    else if (step === 2) events.push(tl.next('hypothesis_rejected', { hypothesisSeq: seq - 1, reason: 'graphs disagree' }, opts));
    else if (step === 3) events.push(tl.next('mitigation_started', { action: 'restart', expectedSignal: 'latency down', deadline: new Date(Date.parse(events[0]!.recordedAt) + (minutes + 30) * 60_000).toISOString() }, opts));
    else if (step === 4) events.push(tl.next('mitigation_failed', { mitigationSeq: seq - 1, observed: 'no change' }, opts));
    else if (step === 5) events.push(tl.next('update_posted', { audience: 'internal', text: `update ${seq}` }, opts));
    else if (step === 6) events.push(tl.next('cohort_affected', { dimension: 'tenant', value: `t${seq % 7}` }, opts));
    else if (step === 7) events.push(tl.next('evidence_attached', { type: 'log_excerpt', title: 'log', content: 'x'.repeat(400) }, opts));
    else if (step === 8) events.push(tl.next('decision', { decision: `decision ${seq}`, rationale: 'fastest safe path', alternativesRejected: [{ option: 'wait', reason: 'customers down' }] }, opts));
    else if (step === 9) events.push(tl.next('unsafe_action_noted', { action: `unsafe ${seq}`, reason: 'replica lag', condition: 'the backup finishes' }, opts));
    else if (step === 10) events.push(tl.next('unsafe_action_lifted', { unsafeSeq: seq - 1, reason: 'backup finished' }, opts));
    else if (step === 11) events.push(tl.next('amended', { targetSeq: seq - 5, correction: 'typo in the update' }, opts));
    else events.push(tl.next(seq % 2 ? 'observation' : 'note', { text: `entry ${seq}: queue depth ${seq % 500}` }, opts));
  }
  return events;
}

/** Stores a long log in batches (bypassing the service, which would take minutes), then times the rebuild. */
async function rebuildTimes(store: Store, actor: Actor, deps: service.IncidentDeps): Promise<{ read: number; pure: number; append: number; fresh: number }> {
  const incident = await service.declareIncident(store, deps, actor, { title: 'Long incident', severity: 'SEV2' });
  const events = longLog(incident.id, REBUILD_EVENTS);
  const state = replay(events)!;
  await store.transaction(async (trx) => {
    await trx.deleteFrom('incident_events').where('incident_id', '=', incident.id).execute();
    for (let i = 0; i < events.length; i += 500) {
      await trx
        .insertInto('incident_events')
        .values(
          events.slice(i, i + 500).map((e) => ({
            incident_id: incident.id,
            seq: e.seq,
            kind: e.kind,
            actor_id: null,
            actor_label: e.actorLabel,
            occurred_at: e.occurredAt,
            recorded_at: e.recordedAt,
            body: toJson(e.body),
          })),
        )
        .execute();
    }
    await trx.updateTable('incidents').set({ state: toJson({ ...state, ref: incident.ref }), last_seq: state.lastSeq }).where('id', '=', incident.id).execute();
  });
  const t0 = performance.now();
  await service.rebuildState(store.db, incident.id);
  const read = performance.now() - t0;
  const t1 = performance.now();
  let s: ReturnType<typeof reduce> | undefined;
  for (const e of events) s = reduce(s, e);
  const pure = performance.now() - t1;
  // Fresh and long incidents alternate, so drift in the machine's load hits both alike; the median of five rounds each.
  const fresh: number[] = [];
  const long: number[] = [];
  for (let round = 0; round < 5; round++) {
    const newcomer = await service.declareIncident(store, deps, actor, { title: `Fresh ${round}`, severity: 'SEV2' });
    fresh.push(await appendRate(store, deps, actor, [newcomer.ref], 300, 1));
    long.push(await appendRate(store, deps, actor, [incident.ref], 300, 1));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { read, pure, append: median(long), fresh: median(fresh) };
}

async function measure(dialect: DialectName): Promise<Array<Array<string | number>>> {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  const bus = createChangeBus(store);
  const deps: service.IncidentDeps = { bus, jobs: new JobQueue(bus, 5), config: loadConfig({}) };
  // Every append runs what the process registers: the fact consumers and the metrics row.
  assembleDomains(domains);
  try {
    const user = await createUser(store, cliActor(), { email: 'bench@example.test', name: 'Bench', role: 'responder' });
    const actor = cliActor({ id: user.id, email: user.email, role: user.role });
    const one = [(await service.declareIncident(store, deps, actor, { title: 'One', severity: 'SEV2' })).ref];
    const many: string[] = [];
    for (let i = 0; i < INCIDENTS; i++) many.push((await service.declareIncident(store, deps, actor, { title: `Many ${i}`, severity: 'SEV3' })).ref);
    const rows: Array<Array<string | number>> = [];
    for (const writers of [1, 8]) {
      rows.push([dialect, `appends/s, one incident, ${writers} writer(s)`, round(await appendRate(store, deps, actor, one, APPENDS, writers))]);
      rows.push([dialect, `appends/s, ${INCIDENTS} incidents, ${writers} writer(s)`, round(await appendRate(store, deps, actor, many, APPENDS, writers))]);
    }
    const rebuild = await rebuildTimes(store, actor, deps);
    rows.push([dialect, `rebuild ${REBUILD_EVENTS} events: read + reduce`, `${round(rebuild.read)} ms`]);
    rows.push([dialect, `rebuild ${REBUILD_EVENTS} events: reduce only`, `${round(rebuild.pure)} ms`]);
    rows.push([dialect, `appends/s to a fresh incident / the ${REBUILD_EVENTS}-event incident, 1 writer (median of 5 x 300)`, `${round(rebuild.fresh)} / ${round(rebuild.append)}`]);
    rows.push([dialect, `long-incident rate as a share of the fresh rate (target >= 90%)`, `${round((100 * rebuild.append) / rebuild.fresh)}%`]);
    return rows;
  } finally {
    await bus.close();
    await store.close();
    await scratch.drop();
  }
}

const rows = await measure('sqlite');
if (testPostgresUrl()) rows.push(...(await measure('postgres')));
else console.log('PostgreSQL skipped: FIREBREAK_TEST_DATABASE_URL is not set');
console.log(table(`Incident timeline (${APPENDS} observations per row, full service path)`, ['store', 'measure', 'value'], rows));
