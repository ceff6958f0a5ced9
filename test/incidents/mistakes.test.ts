/**
 * Mistakes a tired person makes, each with the exact answer they get, from the
 * CLI (run in process with an injected clock: 00:20 in New York) and from the
 * API; and dry runs that write nothing yet show what the real append produces.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { systemActor } from '../../src/domains/auth/identity.js';
import { createUser } from '../../src/domains/auth/service.js';
import { createService } from '../../src/domains/catalog/service.js';
import type { IncidentState } from '../../src/domains/incidents/model.js';
import { runCliInProcess } from '../support/cli.js';
import { ROLE_NAMES } from '../../src/domains/incidents/model.js';
import { DEFAULT_POLICY } from '../../src/domains/incidents/policy.js';
import { PERSON_KINDS } from '../../src/domains/incidents/validate.js';

const NOW = '2026-12-01T05:20:00Z'; // 00:20 in New York
const KINDS_TAIL = `Kinds: ${PERSON_KINDS.join(', ')}`;
const CHECKS = `the checks are: ${DEFAULT_POLICY.recoveryChecklist.map((c, i) => `${i + 1}. ${c.item}`).join('; ')}`;
const ROLES = ROLE_NAMES.join(', ');

interface CliRow {
  name: string;
  args: (ref: string, n: number) => string[];
  code: number;
  /** Exact text expected in stderr (or stdout when `out`). */
  says: string;
  out?: boolean;
}

