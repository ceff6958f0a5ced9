import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import type { ChangeListener } from '../../db/changes.js';
import { cliActor, type Actor } from '../auth/identity.js';
import { INCIDENT_EVENTS_CHANNEL } from './deps.js';
import { appendEvent, declareIncident, listEventsAfter } from './service.js';
import { IncidentStreamHub, type StreamSink } from './stream.js';
import { openSse, type SseMessage } from './stream-testing.js';
import { until } from '../../testing/until.js';

type TestUser = Awaited<ReturnType<TestApp['user']>>;

const actorOf = (u: TestUser): Actor => cliActor({ id: u.user.id, email: u.user.email, role: u.user.role });

/** A sink that keeps what the hub wrote, parsed into event ids. */
function memorySink(): StreamSink & { text: string; ended: boolean; ids(): number[] } {
  const sink = {
    text: '',
    ended: false,
    writableLength: 0,
    write(chunk: string) {
      sink.text += chunk;
      return true;
    },
    end() {
      sink.ended = true;
    },
    ids: () => [...sink.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])),
  };
  return sink;
}

const ids = (messages: SseMessage[]) => messages.map((m) => Number(m.id));

describeEachStore('the incident live stream', (fixture) => {
  let t: TestApp;
  let base: string;
  let responder: TestUser;

  before(async () => {
    t = await createTestApp(fixture.store);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    responder = await t.user('responder');
  });
  after(async () => {
    await t.close();
  });

  const declare = async (options: { private?: boolean } = {}) =>
    declareIncident(t.ctx.store, t.ctx, actorOf(responder), { title: 'Checkout errors', severity: 'SEV2', ...options });
  const observe = async (incidentId: string, text: string) =>
    (await appendEvent(t.ctx.store, t.ctx, actorOf(responder), incidentId, { kind: 'observation', body: { text } })).event;

  test('a client resuming with Last-Event-ID receives exactly the events after it, then live ones, in order', async () => {
    const incident = await declare();
    for (let i = 2; i <= 5; i++) await observe(incident.id, `observation ${i}`);
    const stream = await openSse(`${base}/api/v1/incidents/${incident.ref}/stream`, { ...responder.auth, 'last-event-id': '3' });
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
    await stream.waitForMessages(2);
    await observe(incident.id, 'observation 6');
    await observe(incident.id, 'observation 7');
    const messages = await stream.waitForMessages(4);
    assert.deepEqual(ids(await stream.settle(200)), [4, 5, 6, 7]);
    const stored = await listEventsAfter(t.ctx.store.db, incident.id, 3, 10);
    assert.deepEqual(messages.map((m) => JSON.parse(m.data)), stored);
    assert.deepEqual(messages.map((m) => m.event), ['observation', 'observation', 'observation', 'observation']);
    stream.close();
  });

  test('?lastEventId= resumes like the header, and without either only new events arrive', async () => {
    const incident = await declare();
    await observe(incident.id, 'before');
    const resumed = await openSse(`${base}/api/v1/incidents/${incident.id}/stream?lastEventId=0`, responder.auth);
    const fresh = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, responder.auth);
    await resumed.waitForMessages(2);
    await observe(incident.id, 'after');
    await resumed.waitForMessages(3);
    await fresh.waitForMessages(1);
    assert.deepEqual(ids(await resumed.settle(200)), [1, 2, 3]);
    assert.deepEqual(ids(fresh.messages), [3]);
    assert.equal(resumed.messages[0]!.event, 'declared');
    resumed.close();
    fresh.close();
  });

  test('a bad Last-Event-ID is refused with 400 naming the header', async () => {
    const incident = await declare();
    const stream = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, { ...responder.auth, 'last-event-id': 'yesterday' });
    await stream.ended;
    assert.equal(stream.status, 400);
    assert.equal(JSON.parse(stream.body()).errors[0].field, 'header.last-event-id');
  });

  test('a private incident streams to its members and admins only; others get 404 as if it did not exist', async () => {
    const incident = await declare({ private: true });
    const outsider = await t.user('responder');
    const admin = await t.user('admin');
    const refused = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`, outsider.auth);
    await refused.ended;
    assert.equal(refused.status, 404);
    const anonymous = await openSse(`${base}/api/v1/incidents/${incident.id}/stream`);
    await anonymous.ended;
    assert.equal(anonymous.status, 401);
    for (const who of [responder, admin]) {
      const stream = await openSse(`${base}/api/v1/incidents/${incident.id}/stream?lastEventId=0`, who.auth);
      assert.equal(stream.status, 200);
      await stream.waitForMessages(1);
      stream.close();
    }
  });

  test('closing the server ends open streams instead of waiting for them', async () => {
    const own = await createTestApp(fixture.store);
    await own.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(own.app.server.address() as AddressInfo).port}`;
    const incident = await declare();
    const stream = await openSse(`${url}/api/v1/incidents/${incident.id}/stream`, responder.auth);
    assert.equal(stream.status, 200);
    const started = Date.now();
    await own.close();
    await stream.ended;
    assert.ok(Date.now() - started < 2000, 'closed promptly');
  });

  test('an event that lands while a client is catching up reaches it once, after the events before it', async () => {
    const incident = await declare();
    for (let i = 0; i < 3; i++) await observe(incident.id, `early ${i}`);
    let injected = false;
    // The test hears announcements on the same bus as the hub, so it knows when the hub has heard this one too.
    let heardInjected!: () => void;
    const injectedAnnounced = new Promise<void>((resolve) => (heardInjected = resolve));
    const stopListening = await t.ctx.bus.subscribe(INCIDENT_EVENTS_CHANNEL, (payload) => {
      if (payload && (JSON.parse(payload) as { incidentId: string }).incidentId === incident.id) heardInjected();
    });
    const hub = new IncidentStreamHub({
      // The client's catch-up read returns, then an event commits before the client goes live.
      read: async (id, afterSeq, limit) => {
        const events = await listEventsAfter(t.ctx.store.db, id, afterSeq, limit);
        if (!injected && afterSeq === 1) {
          injected = true;
          await observe(incident.id, 'landed during catch-up');
          await injectedAnnounced;
        }
        return events;
      },
      subscribe: (listener) => t.ctx.bus.subscribe(INCIDENT_EVENTS_CHANNEL, listener),
    });
    const sink = memorySink();
    await hub.connect(incident.id, sink, 1, 4);
    await until('four events', () => sink.ids().length >= 4);
    stopListening();
    // A later event shows the stream is live; a duplicate of the injected one would have come before it.
    await observe(incident.id, 'after catch-up');
    await until('the live event', () => sink.ids().length >= 5);
    assert.deepEqual(sink.ids(), [2, 3, 4, 5, 6]);
    await hub.close();
    assert.ok(sink.ended);
  });

  test('an event committed before the process listened is still delivered (announcement missed)', async () => {
    const incident = await declare();
    let listener: ChangeListener | undefined;
    const hub = new IncidentStreamHub({
      read: (id, afterSeq, limit) => listEventsAfter(t.ctx.store.db, id, afterSeq, limit),
      subscribe: async (l) => {
        // Appended after the caller read last_seq (1) and before LISTEN: its announcement is lost.
        await observe(incident.id, 'unannounced');
        listener = l;
        return () => undefined;
      },
    });
    const sink = memorySink();
    await hub.connect(incident.id, sink, 1, 1);
    await until('the unannounced event', () => sink.ids().length === 1);
    assert.deepEqual(sink.ids(), [2]);
    assert.ok(listener);
    await hub.close();
  });

  test('after the bus reconnects (null payload) every stream catches up on what it missed', async () => {
    const incident = await declare();
    let listener: ChangeListener | undefined;
    const hub = new IncidentStreamHub({
      read: (id, afterSeq, limit) => listEventsAfter(t.ctx.store.db, id, afterSeq, limit),
      // A bus that has lost its connection: nothing is announced until the reconnect.
      subscribe: async (l) => {
        listener = l;
        return () => undefined;
      },
    });
    const sinks = [memorySink(), memorySink()];
    for (const sink of sinks) await hub.connect(incident.id, sink, 1, 1);
    await observe(incident.id, 'missed 1');
    await observe(incident.id, 'missed 2');
    assert.deepEqual(sinks[0]!.ids(), []);
    listener!(null);
    for (const sink of sinks) await until('caught up', () => sink.ids().length === 2);
    assert.deepEqual(sinks.map((s) => s.ids()), [[2, 3], [2, 3]]);
    await hub.close();
  });

  test('one read per announcement serves every client of the incident, and heartbeats keep idle streams open', async () => {
    const incident = await declare();
    let reads = 0;
    const hub = new IncidentStreamHub({
      read: (id, afterSeq, limit) => {
        reads++;
        return listEventsAfter(t.ctx.store.db, id, afterSeq, limit);
      },
      subscribe: (listener) => t.ctx.bus.subscribe(INCIDENT_EVENTS_CHANNEL, listener),
      heartbeatMs: 50,
    });
    const sinks = Array.from({ length: 50 }, () => memorySink());
    for (const sink of sinks) await hub.connect(incident.id, sink, 1, 1);
    await until('a heartbeat on every stream', () => sinks.every((s) => /^: heartbeat$/m.test(s.text)));
    const readsBefore = reads;
    await observe(incident.id, 'fan out');
    for (const sink of sinks) await until('the event', () => sink.ids().length === 1);
    assert.ok(reads - readsBefore <= 2, `${reads - readsBefore} reads for 50 clients`);
    assert.ok(sinks.every((s) => /^: heartbeat$/m.test(s.text)));
    assert.equal(hub.clientCount, 50);
    await hub.close();
    assert.equal(hub.clientCount, 0);
  });

  test('a client too far behind is disconnected so it resumes with Last-Event-ID instead of growing memory', async () => {
    const incident = await declare();
    const hub = new IncidentStreamHub({
      read: (id, afterSeq, limit) => listEventsAfter(t.ctx.store.db, id, afterSeq, limit),
      subscribe: (listener) => t.ctx.bus.subscribe(INCIDENT_EVENTS_CHANNEL, listener),
      maxBufferedBytes: 100,
    });
    const stuck = Object.assign(memorySink(), { writableLength: 1_000 });
    await hub.connect(incident.id, stuck, 0, 1);
    await until('the slow client to be closed', () => stuck.ended);
    assert.equal(hub.clientCount, 0);
    await hub.close();
  });
});
