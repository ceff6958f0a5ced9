import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { createTestApp } from '../../src/app/testing.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak change commands', () => {
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: '2026-11-30T12:00:00Z' };
    await (await scratch.open()).close();
  });
  after(async () => {
    await scratch.drop();
  });

  const cli = async (...args: string[]) => runCliInProcess(args, env);

  test('a deploy script records a change, and list shows it with its rollback', async () => {
    assert.equal((await cli('service', 'create', '--name', 'checkout')).code, 0);
    const recorded = await cli('change', 'record', '--service', 'checkout', '--kind', 'deploy', '--version', 'v42', '--author', 'ci', '--rollback-command', 'deploy checkout v41');
    assert.equal(recorded.code, 0, recorded.stderr);
    const listed = await cli('change', 'list', '--service', 'checkout');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /2026-11-30T12:00:00.000Z\s+checkout\s+deploy\s+v42\s+ci\s+deploy checkout v41/);
  });

  test('bad arguments are refused naming the option, and nothing is recorded', async () => {
    const badKind = await cli('change', 'record', '--service', 'checkout', '--kind', 'reboot');
    assert.equal(badKind.code, 2);
    assert.match(badKind.stderr, /--kind must be one of/);
    const badTime = await cli('change', 'record', '--service', 'checkout', '--kind', 'config', '--started-at', 'yesterday');
    assert.equal(badTime.code, 2);
    assert.match(badTime.stderr, /--started-at must be an RFC 3339 time/);
    const unknown = await cli('change', 'record', '--service', 'nowhere', '--kind', 'config');
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /service/);
    assert.equal((await cli('change', 'list')).stdout.trim().split('\n').length, 2);
  });

  test('change source create prints a key that opens /intake/changes/:key once; list shows the source without it', async () => {
    const created = await cli('change', 'source', 'create', '--name', 'deploy-pipeline', '--service', 'checkout');
    assert.equal(created.code, 0, created.stderr);
    const key = created.stdout.trim().split('\n').at(-1)!;
    assert.match(key, /^fbc/);
    const listed = await cli('change', 'source', 'list');
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /deploy-pipeline\s+checkout\s+\S+…\s+yes/);
    assert.ok(!listed.stdout.includes(key), 'the key is never listed');
    // The printed key opens intake: a change posted with it lands on the source's service.
    const store = await scratch.open();
    try {
      const t = await createTestApp(store);
      try {
        const sent = await t.app.inject({ method: 'POST', url: `/intake/changes/${key}`, payload: { kind: 'config', version: 'from-source-key' } });
        assert.equal(sent.statusCode, 202, sent.body);
      } finally {
        await t.close();
      }
    } finally {
      await store.close();
    }
    assert.match((await cli('change', 'list', '--service', 'checkout', '--kind', 'config')).stdout, /from-source-key/);
    const unknown = await cli('change', 'source', 'create', '--name', 'x', '--service', 'nowhere');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--service/);
  });
});

