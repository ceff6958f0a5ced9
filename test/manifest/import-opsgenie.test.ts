/**
 * `firebreak import opsgenie` against a stand-in that checks every request
 * against Opsgenie's published Swagger description and answers the fixture
 * organisation (22 users, 4 teams, 5 schedules with daily, weekly and hourly
 * rotations, time-of-day and weekday restrictions, a schedule of three
 * rotations on call together, overrides scoped to rotations or not, 5
 * escalations, 7 integrations), on both dialects: the plan lists everything
 * and changes nothing, the import creates users, teams, overrides, a service
 * per team owning integrations and the integrations (listing their new keys),
 * a second run changes nothing, and the SET of people Firebreak puts on call for every
 * Opsgenie schedule (over the Firebreak schedules it became) matches, hour by
 * hour for 30 days across the October and November DST changes, the final
 * timeline the fixture generator's independent model of Opsgenie's documented
 * semantics expects (test/fixtures/vendor/opsgenie/generate.mjs).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../src/db/schema.js';
import { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from '../../src/db/testing.js';
import { importScratch } from '../support/vendor/import-scratch.js';
import { listUsers } from '../../src/domains/auth/service.js';
import { getTeam, listTeams } from '../../src/domains/auth/teams.js';
import { listOverrides } from '../../src/domains/oncall/overrides-service.js';
import { scheduleShifts } from '../../src/domains/oncall/schedule-service.js';
import { runCliInProcess } from '../support/cli.js';
import { swagger2Spec } from '../support/vendor/openapi3-check.js';
import { OPSGENIE_DIR, startOpsgenieStandIn, type OpsgenieOrganisation, type OpsgenieStandIn, type OpsgenieTimeline } from '../support/vendor/opsgenie-standin.js';

const org = JSON.parse(readFileSync(join(OPSGENIE_DIR, 'organisation.json'), 'utf8')) as OpsgenieOrganisation;
const expected = JSON.parse(readFileSync(join(OPSGENIE_DIR, 'timelines.json'), 'utf8')) as { since: string; until: string; timelines: OpsgenieTimeline[] };
const TOKEN = 'eb243592-faa2-4ba2-a551q-1afdf565c889';
const HOUR = 3_600_000;

test('the fixture organisation and its expected timelines conform to Opsgenie’s published schemas', () => {
  const spec = swagger2Spec(join(OPSGENIE_DIR, 'swagger-subset.json'));
  const rotations = org.schedules.flatMap((s) => s.rotations as Array<{ participants: Array<{ type: string }>; timeRestriction?: { type: string } }>);
  const problems = [
    ...org.users.flatMap((u) => spec.checkSchema('User', u)),
    ...org.teams.flatMap((t) => spec.checkSchema('Team', t)),
    ...org.schedules.flatMap((s) => spec.checkSchema('Schedule', s)),
    // The discriminated subtypes, which the base definitions do not reach.
    ...rotations.flatMap((r) => r.participants.flatMap((p) => spec.checkSchema(p.type === 'user' ? 'UserRecipient' : 'TeamRecipient', p))),
    ...rotations.flatMap((r) => (r.timeRestriction ? spec.checkSchema(r.timeRestriction.type === 'time-of-day' ? 'TimeOfDayRestrictionInterval' : 'WeekdayTimeRestrictionInterval', r.timeRestriction) : [])),
    ...org.overrides.flatMap((o) => spec.checkSchema('ScheduleOverride', o)),
    ...org.escalations.flatMap((e) => spec.checkSchema('Escalation', e)),
    ...expected.timelines.flatMap((t) => spec.checkSchema('ScheduleTimeline', t)),
    ...org.integrations.flatMap((i) => spec.checkSchema('IntegrationMeta', i)),
  ];
  assert.deepEqual(problems, []);
  assert.ok(org.users.length >= 20 && org.teams.length >= 3);
  assert.equal(org.schedules.length, 5);
  assert.equal(org.escalations.length, 5);
  assert.deepEqual(org.integrations.map((i) => i.type), ['API', 'Prometheus', 'Grafana', 'API', 'API', 'Email', 'API']);
  assert.deepEqual(new Set(rotations.map((r) => (r as unknown as { type: string }).type)), new Set(['daily', 'weekly', 'hourly']));
  // The 30 days span the end of summer time in Europe (25 October) and in America (1 November).
  assert.ok(expected.since < '2026-10-25' && expected.until > '2026-11-02');
});

test('the stand-in refuses what Opsgenie’s description refuses', async () => {
  const standIn = await startOpsgenieStandIn(org, TOKEN, expected.timelines);
  try {
    const good = { authorization: `GenieKey ${TOKEN}` };
    const ask = async (path: string, headers: Record<string, string>) => {
      const before = standIn.problems.length;
      const status = (await fetch(`${standIn.url}${path}`, { headers })).status;
      return { status, problems: standIn.problems.slice(before).join('; ') };
    };
    assert.deepEqual(await ask('/v2/users?limit=2&offset=0', good), { status: 200, problems: '' });
    assert.match((await ask('/v2/users?limit=two', good)).problems, /query "limit" = "two"/);
    assert.match((await ask('/v2/teams?limit=2', good)).problems, /query "limit" is not documented/);
    assert.match((await ask('/v2/schedules/x/timeline?intervalUnit=years', good)).problems, /query "intervalUnit" = "years"/);
    assert.match((await ask('/v2/users', { authorization: `Bearer ${TOKEN}` })).problems, /GenieKey/);
    assert.match((await ask('/v1/services', good)).problems, /not a documented route/);
    assert.deepEqual(await ask('/v2/integrations?type=API&teamName=Payments', good), { status: 200, problems: '' });
    assert.match((await ask('/v2/integrations?offset=1', good)).problems, /query "offset" is not documented/);
    assert.deepEqual(await ask('/v2/users', { authorization: 'GenieKey wrong' }), { status: 401, problems: '' });
  } finally {
    await standIn.close();
  }
});

/** The Firebreak schedules an Opsgenie schedule became: itself, or one per imported rotation. */
function becameOf(t: OpsgenieTimeline): string[] {
  const s = org.schedules.find((x) => x.id === t._parent.id)!;
  const rotations = s.rotations as Array<{ name: string; endDate?: string; participants: Array<{ type: string }> }>;
  if (rotations.length === 1) return [String(s.name)];
  return rotations.filter((r) => !(r.endDate && r.endDate < org.now) && r.participants.every((p) => p.type === 'user')).map((r) => `${String(s.name)} / ${r.name}`);
}

