/**
 * What chat must refuse: requests Slack did not sign, signed too long ago, or
 * sent twice; a Mattermost command with the wrong token; people Firebreak
 * cannot identify; and a private incident's events in a public channel.
 * Each refusal changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { MattermostStandIn } from '../support/chat/mattermost-standin.js';
import { SlackStandIn } from '../support/chat/slack-standin.js';
import { chatWorld, connectMattermost, connectSlack, mattermostCommand, slackCommand, slackEvent, until, type ChatWorld } from '../support/chat/kit.js';

describeEachStore('chat: refusals', (fixture) => {
  let slack: SlackStandIn;
  let mm: MattermostStandIn;
  let world: ChatWorld;
  let erin: Awaited<ReturnType<ChatWorld['t']['user']>>;
  let slackErin: { id: string; name: string };
  let general: { id: string };

  before(async () => {
    slack = new SlackStandIn();
    mm = new MattermostStandIn();
    await slack.start();
    await mm.start();
    world = await chatWorld(fixture.store, slack.url);
    await connectSlack(world, slack);
    await connectMattermost(world, mm);
    erin = await world.t.user('responder', 'erin@example.test');
    slackErin = slack.addUser('erin@example.test', 'erin');
    general = slack.addChannel('general');
  });
  after(async () => {
    await world?.close();
    await slack.close();
    await mm.close();
  });

  const incidentCount = async () => ((await world.t.app.inject({ method: 'GET', url: '/api/v1/incidents?limit=100', headers: world.admin.auth })).json().incidents as unknown[]).length;
  const post = (url: string, request: { headers: Record<string, string>; payload: string }) => world.t.app.inject({ method: 'POST', url, headers: request.headers, payload: request.payload });

  test('a bad signature, a stale timestamp and a replayed request get 401 and declare nothing', async () => {
    const before = await incidentCount();
    const forged = slackCommand(slack, slackErin, general.id, 'declare SEV3 forged');
    forged.headers['x-slack-signature'] = `v0=${'0'.repeat(64)}`;
    const bad = await post('/chat/slack/commands', forged);
    assert.equal(bad.statusCode, 401);
    assert.match(bad.json().detail, /signature does not match/);

    const stale = await post('/chat/slack/commands', slackCommand(slack, slackErin, general.id, 'declare SEV3 stale', Math.floor(Date.now() / 1000) - 6 * 60));
    assert.equal(stale.statusCode, 401);
    assert.match(stale.json().detail, /more than five minutes/);

    const unsigned = slackCommand(slack, slackErin, general.id, 'declare SEV3 unsigned');
    delete unsigned.headers['x-slack-signature'];
    assert.equal((await post('/chat/slack/commands', unsigned)).statusCode, 401);

    const once = slackCommand(slack, slackErin, general.id, 'declare SEV3 replayed checkout');
    const first = await post('/chat/slack/commands', once);
    assert.equal(first.statusCode, 200, first.body);
    assert.match(first.json().text, /INC-\d+ declared \(SEV3\)/);
    const replay = await post('/chat/slack/commands', once);
    assert.equal(replay.statusCode, 401);
    assert.match(replay.json().detail, /already received/);
    assert.equal(await incidentCount(), before + 1, 'only the genuine request declared');

    const wrongTeam = slackCommand(slack, slackErin, general.id, 'declare SEV3 other team');
    const otherTeam = { ...wrongTeam, payload: wrongTeam.payload.replace(slack.teamId, 'T0OTHER') };
    assert.equal((await post('/chat/slack/commands', otherTeam)).statusCode, 401);

    const handshake = { headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ type: 'url_verification', challenge: 'abc', token: 'x' }) };
    assert.equal((await post('/chat/slack/events', handshake)).statusCode, 401, 'an unsigned handshake');
    const signedHandshake = slackEvent(slack, { type: 'url_verification', challenge: 'abc', token: 'x' });
    assert.deepEqual((await post('/chat/slack/events', signedHandshake)).json(), { challenge: 'abc' });
    assert.equal(await incidentCount(), before + 1);
  });

  test('a Mattermost command with a wrong or missing token gets 401', async () => {
    const user = mm.addUser('erin@example.test', 'erin');
    const before = await incidentCount();
    const wrong = mattermostCommand(mm, user, 'town', 'declare SEV3 from a stranger', 'not-the-token');
    assert.equal((await post('/chat/mattermost/commands', wrong)).statusCode, 401);
    const none = mattermostCommand(mm, user, 'town', 'declare SEV3 from a stranger', '');
    delete none.headers.authorization;
    assert.equal((await post('/chat/mattermost/commands', none)).statusCode, 401);
    const good = await post('/chat/mattermost/commands', mattermostCommand(mm, user, 'town', 'declare SEV3 genuine'));
    assert.equal(good.statusCode, 200);
    assert.equal(await incidentCount(), before + 1);
  });

  test('an unknown chat user is told how to link and nothing is recorded in anyone’s name; an unverified email is not trusted', async () => {
    const before = await incidentCount();
    const stranger = slack.addUser('stranger@example.test', 'stranger');
    const res = await post('/chat/slack/commands', slackCommand(slack, stranger, general.id, 'declare SEV2 not mine'));
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().response_type, 'ephemeral');
    assert.match(res.json().text, /No Firebreak account has the email stranger@example\.test.*firebreak user create --email stranger@example\.test.*Nothing was recorded/s);
    const unverified = mm.addUser(erin.user.email, 'erin-unverified', false);
    const mmRes = await post('/chat/mattermost/commands', mattermostCommand(mm, unverified, 'town', 'declare SEV2 claimed'));
    assert.match(mmRes.json().text, /not verified/);
    assert.equal(await incidentCount(), before);
  });

  test('a private incident gets a private channel only, and nothing of it reaches a public channel', async () => {
    const hidden = await post('/chat/slack/commands', slackCommand(slack, slackErin, general.id, 'declare SEV1 payroll leak private'));
    assert.equal(hidden.json().response_type, 'ephemeral', 'a private declaration is not announced in the channel');
    const ref = /INC-\d+/.exec(hidden.json().text)![0];
    const channel = await until('the private incident’s channel', async () => slack.channelByName(`${ref.toLowerCase()}-payroll-leak`));
    assert.equal(channel.is_private, true);
    const secret = await world.t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: erin.auth, payload: { kind: 'observation', body: { text: 'customer 4411 records exposed' } } });
    assert.equal(secret.statusCode, 201, secret.body);
    await until('the private channel mirrors it', async () => slack.posts(channel.id).some((m) => /customer 4411/.test(m.text)));
    const leaked = slack.messages.filter((m) => /customer 4411|payroll leak/.test(m.text) && slack.channels.get(m.channel)?.is_private === false);
    assert.deepEqual(leaked, [], 'nothing of the private incident in a public channel');
    assert.deepEqual([...slack.violations, ...mm.violations], []);
  });
});