const cliRows: CliRow[] = [
  { name: 'typo in a kind', args: (r) => ['incident', 'log', r, 'decison', 'x'], code: 2, says: `"decison" is not an event kind; did you mean "decision"?. ${KINDS_TAIL}` },
  { name: 'typo in observation', args: (r) => ['incident', 'log', r, 'obsevation', 'x'], code: 2, says: 'did you mean "observation"?' },
  { name: 'typo in hypothesis', args: (r) => ['incident', 'log', r, 'hypothessis', 'x'], code: 2, says: 'did you mean "hypothesis"?' },
  { name: 'a system kind is not offered', args: (r) => ['incident', 'log', r, 'declared', 'x'], code: 2, says: `"declared" is not an event kind. ${KINDS_TAIL}` },
  { name: 'typo in a status', args: (r) => ['incident', 'status', r, 'resolvd'], code: 1, says: 'body.status must be one of: investigating, identified, mitigating, monitoring, resolved; did you mean "resolved"?' },
  { name: 'another status typo', args: (r) => ['incident', 'status', r, 'identifed'], code: 1, says: 'did you mean "identified"?' },
  { name: 'severity in lower case', args: (r) => ['incident', 'log', r, 'severity', 'sev2', '--reason', 'x'], code: 1, says: 'body.severity must be one of: SEV1, SEV2, SEV3, SEV4; did you mean "SEV2"?' },
  { name: 'declare severity typo', args: () => ['incident', 'declare', '--title', 't', '--severity', 'SEV01'], code: 1, says: '--severity must be one of SEV1, SEV2, SEV3, SEV4; did you mean "SEV1"?' },
  { name: 'typo in a role', args: (r) => ['incident', 'log', r, 'role', 'commandr', 'ana@example.com'], code: 1, says: `body.role must be one of: ${ROLES}; did you mean "commander"?` },
  { name: 'a UUID instead of an email', args: (r) => ['incident', 'log', r, 'role', 'scribe', '0b0afd65-53ee-4fe4-91ac-22116991b943'], code: 2, says: '<email-or-name>: name people by email (or a plain name for someone without an account), not by id' },
  { name: 'an unknown email', args: (r) => ['incident', 'log', r, 'role', 'scribe', 'nobody@example.com'], code: 2, says: '<email-or-name>: no user nobody@example.com in ' },
  { name: 'an email where a role goes', args: (r) => ['incident', 'log', r, 'role', 'ana@example.com', 'commander'], code: 1, says: `body.role must be one of: ${ROLES}` },
  { name: 'unknown checklist item', args: (r) => ['incident', 'log', r, 'check', 'queus', 'pass'], code: 2, says: `"queus" is not on the recovery checklist (unknown checks are not added); ${CHECKS}` },
  { name: 'checklist number out of range', args: (r) => ['incident', 'log', r, 'check', '9', 'pass'], code: 2, says: `there is no check 9; ${CHECKS}` },
  { name: 'ambiguous checklist prefix', args: (r) => ['incident', 'log', r, 'check', 'ing', 'pass'], code: 2, says: '"ing" matches 2 checks ("User-facing symptoms gone, checked from the user side", "Alerting would catch a relapse")' },
  { name: 'checklist result typo', args: (r) => ['incident', 'log', r, 'check', 'queues', 'passed'], code: 1, says: 'body.result must be one of: pass, fail, not_applicable; did you mean "pass"?' },
  { name: 'checklist item by prefix', args: (r) => ['incident', 'log', r, 'check', 'error', 'pass'], code: 0, says: 'checklist_item_checked', out: true },
  { name: '23:50 at 00:20 is yesterday', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '23:50'], code: 0, says: 'at 2026-12-01T04:50:00.000Z', out: true },
  { name: '00:10 at 00:20 is today', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '00:10'], code: 0, says: 'at 2026-12-01T05:10:00.000Z', out: true },
  { name: '00:30 at 00:20 is yesterday 00:30', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '0:30'], code: 0, says: 'at 2026-11-30T05:30:00.000Z', out: true },
  { name: 'a duration ago', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '15m'], code: 0, says: 'at 2026-12-01T05:05:00.000Z', out: true },
  { name: 'zone-less ISO is the user zone', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '2026-12-01T00:05'], code: 0, says: 'at 2026-12-01T05:05:00.000Z', out: true },
  { name: 'a wrong date needs --force', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '2026-11-28T10:00'], code: 1, says: 'occurredAt: 2026-11-28T15:00:00.000Z is more than a day before the incident was declared (2026-12-01T05:20:00.000Z); if that is right, send it again with force (CLI: --force)' },
  { name: '--force accepts it', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '2026-11-28T10:00', '--force'], code: 0, says: 'at 2026-11-28T15:00:00.000Z', out: true },
  { name: 'a time that is not one', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', 'lunchtime'], code: 2, says: '--at "lunchtime": give 23:50 (the most recent), 15m (ago), or an ISO time such as 2026-11-23T14:03 (read in America/New_York)' },
  { name: 'a future time', args: (r) => ['incident', 'log', r, 'note', 'x', '--at', '2026-12-01T09:00Z'], code: 1, says: 'occurredAt: is in the future; log events when they have happened' },
  { name: 'reference as a number', args: (_r, n) => ['incident', 'show', String(n)], code: 0, says: `INC-${'N'}`, out: true },
  { name: 'reference in lower case', args: (_r, n) => ['incident', 'show', `inc-${n}`], code: 0, says: 'severity  SEV2', out: true },
  { name: 'reference zero-padded', args: (_r, n) => ['incident', 'show', `INC-0${n}`], code: 0, says: 'severity  SEV2', out: true },
  { name: 'unknown reference names the database', args: () => ['incident', 'show', 'INC-99999'], code: 1, says: 'incident INC-99999 not found in ' },
  { name: 'mitigation without deadline', args: (r) => ['incident', 'log', r, 'mitigation', 'restart', '--expect', 'lag falls'], code: 1, says: 'body.deadline is required' },
  { name: 'mitigation by 15m', args: (r) => ['incident', 'log', r, 'mitigation', 'restart', '--expect', 'lag falls', '--by', '15m'], code: 0, says: 'mitigation_started', out: true },
  { name: 'rejected option without a reason', args: (r) => ['incident', 'log', r, 'decision', 'roll back', '--rationale', 'safe', '--rejected', 'hotfix'], code: 2, says: '"hotfix": give "option: reason" such as "hotfix: too slow"' },
  { name: 'an effect that is not one', args: (r) => ['incident', 'log', r, 'impact', 'eu down', '--journey', 'checkout=broken'], code: 1, says: 'body.journeys[0].effect must be one of: degraded, down, slow' },
  { name: 'a flag of another kind', args: (r) => ['incident', 'log', r, 'decision', 'x', '--expect', 'y'], code: 2, says: '--expect does not apply to decision; it takes --rationale, --rejected' },
  { name: 'a misspelt option', args: (r) => ['incident', 'log', r, 'decision', 'x', '--rationel', 'y'], code: 1, says: '(Did you mean --rationale?)' },
  { name: 'a viewer cannot write', args: (r) => ['incident', 'log', r, 'note', 'x', '--as', 'v@example.test'], code: 1, says: 'writing to an incident needs the responder role; you are viewer' },
  { name: 'acting as an unknown user', args: (r) => ['incident', 'log', r, 'note', 'x', '--as', 'nobody@example.com'], code: 2, says: 'no user nobody@example.com in ' },
  { name: 'an unknown service', args: () => ['incident', 'declare', '--title', 'x', '--severity', 'SEV3', '--service', 'chekout'], code: 1, says: 'services[0]: no service named or with id "chekout" in the catalog' },
  { name: 'declaring twice warns', args: () => ['incident', 'declare', '--title', 'Checkout down', '--severity', 'SEV2', '--as', 'ic@example.test'], code: 0, says: 'is still open; is this the same incident?' },
  { name: 'cohort without a value', args: (r) => ['incident', 'log', r, 'cohort', 'region'], code: 2, says: '"region": give dimension=value such as region=eu-west' },
  { name: 'cohort dimension typo', args: (r) => ['incident', 'log', r, 'cohort', 'regoin=eu'], code: 1, says: 'body.dimension must be one of: tenant, region, endpoint, plan, custom; did you mean "region"?' },
  { name: 'a hypothesis by text instead of number', args: (r) => ['incident', 'log', r, 'confirmed', 'poison'], code: 2, says: '<hypothesis#> "poison" is not an event number such as 3' },
  { name: 'evidence type typo', args: (r) => ['incident', 'log', r, 'evidence', 'lnk', 'dashboard', '--url', 'https://x.example'], code: 1, says: 'did you mean "link"?' },
  { name: 'marker typo', args: (r) => ['incident', 'log', r, 'marker', 'first_sympton'], code: 1, says: 'did you mean "first_symptom"?' },
  { name: 'handoff role typo', args: (r) => ['incident', 'log', r, 'handoff', 'ana@example.com', '--role', 'comander'], code: 1, says: 'did you mean "commander"?' },
  { name: 'a kind without its text', args: (r) => ['incident', 'log', r, 'note'], code: 2, says: 'note needs <text>: note <text>' },
  { name: 'unquoted text', args: (r) => ['incident', 'log', r, 'observation', 'queue', 'rising'], code: 2, says: 'too many words for observation: observed <text> (quote text with spaces)' },
  { name: 'a member by email', args: (r) => ['incident', 'log', r, 'member', 'ana@example.com'], code: 0, says: 'member_added', out: true },
];

