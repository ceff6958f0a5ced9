import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { runCliInProcess } from '../support/cli.js';
import { SlackStandIn } from '../support/chat/slack-standin.js';

describe('firebreak chat commands', () => {
  let scratch: ScratchDatabase;
  let slack: SlackStandIn;
  let env: Record<string, string>;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    slack = new SlackStandIn();
    await slack.start();
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_SECRET_KEY: randomBytes(32).toString('base64'), FIREBREAK_SLACK_API_URL: slack.url, FIREBREAK_PUBLIC_URL: 'https://firebreak.example' };
    await (await scratch.open()).close();
  });
  after(async () => {
    await slack.close();
    await scratch.drop();
  });

  const cli = async (args: string[], extra: Record<string, string> = {}) => runCliInProcess(args, { ...env, ...extra });

  test('an admin connects Slack with the tokens in the environment, tests, lists and disconnects it', async () => {
    const missing = await cli(['chat', 'connect', '--provider', 'slack', '--name', 'acme']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /botToken.*signingSecret/s);
    const connected = await cli(['chat', 'connect', '--provider', 'slack', '--name', 'acme'], { FIREBREAK_CHAT_BOT_TOKEN: slack.token, FIREBREAK_CHAT_SIGNING_SECRET: slack.signingSecret });
    assert.equal(connected.code, 0, connected.stderr);
    assert.match(connected.stdout, new RegExp(`connected slack team ${slack.teamId} as acme`));
    assert.match(connected.stdout, /missing: no team channel for pages/);
    const id = connected.stdout.split('\n')[1]!;
    const tested = await cli(['chat', 'test', id]);
    assert.equal(tested.code, 0, tested.stderr);
    assert.match(tested.stdout, /ok: connected to Stand-in/);
    const listed = await cli(['chat', 'list']);
    assert.match(listed.stdout, new RegExp(`${id}\\s+slack\\s+acme\\s+${slack.teamId}`));
    const manifest = JSON.parse((await cli(['chat', 'manifest'])).stdout) as { features: { slash_commands: Array<{ url: string }> } };
    assert.equal(manifest.features.slash_commands[0]!.url, 'https://firebreak.example/chat/slack/commands');
    assert.equal((await cli(['chat', 'disconnect', id])).code, 0);
    assert.doesNotMatch((await cli(['chat', 'list'])).stdout, new RegExp(id));
    assert.deepEqual(slack.violations, []);
  });

  test('without FIREBREAK_SECRET_KEY, connect says what to set', async () => {
    const res = await cli(['chat', 'connect', '--provider', 'slack', '--name', 'acme', '--bot-token', slack.token, '--signing-secret', slack.signingSecret], { FIREBREAK_SECRET_KEY: '' });
    assert.notEqual(res.code, 0);
    assert.match(res.stderr, /FIREBREAK_SECRET_KEY/);
  });
});
