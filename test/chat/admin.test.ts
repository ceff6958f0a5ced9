/** Connecting, testing, configuring and disconnecting chat workspaces: admins only, each answer saying what is missing; secrets never shown and stored sealed. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { SlackStandIn } from '../support/chat/slack-standin.js';
import { MattermostStandIn } from '../support/chat/mattermost-standin.js';
import { chatWorld, type ChatWorld } from '../support/chat/kit.js';

describeEachStore('chat: workspace administration', (fixture) => {
  let slack: SlackStandIn;
  let mm: MattermostStandIn;
  let world: ChatWorld;

  before(async () => {
    slack = new SlackStandIn();
    mm = new MattermostStandIn();
    await slack.start();
    await mm.start();
    world = await chatWorld(fixture.store, slack.url);
  });
  after(async () => {
    await world?.close();
    await slack.close();
    await mm.close();
  });

  test('connecting names every missing field, checks the token with the vendor first, and stores the secrets sealed', async () => {
    const { t, admin } = world;
    const incomplete = await t.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', headers: admin.auth, payload: { provider: 'mattermost', name: 'mm' } });
    assert.equal(incomplete.statusCode, 400);
    assert.deepEqual(incomplete.json().errors.map((e: { field: string }) => e.field), ['body.botToken', 'body.commandToken', 'body.baseUrl', 'body.teamId', 'body.teamName']);

    const badToken = await t.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', headers: admin.auth, payload: { provider: 'slack', name: 'slack', botToken: 'xoxb-wrong-token', signingSecret: slack.signingSecret } });
    assert.equal(badToken.statusCode, 422);
    assert.match(badToken.json().detail, /invalid_auth.*nothing was stored/);

    const responder = await t.user('responder');
    const payload = { provider: 'slack', name: 'slack', botToken: slack.token, signingSecret: slack.signingSecret };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', headers: responder.auth, payload })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', payload })).statusCode, 401);

    const connected = await t.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', headers: admin.auth, payload });
    assert.equal(connected.statusCode, 201, connected.body);
    const view = connected.json();
    assert.equal(view.teamId, slack.teamId, 'the team id comes from Slack');
    assert.ok(!JSON.stringify(view).includes(slack.token) && !JSON.stringify(view).includes(slack.signingSecret), 'secrets are never shown');
    assert.ok(view.missing.some((m: string) => /team channel for pages/.test(m)));
    const row = await fixture.store.db.selectFrom('chat_workspaces').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    assert.ok(!row.bot_token_sealed.includes(slack.token) && row.bot_token_sealed.startsWith('v1.'), 'the bot token is sealed');
    assert.ok(!row.signing_secret_sealed!.includes(slack.signingSecret));
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', headers: admin.auth, payload })).statusCode, 409, 'one connection per team');

    const tested = await t.app.inject({ method: 'POST', url: `/api/v1/chat/workspaces/${view.id}/test`, headers: admin.auth });
    assert.equal(tested.json().ok, true);
    assert.equal(tested.json().team, 'Stand-in');
    slack.server.inject((r) => r.path.endsWith('/auth.test'), { status: 200, body: { ok: false, error: 'token_revoked' } });
    const broken = (await t.app.inject({ method: 'POST', url: `/api/v1/chat/workspaces/${view.id}/test`, headers: admin.auth })).json();
    assert.equal(broken.ok, false);
    assert.ok(broken.missing.some((m: string) => /token_revoked/.test(m)), 'the test says what is wrong');

    const badPolicy = await t.app.inject({ method: 'PATCH', url: `/api/v1/chat/workspaces/${view.id}`, headers: admin.auth, payload: { policy: { mirrorPostsPerMinute: 0 } } });
    assert.equal(badPolicy.statusCode, 400);
    assert.match(badPolicy.body, /mirrorPostsPerMinute/);
    const policy = await t.app.inject({ method: 'PATCH', url: `/api/v1/chat/workspaces/${view.id}`, headers: admin.auth, payload: { policy: { severities: ['SEV1'], namePattern: 'incident-{ref}' }, pageChannelId: 'C0ONCALL' } });
    assert.equal(policy.statusCode, 200, policy.body);
    assert.deepEqual(policy.json().policy.severities, ['SEV1']);
    assert.equal(policy.json().pageChannelId, 'C0ONCALL');

    const manifest = (await t.app.inject({ method: 'GET', url: '/api/v1/chat/slack/manifest', headers: admin.auth })).json();
    assert.equal(manifest.features.slash_commands[0].url, 'http://firebreak.test/chat/slack/commands');
    assert.equal(manifest.settings.interactivity.request_url, 'http://firebreak.test/chat/slack/interactions');
    assert.equal(manifest.settings.event_subscriptions.request_url, 'http://firebreak.test/chat/slack/events');

    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/chat/workspaces/${view.id}`, headers: responder.auth })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/chat/workspaces/${view.id}`, headers: admin.auth })).statusCode, 204);
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/v1/chat/workspaces', headers: admin.auth })).json().workspaces, []);
    const audit = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=50', headers: admin.auth })).json();
    const actions = JSON.stringify(audit);
    for (const action of ['chat.connect', 'chat.settings', 'chat.disconnect']) assert.ok(actions.includes(action), action);
    assert.deepEqual(slack.violations, []);
  });

  test('without FIREBREAK_SECRET_KEY a workspace cannot be connected, and the answer says so', async () => {
    let bare: TestApp | undefined;
    try {
      bare = await createTestApp(fixture.store, { config: { slackApiUrl: slack.url } });
      const admin = await bare.user('admin');
      const res = await bare.app.inject({ method: 'POST', url: '/api/v1/chat/workspaces', headers: admin.auth, payload: { provider: 'slack', name: 'slack', botToken: slack.token, signingSecret: slack.signingSecret } });
      assert.equal(res.statusCode, 422);
      assert.match(res.json().detail, /FIREBREAK_SECRET_KEY/);
    } finally {
      await bare?.close();
    }
  });
});