/** Every hour where the set of people Firebreak puts on call differs from the timeline's user recipients. */
async function mismatches(db: Db, timelines: readonly OpsgenieTimeline[]): Promise<string[]> {
  const emailOf = new Map((await listUsers(db)).map((u) => [u.id, u.email]));
  const since = Date.parse(expected.since);
  const until = Date.parse(expected.until);
  const out: string[] = [];
  for (const t of timelines) {
    const shifts = (await Promise.all(becameOf(t).map(async (name) => (await scheduleShifts(db, name, new Date(since), new Date(until))).shifts))).flat();
    const periods = t.finalTimeline.rotations.flatMap((r) => r.periods);
    for (let at = since; at < until; at += HOUR) {
      const got = [...new Set(shifts.filter((s) => Date.parse(s.start) <= at && at < Date.parse(s.end)).flatMap((s) => s.userIds.map((id) => emailOf.get(id))))].sort().join(', ') || '(nobody)';
      // A team participant's rotation is not imported (listed): only people are compared.
      const want = [...new Set(periods.filter((p) => p.recipient.type === 'user' && Date.parse(p.startDate) <= at && at < Date.parse(p.endDate)).map((p) => p.recipient.name))].sort().join(', ') || '(nobody)';
      if (got !== want) out.push(`${t._parent.name} ${new Date(at).toISOString()}: expected ${want}, got ${got}`);
    }
  }
  return out;
}

