/**
 * Replay is the projection: random valid event sequences,
 * appended through the service on each dialect, must leave a stored row equal
 * to a fresh replay of the log. The seed is printed, and
 * FIREBREAK_PROPERTY_SEED replays a failing run.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { cliActor, systemActor, type Actor } from '../../src/domains/auth/identity.js';
import { CORE_ROLES, SEVERITIES, STATUSES, type IncidentState } from '../../src/domains/incidents/model.js';
import * as service from '../../src/domains/incidents/service.js';
import { factsRowFromLog } from '../../src/domains/metrics/facts.js';
import { findFactsRow } from '../../src/domains/metrics/facts-store.js';
import { incidentLog } from '../../src/domains/postmortems/service.js';

/** mulberry32: a small seeded generator, so a failing sequence can be replayed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Candidate = { kind: string; body: Record<string, unknown>; system?: boolean };

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const earlier = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The events that are valid next for `s`, by construction of the rules. */
function candidates(s: IncidentState, r: () => number, evidence: number[]): Candidate[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = Math.floor(r() * 1000);
  const c: Candidate[] = [
    { kind: 'observation', body: { text: `queue depth ${n}`, ...(evidence.length && r() < 0.5 ? { evidence: [pick(evidence)] } : {}) } },
    { kind: 'note', body: { text: `note ${n}` } },
    { kind: 'evidence_attached', body: { type: 'log_excerpt', title: `log ${n}`, content: 'timeout after 30s' } },
    { kind: 'hypothesis_proposed', body: { text: `hypothesis ${n}` } },
    { kind: 'decision', body: { decision: `decide ${n}`, rationale: 'because', alternativesRejected: [], ...(s.nextDecision && r() < 0.6 ? { nextDecisionSeq: s.nextDecision.seq } : {}) } },
    { kind: 'next_decision', body: { decision: `next ${n}`, owner: { label: 'Bob' }, dueAt: later(10 + (n % 30)) } },
    { kind: 'mitigation_started', body: { action: `mitigate ${n}`, expectedSignal: 'errors < 1%', deadline: later(5 + (n % 20)) } },
    { kind: 'unsafe_action_noted', body: { action: `unsafe ${n}`, reason: 'replica lag', ...(r() < 0.5 ? { condition: 'the backup finishes' } : { until: later(1 + (n % 60)) }) } },
    { kind: 'update_posted', body: { audience: pick(['internal', 'public']), text: `update ${n}`, ...(r() < 0.7 ? { nextUpdateAt: later(15 + (n % 30)) } : {}) } },
    {
      kind: 'impact_stated',
      body: { statement: `impact ${n}`, journeys: [{ journey: 'checkout', effect: pick(['down', 'slow', 'degraded']), ...(r() < 0.5 ? { priority: true } : {}) }], writesSafe: pick(['yes', 'no', 'unknown']), ...(r() < 0.5 ? { affected: { users: n } } : {}), ...(r() < 0.5 ? { since: earlier(n % 60) } : {}) },
    },
    { kind: 'cohort_affected', body: { dimension: 'region', value: pick(['eu', 'us', 'ap']) } },
    { kind: 'cohort_unaffected', body: { dimension: 'region', value: pick(['eu', 'us', 'ap']) } },
    { kind: 'checklist_item_checked', body: { item: pick(s.checklist.items.map((i) => i.item)), result: pick(['pass', 'fail', 'not_applicable']) } },
    { kind: 'reconciliation_opened', body: { scope: `scope ${n}`, ...(r() < 0.5 ? { owner: { label: 'Payments' } } : {}) } },
    { kind: 'marker', body: { marker: pick(['first_symptom', 'first_causal_change', 'detection']) } },
    { kind: 'amended', body: { targetSeq: 1 + Math.floor(r() * s.lastSeq), correction: 'correct time', ...(r() < 0.7 ? { occurredAt: earlier(n % 30) } : {}) } },
    { kind: 'alert_attached', system: true, body: { alertGroupId: `g${n % 4}`, serviceId: 'checkout', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager', incidentSeverity: pick(SEVERITIES) } },
    { kind: 'reminder', system: true, body: { reason: 'update_due', dueAt: later(0) } },
    { kind: 'responder_paged', system: true, body: { target: { type: pick(['user', 'schedule', 'team']), id: `t${n}`, name: `Target ${n}` }, reason: 'expertise: payments', escalationId: `e${n}` } },
  ];
  const role = pick(CORE_ROLES);
  const holder = s.roles.find((x) => x.role === role && x.specialty === null);
  const person = pick(['Bob', 'Carol', 'Dan']);
  if (!holder || holder.label !== person) c.push({ kind: 'role_assigned', body: { role, label: person } }, { kind: 'handoff', body: { role, to: { label: person }, notes: 'shift end' } });
  if (holder) c.push({ kind: 'role_released', body: { role } });
  const open = [...s.hypotheses.open, ...s.hypotheses.confirmed];
  if (s.hypotheses.open.length) c.push({ kind: 'hypothesis_confirmed', body: { hypothesisSeq: pick(s.hypotheses.open).seq } });
  if (open.length) c.push({ kind: 'hypothesis_rejected', body: { hypothesisSeq: pick(open).seq, reason: 'graphs disagree' } });
  else c.push({ kind: 'no_hypothesis', body: { investigating: 'the deploy' } });
  if (s.mitigations.active.length) {
    const m = pick(s.mitigations.active);
    c.push({ kind: pick(['mitigation_verified', 'mitigation_failed']), body: { mitigationSeq: m.seq, observed: 'errors 0.1%' } });
  }
  if (s.unsafeActions.length) c.push({ kind: 'unsafe_action_lifted', body: { unsafeSeq: pick(s.unsafeActions).seq, reason: 'safe now' } });
  else c.push({ kind: 'no_unsafe_actions_known', body: {} });
  if (s.cohorts.length) c.push({ kind: 'cohort_cleared', body: { dimension: 'region', value: pick(s.cohorts).value } });
  const openRec = s.reconciliations.filter((x) => x.status === 'open');
  if (openRec.length) {
    const rec = pick(openRec);
    c.push({ kind: 'reconciliation_progressed', body: { reconciliationSeq: rec.seq, note: 'progress', owner: { label: 'Payments' }, recordsChecked: n } });
    if (rec.owner) c.push({ kind: 'reconciliation_closed', body: { reconciliationSeq: rec.seq, outcome: 'done' } });
  }
  if (s.alerts.length) c.push({ kind: 'alert_resolved', system: true, body: { alertGroupId: pick(s.alerts).alertGroupId } });
  const severity = pick(SEVERITIES.filter((x) => x !== s.severity));
  c.push({ kind: 'severity_changed', body: { severity, reason: 'reassessed' } });
  if (s.triage.pending || s.severityReview) c.push({ kind: 'severity_confirmed', body: {} });
  if (s.status === 'resolved') c.push({ kind: 'reopened', body: { reason: 'back', ...(r() < 0.5 ? { status: 'monitoring' } : {}) } });
  else {
    const status = pick(STATUSES.filter((x) => x !== s.status && x !== 'resolved'));
    c.push({ kind: 'status_changed', body: { status, ...(r() < 0.5 ? { reason: 'holding' } : {}) } });
    c.push({ kind: 'resolved', body: { summary: 'done', override: { reason: 'property test' } } });
  }
  return c;
}

describeEachStore('replay equals the stored projection (random valid sequences)', (fixture) => {
  let t: TestApp;
  let person: Actor;
  before(async () => {
    t = await createTestApp(fixture.store);
    const user = (await t.user('responder')).user;
    person = cliActor({ id: user.id, email: user.email, role: user.role });
  });
  after(async () => {
    await t.close();
  });

  const seed = Number(process.env.FIREBREAK_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
  test(`six incidents of 40 random events each: the stored projection and the metrics facts row equal a replay of the log (seed ${seed})`, async () => {
    const r = generator(seed);
    for (let i = 0; i < 6; i++) {
      const byAlerts = i % 2 === 1;
      const declared = byAlerts
        ? await t.ctx.store.transaction((trx) => service.declareIncidentInTx(trx, t.ctx, systemActor('alerts'), { title: `Alerts ${i}`, severity: 'SEV2', impact: 'Alerts firing on checkout' }))
        : await service.declareIncident(t.ctx.store, t.ctx, person, { title: `Random ${i}`, severity: 'SEV2' });
      let state = declared.state;
      const evidence: number[] = [];
      const kinds: string[] = [];
      for (let step = 0; step < 40; step++) {
        const options = candidates(state, r, evidence);
        const chosen = options[Math.floor(r() * options.length)]!;
        const label = `seed ${seed}, incident ${i}, step ${step}: ${chosen.kind} ${JSON.stringify(chosen.body)}`;
        if (chosen.system) {
          const id = declared.id;
          state = await t.ctx.store.transaction(async (trx) => (await service.appendInTx(trx, t.ctx, systemActor('alerts'), id, chosen)).state);
        } else {
          const result = await service.appendEvent(t.ctx.store, t.ctx, person, declared.ref, chosen).catch((err: unknown) => assert.fail(`${label} was refused: ${String(err)}`));
          state = result.state;
          if (chosen.kind === 'evidence_attached') evidence.push(result.event.seq);
        }
        kinds.push(chosen.kind);
      }
      const row = await service.getIncidentRow(t.ctx.store.db, declared.id);
      assert.deepEqual(await service.rebuildState(t.ctx.store.db, declared.id), JSON.parse(row!.state), `seed ${seed}, incident ${i}: ${kinds.join(' ')}`);
      assert.equal(row!.last_seq, 41);
      // The metrics facts row, kept on each append, equals the one recomputed from the whole log.
      const replayed = await service.rebuildState(t.ctx.store.db, declared.id);
      assert.deepEqual(await findFactsRow(t.ctx.store.db, declared.id), factsRowFromLog(replayed, await incidentLog(t.ctx.store.db, declared.id)), `facts row, seed ${seed}, incident ${i}: ${kinds.join(' ')}`);
    }
  });
});
