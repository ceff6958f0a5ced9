import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { onCallAt } from './schedule-service.js';

const HOUR = 3_600_000;

describeEachStore('on-call schedules API', (fixture) => {
  let t: TestApp;
  let responder: { authorization: string };
  let admin: { authorization: string };
  let viewer: { authorization: string };
  const ids: Record<string, string> = {};
  before(async () => {
    t = await createTestApp(fixture.store);
    const r = await t.user('responder', 'ana@example.test');
    responder = r.auth;
    ids.ana = r.user.id;
    const a = await t.user('admin', 'bo@example.test');
    admin = a.auth;
    ids.bo = a.user.id;
    const v = await t.user('viewer', 'cy@example.test');
    viewer = v.auth;
    ids.cy = v.user.id;
  });
  after(async () => {
    await t.close();
  });

  const post = (url: string, payload: unknown, headers = responder) => t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
  const get = (url: string, headers = viewer) => t.app.inject({ method: 'GET', url, headers });

  test('a schedule with a weekly 24/7 layer and a business-hours layer answers who is on call at any instant', async () => {
    const res = await post('/api/v1/oncall/schedules', {
      name: 'payments primary',
      timeZone: 'Europe/Berlin',
      layers: [
        { name: 'around the clock', start: '2026-03-02T09:00', length: { unit: 'weeks', count: 1 }, participants: [ids.ana, ids.bo] },
        { name: 'business hours', start: '2026-03-02T09:00', length: { unit: 'days', count: 1 }, participants: [ids.cy], restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    const schedule = res.json();
    ids.schedule = schedule.id;
    assert.equal(schedule.layers.length, 2);
    assert.deepEqual(schedule.layers[1].restrictions, [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }]);

    // Monday 2026-03-09 10:00 CET: business hours, cy; 20:00: second week of the weekly layer, bo.
    assert.deepEqual(await onCallAt(t.ctx.store.db, schedule.id, new Date('2026-03-09T09:00:00Z')), [ids.cy]);
    assert.deepEqual(await onCallAt(t.ctx.store.db, schedule.id, new Date('2026-03-09T19:00:00Z')), [ids.bo]);
    const now = (await get(`/api/v1/oncall/now?schedule=${encodeURIComponent('payments primary')}&at=2026-03-07T12:00:00Z`)).json();
    assert.deepEqual(now.onCall.map((o: { userIds: string[] }) => o.userIds), [[ids.ana]]);

    const audit = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'schedule.create').execute();
    assert.deepEqual(audit, [{ action: 'schedule.create', target_id: schedule.id }]);
  });

  test('final shifts between two instants list each hand-off and the business-hours layer on top', async () => {
    const res = await get(`/api/v1/oncall/schedules/${ids.schedule}/shifts?from=2026-03-06T00:00:00Z&to=2026-03-09T12:00:00Z`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().shifts, [
      { start: '2026-03-06T00:00:00.000Z', end: '2026-03-06T08:00:00.000Z', userIds: [ids.ana] },
      { start: '2026-03-06T08:00:00.000Z', end: '2026-03-06T16:00:00.000Z', userIds: [ids.cy] },
      { start: '2026-03-06T16:00:00.000Z', end: '2026-03-09T08:00:00.000Z', userIds: [ids.ana] },
      // Monday 09:00 CET: the weekly hand-off to bo is hidden by the business-hours layer.
      { start: '2026-03-09T08:00:00.000Z', end: '2026-03-09T12:00:00.000Z', userIds: [ids.cy] },
    ]);
    assert.deepEqual(res.json().gaps, []);
  });

  test('an override replaces a person for a range and another adds one, and both are audited', async () => {
    const replace = await post(`/api/v1/oncall/schedules/${ids.schedule}/overrides`, { kind: 'replace', userId: ids.bo, replaces: ids.ana, start: '2026-03-07T00:00:00Z', end: '2026-03-08T00:00:00Z' });
    assert.equal(replace.statusCode, 201, replace.body);
    const add = await post(`/api/v1/oncall/schedules/${ids.schedule}/overrides`, { kind: 'add', userId: ids.cy, start: '2026-03-07T12:00:00Z', end: '2026-03-07T13:00:00Z' });
    assert.equal(add.statusCode, 201, add.body);
    assert.deepEqual(await onCallAt(t.ctx.store.db, ids.schedule!, new Date('2026-03-07T06:00:00Z')), [ids.bo]);
    assert.deepEqual(await onCallAt(t.ctx.store.db, ids.schedule!, new Date('2026-03-07T12:30:00Z')), [ids.bo, ids.cy]);
    assert.deepEqual(await onCallAt(t.ctx.store.db, ids.schedule!, new Date('2026-03-08T06:00:00Z')), [ids.ana]);

    const listed = (await get(`/api/v1/oncall/schedules/${ids.schedule}/overrides?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`)).json().overrides;
    assert.deepEqual(listed.map((o: { id: string }) => o.id), [replace.json().id, add.json().id]);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/oncall/schedules/${ids.schedule}/overrides/${add.json().id}`, headers: responder });
    assert.equal(removed.statusCode, 204);
    assert.deepEqual(await onCallAt(t.ctx.store.db, ids.schedule!, new Date('2026-03-07T12:30:00Z')), [ids.bo]);
    const audit = await t.ctx.store.db.selectFrom('audit_log').select('action').where('action', 'like', 'schedule.override.%').orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['schedule.override.create', 'schedule.override.create', 'schedule.override.delete']);
  });

  test('bad input is refused with 400 naming the field, identically on both dialects', async () => {
    const layer = { name: 'l', start: '2026-03-02T09:00', length: { unit: 'days', count: 1 }, participants: [ids.ana] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'z', timeZone: 'Mars/Olympus', layers: [layer] }, 'timeZone'],
      [{ name: 'z', timeZone: 'UTC', layers: [{ ...layer, start: '2026-02-30T09:00' }] }, 'layers[0].start'],
      [{ name: 'z', timeZone: 'UTC', layers: [{ ...layer, length: { unit: 'weeks', count: 53 } }] }, 'layers[0].length.count'],
      [{ name: 'z', timeZone: 'UTC', layers: [{ ...layer, participants: ['00000000-0000-4000-8000-000000000000'] }] }, 'layers[0].participants'],
      [{ name: 'z\u0000', timeZone: 'UTC', layers: [layer] }, 'name'],
      [{ name: 'z', description: 'a\u0000b', timeZone: 'UTC', layers: [layer] }, 'description'],
      [{ name: 'z', timeZone: 'UTC', layers: [{ ...layer, name: 'l\u0000' }] }, 'layers[0].name'],
      [{ name: 'z', timeZone: 'UTC', layers: [{ ...layer, length: { unit: 'days', count: 2 ** 40 } }] }, 'layers[0].length.count'],
    ];
    for (const [body, field] of cases) {
      const res = await post('/api/v1/oncall/schedules', body);
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field), [field], res.body);
    }
    const overlapping = await post(`/api/v1/oncall/schedules/${ids.schedule}/overrides`, { kind: 'add', userId: ids.cy, start: '2026-03-07T13:00:00Z', end: '2026-03-07T12:00:00Z' });
    assert.equal(overlapping.statusCode, 400);
    assert.match(overlapping.body, /"to"|must be after/);
    const unknown = await get('/api/v1/oncall/schedules/no-such-schedule');
    assert.equal(unknown.statusCode, 404);
  });

  test('a schedule with gaps in the next 14 days carries a warning', async () => {
    const now = Date.now();
    const start = new Date(now + 3 * 24 * HOUR);
    const local = start.toISOString().slice(0, 16);
    const res = await post('/api/v1/oncall/schedules', { name: 'gappy', timeZone: 'UTC', layers: [{ name: 'l', start: local, length: { unit: 'days', count: 1 }, participants: [ids.ana] }] });
    assert.equal(res.statusCode, 201, res.body);
    const shown = (await get('/api/v1/oncall/schedules/gappy')).json();
    assert.deepEqual(shown.warnings, ['gaps']);
    assert.equal(shown.upcomingGaps.length, 1);
    assert.equal(shown.upcomingGaps[0].end, new Date(Date.parse(`${local}Z`)).toISOString());
    const full = (await get(`/api/v1/oncall/schedules/${ids.schedule}`)).json();
    assert.deepEqual([full.warnings, full.upcomingGaps], [[], []]);
  });

  test('a calendar feed is served at a secret URL, stored hashed, and stops working when revoked', async () => {
    const created = await post('/api/v1/oncall/feeds', { schedule: ids.schedule }, viewer);
    assert.equal(created.statusCode, 201, created.body);
    const feed = created.json();
    assert.match(feed.path, /^\/api\/v1\/oncall\/ical\/fbcal_[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await t.ctx.store.db.selectFrom('oncall_schedule_feeds').selectAll().where('id', '=', feed.id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes(feed.token.slice(6)), 'the token is not stored in the clear');
    const served = await t.app.inject({ method: 'GET', url: feed.path });
    assert.equal(served.statusCode, 200);
    assert.match(served.headers['content-type'] as string, /^text\/calendar/);
    assert.match(served.body, /^BEGIN:VCALENDAR/);
    assert.match(served.body, /SUMMARY:On call: /);

    const mine = await post('/api/v1/oncall/feeds', { userId: ids.ana }, responder);
    assert.equal(mine.statusCode, 201);
    const personal = (await t.app.inject({ method: 'GET', url: mine.json().path })).body;
    const summaries = personal.split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
    assert.ok(summaries.length > 0, 'ana has shifts in the feed window');
    assert.deepEqual([...new Set(summaries)].sort(), ['SUMMARY:On call: gappy', 'SUMMARY:On call: payments primary']);
    const someoneElses = await post('/api/v1/oncall/feeds', { userId: ids.ana }, viewer);
    assert.equal(someoneElses.statusCode, 403);
    const notMine = await t.app.inject({ method: 'DELETE', url: `/api/v1/oncall/feeds/${mine.json().id}`, headers: viewer });
    assert.equal(notMine.statusCode, 404);

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/oncall/feeds/${feed.id}`, headers: viewer });
    assert.equal(revoked.statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: feed.path })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/oncall/ical/not-a-token.ics' })).statusCode, 400);
  });

  test('changing a schedule replaces its layers and is audited; a duplicate name is a conflict', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/oncall/schedules/gappy',
      headers: responder,
      payload: { layers: [{ name: 'daily', start: '2026-01-01T00:00', length: { unit: 'days', count: 2 }, participants: [ids.bo, ids.cy] }] },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().layers.map((l: { name: string; length: unknown; participants: string[] }) => [l.name, l.length, l.participants]), [['daily', { unit: 'days', count: 2 }, [ids.bo, ids.cy]]]);
    // Two-day turns from 2026-01-01: bo, then cy from 01-03, then bo again from 01-05.
    assert.deepEqual(await onCallAt(t.ctx.store.db, 'gappy', new Date('2026-01-05T12:00:00Z')), [ids.bo]);
    const audit = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'schedule.update').execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(audit[0]!.detail!), { changed: ['layers'] });
    const clash = await t.app.inject({ method: 'PATCH', url: '/api/v1/oncall/schedules/gappy', headers: responder, payload: { name: 'payments primary' } });
    assert.equal(clash.statusCode, 409);
  });

  test('deleting a schedule needs an admin and removes it', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/oncall/schedules/gappy', headers: admin });
    assert.equal(res.statusCode, 204);
    assert.equal((await get('/api/v1/oncall/schedules/gappy')).statusCode, 404);
  });
});