const dialects: Array<'sqlite' | 'postgres'> = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  describe(`firebreak import opsgenie [${dialect}]`, () => {
    let scratch: ScratchDatabase | undefined;
    let standIn: OpsgenieStandIn;
    let env: Record<string, string>;
    before(async () => {
      standIn = await startOpsgenieStandIn(org, TOKEN, expected.timelines);
      // The first fifteen Opsgenie users already have Firebreak accounts; the import creates the rest.
      ({ scratch, env } = await importScratch(dialect, org.users.slice(0, 15).map((u) => ({ email: u.username, name: String(u.fullName) })), TOKEN, org.now));
    });
    after(async () => {
      await standIn.close();
      await scratch?.drop();
    });

    test('plan, import, import again; every request conforms; the people on call match hour by hour for 30 days', async () => {
      const args = ['import', 'opsgenie', '--api-url', standIn.url];
      const plan = await runCliInProcess([...args, '--plan'], env);
      assert.equal(plan.code, 2, plan.stderr);
      for (const line of [
        '+ user vik@example.test (Vik Example)',
        '+ team Payments (members ana@example.test',
        '+ schedule Payments_primary',
        '+ schedule Payments_secondary / Business hours',
        '+ schedule Payments_secondary / Nights',
        '+ schedule Payments_secondary / Weekend',
        '+ escalation policy Payments_escalation',
        '+ override Payments_secondary / Nights: oto@example.test from 2026-10-27T17:00:00.000Z to 2026-10-28T07:00:00.000Z',
        '+ override Payments_secondary / Weekend: vik@example.test from 2026-10-24T16:00:00.000Z to 2026-10-25T11:00:00.000Z',
        'not imported: schedule Platform rotation NOC team: its participants team Platform are not users Opsgenie listed',
        'not imported: schedule Data rotation Old nights: it ended 2026-10-01T19:00:00Z',
        'not imported: escalation Platform_escalation rule 2: notifying the next on-call of a schedule has no Firebreak equivalent',
        'not imported: escalation Data_escalation rule 3 condition: if-not-closed',
        'not imported: escalation Search_escalation rule 2 team routing: Opsgenie notifies team Search through its routing rules; Firebreak pages all its members',
        '+ service Payments',
        '+ service Search',
        '+ service Data',
        '+ service Platform',
        '+ integration Payments/Payments API',
        '+ integration Payments/Payments Alertmanager',
        '+ integration Search/Search Grafana',
        '+ integration Data/Data API (old)',
        '+ integration Platform/Platform API',
        'not imported: integration Platform mail (Email): an Opsgenie Email integration has no Firebreak equivalent',
        'not imported: integration Default API (API): it has no owner team',
        'not imported: service Platform escalation policy: team Platform owns 2 escalations (Platform_escalation, Leads): choose one',
      ]) {
        assert.ok(plan.stdout.includes(line), `${line} in\n${plan.stdout}`);
      }
      assert.match(plan.stdout, /would create 7 users without a password/);
      // Before anything is written, the translation is checked against Opsgenie's own final timelines.
      for (const t of expected.timelines) assert.ok(plan.stdout.includes(`on-call check: ${t._parent.name}: the same people as Opsgenie's final timeline in all 720 hours`), `${t._parent.name} checked in\n${plan.stdout}`);
      assert.equal((await runCliInProcess(['export'], env)).stdout.includes('Payments_primary'), false, '--plan changed nothing');

      const imported = await runCliInProcess(args, env);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /created 7 users without a password/);
      // The new keys, once, as the PagerDuty import lists them: Alert API senders keep their client (URL and GenieKey change).
      const table = imported.stdout.slice(imported.stdout.indexOf('change these senders to the new Firebreak keys (shown only now):'));
      const rows = table.split('\n').slice(2).filter((l) => l.includes('\t'));
      const base = 'https://firebreak.example.test';
      assert.deepEqual(rows.map((r) => r.replace(/(\/intake\/\w+\/|routing_key )\S+/g, '$1<key>')).sort(), [
        `Payments\tPayments API\t${base}/v2/alerts routing_key <key>`,
        `Payments\tPayments Alertmanager\t${base}/intake/alertmanager/<key> routing_key <key>`,
        `Search\tSearch Grafana\t${base}/intake/grafana/<key> routing_key <key>`,
        `Data\tData API (old)\t${base}/v2/alerts routing_key <key>`,
        `Platform\tPlatform API\t${base}/v2/alerts routing_key <key>`,
      ].sort());
      assert.equal(new Set(rows.map((r) => r.split(' routing_key ')[1])).size, 5, 'five distinct keys');
      const again = await runCliInProcess(args, env);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /^no changes\n/);
      assert.equal(again.stdout.includes('new Firebreak keys'), false, 'a second run issues no keys');
      assert.equal((await runCliInProcess([...args, '--plan'], env)).code, 0);
      assert.deepEqual(standIn.problems, [], 'every request and answer conforms to the published description');
      assert.ok(standIn.requests.some((r) => r.startsWith('GET /v2/users?limit=100&offset=14')), 'users are read page by page');

      // The escalation rules that target Payments_secondary target all three of its rotations; delays count from the alert.
      const exported = (await runCliInProcess(['export'], env)).stdout;
      assert.match(exported, /- type: schedule\n\s+name: Payments_secondary \/ Business hours\n\s+- type: schedule\n\s+name: Payments_secondary \/ Nights\n\s+- type: schedule\n\s+name: Payments_secondary \/ Weekend/);
      for (const [service, policy] of [['Payments', 'Payments_escalation'], ['Search', 'Search_escalation'], ['Data', 'Data_escalation']]) assert.match(exported, new RegExp(`- name: ${service}\\n(\\s+\\w+: .*\\n)*?\\s+escalationPolicy: ${policy}\\n`), `service ${service} pages ${policy}`);
      assert.doesNotMatch(exported, /- name: Platform\n(\s+\w+: .*\n)*?\s+escalationPolicy:/);
      assert.match(exported, /- service: Data\n\s+name: Data API \(old\)\n\s+kind: opsgenie\n\s+enabled: false\n/);
      assert.match(exported, /- service: Payments\n\s+name: Payments Alertmanager\n\s+kind: alertmanager\n/);
      assert.match(exported, /- service: Search\n\s+name: Search Grafana\n\s+kind: grafana\n/);
      assert.match(exported, /name: Payments_escalation[\s\S]*?repeat: 2\n\s+repeatDelaySeconds: 600\n\s+steps:\n\s+- delaySeconds: 0[\s\S]*?- delaySeconds: 300[\s\S]*?- delaySeconds: 600/);

      const store = await scratch!.open();
      try {
        assert.equal((await listUsers(store.db)).length, 22);
        const teams = await listTeams(store.db);
        assert.equal(teams.length, 4);
        assert.equal((await getTeam(store.db, teams.find((t) => t.name === 'Payments')!.id)).members?.length, 11);
        assert.equal((await listOverrides(store.db, 'Payments_secondary / Business hours', new Date(expected.since), new Date(expected.until))).length, 1);

        const found = await mismatches(store.db, expected.timelines);
        // Every mismatch is printed (a diff of long arrays would take minutes).
        if (found.length) process.stdout.write(`${found.join('\n')}\n`);
        assert.equal(found.length, 0, `${found.length} of ${expected.timelines.length * 720} schedule hours differ, first: ${found.slice(0, 5).join('; ')}`);

        // The comparison can fail: Opsgenie naming someone else for two hours is two mismatches.
        const altered = structuredClone(expected.timelines);
        const period = altered[0]!.finalTimeline.rotations[0]!.periods[0]!;
        altered[0]!.finalTimeline.rotations[0]!.periods.unshift({ ...period, endDate: new Date(Date.parse(period.startDate) + 2 * HOUR).toISOString(), recipient: { id: 'x', name: 'vik@example.test', type: 'user' } });
        assert.deepEqual(await mismatches(store.db, altered), [`Payments_primary 2026-10-20T10:00:00.000Z: expected ${period.recipient.name}, vik@example.test, got ${period.recipient.name}`, `Payments_primary 2026-10-20T11:00:00.000Z: expected ${period.recipient.name}, vik@example.test, got ${period.recipient.name}`]);
      } finally {
        await store.close();
      }
    });
  });
}

