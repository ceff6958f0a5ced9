/**
 * Nothing lost when chat is down: an incident and an alert go through while
 * Slack answers 503, and everything due reaches the channel once it is back;
 * a 429 is honoured (the call is made again after Retry-After, not before).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { SlackStandIn } from '../support/chat/slack-standin.js';
import { chatWorld, connectSlack, until, type ChatWorld } from '../support/chat/kit.js';

describeEachStore('chat: outages and rate limits', (fixture) => {
  let slack: SlackStandIn;
  let world: ChatWorld;

  before(async () => {
    slack = new SlackStandIn();
    await slack.start();
    world = await chatWorld(fixture.store, slack.url);
    await connectSlack(world, slack);
  });
  after(async () => {
    await world?.close();
    await slack.close();
  });

  test('with Slack down, incidents and alerts are recorded at once; the channel and its posts follow when Slack is back', async () => {
    const { t, admin } = world;
    const frank = await t.user('responder', 'frank@example.test');
    slack.addUser('frank@example.test', 'frank');
    slack.server.inject(() => true, { status: 503, body: { ok: false, error: 'service_unavailable' } }, 100_000);

    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: frank.auth, payload: { title: 'Billing queue stuck', severity: 'SEV2' } });
    assert.equal(declared.statusCode, 201, declared.body);
    const ref = declared.json().ref as string;
    const noted = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: frank.auth, payload: { kind: 'observation', body: { text: 'consumer lag 40k and rising' } } });
    assert.equal(noted.statusCode, 201);
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name: 'billing-worker' } });
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: 'prometheus' } });
    const alert = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.json().key}`, payload: amBody([{ fingerprint: 'b1', labels: { severity: 'warning' }, summary: 'Billing lag' }]) });
    assert.equal(alert.statusCode, 202, alert.body);

    await until('Firebreak trying Slack and failing', async () => slack.server.received.filter((r) => r.path.endsWith('/conversations.create')).length >= 2);
    assert.equal(slack.channels.size, 0);
    slack.server.clearInjected();

    const channel = await until('the channel once Slack is back', async () => slack.channelByName(`${ref.toLowerCase()}-billing-queue-stuck`));
    await until('the observation mirrored', async () => slack.posts(channel.id).some((m) => m.thread_ts && /consumer lag 40k and rising/.test(m.text)));
    assert.deepEqual(slack.violations, []);
  });

  test('a 429 answer is honoured: the post is made again after Retry-After', async () => {
    const { t } = world;
    const gina = await t.user('responder', 'gina@example.test');
    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: gina.auth, payload: { title: 'Search timeouts', severity: 'SEV1' } });
    const ref = declared.json().ref as string;
    const channel = await until('the channel', async () => slack.channelByName(`${ref.toLowerCase()}-search-timeouts`));
    await until('the intro', async () => slack.posts(channel.id).some((m) => /The timeline is mirrored/.test(m.text)));
    const shard = (r: { path: string; body: string }) => r.path.endsWith('/chat.postMessage') && /timeouts only on shard 3/.test(new URLSearchParams(r.body).get('text') ?? '');
    slack.server.inject(shard, { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    const noted = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: gina.auth, payload: { kind: 'observation', body: { text: 'timeouts only on shard 3' } } });
    assert.equal(noted.statusCode, 201);
    await until('the observation mirrored after the rate limit', async () => slack.posts(channel.id).some((m) => /timeouts only on shard 3/.test(m.text)));
    const tries = slack.server.received.filter(shard);
    assert.equal(tries.length, 2, 'one refused, one accepted');
    assert.ok(tries[1]!.at - tries[0]!.at >= 1900, `tried again ${tries[1]!.at - tries[0]!.at} ms later, not before Retry-After`);
    assert.ok(t.logs.some((l) => l.includes('chat vendor rate limit')), 'the rate limit was recognised');
    assert.deepEqual(slack.violations, []);
  });
});
