import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { runCli } from '../support/process.js';
import { runCliInProcess } from '../support/cli.js';

describeEachStore('firebreak incident CLI', (fixture) => {
    let env: Record<string, string | undefined>;
    // Commands run in process (a spawn costs seconds on a loaded machine); the last test spawns the real binary.
    const cli = (...args: string[]) => runCliInProcess(args, env);
    before(async () => {
      // The CLI's clock is injected: 00:20 in New York, so nothing depends on the hour the suite runs.
      env = { FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl, FIREBREAK_NOW: '2026-12-01T05:20:00Z' };
      const created = await cli('user', 'create', '--email', 'ic@example.test', '--name', 'Ines Commander', '--role', 'responder', '--time-zone', 'America/New_York');
      assert.equal(created.code, 0, created.stderr);
      assert.equal((await cli('user', 'create', '--email', 'v@example.test', '--name', 'Vic Viewer', '--role', 'viewer')).code, 0);
      assert.equal((await cli('user', 'create', '--email', 'berlin@example.test', '--name', 'Bea Berlin', '--role', 'responder', '--time-zone', 'Europe/Berlin')).code, 0);
      assert.equal((await cli('service', 'create', '--name', 'billing')).code, 0);
    });

    test('--at 23:40 is the most recent 23:40 in the user zone, run at 00:20 and at 23:50 in two zones', async () => {
      const cases = [
        { email: 'ic@example.test', now: '2026-12-01T05:20:00Z', expected: '2026-12-01T04:40:00.000Z' }, // 00:20 New York: yesterday 23:40
        { email: 'ic@example.test', now: '2026-12-02T04:50:00Z', expected: '2026-12-02T04:40:00.000Z' }, // 23:50 New York: ten minutes ago
        { email: 'berlin@example.test', now: '2026-11-30T23:20:00Z', expected: '2026-11-30T22:40:00.000Z' }, // 00:20 Berlin
        { email: 'berlin@example.test', now: '2026-12-01T22:50:00Z', expected: '2026-12-01T22:40:00.000Z' }, // 23:50 Berlin
      ];
      for (const c of cases) {
        const at = { ...env, FIREBREAK_NOW: c.now };
        const declared = await runCliInProcess(['incident', 'declare', '--as', c.email, '--title', `clock ${c.now}`, '--severity', 'SEV3'], at);
        assert.equal(declared.code, 0, declared.stderr);
        const ref = /declared (INC-\d+)/.exec(declared.stdout)![1]!;
        const logged = await runCliInProcess(['incident', 'log', ref, 'observation', 'rising since 23:40', '--at', '23:40', '--as', c.email], at);
        assert.equal(logged.code, 0, logged.stderr);
        assert.equal(/at (\S+)$/m.exec(logged.stdout)![1], c.expected, `${c.email} at ${c.now}`);
      }
    });

    test('declare, log with --at in the user time zone, change status, list, show and hand off', async () => {
      const declared = await cli('incident', 'declare', '--as', 'ic@example.test', '--title', 'Queue backlog', '--severity', 'SEV2', '--service', 'billing');
      assert.equal(declared.code, 0, declared.stderr);
      const ref = /declared (INC-\d+)/.exec(declared.stdout)![1]!;
      const logged = await cli('incident', 'log', ref, 'observation', 'queue depth rising since 14:03', '--at', '00:03', '--as', 'ic@example.test');
      assert.equal(logged.code, 0, logged.stderr);
      const occurredAt = /at (\S+)$/m.exec(logged.stdout)![1]!;
      const local = new Date(occurredAt).toLocaleString('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      assert.equal(local, '00:03');
      const hypothesis = await cli('incident', 'log', ref, 'hypothesis_proposed', 'consumer stuck on a poison message', '--as', 'ic@example.test');
      assert.equal(hypothesis.code, 0, hypothesis.stderr);
      const status = await cli('incident', 'status', ref, 'identified', '--reason', 'found the message', '--as', 'ic@example.test');
      assert.match(status.stdout, /is now identified/);
      const list = await cli('incident', 'list', '--status', 'open');
      assert.match(list.stdout, new RegExp(`${ref}\\s+SEV2\\s+identified\\s+Queue backlog\\s+Ines Commander\\s+-\\s+none\\s+`), 'triage and paging columns: confirmed by a person, nobody paged');
      const show = await cli('incident', 'show', ref, '--json');
      const state = JSON.parse(show.stdout);
      assert.equal(state.hypotheses.open[0].text, 'consumer stuck on a poison message');
      assert.equal(state.lastSeq, 4);
      const handoff = await cli('incident', 'handoff', ref);
      assert.match(handoff.stdout, /Leading hypothesis \(#3\): consumer stuck on a poison message/);
    });

    test('show, timeline, handoff and list tell what happened: services, actions, amendments, the overdue flag', async () => {
      const declared = await cli('incident', 'declare', '--as', 'ic@example.test', '--title', 'Ledger lag', '--severity', 'SEV2', '--service', 'billing');
      const ref = /declared (INC-\d+)/.exec(declared.stdout)![1]!;
      assert.equal((await cli('incident', 'log', ref, 'action', 'drained node 3', '--result', 'errors down', '--as', 'ic@example.test')).code, 0);
      assert.equal((await cli('incident', 'log', ref, 'amend', '2', 'it was node 4', '--as', 'ic@example.test')).code, 0);
      assert.equal((await cli('incident', 'log', ref, 'note', 'earlier', '--at', '23:00', '--as', 'ic@example.test')).code, 0);
      const show = await cli('incident', 'show', ref, '--as', 'ic@example.test');
      assert.match(show.stdout, /^services {2}billing$/m);
      assert.match(show.stdout, /^ {2}#2 2026-12-01 00:20:00 drained node 3 -> errors down$/m, 'times in the reader\'s zone (New York)');
      assert.match(show.stdout, /^declared {2}2026-12-01 00:20:00 \(times in America\/New_York\)$/m);
      assert.match(show.stdout, /^triage {4}severity confirmed 2026-12-01 00:20:00$/m, "declared by a person: confirmed at once");
      assert.match(show.stdout, /^paging {4}none$/m);
      // Paged into the incident: show and list say who was paged and that nobody has answered yet.
      const paged = await cli('page', '--user', 'berlin@example.test', '--incident', ref, '--reason', 'ledger expertise', '--as', 'ic@example.test');
      assert.equal(paged.code, 0, paged.stderr);
      const afterPage = await cli('incident', 'show', ref, '--as', 'ic@example.test');
      assert.match(afterPage.stdout, /^paging {4}(paging|unanswered)$/m, afterPage.stdout);
      // One block: the word, then the escalation and the page under it, in the reader's zone (00:20 in New York).
      assert.match(afterPage.stdout, /^paging {4}(paging|unanswered)\n {2}.*\(ledger expertise\): (paging, next step|every step fired)/m, afterPage.stdout);
      assert.match(afterPage.stdout, /^ {4}2026-12-01 00:20:00 Bea Berlin \(step 1\): not paged, /m, afterPage.stdout);
      assert.equal(afterPage.stdout.match(/Bea Berlin/g)?.length, 1, 'the page is listed once');
      const listed = await cli('incident', 'list', '--status', 'open');
      assert.match(listed.stdout, new RegExp(`^${ref} .* (paging|unanswered) `, 'm'));
      assert.match(show.stdout, /^shared picture {3}no \(missing: /m);
      const handoff = await cli('incident', 'handoff', ref);
      assert.match(handoff.stdout, /## Actions taken\n- #2 2026-12-01T05:20:00.000Z drained node 3 -> errors down \(ic@example.test\)/);
      assert.match(handoff.stdout, /## Amendments\n- #3 corrects #2: it was node 4/);
      const timeline = await cli('incident', 'timeline', ref, '--since', '30m', '--kind', 'note', '--kind', 'action_taken', '--as', 'ic@example.test');
      assert.deepEqual(timeline.stdout.trim().split('\n'), ['times in America/New_York', '#2 2026-12-01 00:20:00 Ines Commander: Did: drained node 3 → errors down']);
      // The whole timeline reads as sentences: the declaration (which carries the policy) included, no JSON braces.
      const all = await cli('incident', 'timeline', ref, '--as', 'ic@example.test');
      assert.doesNotMatch(all.stdout, /[{}]/, all.stdout);
      assert.match(all.stdout, /^#1 2026-12-01 00:20:00 Ines Commander: Declared SEV2: Ledger lag, commanded by Ines Commander\.$/m);
      assert.match(all.stdout, /^#3 .*: Corrects #2: it was node 4$/m);
      const json = JSON.parse((await cli('incident', 'timeline', ref, '--json')).stdout) as Array<{ kind: string; body: { policy?: unknown } }>;
      assert.equal(json[0]!.kind, 'declared');
      assert.ok(json[0]!.body.policy, '--json keeps the data');
      const badKind = await cli('incident', 'timeline', ref, '--kind', 'notes');
      assert.match(badKind.stderr, /--kind must be one of .*; did you mean "note"\?/);
      const later = await runCliInProcess(['incident', 'list', '--status', 'open'], { ...env, FIREBREAK_NOW: '2026-12-01T07:00:00Z' });
      assert.match(later.stdout, new RegExp(`^${ref} .*overdue$`, 'm'));
      const onTime = await cli('incident', 'list', '--status', 'open');
      assert.doesNotMatch(onTime.stdout, new RegExp(`^${ref} .*overdue$`, 'm'));
    });

    test('a command never creates a database silently; --verbose says which one it opened', async () => {
      const empty = await mkdtemp(path.join(tmpdir(), 'firebreak-empty-'));
      const refused = await runCliInProcess(['incident', 'list'], { FIREBREAK_DATA_DIR: empty });
      assert.equal(refused.code, 2);
      assert.equal(refused.stderr, `firebreak: no Firebreak database at ${path.join(empty, 'firebreak.sqlite')}; run \`firebreak migrate\` (or \`firebreak serve\`) to create one there, or set FIREBREAK_DATA_DIR or FIREBREAK_DATABASE_URL to use yours\n`);
      assert.deepEqual(await readdir(empty), []);
      const verbose = await cli('--verbose', 'incident', 'list');
      assert.match(verbose.stderr, /^firebreak: using (sqlite|postgresql) /);
      const user = await cli('incident', 'list', '--as', 'nobody@example.test');
      assert.match(user.stderr, /^firebreak: no user nobody@example.test in (sqlite|postgresql) .*; set FIREBREAK_DATA_DIR or FIREBREAK_DATABASE_URL to use another database/);
    });

    test('mistakes get clear errors and non-zero exits', async () => {
      const declared = await cli('incident', 'declare', '--as', 'ic@example.test', '--title', 'Other', '--severity', 'SEV3');
      const ref = /declared (INC-\d+)/.exec(declared.stdout)![1]!;
      // Without --as the console operator is recorded, as the issue's own example is written.
      const noActor = await cli('incident', 'log', ref, 'observation', 'queue depth rising since 14:03', '--at', '14:03');
      assert.equal(noActor.code, 0, noActor.stderr);
      const shown = JSON.parse((await cli('incident', 'show', ref, '--json')).stdout) as { id: string; lastSeq: number };
      const logged = await fixture.store.db
        .selectFrom('incident_events')
        .select(['actor_label', 'actor_id'])
        .where('incident_id', '=', shown.id)
        .where('seq', '=', shown.lastSeq)
        .execute();
      assert.deepEqual(logged.map((e) => [e.actor_label, e.actor_id]), [[`cli:${userInfo().username}`, null]]);
      const viewer = await cli('incident', 'log', ref, 'note', 'x', '--as', 'v@example.test');
      assert.equal(viewer.code, 1);
      assert.match(viewer.stderr, /responder role/);
      const badKind = await cli('incident', 'log', ref, 'guess', '--as', 'ic@example.test');
      assert.match(badKind.stderr, /"guess" is not an event kind/);
      const badAt = await cli('incident', 'log', ref, 'note', 'x', '--at', 'lunchtime', '--as', 'ic@example.test');
      assert.equal(badAt.code, 2);
      const resolve = await cli('incident', 'status', ref, 'resolved', '--as', 'ic@example.test');
      assert.equal(resolve.code, 1);
      assert.match(resolve.stderr, /no impact statement/);
      const override = await cli('incident', 'status', ref, 'resolved', '--override', 'test incident', '--as', 'ic@example.test');
      assert.equal(override.code, 0, override.stderr);
      const missing = await runCli(['incident', 'show', 'INC-9999'], env);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /incident INC-9999 not found in (sqlite|postgresql) .*; set FIREBREAK_DATA_DIR or FIREBREAK_DATABASE_URL to look elsewhere/);
    });
});