test('a differing Opsgenie timeline is listed by hour; a folder of saved answers plans the same import', async () => {
  const skewed = structuredClone(expected.timelines);
  const search = skewed.find((t) => t._parent.name === 'Search')!;
  search.finalTimeline.rotations[0]!.periods.unshift({ startDate: '2026-10-20T10:00:00.000Z', endDate: '2026-10-20T11:00:00.000Z', type: 'override', recipient: { id: org.users[21]!.id, name: 'vik@example.test', type: 'user' } });
  const standIn = await startOpsgenieStandIn(org, TOKEN, skewed);
  const scratch = await createScratchDatabase('sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'opsgenie-'));
  try {
    await (await scratch.open()).close();
    const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: org.now, FIREBREAK_IMPORT_TOKEN: TOKEN };
    const refused = await runCliInProcess(['import', 'opsgenie', '--api-url', standIn.url, '--plan'], { ...env, FIREBREAK_IMPORT_TOKEN: 'wrong' });
    assert.match(refused.stderr, /Opsgenie refused the key for GET \/v2\/users \(401\)/);
    const plan = await runCliInProcess(['import', 'opsgenie', '--api-url', standIn.url, '--plan'], env);
    assert.equal(plan.code, 2, plan.stderr);
    assert.match(plan.stdout, /on-call check: Search: 1 of 720 hours differ from Opsgenie's final timeline:\n {2}2026-10-20T10:00:00.000Z: Opsgenie [^\n]*vik@example.test, Firebreak /);

    const save = (file: string, data: unknown[]) => writeFileSync(join(dir, file), JSON.stringify({ requestId: 'r', took: 0, data }));
    save('users.json', org.users);
    save('teams.json', org.teams);
    save('schedules.json', org.schedules);
    save('overrides.json', org.overrides);
    save('escalations.json', org.escalations);
    save('integrations.json', org.integrations);
    const folder = await runCliInProcess(['import', 'opsgenie', '--from', dir, '--plan'], env);
    assert.equal(folder.code, 2, folder.stderr);
    assert.deepEqual(folder.stdout.split('\n').filter((l) => l.startsWith('+ ')), plan.stdout.split('\n').filter((l) => l.startsWith('+ ')));
    assert.ok(folder.stdout.includes('+ integration Search/Search Grafana'));
    assert.deepEqual(standIn.problems, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await standIn.close();
    await scratch.drop();
  }
});
