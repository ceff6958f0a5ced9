import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';

describeEachStore('the audit log API', (fixture) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = await t.user('admin');
    for (let i = 0; i < 7; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin.auth, payload: { name: `team-${i}` } });
      assert.equal(res.statusCode, 201);
    }
  });
  after(async () => {
    await t.close();
  });

  test('pages newest first with a cursor until every entry has been seen once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/audit?action=team.create&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url: query, headers: admin.auth });
      assert.equal(res.statusCode, 200);
      const page = res.json() as { entries: Array<{ id: number }>; nextCursor: string | null };
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 7);
    assert.deepEqual(seen, [...seen].sort((a, b) => b - a), 'newest first');
    assert.equal(new Set(seen).size, 7, 'no entry twice');
  });

  test('filters by actor and time range', async () => {
    const responder = await t.user('responder');
    await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: responder.auth, payload: { name: 'ci' } });
    const byActor = await t.app.inject({ method: 'GET', url: `/api/v1/audit?actorId=${responder.user.id}`, headers: admin.auth });
    assert.deepEqual(byActor.json().entries.map((e: { action: string }) => e.action), ['token.create']);
    const future = await t.app.inject({ method: 'GET', url: `/api/v1/audit?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, headers: admin.auth });
    assert.deepEqual(future.json().entries, []);
  });

  test('only admins may read it', async () => {
    const responder = await t.user('responder');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: responder.auth });
    assert.equal(res.statusCode, 403);
  });

  test('a malformed cursor or filter is refused with 400 naming the parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?cursor=abc', headers: admin.auth });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'query.cursor');
    const since = await t.app.inject({ method: 'GET', url: '/api/v1/audit?since=yesterday', headers: admin.auth });
    assert.equal(since.json().errors[0].field, 'query.since');
  });
});
