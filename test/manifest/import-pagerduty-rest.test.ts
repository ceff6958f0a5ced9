/**
 * `firebreak import pagerduty --api-url` against a stand-in that checks every
 * request against PagerDuty's published REST description and answers the
 * fixture organisation (22 users, 5 teams, 5 schedules of several layers with
 * overrides, 5 escalation policies, 5 services), on both dialects: the plan
 * lists everything, the import creates users, teams and overrides, a second
 * run changes nothing, and Firebreak's on-call person for every schedule
 * matches, hour by hour for 30 days across the October DST changes, the
 * final schedule the fixture generator's independent model of PagerDuty's
 * documented semantics expects (test/fixtures/vendor/pagerduty/generate.mjs).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from '../../src/db/testing.js';
import { importScratch } from '../support/vendor/import-scratch.js';
import { listUsers } from '../../src/domains/auth/service.js';
import { getTeam, listTeams } from '../../src/domains/auth/teams.js';
import { listOverrides } from '../../src/domains/oncall/overrides-service.js';
import { scheduleShifts } from '../../src/domains/oncall/schedule-service.js';
import { io } from '../../src/cli/io.js';
import { runCliInProcess } from '../support/cli.js';
import { OpenApi3Spec } from '../support/vendor/openapi3-check.js';
import { PAGERDUTY_DIR, PAGERDUTY_FORMATS, startPagerDutyStandIn, type PagerDutyOrganisation, type PagerDutyStandIn } from '../support/vendor/pagerduty-standin.js';

const org = JSON.parse(readFileSync(join(PAGERDUTY_DIR, 'organisation.json'), 'utf8')) as PagerDutyOrganisation;
interface Entry { start: string; end: string; user: { id: string } }
const expected = JSON.parse(readFileSync(join(PAGERDUTY_DIR, 'final-schedules.json'), 'utf8')) as { since: string; until: string; schedules: Array<{ schedule: { id: string; name: string; final_schedule: { rendered_schedule_entries: Entry[] } } }> };
const TOKEN = 'y_NbAkKc66ryYTWUXYEu';
const FINALS = new Map(expected.schedules.map((s) => [s.schedule.id, s.schedule.final_schedule.rendered_schedule_entries]));
const HOUR = 3_600_000;

test('the fixture organisation and its expected final schedules conform to PagerDuty’s published schemas', () => {
  const spec = new OpenApi3Spec(join(PAGERDUTY_DIR, 'rest-subset.json'), PAGERDUTY_FORMATS);
  const problems = [
    ...org.users.flatMap((u) => spec.checkSchema('User', u)),
    ...org.teams.flatMap((t) => spec.checkSchema('Team', t.team)),
    ...org.schedules.flatMap((s) => spec.checkSchema('Schedule', s)),
    ...org.overrides.flatMap((o) => spec.checkSchema('Override', o.override)),
    ...org.escalation_policies.flatMap((p) => spec.checkSchema('EscalationPolicy', p)),
    ...org.services.flatMap((s) => spec.checkSchema('Service', s)),
    ...expected.schedules.flatMap((s) => spec.checkSchema('Schedule', s.schedule)),
  ];
  assert.deepEqual(problems, []);
  assert.ok(org.users.length >= 20 && org.teams.length >= 5);
  assert.equal(org.schedules.length, 5);
  assert.equal(org.escalation_policies.length, 5);
  // The 30 days span the end of summer time in Europe (25 October) and in America (1 November).
  assert.ok(expected.since < '2026-10-25' && expected.until > '2026-11-02');
});

test('the stand-in refuses what PagerDuty’s description refuses', async () => {
  const standIn = await startPagerDutyStandIn(org, TOKEN);
  try {
    const good = { authorization: `Token token=${TOKEN}`, accept: 'application/vnd.pagerduty+json;version=2', 'content-type': 'application/json' };
    /** The status and the problems the stand-in recorded for one request. */
    const ask = async (path: string, headers: Record<string, string>) => {
      const before = standIn.problems.length;
      const status = (await fetch(`${standIn.url}${path}`, { headers })).status;
      return { status, problems: standIn.problems.slice(before).join('; ') };
    };
    assert.deepEqual(await ask('/users?limit=2', good), { status: 200, problems: '' });
    assert.match((await ask('/users?limit=two', good)).problems, /query "limit" = "two"/);
    assert.match((await ask('/users?colour=red', good)).problems, /query "colour" is not documented/);
    assert.match((await ask('/users', { ...good, accept: 'application/json' })).problems, /header "Accept" must be application\/vnd\.pagerduty\+json;version=2/);
    assert.match((await ask('/users', { ...good, authorization: `Bearer ${TOKEN}` })).problems, /Token token=/);
    assert.match((await ask('/schedules/PS00001/overrides', good)).problems, /required query "since" is missing/);
    assert.match((await ask('/incidents', good)).problems, /not a documented route/);
    assert.deepEqual(await ask('/users', { ...good, authorization: 'Token token=wrong' }), { status: 401, problems: '' });
  } finally {
    await standIn.close();
  }
});

