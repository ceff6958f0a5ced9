import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak tracker commands', () => {
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_SECRET_KEY: randomBytes(32).toString('base64') };
    await (await scratch.open()).close();
  });
  after(async () => {
    await scratch.drop();
  });

  const cli = async (args: string[], extra: Record<string, string> = {}) => runCliInProcess(args, { ...env, ...extra });

  test('tracker github takes the token from the environment, prints a generated webhook secret once; show never prints a secret', async () => {
    const missing = await cli(['tracker', 'github', '--repository', 'acme/reliability']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /FIREBREAK_TRACKER_TOKEN/);
    const token = `github_pat_${randomBytes(8).toString('hex')}`;
    const configured = await cli(['tracker', 'github', '--repository', 'acme/reliability', '--label', 'postmortem,reliability'], { FIREBREAK_TRACKER_TOKEN: token });
    assert.equal(configured.code, 0, configured.stderr);
    const secret = /\n(fbtw_\S+)\n$/.exec(configured.stdout)?.[1];
    assert.ok(secret, configured.stdout);
    const shown = await cli(['tracker', 'show']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /github\s+acme\/reliability\s+https:\/\/api\.github\.com\s+postmortem,reliability/);
    assert.ok(!shown.stdout.includes(token) && !shown.stdout.includes(secret));
    assert.equal((await cli(['tracker', 'remove'])).code, 0);
    assert.notEqual((await cli(['tracker', 'show'])).code, 0);
  });
});
