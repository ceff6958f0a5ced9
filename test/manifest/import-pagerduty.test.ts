/**
 * `firebreak import pagerduty --from <folder>` on both dialects, with answers
 * in the shapes of PagerDuty's published REST description (checked against it
 * here): what can be imported is, by name; a user Firebreak lacks is created;
 * a second run changes nothing; what cannot is listed with why; a weekly
 * restriction spanning days becomes one window per day; a weekly rotation
 * keeps its local hand-off time across the October DST change.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from '../../src/db/testing.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createUser } from '../../src/domains/auth/service.js';
import { runCliInProcess } from '../support/cli.js';
import { FIXTURES } from '../support/process.js';

const DIR = path.join(FIXTURES, 'pagerduty');
const read = (file: string) => JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Record<string, unknown[]>;

test('the PagerDuty fixtures conform to PagerDuty’s published REST schemas', () => {
  const spec = JSON.parse(readFileSync(path.join(DIR, 'rest-schemas.json'), 'utf8')) as { components: unknown };
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const check = (schema: string, items: unknown[]) => {
    const validate = ajv.compile({ components: spec.components, $ref: `#/components/schemas/${schema}` });
    for (const item of items) assert.ok(validate(item), `${schema}: ${JSON.stringify(validate.errors)}`);
  };
  check('User', read('users.json').users!);
  check('Schedule', read('schedules.json').schedules!);
  check('EscalationPolicy', read('escalation_policies.json').escalation_policies!);
  check('Service', read('services.json').services!);
  assert.ok(read('users.json').users!.length >= 20);
  assert.equal(read('schedules.json').schedules!.length, 5);
  assert.equal(read('escalation_policies.json').escalation_policies!.length, 5);
});

const dialects: Array<'sqlite' | 'postgres'> = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
for (const dialect of dialects) {
  describe(`firebreak import pagerduty [${dialect}]`, () => {
    let scratch: ScratchDatabase | undefined;
    after(async () => {
      await scratch?.drop();
    });

    test('plan, import, import again; the skipped list says why; the rotation holds across DST', async () => {
      scratch = await createScratchDatabase(dialect);
      const store = await scratch.open();
      try {
        // Every PagerDuty user but the last exists in Firebreak; the import creates the last.
        for (const u of read('users.json').users!.slice(0, -1) as Array<{ email: string; name: string }>) await createUser(store, cliActor(), { email: u.email, name: u.name, role: 'responder' });
      } finally {
        await store.close();
      }
      const env = scratch.databaseUrl ? { FIREBREAK_DATABASE_URL: scratch.databaseUrl, FIREBREAK_DATA_DIR: scratch.dataDir } : { FIREBREAK_DATA_DIR: scratch.dataDir };

      const plan = await runCliInProcess(['import', 'pagerduty', '--from', DIR, '--plan'], env);
      assert.equal(plan.code, 2, plan.stderr);
      for (const line of ['+ schedule Payments primary', '+ schedule Search business hours', '+ escalation policy Payments', '+ service payments-api', '+ integration payments-api/Prometheus']) assert.ok(plan.stdout.includes(line), `${line} in ${plan.stdout}`);
      assert.equal((await runCliInProcess(['export'], env)).stdout.includes('Payments primary'), false, '--plan changed nothing');

      const imported = await runCliInProcess(['import', 'pagerduty', '--from', DIR], env);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /payments-api\tPrometheus\t\/v2\/enqueue routing_key fbi_/);
      assert.match(imported.stdout, /\+ user vik@example.test \(Vik Example\)/);
      assert.match(imported.stdout, /created 1 users without a password; set one \(firebreak user set-password\) or invite them: vik@example.test/);
      assert.match(imported.stdout, /not imported: service payments-api integration Email: generic_email_inbound_integration_reference has no Firebreak equivalent/);
      assert.match(imported.stdout, /not imported: escalation policy Leads rule 2 target Vendor NOC rota: a schedule_v3_reference Firebreak cannot page/);
      assert.doesNotMatch(imported.stdout, /not imported: schedule Data twelve hours layer Work week/);

      const exported = (await runCliInProcess(['export'], env)).stdout;
      assert.match(exported, /name: Search business hours/);
      assert.match(exported, /days:\n\s+- 6\n\s+from: "?10:00"?\n\s+to: "?18:00"?/);
      assert.match(exported, /start: 2026-10-05T09:00\n\s+length:\n\s+unit: weeks/);
      // Monday 09:00 for 4.5 days: Monday from 09:00, Tuesday to Thursday whole, Friday to 21:00.
      assert.match(exported, /days:\n\s+- 1\n\s+from: "?09:00"?\n\s+to: "?00:00"?/);
      assert.match(exported, /days:\n\s+- 5\n\s+from: "?00:00"?\n\s+to: "?21:00"?/);

      const again = await runCliInProcess(['import', 'pagerduty', '--from', DIR], env);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /^no changes\n/);
      assert.equal((await runCliInProcess(['import', 'pagerduty', '--from', DIR, '--plan'], env)).code, 0);

      // Weekly from Monday 2026-10-05 09:00 Berlin: ana, ben, chen, dee. Summer time ends on Sunday 2026-10-25;
      // the hand-off on Monday the 26th stays at 09:00 local (08:00 UTC, not 07:00).
      const who = async (at: string) => (await runCliInProcess(['oncall', 'now', '--schedule', 'Payments primary', '--at', at], env)).stdout;
      assert.match(await who('2026-10-26T07:30:00Z'), /chen@example.test/);
      assert.match(await who('2026-10-26T08:30:00Z'), /dee@example.test/);
      assert.match(await who('2026-10-12T06:59:00Z'), /ana@example.test/);
      assert.match(await who('2026-10-12T07:01:00Z'), /ben@example.test/);
    });
  });
}
