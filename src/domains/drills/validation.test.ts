import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { createIntegration, createService } from '../../testing/alerts.js';
import { drillBody } from '../../testing/drills.js';

describeEachStore('drill input', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let serviceId = '';
  let bare = '';
  let drillId = '';
  const later = { kind: 'once', at: '2030-01-01T09:00:00Z' };

  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    serviceId = (await createService(t, admin, 'validated')).id;
    await createIntegration(t, admin, serviceId, 'alertmanager');
    bare = (await createService(t, admin, 'no-integrations')).id;
    drillId = (await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: admin, payload: drillBody('kept', serviceId, later) })).json().id;
  });

  after(async () => {
    await t.close();
  });

  test('malformed drill bodies are refused with 400 naming the field, identically on both dialects, and store nothing', async () => {
    const ok = () => drillBody('x', serviceId, later) as Record<string, unknown> & { alert: { format: string; payload: Record<string, unknown> } };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['no name', (({ name: _n, ...rest }) => rest)(ok()), 'name'],
      ['blank name', { ...ok(), name: '   ' }, 'name'],
      ['NUL in the name', { ...ok(), name: 'a\u0000b' }, 'name'],
      ['service not a uuid', { ...ok(), serviceId: 'checkout' }, 'serviceId'],
      ['unknown service', { ...ok(), serviceId: '00000000-0000-4000-8000-000000000000' }, 'serviceId'],
      ['unknown format', { ...ok(), alert: { format: 'nagios', payload: {} } }, 'alert.format'],
      ['no integration of the format', { ...ok(), serviceId: bare }, 'alert.format'],
      ['payload Alertmanager refuses', { ...ok(), alert: { format: 'alertmanager', payload: { alerts: [{ labels: {} }] } } }, 'alert.payload'],
      ['payload not an object', { ...ok(), alert: { format: 'alertmanager', payload: 'firing' } }, 'alert.payload'],
      ['no goals', { ...ok(), goals: [] }, 'goals'],
      ['unknown goal kind', { ...ok(), goals: [{ kind: 'coffee', minutes: 5 }] }, 'goals[0].kind'],
      ['goal minutes past int4', { ...ok(), goals: [{ kind: 'acknowledged', minutes: 2 ** 40 }] }, 'goals[0].minutes'],
      ['goal minutes as text', { ...ok(), goals: [{ kind: 'acknowledged', minutes: '5' }] }, 'goals[0].minutes'],
      ['repeated goal', { ...ok(), goals: [{ kind: 'acknowledged', minutes: 5 }, { kind: 'acknowledged', minutes: 5 }] }, 'goals'],
      ['responder not a user', { ...ok(), responders: ['00000000-0000-4000-8000-000000000000'] }, 'responders[0]'],
      ['schedule time out of range', { ...ok(), schedule: { kind: 'daily', time: '25:00', zone: 'UTC' } }, 'schedule.time'],
      ['schedule zone unknown', { ...ok(), schedule: { kind: 'daily', time: '09:00', zone: 'Mars/Olympus' } }, 'schedule.zone'],
      ['weekly without days', { ...ok(), schedule: { kind: 'weekly', days: [], time: '09:00', zone: 'UTC' } }, 'schedule.days'],
      ['once without a time', { ...ok(), schedule: { kind: 'once', at: 'soon' } }, 'schedule.at'],
      ['unknown field', { ...ok(), colour: 'red' }, 'colour'],
    ];
    for (const [why, body, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: admin, payload: body });
      assert.equal(res.statusCode, 400, `${why}: ${res.statusCode} ${res.body}`);
      const fields = (res.json().errors as Array<{ field: string }> | undefined)?.map((e) => e.field) ?? [];
      assert.ok(fields.some((f) => f === field || f.startsWith(`${field}.`) || f.startsWith(`${field}[`)), `${why}: expected ${field} in ${res.body}`);
    }
    const names = (await t.ctx.store.db.selectFrom('drill_scenarios').select('name').execute()).map((r) => r.name);
    assert.deepEqual(names, ['kept']);
  });

  test('a taken name conflicts; an unknown drill or run is 404; a bad edit names its field', async () => {
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: admin, payload: drillBody('kept', serviceId, later) })).statusCode, 409);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/drills/00000000-0000-4000-8000-000000000000', headers: admin })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/drills/${drillId}/runs/00000000-0000-4000-8000-000000000000`, headers: admin })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/drills/not-a-uuid/trend', headers: admin })).statusCode, 400);
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/drills/${drillId}`, headers: admin, payload: { schedule: { kind: 'weekly', days: ['mon', 'mon'], time: '09:00', zone: 'UTC' } } });
    assert.equal(edit.statusCode, 400);
    assert.deepEqual(edit.json().errors.map((e: { field: string }) => e.field), ['schedule.days']);
  });

  test('disabling a drill clears its next occurrence; enabling schedules it again', async () => {
    const off = (await t.app.inject({ method: 'PATCH', url: `/api/v1/drills/${drillId}`, headers: admin, payload: { enabled: false } })).json();
    assert.deepEqual([off.enabled, off.nextFireAt], [false, null]);
    const on = (await t.app.inject({ method: 'PATCH', url: `/api/v1/drills/${drillId}`, headers: admin, payload: { enabled: true } })).json();
    assert.deepEqual([on.enabled, on.nextFireAt], [true, '2030-01-01T09:00:00.000Z']);
  });
});
