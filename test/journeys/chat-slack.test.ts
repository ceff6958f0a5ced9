/**
 * The whole loop in Slack, against a stand-in that checks every Web API call
 * against Slack's published description: an alert pages a person in Slack,
 * they acknowledge by button, the incident's channel opens with them in it,
 * the room reaches a shared picture with /firebreak commands only, a message
 * is captured as evidence by a reaction, the incident is resolved and the
 * summary lands in the channel; the HTTP API shows every step.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { FIXTURES } from '../support/process.js';
import { SlackStandIn } from '../support/chat/slack-standin.js';
import { chatWorld, connectSlack, slackButton, slackCommand, slackEvent, slackInteraction, until, type ChatWorld } from '../support/chat/kit.js';

describeEachStore('chat: the incident loop in Slack', (fixture) => {
  let slack: SlackStandIn;
  let world: ChatWorld;

  before(async () => {
    slack = new SlackStandIn();
    await slack.start();
    world = await chatWorld(fixture.store, slack.url);
  });
  after(async () => {
    await world?.close();
    await slack.close();
  });

  test('alert → page in Slack → ack by button → channel with the right people → shared picture by /firebreak → evidence by reaction → resolve → summary in the channel', async () => {
    const { t, admin } = world;
    const alice = await t.user('responder', 'alice@example.test');
    const bob = await t.user('responder', 'bob@example.test');
    const slackAlice = slack.addUser('alice@example.test', 'alice');
    const slackBob = slack.addUser('bob@example.test', 'bob');
    const oncallChannel = slack.addChannel('oncall', [slackAlice.id, slackBob.id]);
    const workspaceId = await connectSlack(world, slack);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/chat/workspaces/${workspaceId}`, headers: admin.auth, payload: { pageChannelId: oncallChannel.id } })).statusCode, 200);

    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'checkout', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: alice.user.id }] }, { delaySeconds: 600, targets: [{ type: 'user', id: bob.user.id }] }] } });
    assert.equal(policy.statusCode, 201, policy.body);
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name: 'checkout-api', escalationPolicyId: policy.json().id } });
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: 'prometheus' } });
    const intake = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.json().key}`, payload: amBody([{ fingerprint: 'f1', labels: { severity: 'critical' }, summary: 'Checkout 5xx above 5%' }]) });
    assert.equal(intake.statusCode, 202, intake.body);

    // The page reaches Alice's direct messages and the on-call channel, with buttons.
    const dm = await until('the page in Alice’s direct messages', async () => slack.messages.find((m) => m.channel === `D${slackAlice.id}` && m.blocks));
    assert.match(dm.text, /Page: .*Checkout 5xx above 5%/);
    const buttons = JSON.stringify(dm.blocks);
    for (const action of ['"ack"', '"escalate"', '"open"']) assert.ok(buttons.includes(action), `the page has the ${action} button`);
    const teamPage = await until('the page in #oncall', async () => slack.posts(oncallChannel.id).find((m) => /Page:/.test(m.text)));
    const escalation = (await t.app.inject({ method: 'GET', url: '/api/v1/escalations?limit=1', headers: admin.auth })).json().escalations[0] as { id: string; incidentId: string };

    // Alice escalates now: Bob is paged in his direct messages, and her message says so in place.
    const escalate = slackInteraction(slack, slackButton(slack, slackAlice, dm, 'escalate', escalation.id));
    assert.equal((await t.app.inject({ method: 'POST', url: '/chat/slack/interactions', headers: escalate.headers, payload: escalate.payload })).statusCode, 200);
    await until('the page in Bob’s direct messages', async () => slack.messages.find((m) => m.channel === `D${slackBob.id}` && /Page:/.test(m.text)));
    await until('Alice’s message updated in place', async () => /Escalated by alice@example.test, still unacknowledged/.test(dm.text));

    // Alice acknowledges by button; the messages change in place; Bob's later press is told who did.
    const press = slackInteraction(slack, slackButton(slack, slackAlice, dm, 'ack', escalation.id));
    assert.equal((await t.app.inject({ method: 'POST', url: '/chat/slack/interactions', headers: press.headers, payload: press.payload })).statusCode, 200);
    await until('the escalation acknowledged', async () => (await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalation.id}`, headers: admin.auth })).json().status === 'acknowledged');
    await until('the direct message updated in place', async () => /Acknowledged by alice@example.test/.test(dm.text));
    await until('the #oncall message updated in place', async () => /Acknowledged by alice@example.test/.test(teamPage.text));
    const late = slackInteraction(slack, slackButton(slack, slackBob, teamPage, 'ack', escalation.id));
    assert.equal((await t.app.inject({ method: 'POST', url: '/chat/slack/interactions', headers: late.headers, payload: late.payload })).statusCode, 200);
    await until('Bob told who acknowledged', async () => slack.ephemerals.find((e) => e.user === slackBob.id && e.text === `Already acknowledged by ${alice.user.name}.`));

    // The incident (SEV1 from a critical alert) has its channel, with Alice (paged, and a member since her ack) invited.
    const incident = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${escalation.incidentId}`, headers: admin.auth })).json() as { ref: string; severity: string };
    assert.equal(incident.severity, 'SEV1');
    const channelName = `${incident.ref.toLowerCase()}-checkout-5xx-above-5`;
    const channel = await until('the incident channel', async () => slack.channelByName(channelName));
    assert.equal(channel.is_private, false);
    await until('Alice invited', async () => channel.members.has(slackAlice.id));
    // Acknowledging only acknowledges: nobody commands until someone takes it.
    await until('the topic set', async () => /SEV1 · investigating · IC no commander/.test(channel.topic) && channel.topic);
    const missing = await until('the missing items posted', async () => slack.posts(channel.id).find((m) => /still lacks for a shared picture/.test(m.text)));
    assert.match(missing.text, /impact/);
    assert.match(missing.text, /a commander/);

    // The shared picture with /firebreak only; a mistake is refused privately, naming the fix.
    const run = async (text: string) => {
      const request = slackCommand(slack, slackAlice, channel.id, text);
      const res = await t.app.inject({ method: 'POST', url: '/chat/slack/commands', headers: request.headers, payload: request.payload });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { response_type: string; text: string };
    };
    const ackAgain = slackCommand(slack, slackBob, channel.id, 'ack');
    const ackAnswer = (await t.app.inject({ method: 'POST', url: '/chat/slack/commands', headers: ackAgain.headers, payload: ackAgain.payload })).json() as { text: string };
    assert.equal(ackAnswer.text, `${incident.ref} was already acknowledged by ${alice.user.name}.`);
    const command = await run('role commander me');
    assert.match(command.text, /^Recorded in INC-\d+/, command.text);
    await until('the topic names Alice as commander', async () => /SEV1 · investigating · IC responder alice@example\.test/.test(channel.topic) && channel.topic);
    const refused = await run('mit restart consumers');
    assert.equal(refused.response_type, 'ephemeral');
    assert.match(refused.text, /say what should change and by when/);
    for (const command of ['impact checkout down: EU customers cannot pay', 'hyp a bad deploy of 4.2 broke payment tokens', 'unsafe none', 'next roll back or fail over owner me by 15m', 'update public Checkout is failing for some EU customers; we are rolling back. next 15m']) {
      const answer = await run(command);
      assert.match(answer.text, /^Recorded in INC-\d+/, `${command}: ${answer.text}`);
    }
    const picture = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: admin.auth })).json() as { sharedPicture: { has: boolean; missing: string[] } };
    assert.deepEqual(picture.sharedPicture.missing, []);
    assert.equal(picture.sharedPicture.has, true);

    // Bob says something; Alice pins it: evidence, attributed to Bob, at the message's time, with its permalink.
    const said = slack.say(channel.id, slackBob.id, 'p99 of /pay jumped at 14:02, right after deploy 4.2');
    const reaction = JSON.parse(readFileSync(`${FIXTURES}/slack/reaction-added-example.json`, 'utf8')) as { event: Record<string, unknown> } & Record<string, unknown>;
    Object.assign(reaction, { team_id: slack.teamId, event_id: 'Ev0CAPTURE1', event_time: Math.floor(Date.now() / 1000) });
    Object.assign(reaction.event, { user: slackAlice.id, reaction: 'pushpin', item_user: slackBob.id, item: { type: 'message', channel: channel.id, ts: said.ts }, event_ts: String(Date.now() / 1000) });
    const event = slackEvent(slack, reaction);
    assert.equal((await t.app.inject({ method: 'POST', url: '/chat/slack/events', headers: event.headers, payload: event.payload })).statusCode, 200);
    await until('the capture confirmed to Alice', async () => slack.ephemerals.find((e) => e.user === slackAlice.id && /Captured into INC-\d+ as evidence/.test(e.text)));

    const early = await run('resolve rolled back 4.2; payments recovered');
    assert.equal(early.response_type, 'ephemeral');
    assert.match(early.text, /cannot resolve INC-\d+: 5 of 5 recovery checks unanswered/, 'the same refusal as the war room');
    const resolved = await run('resolve rolled back 4.2; payments recovered override checks done on the dashboard, not in Firebreak');
    assert.equal(resolved.response_type, 'in_channel', resolved.text);
    const summary = await until('the resolution summary in the channel', async () => slack.posts(channel.id).find((m) => !m.thread_ts && /INC-\d+ resolved: rolled back 4\.2; payments recovered/.test(m.text)));
    assert.match(summary.text, new RegExp(`Postmortem: http://firebreak.test/postmortems/${incident.ref}`));
    await until('the topic says resolved', async () => /· resolved ·/.test(channel.topic) && channel.topic);
    assert.equal(channel.archived, false, 'archiving waits for the published postmortem');

    // The timeline (HTTP API) holds every step, and the channel's thread mirrored it.
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=0`, headers: admin.auth })).json().events as Array<{ seq: number; kind: string; actorLabel: string; occurredAt: string; body: Record<string, unknown> }>;
    const kinds = events.map((e) => e.kind);
    for (const kind of ['declared', 'role_assigned', 'impact_stated', 'hypothesis_proposed', 'no_unsafe_actions_known', 'next_decision', 'update_posted', 'evidence_attached', 'resolved']) assert.ok(kinds.includes(kind), `the timeline has ${kind}`);
    const evidence = events.find((e) => e.kind === 'evidence_attached')!;
    assert.equal(evidence.actorLabel, 'alice@example.test', 'recorded by who captured it');
    assert.match(evidence.body.title as string, /from bob/);
    assert.equal(evidence.body.content, 'p99 of /pay jumped at 14:02, right after deploy 4.2');
    assert.equal(evidence.body.url, `https://standin.slack.test/archives/${channel.id}/p${said.ts.replace('.', '')}`);
    assert.equal(evidence.occurredAt, new Date(Number(said.ts) * 1000).toISOString(), 'at the message’s own time');
    for (const e of events.filter((x) => ['impact_stated', 'hypothesis_proposed', 'next_decision'].includes(x.kind))) assert.equal(e.actorLabel, 'alice@example.test');

    const last = events.at(-1)!.seq;
    const channels = await until('the whole timeline mirrored', async () => {
      const res = (await t.app.inject({ method: 'GET', url: `/api/v1/chat/incidents/${incident.ref}`, headers: admin.auth })).json().channels as Array<{ mirroredSeq: number; resolvedPostedAt: string | null; archivedAt: string | null }>;
      return res[0]!.mirroredSeq >= last && res[0]!.resolvedPostedAt !== null && res;
    });
    assert.equal(channels[0]!.archivedAt, null, 'not archived before the postmortem is published');
    const thread = slack.posts(channel.id).filter((m) => m.thread_ts);
    assert.ok(thread.some((m) => /hypothesis proposed: a bad deploy of 4\.2/.test(m.text)), 'the hypothesis was mirrored into the thread');
    assert.deepEqual(slack.violations, [], 'every Web API call matched Slack’s description');
  });
});
