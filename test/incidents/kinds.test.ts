/**
 * Every kind a person logs, documented once (event-docs.ts): the OpenAPI
 * example is accepted by the API and changes the projection as expected, and
 * the CLI's word-and-flag form of it stores the identical event.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { systemActor } from '../../src/domains/auth/identity.js';
import { createUser } from '../../src/domains/auth/service.js';
import { createService } from '../../src/domains/catalog/service.js';
import { DOCUMENTED_KINDS, EXAMPLE_USER_ID, KIND_DOCS } from '../../src/domains/incidents/event-docs.js';
import type { IncidentState } from '../../src/domains/incidents/model.js';
import { declareIncident } from '../../src/domains/incidents/service.js';
import { runCliInProcess } from '../support/cli.js';

type Kind = (typeof DOCUMENTED_KINDS)[number];

/** What each example must change in the projection. */
const EXPECT: Record<Kind, (s: IncidentState, anaId: string) => void> = {
  severity_changed: (s) => assert.equal(s.severity, 'SEV1'),
  status_changed: (s) => assert.equal(s.status, 'identified'),
  resolved: (s) => assert.equal(s.status, 'resolved'),
  reopened: (s) => assert.equal(s.status, 'investigating'),
  role_assigned: (s) => assert.equal(s.roles.find((r) => r.role === 'scribe')?.label, 'Sam from support'),
  role_released: (s) => assert.ok(!s.roles.some((r) => r.role === 'commander')),
  member_added: (s, ana) => assert.ok(s.members.includes(ana)),
  impact_stated: (s) => assert.deepEqual(s.impact?.journeys, [{ journey: 'checkout', effect: 'degraded' }]),
  cohort_affected: (s) => assert.ok(s.cohorts.some((c) => c.value === 'eu-west')),
  cohort_cleared: (s) => assert.ok(!s.cohorts.some((c) => c.value === 'us-east')),
  observation: (s) => assert.equal(s.lastSeq, 6),
  hypothesis_proposed: (s) => assert.equal(s.hypotheses.open.at(-1)?.text, 'poison message'),
  hypothesis_confirmed: (s) => assert.equal(s.hypotheses.confirmed[0]?.seq, 2),
  hypothesis_rejected: (s) => assert.equal(s.counts.hypothesesRejected, 1),
  decision: (s) => assert.equal(s.lastDecision?.alternativesRejected[0]?.reason, 'too slow'),
  action_taken: (s) => assert.equal(s.lastSeq, 6),
  mitigation_started: (s) => assert.equal(s.mitigations.active.length, 2),
  mitigation_verified: (s) => assert.equal(s.mitigations.lastSettled?.outcome, 'verified'),
  mitigation_failed: (s) => assert.equal(s.mitigations.lastSettled?.outcome, 'failed'),
  unsafe_action_noted: (s) => assert.equal(s.unsafeActions[0]?.action, 'restart the primary'),
  update_posted: (s) => assert.equal(s.lastUpdate?.audience, 'public'),
  checklist_item_checked: (s) => assert.equal(s.checklist.items.find((i) => i.item === 'Queues and backlogs drained')?.result, 'pass'),
  reconciliation_opened: (s) => assert.equal(s.reconciliations.length, 2),
  reconciliation_progressed: (s) => assert.equal(s.reconciliations[0]?.lastProgress?.recordsChecked, 500),
  reconciliation_closed: (s) => assert.equal(s.reconciliations[0]?.status, 'closed'),
  evidence_attached: (s) => assert.equal(s.lastSeq, 6),
  marker: (s) => assert.equal(s.markers.first_symptom?.seq, 6),
  handoff: (s) => assert.equal(s.roles.find((r) => r.role === 'commander')?.label, 'Bo on night shift'),
  note: (s) => assert.equal(s.lastSeq, 6),
  amended: (s) => assert.equal(s.counts.amendments, 1),
  severity_confirmed: (s) => assert.equal(s.triage.pending, false),
  cohort_unaffected: (s) => assert.ok(s.cohortsUnaffected.some((c) => c.value === 'us-west')),
  no_hypothesis: (s) => assert.equal(s.investigating?.text, 'the 14:00 deploy'),
  next_decision: (s) => assert.equal(s.nextDecision?.owner.label, 'Dana the DBA'),
  unsafe_action_lifted: (s) => assert.deepEqual(s.unsafeActions, []),
  no_unsafe_actions_known: (s) => assert.equal(s.unsafeActionsReviewed?.noneKnown, true),
};

/** Events a kind needs before it (the preamble gives every kind hypothesis #2, mitigation #3, reconciliation #4, event #5). */
const EXTRA: Partial<Record<Kind, { kind: string; body: Record<string, unknown> }>> = {
  reopened: { kind: 'resolved', body: { override: { reason: 'test' } } },
  cohort_cleared: { kind: 'cohort_affected', body: { dimension: 'region', value: 'us-east' } },
  no_hypothesis: { kind: 'hypothesis_rejected', body: { hypothesisSeq: 2, reason: 'ruled out' } },
  unsafe_action_lifted: { kind: 'unsafe_action_noted', body: { action: 'restart the primary', reason: 'replica is behind' } },
};

