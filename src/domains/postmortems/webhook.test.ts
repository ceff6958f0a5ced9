import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { startHttpPeer, type HttpPeer } from '../notify/testing.js';

describeEachStore('action item webhook', (fixture) => {
  let t: TestApp;
  let tracker: HttpPeer;
  before(async () => {
    tracker = await startHttpPeer();
    t = await createTestApp(fixture.store, { config: { actionItemWebhookUrl: `${tracker.url}/tickets` } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await tracker.close();
  });

  test('each created action item is posted once to the tracker through the outbox; a refused one is not', async () => {
    const { auth } = await t.user('responder');
    const ref = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth, payload: { title: 'Tracker', severity: 'SEV3' } })).json().ref as string;
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem`, headers: auth })).statusCode, 201);
    const add = (title: string) => t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem/action-items`, headers: auth, payload: { title, type: 'prevent' } });
    assert.equal((await add('Be more careful')).statusCode, 400);
    const first = await add('Add a canary stage that blocks config pushes when errors rise');
    const second = await add('Set the payment client timeout to 3s with jittered retries');
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    const received = await tracker.waitForRequests(2);
    const bodies = received.map((r) => JSON.parse(r.body) as { event: string; item: { id: string; title: string } });
    assert.deepEqual(bodies.map((b) => b.item.id).sort(), [first.json().id, second.json().id].sort());
    assert.ok(bodies.every((b) => b.event === 'action_item.created'));
    assert.ok(received.every((r) => r.path === '/tickets' && r.method === 'POST'));
    assert.equal(tracker.requests.length, 2);
  });
});