describeEachStore('mistakes a tired person makes', (fixture) => {
  let t: TestApp;
  let responder: Awaited<ReturnType<TestApp['user']>>;
  let env: Record<string, string | undefined>;
  let ref: string;
  const cli = (...args: string[]) => runCliInProcess(args, env);
  before(async () => {
    t = await createTestApp(fixture.store);
    responder = await t.user('responder');
    await createUser(t.ctx.store, systemActor(), { email: 'ana@example.com', name: 'Ana', role: 'responder' });
    await createUser(t.ctx.store, systemActor(), { email: 'ic@example.test', name: 'Ines', role: 'responder', timeZone: 'America/New_York' });
    await createUser(t.ctx.store, systemActor(), { email: 'v@example.test', name: 'Vic', role: 'viewer' });
    await createService(t.ctx.store, systemActor(), { name: 'checkout' });
    env = { FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl, FIREBREAK_NOW: NOW };
    const declared = await cli('incident', 'declare', '--title', 'Checkout down', '--severity', 'SEV2', '--service', 'checkout', '--as', 'ic@example.test');
    assert.equal(declared.code, 0, declared.stderr);
    ref = /declared (INC-\d+)/.exec(declared.stdout)![1]!;
  });
  after(async () => {
    await t.close();
  });

  test(`${cliRows.length} mistakes on the command line get exact answers`, async () => {
    assert.ok(cliRows.length >= 40);
    const n = Number(ref.slice(4));
    const wrong: string[] = [];
    for (const row of cliRows) {
      const ran = await cli(...row.args(ref, n), ...(row.args(ref, n).includes('--as') || row.args(ref, n)[1] === 'show' ? [] : ['--as', 'ic@example.test']));
      const text = row.out ? ran.stdout : ran.stderr;
      if (ran.code !== row.code || !text.includes(row.says.replace('INC-N', ref))) wrong.push(`${row.name}: exit ${ran.code} (want ${row.code}); want ${JSON.stringify(row.says)}; got ${JSON.stringify(text.slice(0, 400))}`);
    }
    assert.deepEqual(wrong, []);
  });

  const post = (path: string, payload: unknown) => t.app.inject({ method: 'POST', url: `/api/v1${path}`, headers: responder.auth, payload: payload as Record<string, unknown> });

  test('the same mistakes through the API get the same words, naming the field', async () => {
    const n = Number(ref.slice(4));
    for (const id of [String(n), `inc-${n}`, `INC-0${n}`, ref]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: responder.auth });
      assert.equal(res.statusCode, 200, `${id}: ${res.body}`);
      assert.equal(res.json().ref, ref);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/incidents/lunch', headers: responder.auth })).statusCode, 404);
    const rows: Array<{ payload: Record<string, unknown>; field: string; message: string; path?: string }> = [
      { payload: { kind: 'decison', body: {} }, field: 'kind', message: `"decison" is not an event kind; did you mean "decision"?. ${KINDS_TAIL}` },
      { payload: { kind: 'declared', body: {} }, field: 'kind', message: '"declared" events are recorded by Firebreak itself' },
      { payload: { kind: 'status_changed', body: { status: 'resolvd' } }, field: 'body.status', message: 'must be one of: investigating, identified, mitigating, monitoring, resolved; did you mean "resolved"?' },
      { payload: { kind: 'severity_changed', body: { severity: 'sev2', reason: 'x' } }, field: 'body.severity', message: 'must be one of: SEV1, SEV2, SEV3, SEV4; did you mean "SEV2"?' },
      { payload: { kind: 'role_assigned', body: { role: 'commandr', label: 'x' } }, field: 'body.role', message: `must be one of: ${ROLES}; did you mean "commander"?` },
      { payload: { kind: 'impact_stated', body: { statement: 'x', journeys: [{ journey: 'checkout', effect: 'broken' }], writesSafe: 'yes' } }, field: 'body.journeys[0].effect', message: 'must be one of: degraded, down, slow' },
      { payload: { kind: 'note', occurredAt: '2020-01-01T00:00:00Z', body: { text: 'x' } }, field: 'occurredAt', message: 'is more than a day before the incident was declared' },
      { payload: { title: 'x', severity: 'SEV3', services: ['chekout'] }, field: 'services[0]', message: 'no service named or with id "chekout" in the catalog', path: '/incidents' },
    ];
    for (const row of rows) {
      const res = await post(row.path ?? `/incidents/${ref}/events`, row.payload);
      assert.equal(res.statusCode, 400, res.body);
      const errors = res.json().errors as Array<{ field: string; message: string }>;
      assert.ok(errors.some((e) => e.field === row.field && e.message.includes(row.message)), `${row.field}: ${res.body}`);
    }
    const forced = await post(`/incidents/${ref}/events`, { kind: 'note', occurredAt: '2026-11-01T00:00:00Z', force: true, body: { text: 'x' } });
    assert.equal(forced.statusCode, 201, forced.body);
  });

  const counts = async () => {
    const tables = ['incident_events', 'audit_log', 'jobs'] as const;
    const result: Record<string, number> = {};
    for (const table of tables) result[table] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(fixture.store.db)).rows[0]!.n);
    result.state = Number((await sql<{ n: number }>`select count(*) as n from incidents where state like ${'%dry-run decision%'}`.execute(fixture.store.db)).rows[0]!.n);
    return result;
  };

  test('?dryRun=true writes nothing and returns the projection the real append then produces', async () => {
    const payload = { kind: 'decision', body: { decision: 'dry-run decision', rationale: 'safe', alternativesRejected: [] } };
    const before = await counts();
    const dry = await post(`/incidents/${ref}/events?dryRun=true`, payload);
    assert.equal(dry.statusCode, 200, dry.body);
    assert.deepEqual(await counts(), before);
    const real = await post(`/incidents/${ref}/events`, payload);
    assert.equal(real.statusCode, 201, real.body);
    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}`, headers: responder.auth })).json() as IncidentState;
    const dryState = JSON.parse(JSON.stringify(dry.json().state).replaceAll(dry.json().event.recordedAt, real.json().recordedAt)) as IncidentState;
    assert.deepEqual({ ...dryState, updateOverdue: null }, { ...state, updateOverdue: null });
    assert.equal(dry.json().event.seq, real.json().seq);
  });

  test('--dry-run on the CLI writes nothing and shows the change; the real run then stores exactly that', async () => {
    const before = await counts();
    const args = ['incident', 'log', ref, 'decision', 'dry-run decision 2', '--rationale', 'safe', '--as', 'ic@example.test'];
    const dry = await cli(...args, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^dry run, nothing written: INC-\d+ #\d+ decision at 2026-12-01T05:20:00.000Z/);
    assert.match(dry.stdout, /lastDecision: .* -> \{"seq":\d+,"at":"2026-12-01T05:20:00.000Z","decision":"dry-run decision 2"/);
    assert.deepEqual(await counts(), before);
    const dryStatus = await cli('incident', 'status', ref, 'mitigating', '--dry-run', '--as', 'ic@example.test');
    assert.match(dryStatus.stdout, /status: "investigating" -> "mitigating"/);
    const declareDry = await cli('incident', 'declare', '--title', 'dry', '--severity', 'SEV4', '--dry-run', '--as', 'ic@example.test');
    assert.equal(declareDry.code, 0, declareDry.stderr);
    assert.deepEqual(await counts(), before);
    const real = await cli(...args);
    assert.equal(real.code, 0, real.stderr);
    assert.equal(real.stdout.split(' at ')[0], dry.stdout.replace('dry run, nothing written: ', '').split(' at ')[0]);
  });
});
