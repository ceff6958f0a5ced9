/**
 * Configuration as code through the command line on both dialects: a file
 * applied to an empty server exports the same file, applying it to another
 * empty server exports it again byte for byte, a second apply changes nothing,
 * --plan exits 2 only when something would change, --prune deletes, and an
 * invalid file is refused naming the line and the field.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from '../../src/db/testing.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createUser } from '../../src/domains/auth/service.js';
import { runCliInProcess } from '../support/cli.js';

const PEOPLE = ['ana@example.test', 'ben@example.test', 'chen@example.test', 'dee@example.test'];

const CONFIG = `version: 1
services:
  - name: payments
    description: Card payments
    tier: 1
    escalationPolicy: payments-oncall
    groupBy: [alertname]
    dependsOn: [ledger]
  - name: ledger
    tier: 2
integrations:
  - service: payments
    name: prometheus
    kind: alertmanager
  - service: payments
    name: grafana-legacy
    kind: opsgenie
  - service: ledger
    name: nightly-reconcile
    kind: heartbeat
    heartbeatSeconds: 90000
schedules:
  - name: payments-primary
    timeZone: Europe/Berlin
    layers:
      - name: weekly
        start: 2026-11-02T09:00
        length: { unit: weeks, count: 1 }
        participants: [ana@example.test, ben@example.test, chen@example.test]
      - name: weekend-cover
        start: 2026-11-07T08:00
        length: { unit: days, count: 1 }
        participants: [dee@example.test]
        restrictions:
          - { days: [6, 7], from: "08:00", to: "20:00" }
escalationPolicies:
  - name: payments-oncall
    steps:
      - delaySeconds: 0
        targets: [{ type: schedule, name: payments-primary }]
      - delaySeconds: 600
        targets: [{ type: user, name: dee@example.test }]
    repeat: 1
statusPages:
  - slug: payments
    name: Example Payments
    timeZone: Europe/Berlin
    brandColor: "#0a7d4f"
    components:
      - name: Card processing
        group: true
        position: 0
      - name: Card authorisation
        inGroup: Card processing
        service: payments
        position: 1
      - name: Refunds
        inGroup: Card processing
        position: 2
        onlyShowIfDegraded: true
runbooks:
  - title: Card payments failing
    owner: ana@example.test
    services: [payments]
    matchers: [{ name: alertname, op: "=~", value: "Payment.*" }]
    body: |
      1. Check the PSP status page.
      2. Fail over: \`kubectl rollout restart deploy/payments\`.
drills:
  - name: payments-gameday
    service: payments
    format: alertmanager
    payload:
      version: "4"
      status: firing
      receiver: firebreak
      alerts:
        - status: firing
          fingerprint: gameday-1
          labels: { alertname: PaymentsDown, severity: critical }
          annotations: { summary: Payments down (game day) }
    responders: [ben@example.test]
    goals: [{ kind: acknowledged, minutes: 5 }]
    schedule: { kind: weekly, days: [tue], time: "10:00", zone: Europe/Berlin }
`;

const dialects: Array<'sqlite' | 'postgres'> = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

for (const dialect of dialects) {
  describe(`firebreak export and apply [${dialect}]`, () => {
    const scratches: ScratchDatabase[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-config-'));
    after(async () => {
      for (const s of scratches) await s.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    async function emptyServer(): Promise<Record<string, string>> {
      const scratch = await createScratchDatabase(dialect);
      scratches.push(scratch);
      const store = await scratch.open();
      try {
        for (const email of PEOPLE) await createUser(store, cliActor(), { email, name: email.split('@')[0]!, role: 'responder' });
      } finally {
        await store.close();
      }
      return scratch.databaseUrl ? { FIREBREAK_DATABASE_URL: scratch.databaseUrl, FIREBREAK_DATA_DIR: scratch.dataDir } : { FIREBREAK_DATA_DIR: scratch.dataDir };
    }
    const file = (name: string, text: string) => {
      const p = path.join(dir, name);
      writeFileSync(p, text);
      return p;
    };

    test('round trip, idempotence, --plan exit codes and --prune', async () => {
      const a = await emptyServer();
      const planned = await runCliInProcess(['apply', '-f', file('config.yaml', CONFIG), '--plan'], a);
      assert.equal(planned.code, 2, planned.stderr);
      assert.match(planned.stdout, /\+ service payments\n/);
      assert.match(planned.stdout, /\+ integration ledger\/nightly-reconcile/);
      assert.equal((await runCliInProcess(['export'], a)).stdout.includes('payments'), false, '--plan changed nothing');

      const applied = await runCliInProcess(['apply', '-f', path.join(dir, 'config.yaml')], a);
      assert.equal(applied.code, 0, applied.stderr);
      assert.equal((applied.stdout.match(/new key for /g) ?? []).length, 3, 'each new integration’s key is shown once');
      const exportedA = (await runCliInProcess(['export'], a)).stdout;
      assert.match(exportedA, /name: payments-oncall/);
      assert.match(exportedA, /inGroup: Card processing/);
      assert.match(exportedA, /incidentPolicy:/);
      assert.match(exportedA, /title: Card payments failing/);
      assert.match(exportedA, /name: payments-gameday/);
      assert.doesNotMatch(exportedA, /fbi_/, 'no keys in the export');

      const b = await emptyServer();
      const fromA = file('exported-a.yaml', exportedA);
      assert.equal((await runCliInProcess(['apply', '-f', fromA], b)).code, 0);
      const exportedB = (await runCliInProcess(['export'], b)).stdout;
      assert.equal(exportedB, exportedA, 'export → apply on an empty server → export gives the same file');

      const again = await runCliInProcess(['apply', '-f', fromA], b);
      assert.equal(again.code, 0);
      assert.equal(again.stdout, 'no changes\n');
      assert.equal((await runCliInProcess(['apply', '-f', fromA, '--plan'], b)).code, 0, '--plan exits 0 when nothing would change');

      const changed = file('changed.yaml', exportedA.replace('tier: 2', 'tier: 3').replace(/ {2}- service: payments\n {4}name: grafana-legacy\n {4}kind: opsgenie\n/, ''));
      const plan = await runCliInProcess(['apply', '-f', changed, '--plan'], b);
      assert.equal(plan.code, 2);
      assert.match(plan.stdout, /~ service ledger \(tier\)/);
      assert.match(plan.stdout, /integration payments\/grafana-legacy: not in the file; kept/);
      assert.equal((await runCliInProcess(['apply', '-f', changed], b)).code, 0);
      assert.match((await runCliInProcess(['export'], b)).stdout, /grafana-legacy/, 'without --prune nothing is deleted');
      const pruned = await runCliInProcess(['apply', '-f', changed, '--prune'], b);
      assert.equal(pruned.code, 0, pruned.stderr);
      assert.match(pruned.stdout, /- integration payments\/grafana-legacy/);
      const after = (await runCliInProcess(['export'], b)).stdout;
      assert.doesNotMatch(after, /grafana-legacy/);
      assert.equal(after, (await runCliInProcess(['export'], b)).stdout);
      assert.equal((await runCliInProcess(['apply', '-f', changed, '--prune', '--plan'], b)).code, 0);
    });

    test('an invalid file is refused naming its line and field, and changes nothing', async () => {
      const a = await emptyServer();
      const badTier = CONFIG.replace('    tier: 2\n', '    tier: high\n');
      const line = badTier.split('\n').indexOf('    tier: high') + 1;
      const res = await runCliInProcess(['apply', '-f', file('bad-tier.yaml', badTier)], a);
      assert.equal(res.code, 1);
      assert.match(res.stderr, new RegExp(`bad-tier.yaml:${line}:11: services\\[1\\]\\.tier: Expected integer`));

      const unknownField = CONFIG.replace('    repeat: 1\n', '    repeat: 1\n    retries: 3\n');
      const unknownLine = unknownField.split('\n').indexOf('    retries: 3') + 1;
      const res2 = await runCliInProcess(['apply', '-f', file('unknown.yaml', unknownField)], a);
      assert.equal(res2.code, 1);
      assert.match(res2.stderr, new RegExp(`unknown.yaml:${unknownLine}:14: escalationPolicies\\[0\\]\\.retries: Unexpected property`), res2.stderr);

      const syntax = await runCliInProcess(['apply', '-f', file('syntax.yaml', 'version: 1\nservices:\n  - name: [unclosed\n')], a);
      assert.equal(syntax.code, 1);
      assert.match(syntax.stderr, /syntax.yaml:\d+:\d+: \(syntax\)/);

      const unknownUser = await runCliInProcess(['apply', '-f', file('user.yaml', CONFIG.replace('participants: [dee@example.test]', 'participants: [nobody@example.test]'))], a);
      assert.equal(unknownUser.code, 1);
      assert.match(unknownUser.stderr, /schedules\[0\]\.layers\[1\]\.participants\[0\]: no user with the email nobody@example.test/);
      assert.equal((await runCliInProcess(['export'], a)).stdout.includes('payments'), false, 'nothing was applied');
    });
  });
}