const PREAMBLE = [
  { kind: 'hypothesis_proposed', body: { text: 'consumer stuck' } },
  { kind: 'mitigation_started', body: { action: 'restart', expectedSignal: 'lag falls', deadline: '2030-01-01T00:00:00.000Z' } },
  { kind: 'reconciliation_opened', body: { scope: 'orders', owner: { label: 'payments team' } } },
  { kind: 'note', body: { text: 'filler' } },
];

describeEachStore('every event kind through the API and the CLI', (fixture) => {
  let t: TestApp;
  let responder: Awaited<ReturnType<TestApp['user']>>;
  let anaId: string;
  let env: Record<string, string | undefined>;
  before(async () => {
    t = await createTestApp(fixture.store);
    responder = await t.user('responder');
    anaId = (await createUser(t.ctx.store, systemActor(), { email: 'ana@example.com', name: 'Ana', role: 'responder' })).id;
    await createService(t.ctx.store, systemActor(), { name: 'checkout' });
    env = { FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl };
  });
  after(async () => {
    await t.close();
  });

  const post = (path: string, payload: unknown) => t.app.inject({ method: 'POST', url: `/api/v1${path}`, headers: responder.auth, payload: payload as Record<string, unknown> });
  const get = async <T>(path: string) => (await t.app.inject({ method: 'GET', url: `/api/v1${path}`, headers: responder.auth })).json() as T;

  async function prepared(kind: Kind): Promise<string> {
    let ref: string;
    if (kind === 'severity_confirmed') {
      // Only an incident declared by Firebreak (from alerts) waits in triage for a person to confirm its severity.
      ref = (await declareIncident(t.ctx.store, t.ctx, systemActor('alerts'), { title: `walk ${kind}`, severity: 'SEV2', services: ['checkout'] })).ref;
    } else {
      const res = await post('/incidents', { title: `walk ${kind}`, severity: 'SEV2', services: ['checkout'] });
      assert.equal(res.statusCode, 201, res.body);
      ref = (res.json() as IncidentState).ref;
    }
    for (const e of [...PREAMBLE, ...(EXTRA[kind] ? [EXTRA[kind]] : [])]) assert.equal((await post(`/incidents/${ref}/events`, e)).statusCode, 201);
    return ref;
  }

  test('the OpenAPI document describes the events body as a union by kind, with descriptions and an example each', async () => {
    const doc = await get<{ paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { oneOf: Array<{ properties: { kind: { const?: string; enum?: string[] }; body: { properties: Record<string, { description?: string }> } }; example: { kind: string } }>; discriminator: { propertyName: string } } } } } } }> }>('/openapi.json');
    const schema = doc.paths['/api/v1/incidents/{id}/events']!.post.requestBody.content['application/json'].schema;
    assert.equal(schema.discriminator.propertyName, 'kind');
    assert.deepEqual(schema.oneOf.map((v) => v.example.kind).sort(), [...DOCUMENTED_KINDS].sort());
    for (const variant of schema.oneOf) {
      for (const [field, prop] of Object.entries(variant.properties.body.properties)) assert.ok(prop.description, `${variant.example.kind}.${field} has a description`);
    }
  });

  test('each kind’s example is accepted by the API, changes the projection, and its CLI form stores the identical event', async () => {
    for (const kind of DOCUMENTED_KINDS) {
      const doc = KIND_DOCS[kind];
      const example = JSON.parse(JSON.stringify(doc.example).replaceAll(EXAMPLE_USER_ID, anaId)) as Record<string, unknown>;
      const viaApi = await prepared(kind);
      const res = await post(`/incidents/${viaApi}/events`, { kind, body: example });
      assert.equal(res.statusCode, 201, `${kind}: ${res.body}`);
      EXPECT[kind](await get<IncidentState>(`/incidents/${viaApi}`), anaId);
      const viaCli = await prepared(kind);
      const ran = await runCliInProcess(['incident', 'log', viaCli, ...doc.cli, '--as', responder.user.email], env);
      assert.equal(ran.code, 0, `${kind}: ${ran.stderr}`);
      const [a, c] = await Promise.all([viaApi, viaCli].map(async (ref) => (await get<{ events: Array<Record<string, unknown>> }>(`/incidents/${ref}/events?after=${PREAMBLE.length + 1 + (EXTRA[kind] ? 1 : 0)}`)).events));
      const strip = (e: Record<string, unknown>) => ({ kind: e.kind, body: e.body, actorId: e.actorId, actorLabel: e.actorLabel });
      assert.deepEqual((c ?? []).map(strip), (a ?? []).map(strip), kind);
      assert.equal(c?.length, 1, kind);
    }
  });

  test('incident kinds lists every kind and log --help KIND shows one', async () => {
    const listed = await runCliInProcess(['incident', 'kinds'], env);
    for (const kind of DOCUMENTED_KINDS) assert.match(listed.stdout, new RegExp(`\\b${kind}\\b`));
    assert.doesNotMatch(listed.stdout, /\b(declared|reminder|alert_attached)\b/);
    const help = await runCliInProcess(['incident', 'log', '--help', 'decision'], env);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^decision: A decision, its rationale and the options rejected\./);
    assert.match(help.stdout, /--rejected <value> {2}"option: reason" \(repeatable\)/);
  });
});
