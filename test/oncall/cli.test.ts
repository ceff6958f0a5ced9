import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak oncall commands', () => {
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    env = { FIREBREAK_DATA_DIR: scratch.dataDir };
    // The CLI never creates a database; `migrate` (here: opening the scratch store) does.
    await (await scratch.open()).close();
  });
  after(async () => {
    await scratch.drop();
  });

  const cli = async (...args: string[]) => runCliInProcess(args, env);

  test('a schedule is created with layers, shown, and answers now and shifts; an override changes the answer', async () => {
    for (const [email, name] of [['ana@example.test', 'Ana'], ['bo@example.test', 'Bo'], ['cy@example.test', 'Cy']]) {
      assert.equal((await cli('user', 'create', '--email', email!, '--name', name!, '--role', 'responder')).code, 0);
    }
    const created = await cli(
      'oncall', 'schedule', 'create', '--name', 'payments', '--zone', 'America/New_York',
      '--layer', 'name=24/7;start=2026-03-02T09:00;every=1w;people=ana@example.test,bo@example.test',
      '--layer', 'name=office;start=2026-03-02T09:00;every=1d;people=cy@example.test;only=mon-fri 09:00-17:00',
    );
    assert.equal(created.code, 0, created.stderr);
    const shown = await cli('oncall', 'schedule', 'show', 'payments');
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /24\/7: from 2026-03-02T09:00, every 1 weeks, ana@example.test → bo@example.test; always/);
    assert.match(shown.stdout, /office: from 2026-03-02T09:00, every 1 days, cy@example.test; mon,tue,wed,thu,fri 09:00-17:00/);
    assert.match((await cli('oncall', 'schedule', 'list')).stdout, /payments\s+America\/New_York\s+2/);

    // Sunday 2026-03-08 is spring-forward day; Monday 09:00 EDT is 13:00Z.
    const now = await runCliInProcess(['oncall', 'now', '--schedule', 'payments'], { ...env, FIREBREAK_NOW: '2026-03-09T13:30:00Z' });
    assert.equal(now.code, 0, now.stderr);
    assert.match(now.stdout, /payments\s+cy@example.test/);
    assert.match((await cli('oncall', 'now', '--at', '2026-03-09T21:30:00Z')).stdout, /payments\s+bo@example.test/);
    const shifts = await cli('oncall', 'shifts', '--schedule', 'payments', '--from', '2026-03-08T00:00:00-05:00', '--to', '2026-03-09T12:00:00-04:00');
    assert.equal(shifts.code, 0, shifts.stderr);
    assert.deepEqual(shifts.stdout.trim().split('\n').slice(1).map((l) => l.replace(/\s{2,}/g, ' | ')), [
      '2026-03-08 00:00 -05:00 | 2026-03-09 09:00 -04:00 | ana@example.test',
      '2026-03-09 09:00 -04:00 | 2026-03-09 12:00 -04:00 | cy@example.test',
    ]);

    const override = await cli('oncall', 'override', 'add', '--schedule', 'payments', '--user', 'bo@example.test', '--replaces', 'ana@example.test', '--from', '2026-03-08T12:00:00Z', '--to', '2026-03-08T18:00:00Z');
    assert.equal(override.code, 0, override.stderr);
    assert.match((await cli('oncall', 'now', '--schedule', 'payments', '--at', '2026-03-08T13:00:00Z')).stdout, /payments\s+bo@example.test/);
    const id = /override ([0-9a-f-]{36})/.exec(override.stdout)![1]!;
    assert.match((await cli('oncall', 'override', 'list', '--schedule', 'payments', '--from', '2026-03-01T00:00:00Z', '--to', '2026-04-01T00:00:00Z')).stdout, new RegExp(`${id}\\s+replace\\s+bo@example.test\\s+ana@example.test`));
    assert.equal((await cli('oncall', 'override', 'remove', '--schedule', 'payments', id)).code, 0);
    assert.match((await cli('oncall', 'now', '--schedule', 'payments', '--at', '2026-03-08T13:00:00Z')).stdout, /payments\s+ana@example.test/);

    const feed = await cli('oncall', 'feed', '--user', 'ana@example.test');
    assert.equal(feed.code, 0, feed.stderr);
    assert.match(feed.stdout, /\/api\/v1\/oncall\/ical\/fbcal_[A-Za-z0-9_-]{43}\.ics\n$/);
  });

  test('bad arguments are refused with a message naming them', async () => {
    const zone = await cli('oncall', 'schedule', 'create', '--name', 'bad', '--zone', 'Mars/Olympus', '--layer', 'start=2026-03-02T09:00;every=1w;people=ana@example.test');
    assert.equal(zone.code, 1);
    assert.match(zone.stderr, /timeZone: unknown IANA time zone "Mars\/Olympus"/);
    const every = await cli('oncall', 'schedule', 'create', '--name', 'bad', '--zone', 'UTC', '--layer', 'start=2026-03-02T09:00;every=fortnight;people=ana@example.test');
    assert.notEqual(every.code, 0);
    assert.match(every.stderr, /every= must be a count and a unit/);
    const at = await cli('oncall', 'now', '--at', 'tomorrow');
    assert.notEqual(at.code, 0);
    assert.match(at.stderr, /--at must be an ISO date-time with a zone/);
    const missing = await cli('oncall', 'shifts', '--schedule', 'nope', '--from', '2026-03-01T00:00:00Z', '--to', '2026-03-02T00:00:00Z');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /schedule not found/);
  });
});