test('the key comes from standard input or FIREBREAK_IMPORT_TOKEN, a refused key is said plainly, an on-call difference is listed by hour', async () => {
  // PagerDuty's final schedule for Platform names Vik for the first two hours: the translation cannot agree there.
  const platform = FINALS.get('PS00005')!;
  const vik = { id: 'PU00021', type: 'user_reference', summary: 'Vik Example' };
  const skewed = [{ start: '2026-10-20T10:00:00Z', end: '2026-10-20T12:00:00Z', user: vik }, ...platform.map((e) => (Date.parse(e.start) < Date.parse('2026-10-20T12:00:00Z') ? { ...e, start: '2026-10-20T12:00:00Z' } : e))];
  const standIn = await startPagerDutyStandIn(org, TOKEN, new Map([...FINALS, ['PS00005', skewed]]));
  const scratch = await createScratchDatabase('sqlite');
  const readStdin = io.readStdin;
  try {
    await (await scratch.open()).close();
    const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: org.now };
    const args = ['import', 'pagerduty', '--api-url', standIn.url, '--plan'];
    assert.match((await runCliInProcess(args, env)).stderr, /no API token: pipe it in with --token-stdin or set FIREBREAK_IMPORT_TOKEN/);
    const refused = await runCliInProcess(args, { ...env, FIREBREAK_IMPORT_TOKEN: 'wrong' });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /PagerDuty refused the key for GET \/users \(401\)/);
    assert.doesNotMatch(refused.stderr, /wrong/, 'the key is not echoed');
    io.readStdin = async () => `${TOKEN}\n`;
    const piped = await runCliInProcess([...args, '--token-stdin'], { ...env, FIREBREAK_IMPORT_TOKEN: 'wrong' });
    assert.equal(piped.code, 2, piped.stderr);
    assert.match(piped.stdout, /\+ schedule Platform/);
    assert.match(piped.stdout, /on-call check: Platform: 2 of 720 hours differ from PagerDuty's final schedule:\n {2}2026-10-20T10:00:00.000Z: PagerDuty vik@example.test, Firebreak chen@example.test\n {2}2026-10-20T11:00:00.000Z: PagerDuty vik@example.test, Firebreak chen@example.test\n/);
    assert.match(piped.stdout, /on-call check: Payments primary: the same person as PagerDuty's final schedule in all 720 hours/);
    assert.deepEqual(standIn.problems, []);
  } finally {
    io.readStdin = readStdin;
    await standIn.close();
    await scratch.drop();
  }
});

/** Who the expected answer puts on call at t, by email. */
function expectedAt(entries: readonly Entry[], t: number): string {
  const e = entries.find((x) => Date.parse(x.start) <= t && t < Date.parse(x.end));
  return e ? org.users.find((u) => u.id === e.user.id)!.email : '(nobody)';
}

