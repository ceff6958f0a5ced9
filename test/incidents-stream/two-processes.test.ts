/**
 * Two `firebreak serve` processes on one PostgreSQL database (ARCHITECTURE.md, "One program, two roles, two dialects"; "The change bus"):
 * live streams across processes, Last-Event-ID resume, one reminder per missed
 * commitment with two workers, and its mail reaching a real SMTP server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, POSTGRES_SKIP_REASON, testPostgresUrl, type ScratchDatabase } from '../../src/db/testing.js';
import type { Store } from '../../src/db/store.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createToken, createUser } from '../../src/domains/auth/service.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { openSse } from '../../src/domains/incidents/stream-testing.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { until } from '../../src/testing/until.js';

interface Person {
  id: string;
  email: string;
  auth: { authorization: string };
}


describe('incident streams and reminders across two processes on PostgreSQL', { skip: testPostgresUrl() ? false : POSTGRES_SKIP_REASON }, () => {
  let scratch: ScratchDatabase;
  let store: Store;
  let smtp: SmtpPeer;
  let a: FirebreakProcess;
  let b: FirebreakProcess;
  let commander: Person;
  let comms: Person;

  async function person(email: string): Promise<Person> {
    const user = await createUser(store, cliActor(), { email, name: email.split('@')[0]!, role: 'responder' });
    const { token } = await createToken(store, cliActor(), { userId: user.id, name: 'e2e' });
    return { id: user.id, email, auth: { authorization: `Bearer ${token}` } };
  }

  // Answers are the API's JSON; each test reads only the fields it asserts on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function call(fb: FirebreakProcess, who: Person, method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(`${fb.url}${path}`, {
      method,
      headers: { ...who.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  const declare = async (fb: FirebreakProcess) => (await call(fb, commander, 'POST', '/api/v1/incidents', { title: 'Checkout failing in eu-west', severity: 'SEV2' })) as { id: string; ref: string };
  const observe = (fb: FirebreakProcess, id: string, text: string) => call(fb, commander, 'POST', `/api/v1/incidents/${id}/events`, { kind: 'observation', body: { text } });

  before(async () => {
    scratch = await createScratchDatabase('postgres');
    store = await scratch.open();
    smtp = await startSmtpPeer();
    const env = {
      FIREBREAK_DATABASE_URL: scratch.databaseUrl,
      FIREBREAK_DATA_DIR: scratch.dataDir,
      FIREBREAK_SMTP_URL: smtp.url,
      FIREBREAK_SMTP_FROM: 'Firebreak <firebreak@example.test>',
      FIREBREAK_LOG_LEVEL: 'error',
    };
    [a, b] = await Promise.all([spawnFirebreak({ env }), spawnFirebreak({ env })]);
    commander = await person('commander@example.test');
    comms = await person('comms@example.test');
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await store?.close();
    await scratch?.drop();
  });

  test('an event posted to process A reaches an SSE client connected to process B within 1 s', async () => {
    const incident = await declare(a);
    const stream = await openSse(`${b.url}/api/v1/incidents/${incident.ref}/stream`, commander.auth);
    assert.equal(stream.status, 200);
    // A first event shows the stream is live before latencies are measured.
    await observe(a, incident.id, 'stream warm-up');
    await stream.waitForMessages(1, 5000);
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const sentAt = performance.now();
      const event = await observe(a, incident.id, `queue depth rising, sample ${i}`);
      const [message] = (await stream.waitForMessages(i + 2, 2000)).slice(i + 1);
      assert.equal(Number(message!.id), event.seq);
      assert.equal(message!.event, 'observation');
      assert.deepEqual(JSON.parse(message!.data).body, { text: `queue depth rising, sample ${i}` });
      latencies.push(message!.receivedAt - sentAt);
    }
    assert.ok(Math.max(...latencies) < 1000, `latencies ${latencies.map((l) => l.toFixed(0)).join(', ')} ms`);
    stream.close();
  });

  test('a client reconnecting to the other process with Last-Event-ID receives exactly the events it missed, then live ones', async () => {
    const incident = await declare(a);
    const first = await openSse(`${b.url}/api/v1/incidents/${incident.id}/stream?lastEventId=0`, commander.auth);
    await observe(a, incident.id, 'seen 1');
    await observe(b, incident.id, 'seen 2');
    const seen = await first.waitForMessages(3);
    assert.deepEqual(seen.map((m) => Number(m.id)), [1, 2, 3]);
    first.close();

    const missed = [];
    for (let i = 0; i < 4; i++) missed.push(await observe(i % 2 ? a : b, incident.id, `missed ${i}`));
    const resumed = await openSse(`${a.url}/api/v1/incidents/${incident.id}/stream`, { ...commander.auth, 'last-event-id': seen[2]!.id! });
    await resumed.waitForMessages(4);
    const live = await observe(b, incident.id, 'live after reconnect');
    await resumed.waitForMessages(5);
    const ids = (await resumed.settle(300)).map((m) => Number(m.id));
    assert.deepEqual(ids, [...missed.map((e) => e.seq), live.seq]);
    assert.deepEqual(ids, [4, 5, 6, 7, 8]);
    resumed.close();
  });

  test('a missed update commitment produces exactly one reminder with two worker processes, and its mail reaches the SMTP server', async () => {
    const incident = await declare(a);
    await call(a, commander, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'role_assigned', body: { role: 'communications', userId: comms.id } });
    const dueAt = new Date(Date.now() + 2000).toISOString();
    await call(b, commander, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'update_posted', body: { audience: 'internal', text: 'Rolling back the deploy', nextUpdateAt: dueAt } });
    const mailsBefore = smtp.mails.length;

    let reminders: Array<{ seq: number; body: unknown }> = [];
    await until('the reminder', async () => {
      const page = await call(b, commander, 'GET', `/api/v1/incidents/${incident.id}/events?after=0`);
      reminders = page.events.filter((e: { kind: string }) => e.kind === 'reminder');
      return reminders.length > 0;
    }, 10_000, 200);
    // Once the commitment's job is done no worker can run it again: the count below is final.
    await until('the reminder job to be done', async () => {
      const job = await store.db.selectFrom('jobs').select('status').where('idempotency_key', 'like', `incidents.update_due:${incident.id}:%:${dueAt}`).executeTakeFirst();
      return job?.status === 'done';
    });
    const page = await call(a, commander, 'GET', `/api/v1/incidents/${incident.id}/events?after=0`);
    reminders = page.events.filter((e: { kind: string }) => e.kind === 'reminder');
    assert.equal(reminders.length, 1);
    assert.deepEqual(reminders[0]!.body, { reason: 'update_due', dueAt });

    const [mail] = (await smtp.waitForMails(mailsBefore + 1)).slice(mailsBefore);
    assert.deepEqual(mail!.to, ['comms@example.test']);
    assert.match(mail!.subject, new RegExp(`^${incident.ref}: an update was due`));
    assert.match(mail!.text, /Post an update now/);
    // Every delivery of the incident has finished: no second mail can still be on its way.
    await until('every delivery of the incident to finish', async () => {
      const pending = await store.db.selectFrom('deliveries').select('id').where('incident_id', '=', incident.id).where('status', '=', 'queued').execute();
      return pending.length === 0;
    });
    assert.equal(smtp.mails.length, mailsBefore + 1);
  });

  test('a process with open streams shuts down promptly on SIGTERM, ending its streams', async () => {
    const incident = await declare(b);
    const streams = await Promise.all([0, 1, 2].map(() => openSse(`${a.url}/api/v1/incidents/${incident.id}/stream`, commander.auth)));
    assert.ok(streams.every((s) => s.status === 200));
    const started = Date.now();
    assert.equal(await a.stop(), 0);
    await Promise.all(streams.map((s) => s.ended));
    assert.ok(Date.now() - started < 5000, `stopped in ${Date.now() - started} ms`);
  });
});
