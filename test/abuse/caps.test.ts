/**
 * What one caller can hold is capped: live streams per token and per user,
 * connections per process, and how long a client may take to send its
 * headers or its body; Markdown is rendered once per change at a bounded cost.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createToken } from '../../src/domains/auth/service.js';
import { until } from '../../src/testing/until.js';

/** Opens a live stream; resolves with its status once the headers arrive (the stream stays open). */
function openStream(base: string, token: string): Promise<{ status: number; retryAfter: string | undefined; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/v1/incidents/stream`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
      res.on('data', () => undefined);
      res.on('error', () => undefined);
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

/** Milliseconds until the server closes a raw connection fed by `feed`. */
function timeUntilClosed(port: number, first: string, trickle: string, everyMs: number, giveUpMs: number): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write(first));
    const timer = setInterval(() => socket.writable && socket.write(trickle), everyMs);
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve(performance.now() - started);
    });
  });
}

describeEachStore('caps on what one caller holds', (fixture) => {
  let t: TestApp;
  let base: string;
  let port: number;
  before(async () => {
    t = await createTestApp(fixture.store, { config: { streamsPerToken: 2, streamsPerUser: 3, headersTimeoutMs: 1000, requestTimeoutMs: 2000, maxConnections: 16 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  after(() => t.close());

  test('one token holds at most its streams, one person at most theirs; closing one frees a place', async () => {
    const viewer = await t.user('viewer');
    const second = (await createToken(t.ctx.store, cliActor(), { userId: viewer.user.id, name: 'second' })).token;
    const a1 = await openStream(base, viewer.token);
    const a2 = await openStream(base, viewer.token);
    assert.deepEqual([a1.status, a2.status], [200, 200]);
    const a3 = await openStream(base, viewer.token);
    assert.equal(a3.status, 429, 'a third stream on one token');
    assert.ok(Number(a3.retryAfter) > 0, 'with Retry-After');
    const b1 = await openStream(base, second);
    assert.equal(b1.status, 200);
    const b2 = await openStream(base, second);
    assert.equal(b2.status, 429, 'a fourth stream for one person');
    a1.close();
    const b3 = await until('a place is free again', async () => {
      const s = await openStream(base, second);
      if (s.status === 200) return s;
      s.close();
      return undefined;
    });
    for (const s of [a2, a3, b1, b2, b3]) s.close();
  });

  test('a client sending its headers a byte at a time is cut off (it was held for minutes)', async () => {
    const ms = await timeUntilClosed(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n', 200, 30_000);
    assert.ok(ms < 6000, `held for ${ms} ms`);
  });

  test('a client sending its body a byte at a time is cut off', async () => {
    const ms = await timeUntilClosed(port, 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{', ' ', 200, 30_000);
    assert.ok(ms < 8000, `held for ${ms} ms`);
  });

  test('connections beyond the process limit are dropped at once', async () => {
    const held: net.Socket[] = [];
    for (let i = 0; i < 16; i++) {
      held.push(await new Promise<net.Socket>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => resolve(s));
        s.on('error', () => undefined);
      }));
    }
    const ms = await timeUntilClosed(port, '', '', 1000, 10_000);
    assert.ok(ms < 900, `the connection past the limit stayed ${ms} ms`);
    for (const s of held) s.destroy();
  });

  test('a runbook of 50,000 unclosed image brackets is written and read quickly, shown as text', async () => {
    const responder = await t.user('responder');
    const body = '!['.repeat(50_000);
    let started = performance.now();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: responder.auth, payload: { title: 'Brackets', body } });
    const createMs = performance.now() - started;
    assert.equal(created.statusCode, 201, created.body);
    // Broken, writing took 3.2 s and every read 1.7 s.
    assert.ok(createMs < 1500, `created in ${createMs} ms`);
    assert.ok(created.json().html.includes('![!['), 'the brackets are shown as written');
    started = performance.now();
    for (let i = 0; i < 3; i++) assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${created.json().id}`, headers: responder.auth })).statusCode, 200);
    const readMs = (performance.now() - started) / 3;
    assert.ok(readMs < 500, `read in ${readMs} ms`);
  });
});
