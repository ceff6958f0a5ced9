/**
 * Chat (incident channels): a storm of 1,000 timeline events in one minute
 * into an incident with a Slack channel, against the Slack stand-in. Counts
 * the thread posts in every 60-second window (at most the policy's rate) and
 * checks that every event is in the timeline and accounted for in the
 * channel (listed, or counted in an "… and N more" line).
 */
import { performance } from 'node:perf_hooks';
import { createTestApp } from '../src/app/testing.js';
import { domains } from '../src/app/domains.js';
import { createScratchDatabase, testPostgresUrl } from '../src/db/testing.js';
import type { DialectName } from '../src/db/dialect.js';
import { registerFactConsumers } from '../src/domains/incidents/fact-consumers.js';
import { appendEvent } from '../src/domains/incidents/service.js';
import { until } from '../src/testing/until.js';
import { SlackStandIn } from '../test/support/chat/slack-standin.js';
import { connectSlack } from '../test/support/chat/kit.js';
import { round, table } from './support.js';
import { randomBytes } from 'node:crypto';

const EVENTS = 1_000;
const STORM_MS = 60_000;
const RATE = 6;

async function run(dialect: DialectName): Promise<Array<Array<string | number>>> {
  const scratch = await createScratchDatabase(dialect);
  const store = await scratch.open();
  const slack = new SlackStandIn();
  await slack.start();
  registerFactConsumers(domains.flatMap((d) => d.facts ?? []));
  const t = await createTestApp(store, { config: { publicUrl: 'http://firebreak.test', secretKey: randomBytes(32).toString('base64'), slackApiUrl: slack.url } });
  try {
    await t.startWorker();
    const admin = await t.user('admin');
    const world = { t, admin, close: async () => undefined };
    await connectSlack(world, slack, { mirrorPostsPerMinute: RATE, mirrorEventsPerPost: 10 });
    const lead = await t.user('responder', 'lead@example.test');
    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: lead.auth, payload: { title: 'Storm', severity: 'SEV1' } });
    const ref = declared.json().ref as string;
    const channel = await until('the channel', async () => slack.channelByName(`${ref.toLowerCase()}-storm`), 30_000);
    await until('the intro', async () => slack.posts(channel.id).length > 0, 30_000);
    const actor = { userId: lead.user.id, label: lead.user.email, role: 'responder' as const, via: 'cli' as const, ip: null, requestId: null };

    // 1,000 observations spread evenly over one minute.
    const start = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      const due = start + (i * STORM_MS) / EVENTS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await appendEvent(store, t.ctx, actor, ref, { kind: 'observation', body: { text: `storm event ${i}` } });
    }
    const stormEnded = performance.now();
    const lastSeq = (await store.db.selectFrom('incidents').select('last_seq').where('ref', '=', ref).executeTakeFirstOrThrow()).last_seq;
    await until('every event mirrored', async () => {
      const row = await store.db.selectFrom('chat_channels').select('mirrored_seq').where('channel_id', '=', channel.id).executeTakeFirst();
      return row && row.mirrored_seq >= lastSeq;
    }, 120_000, 250);
    const caughtUp = performance.now();

    const stored = Number((await store.db.selectFrom('incident_events').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'observation').executeTakeFirstOrThrow()).n);
    const thread = slack.posts(channel.id).filter((m) => m.thread_ts);
    const times = slack.server.received.filter((r) => r.path.endsWith('/chat.postMessage') && new URLSearchParams(r.body).get('thread_ts')).map((r) => r.at);
    let maxPerMinute = 0;
    for (const at of times) maxPerMinute = Math.max(maxPerMinute, times.filter((x) => x >= at && x < at + 60_000).length);
    let listed = 0;
    let counted = 0;
    for (const post of thread) {
      for (const line of post.text.split('\n')) {
        const more = /^… and (\d+) more events?/.exec(line);
        if (more) counted += Number(more[1]);
        else listed++;
      }
    }
    const accounted = listed + counted;
    const expected = lastSeq;
    return [
      [dialect, 'events appended in the storm', EVENTS],
      [dialect, 'observations stored in the timeline', stored],
      [dialect, 'storm duration', `${round((stormEnded - start) / 1000, 1)} s`],
      [dialect, 'thread posts in total', thread.length],
      [dialect, `thread posts in the busiest 60 s (policy: ${RATE}/min)`, maxPerMinute],
      [dialect, 'events listed in posts / counted in "… and N more"', `${listed} / ${counted}`],
      [dialect, 'events accounted for in the channel / events in the timeline', `${accounted} / ${expected}`],
      [dialect, 'last event to channel caught up', `${round((caughtUp - stormEnded) / 1000, 1)} s`],
      [dialect, 'Slack Web API calls that broke its description', slack.violations.length],
    ];
  } finally {
    await t.close();
    await slack.close();
    await store.close();
    await scratch.drop();
  }
}

const rows = [...(await run('sqlite')), ...(testPostgresUrl() ? await run('postgres') : [])];
console.log(table('Chat: a storm of 1,000 timeline events in one minute into an incident channel — bench/chat.bench.ts', ['store', 'measure', 'value'], rows));
