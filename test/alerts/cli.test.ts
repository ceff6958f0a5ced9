import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak service, integration and alert commands', () => {
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
  const lastLine = (text: string) => text.trim().split('\n').pop()!;

  test('services are created with dependencies, shown, and a dependency cycle is refused', async () => {
    const db = await cli('service', 'create', '--name', 'cli-db', '--tier', '1');
    assert.equal(db.code, 0, db.stderr);
    const api = await cli('service', 'create', '--name', 'cli-api', '--depends-on', 'cli-db', '--runbook', 'https://runbooks.example/api');
    assert.equal(api.code, 0, api.stderr);
    const shown = await cli('service', 'show', 'cli-api');
    assert.match(shown.stdout, /depends on: cli-db/);
    assert.match(shown.stdout, /runbook: https:\/\/runbooks.example\/api/);
    const cycle = await cli('service', 'update', 'cli-db', '--depends-on', 'cli-api');
    assert.equal(cycle.code, 1);
    assert.match(cycle.stderr, /cycle: cli-db → cli-api → cli-db|cycle: cli-api → cli-db → cli-api/);
    const list = await cli('service', 'list');
    assert.match(list.stdout, /cli-api\s+.*cli-db/);
  });

  test('an integration key is printed once; a test alert is sent, acknowledged, silenced and resolved', async () => {
    const created = await cli('integration', 'create', '--service', 'cli-api', '--kind', 'alertmanager', '--name', 'prometheus');
    assert.equal(created.code, 0, created.stderr);
    assert.match(lastLine(created.stdout), /^fbi_[A-Za-z0-9_-]{43}$/);
    const listed = await cli('integration', 'list');
    assert.ok(!listed.stdout.includes(lastLine(created.stdout)), 'the key is never listed');

    const sent = await cli('alert', 'send', '--service', 'cli-api', '--summary', 'drill: api down', '--dedup-key', 'drill-1', '--label', 'team=core');
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, /sent test alert drill-1: triggered \(group [0-9a-f-]{36}\)/);
    const groupId = /group ([0-9a-f-]{36})/.exec(sent.stdout)![1]!;

    const listedAlerts = await cli('alert', 'list', '--service', 'cli-api');
    const id = /^([0-9a-f-]{36})\s+triggered/m.exec(listedAlerts.stdout)?.[1];
    assert.ok(id, listedAlerts.stdout);
    assert.equal((await cli('user', 'create', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'responder')).code, 0);
    // An unambiguous start of the id is enough, and who acknowledged is recorded.
    const ack = await cli('alert', 'ack', id.slice(0, 8), '--as', 'ana@example.com');
    assert.equal(ack.code, 0, ack.stderr);
    assert.equal(ack.stdout.trim(), `${id} acknowledged`);
    const store = await scratch.open();
    try {
      const row = await store.db.selectFrom('alerts').select('acknowledged_by').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.acknowledged_by, 'ana@example.com');
    } finally {
      await store.close();
    }
    const unknown = await cli('alert', 'ack', 'ffffffff');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^firebreak: alert ffffffff not found in sqlite /);

    const silence = await cli('alert', 'silence', '--match', 'team=core', '--match', 'alertname=~"Firebreak.*"', '--for', '2h', '--comment', 'drill');
    assert.equal(silence.code, 0, silence.stderr);
    assert.match(silence.stdout, /silenced team="core", alertname=~"Firebreak\.\*" until/);
    const silenced = await cli('alert', 'send', '--service', 'cli-api', '--summary', 'drill: silenced', '--dedup-key', 'drill-2', '--label', 'team=core');
    assert.match(silenced.stdout, /drill-2: triggered\n$/, 'a silenced alert is stored but joins no group');

    const resolved = await cli('alert', 'resolve', '--group', groupId);
    assert.equal(resolved.code, 0, resolved.stderr);
    assert.equal(resolved.stdout.trim(), `group ${groupId} is resolved (by cli:${userInfo().username})`);
    const bad = await cli('alert', 'silence', '--match', 'team=~"("', '--for', '1h', '--comment', 'x');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /not a valid regular expression/);
  });
});