const dialects: Array<'sqlite' | 'postgres'> = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  describe(`firebreak import pagerduty --api-url [${dialect}]`, () => {
    let scratch: ScratchDatabase | undefined;
    let standIn: PagerDutyStandIn;
    let env: Record<string, string>;
    before(async () => {
      standIn = await startPagerDutyStandIn(org, TOKEN, FINALS);
      // The first fifteen PagerDuty users already have Firebreak accounts; the import creates the rest.
      ({ scratch, env } = await importScratch(dialect, org.users.slice(0, 15).map((u) => ({ email: u.email, name: String(u.name) })), TOKEN, org.now));
    });
    after(async () => {
      await standIn.close();
      await scratch?.drop();
    });

    test('plan, import, import again; every request conforms; the on-call person matches hour by hour for 30 days', async () => {
      const args = ['import', 'pagerduty', '--api-url', standIn.url];
      const plan = await runCliInProcess([...args, '--plan'], env);
      assert.equal(plan.code, 2, plan.stderr);
      for (const line of ['+ user vik@example.test (Vik Example)', '+ team Payments (members ana@example.test', '+ schedule Payments primary', '+ escalation policy Leads', '+ service clusters', '+ integration payments-api/Prometheus', '+ override Payments secondary: kai@example.test from 2026-10-24T18:00:00.000Z to 2026-10-25T11:00:00.000Z']) {
        assert.ok(plan.stdout.includes(line), `${line} in\n${plan.stdout}`);
      }
      assert.match(plan.stdout, /would create 7 users without a password/);
      // Before anything is written, the translation is checked against PagerDuty's own final schedules.
      for (const { schedule } of expected.schedules) assert.ok(plan.stdout.includes(`on-call check: ${schedule.name}: the same person as PagerDuty's final schedule in all 720 hours`), `${schedule.name} checked in\n${plan.stdout}`);
      assert.equal((await runCliInProcess(['export'], env)).stdout.includes('Payments primary'), false, '--plan changed nothing');

      const imported = await runCliInProcess(args, env);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /created 7 users without a password; set one \(firebreak user set-password\) or invite them: pia@example\.test/);
      assert.match(imported.stdout, /payments-api\tPrometheus\thttps:\/\/firebreak\.example\.test\/v2\/enqueue routing_key fbi_/);
      assert.match(imported.stdout, /not imported: service payments-api integration Email: generic_email_inbound_integration_reference has no Firebreak equivalent/);
      assert.match(imported.stdout, /not imported: schedule Payments primary layer Old nights: it ended 2026-10-01T00:00:00\+02:00/);

      const again = await runCliInProcess(args, env);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /^no changes\n/);
      assert.equal((await runCliInProcess([...args, '--plan'], env)).code, 0);
      assert.deepEqual(standIn.problems, [], 'every request and answer conforms to the published description');
      assert.ok(standIn.requests.some((r) => r.startsWith('GET /users?limit=100&offset=14')), 'lists are read page by page');

      const store = await scratch!.open();
      try {
        const emailOf = new Map((await listUsers(store.db)).map((u) => [u.id, u.email]));
        assert.equal(emailOf.size, 22);
        const teams = await listTeams(store.db);
        assert.equal(teams.length, 5);
        const payments = await getTeam(store.db, teams.find((t) => t.name === 'Payments')!.id);
        assert.equal(payments.members?.length, 9);
        assert.equal((await listOverrides(store.db, 'Payments secondary', new Date(expected.since), new Date(expected.until))).length, 2);

        const since = Date.parse(expected.since);
        const until = Date.parse(expected.until);
        const mismatches: string[] = [];
        for (const { schedule } of expected.schedules) {
          const { shifts } = await scheduleShifts(store.db, schedule.name, new Date(since), new Date(until));
          for (let t = since; t < until; t += HOUR) {
            const shift = shifts.find((s) => Date.parse(s.start) <= t && t < Date.parse(s.end));
            const got = shift && shift.userIds.length ? shift.userIds.map((id) => emailOf.get(id)).sort().join(', ') : '(nobody)';
            const want = expectedAt(schedule.final_schedule.rendered_schedule_entries, t);
            if (got !== want) mismatches.push(`${schedule.name} ${new Date(t).toISOString()}: expected ${want}, got ${got}`);
          }
        }
        // Every mismatch is printed (a diff of long arrays would take minutes).
        if (mismatches.length) process.stdout.write(`${mismatches.join('\n')}\n`);
        assert.equal(mismatches.length, 0, `${mismatches.length} of ${expected.schedules.length * 720} schedule hours differ, first: ${mismatches.slice(0, 5).join('; ')}`);
      } finally {
        await store.close();
      }
    });
  });
}
