/**
 * An incident channel over product time, in Slack and Mattermost at once (the
 * stand-ins check every call against the vendors' descriptions): the
 * shared-picture "missing items" message is posted again every
 * `missingItemsAfterMinutes` while items are missing and stops once the
 * picture is complete; on resolve, a workspace whose policy waits for the
 * published postmortem keeps its channel (re-checking hourly) and archives it
 * at the first check after publication, while one that does not wait archives
 * at once. The app runs on a `TestClock` the test moves.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemClock, TestClock, useClock } from '../../src/clock.js';
import { describeEachStore } from '../../src/db/testing.js';
import { MattermostStandIn } from '../support/chat/mattermost-standin.js';
import { SlackStandIn } from '../support/chat/slack-standin.js';
import { chatWorld, connectMattermost, connectSlack, until, type ChatWorld } from '../support/chat/kit.js';

const MISSING_EVERY_MINUTES = 10;
const HOUR = 60 * 60_000;

describeEachStore('chat: an incident channel over time', (fixture) => {
  const clock = new TestClock();
  let slack: SlackStandIn;
  let mm: MattermostStandIn;
  let world: ChatWorld;
  let ic: Awaited<ReturnType<ChatWorld['t']['user']>>;
  let ref: string;

  before(async () => {
    slack = new SlackStandIn();
    mm = new MattermostStandIn();
    await slack.start();
    await mm.start();
    useClock(clock);
    world = await chatWorld(fixture.store, slack.url, clock);
    await connectSlack(world, slack, { missingItemsAfterMinutes: MISSING_EVERY_MINUTES, archiveAfterPostmortem: true });
    await connectMattermost(world, mm, { missingItemsAfterMinutes: MISSING_EVERY_MINUTES, archiveAfterPostmortem: false });
    ic = await world.t.user('responder', 'ic@example.test');
  });
  after(async () => {
    await world?.close();
    await slack.close();
    await mm.close();
    useClock(systemClock);
  });

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => world.t.app.inject({ method, url, headers: ic.auth, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const event = async (kind: string, body: unknown) => {
    const res = await api('POST', `/api/v1/incidents/${ref}/events`, { kind, body });
    assert.equal(res.statusCode, 201, res.body);
  };
  const slackChannel = () => [...slack.channels.values()].find((c) => c.name.startsWith(ref.toLowerCase()));
  const mmChannel = () => [...mm.channels.values()].find((c) => c.name.startsWith(ref.toLowerCase()));
  const MISSING = /still lacks for a shared picture/;
  const missingInSlack = () => slack.posts(slackChannel()!.id).filter((m) => MISSING.test(m.text)).length;
  const missingInMattermost = () => mm.botPosts(mmChannel()!.id).filter((p) => MISSING.test(p.message)).length;
  /** The channel steps of one kind not yet run (queued or running). */
  const stepsPending = async (step: string) => (await world.t.ctx.store.db.selectFrom('jobs').select(['run_at']).where('kind', '=', 'chat.channel').where('status', 'in', ['queued', 'running']).where('idempotency_key', 'like', `%:${step}:%`).execute());

  test(`the missing items are posted again every ${MISSING_EVERY_MINUTES} minutes while the shared picture lacks them, and stop once it is complete`, async () => {
    const declared = await api('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV1' });
    assert.equal(declared.statusCode, 201, declared.body);
    ref = declared.json().ref as string;
    await until('the channels and their first missing-items message', async () => slackChannel() && mmChannel() && missingInSlack() === 1 && missingInMattermost() === 1);
    assert.match(slack.posts(slackChannel()!.id).find((m) => MISSING.test(m.text))!.text, /impact/);

    // Not before its time: the reminder waits for product time to pass.
    await until('one reminder waiting per workspace', async () => (await stepsPending('missing')).length === 2);
    assert.ok((await stepsPending('missing')).every((j) => Date.parse(j.run_at) > clock.now().getTime()), 'no reminder is due yet');
    clock.advance(MISSING_EVERY_MINUTES * 60_000 + 1000);
    await until('the second missing-items message in both', async () => missingInSlack() === 2 && missingInMattermost() === 2);

    // The shared picture completed: the next reminder comes due, runs, and posts nothing.
    await event('impact_stated', { statement: 'EU customers cannot pay', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' });
    await event('hypothesis_proposed', { text: 'a bad deploy of 4.2' });
    await event('no_unsafe_actions_known', {});
    await event('next_decision', { decision: 'roll back?', owner: { label: 'ic' }, dueAt: new Date(clock.now().getTime() + 30 * 60_000).toISOString() });
    await event('update_posted', { audience: 'internal', text: 'Rolling back 4.2', nextUpdateAt: new Date(clock.now().getTime() + 30 * 60_000).toISOString() });
    assert.equal((await api('GET', `/api/v1/incidents/${ref}`)).json().sharedPicture.has, true);
    clock.advance(MISSING_EVERY_MINUTES * 60_000 + 1000);
    await until('the reminders to run and find nothing missing', async () => (await stepsPending('missing')).length === 0);
    assert.equal(missingInSlack(), 2, 'no reminder in Slack once the picture is complete');
    assert.equal(missingInMattermost(), 2, 'no reminder in Mattermost once the picture is complete');
  });

  test('on resolve, Mattermost (no wait) archives at once; Slack waits for the published postmortem, re-checking hourly', async () => {
    await event('resolved', { summary: 'rolled back 4.2', override: { reason: 'checks done on the dashboard' } });
    await until('the resolution summary in both', async () => slack.posts(slackChannel()!.id).some((m) => /resolved: rolled back 4\.2/.test(m.text)) && mm.botPosts(mmChannel()!.id).some((p) => /resolved: rolled back 4\.2/.test(p.message)));
    await until('the Mattermost channel archived', async () => mmChannel()!.deleted);
    const postmortem = await until('the postmortem drafted', async () => {
      const res = await api('GET', `/api/v1/incidents/${ref}/postmortem`);
      return res.statusCode === 200 && (res.json() as { status: string });
    });
    assert.equal(postmortem.status, 'draft');
    // Slack's archive step found the draft and re-checks an hour later; an hour on, still a draft: still open.
    await until('the Slack archive re-check scheduled', async () => (await stepsPending('archive')).length === 1);
    assert.equal(slackChannel()!.archived, false, 'not archived while the postmortem is a draft');
    clock.advance(HOUR + 1000);
    await until('the re-check to run and schedule the next', async () => {
      const pending = await stepsPending('archive');
      return pending.length === 1 && Date.parse(pending[0]!.run_at) > clock.now().getTime() && pending;
    });
    assert.equal(slackChannel()!.archived, false, 'a draft an hour later: still open');

    // Published: the next hourly check archives the Slack channel.
    for (const patch of [{ reviewerIds: [ic.user.id], status: 'in_review' }, { status: 'published' }]) {
      const res = await api('PATCH', `/api/v1/incidents/${ref}/postmortem`, patch);
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.equal(slackChannel()!.archived, false, 'archived at the next check, not at publication');
    clock.advance(HOUR + 1000);
    await until('the Slack channel archived', async () => slackChannel()!.archived);
    await until('the archive step done, and no further check', async () => (await stepsPending('archive')).length === 0);
    const rows = (await api('GET', `/api/v1/chat/incidents/${ref}`)).json().channels as Array<{ archivedAt: string | null }>;
    assert.ok(rows.length === 2 && rows.every((r) => r.archivedAt !== null), 'both channel rows say archived');
    assert.deepEqual(slack.violations, [], 'every Slack call matched its description');
    assert.deepEqual(mm.violations, [], 'every Mattermost call matched its description');
  });
});
