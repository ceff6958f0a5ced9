/**
 * The whole loop in Mattermost, against a stand-in that checks every REST API
 * v4 call against Mattermost's published reference: an alert pages a person
 * in a direct message, they acknowledge by button, the incident's channel
 * opens with them in it, the room reaches a shared picture with /firebreak
 * commands only, a message is captured as evidence by its permalink, the
 * incident is resolved and the summary lands in the channel.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { MattermostStandIn } from '../support/chat/mattermost-standin.js';
import { SlackStandIn } from '../support/chat/slack-standin.js';
import { chatWorld, connectMattermost, mattermostCommand, until, type ChatWorld } from '../support/chat/kit.js';

interface ButtonAction {
  id: string;
  integration: { url: string; context: { action: string; value: string; sig: string } };
}

describeEachStore('chat: the incident loop in Mattermost', (fixture) => {
  let mm: MattermostStandIn;
  let unusedSlack: SlackStandIn;
  let world: ChatWorld;

  before(async () => {
    mm = new MattermostStandIn();
    unusedSlack = new SlackStandIn();
    await mm.start();
    await unusedSlack.start();
    world = await chatWorld(fixture.store, unusedSlack.url);
  });
  after(async () => {
    await world?.close();
    await mm.close();
    await unusedSlack.close();
  });

  test('alert → page in Mattermost → ack by button → channel → shared picture by /firebreak → evidence by permalink → resolve → summary in the channel', async () => {
    const { t, admin } = world;
    const carol = await t.user('responder', 'carol@example.test');
    const mmCarol = mm.addUser('carol@example.test', 'carol');
    const mmDan = mm.addUser('dan@example.test', 'dan');
    await connectMattermost(world, mm);

    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'ledger', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: carol.user.id }] }] } });
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name: 'ledger-api', escalationPolicyId: policy.json().id } });
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: 'prometheus' } });
    const intake = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.json().key}`, payload: amBody([{ fingerprint: 'l1', labels: { severity: 'critical' }, summary: 'Ledger writes failing' }]) });
    assert.equal(intake.statusCode, 202, intake.body);

    const page = await until('the page in Carol’s direct messages', async () => mm.posts.find((p) => p.channel_id === `${mm.bot.id}__${mmCarol.id}`));
    assert.match(page.message, /Page: Ledger writes failing/);
    const actions = (page.props.attachments as Array<{ actions: ButtonAction[] }>)[0]!.actions;
    const ack = actions.find((a) => a.id === 'ack')!;
    assert.ok(actions.some((a) => a.id === 'escalate'));
    assert.equal(ack.integration.url, 'http://firebreak.test/chat/mattermost/actions');

    // Mattermost calls the button's URL with its context; a forged context is refused.
    const press = (context: ButtonAction['integration']['context'], user = mmCarol.id) =>
      t.app.inject({ method: 'POST', url: '/chat/mattermost/actions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ user_id: user, user_name: 'carol', channel_id: page.channel_id, channel_name: '', team_id: mm.teamId, team_domain: mm.teamName, post_id: page.id, trigger_id: 'x', type: '', data_source: '', context }) });
    const forged = await press({ ...ack.integration.context, value: '00000000-0000-4000-8000-000000000000' });
    assert.equal(forged.statusCode, 401, forged.body);
    const pressed = await press(ack.integration.context);
    assert.equal(pressed.statusCode, 200, pressed.body);
    assert.equal(pressed.json().ephemeral_text, 'Acknowledged: the escalation has stopped.');
    await until('the page updated in place', async () => /Acknowledged by carol@example.test/.test(page.message));
    const again = await press(ack.integration.context, mmDan.id);
    assert.match(again.json().ephemeral_text, /No Firebreak account has the email dan@example.test/, 'an unknown person is told how to link, and nothing changes');

    const escalation = (await t.app.inject({ method: 'GET', url: '/api/v1/escalations?limit=1', headers: admin.auth })).json().escalations[0] as { incidentId: string; status: string };
    assert.equal(escalation.status, 'acknowledged');
    const ref = ((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${escalation.incidentId}`, headers: admin.auth })).json() as { ref: string }).ref;
    const channel = await until('the incident channel', async () => mm.channelByName(`${ref.toLowerCase()}-ledger-writes-failing`));
    assert.equal(channel.type, 'O');
    await until('Carol invited', async () => channel.members.has(mmCarol.id));
    // Acknowledging only acknowledges: nobody commands until Carol takes it.
    await until('the header shows the incident', async () => /SEV1 · investigating · IC no commander/.test(channel.header) && channel.header);

    const run = async (text: string) => {
      const request = mattermostCommand(mm, mmCarol, channel.id, text);
      const res = await t.app.inject({ method: 'POST', url: '/chat/mattermost/commands', headers: request.headers, payload: request.payload });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { response_type: string; text: string };
    };
    assert.match((await run('role commander me')).text, /^Recorded in INC-\d+/);
    await until('the header names Carol as commander', async () => /SEV1 · investigating · IC responder carol@example\.test/.test(channel.header) && channel.header);
    assert.match((await run('next decide')).text, /^Refused: name the decision, its owner and the time/);
    for (const command of ['impact ledger down: payouts delayed', 'investigating the ledger writer', 'unsafe do not restart the primary because a backup is running', 'next fail over or wait owner me by 20m', 'update Payouts are delayed; failing over next 20m']) {
      const answer = await run(command);
      assert.match(answer.text, /^Recorded in INC-\d+/, `${command}: ${answer.text}`);
    }
    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}`, headers: admin.auth })).json() as { sharedPicture: { has: boolean } };
    assert.equal(state.sharedPicture.has, true);

    const said = mm.say(channel.id, mmDan.id, 'writer pod OOM-killed at 09:12');
    const captured = await run(`capture ${mm.url}/${mm.teamName}/pl/${said.id}`);
    assert.match(captured.text, /^Captured into INC-\d+ as evidence/);
    assert.match((await run(`capture ${mm.url}/${mm.teamName}/pl/${said.id}`)).text, /already in the timeline/, 'a message is captured once');

    assert.equal((await run('resolve failed over to the replica override verified by hand')).response_type, 'in_channel');
    await until('the resolution summary in the channel', async () => mm.botPosts(channel.id).find((p) => !p.root_id && /INC-\d+ resolved: failed over to the replica/.test(p.message)));

    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/events?after=0`, headers: admin.auth })).json().events as Array<{ kind: string; occurredAt: string; body: Record<string, unknown> }>;
    const evidence = events.find((e) => e.kind === 'evidence_attached')!;
    assert.equal(evidence.body.url, `${mm.url}/${mm.teamName}/pl/${said.id}`);
    assert.equal(evidence.body.content, 'writer pod OOM-killed at 09:12');
    assert.equal(evidence.occurredAt, new Date(said.create_at).toISOString());
    for (const kind of ['role_assigned', 'impact_stated', 'no_hypothesis', 'unsafe_action_noted', 'next_decision', 'update_posted', 'resolved']) assert.ok(events.some((e) => e.kind === kind), kind);
    await until('the timeline mirrored into the thread', async () => mm.botPosts(channel.id).some((p) => p.root_id && /impact stated/.test(p.message)));
    assert.deepEqual(mm.violations, [], 'every REST call matched Mattermost’s reference');
  });
});
