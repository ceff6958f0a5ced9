/**
 * GET /api/v1/oncall/burden on both stores, against numbers worked out by
 * hand from pages and a schedule written straight into the store.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createTestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { cliActor } from '../auth/identity.js';
import { addMember, createTeam } from '../auth/teams.js';
import { createSchedule } from './schedule-service.js';

describeEachStore('on-call burden API', (fixture) => {
  test('pages, night and weekend pages, nights interrupted, hours on call and time to acknowledge per person and team, ranked, with the spread', async () => {
    const t = await createTestApp(fixture.store);
    try {
      const admin = await t.user('admin');
      const [ana, bo] = [await t.user('responder'), await t.user('responder')];
      const db = t.ctx.store.db;
      await db.updateTable('users').set({ time_zone: 'Europe/Berlin', name: 'Ana' }).where('id', '=', ana.user.id).execute();
      await db.updateTable('users').set({ time_zone: 'UTC', name: 'Bo' }).where('id', '=', bo.user.id).execute();
      const team = await createTeam(t.ctx.store, cliActor(), { name: `burden-${ana.user.id.slice(0, 6)}` });
      await addMember(t.ctx.store, cliActor(), team.id, ana.user.id);
      await addMember(t.ctx.store, cliActor(), team.id, bo.user.id);
      // Daily hand-offs at 00:00 UTC: Ana on Thursday 3rd and Saturday 5th, Bo on Friday 4th.
      await createSchedule(t.ctx.store, cliActor(), {
        name: `burden-${ana.user.id.slice(0, 6)}`,
        timeZone: 'UTC',
        layers: [{ name: 'daily', start: '2026-12-03T00:00', length: { unit: 'days', count: 1 }, participants: [ana.user.id, bo.user.id], restrictions: [] }],
      });

      const now = '2026-12-06T00:00:00.000Z';
      const escalationId = randomUUID();
      await db.insertInto('escalations').values({
        id: escalationId, subject: 'incident', alert_group_id: null, incident_id: null, service_id: null, policy_id: null,
        snapshot: JSON.stringify({ policyId: null, name: 'burden', steps: [], repeat: 0, repeatDelaySeconds: 0, serviceName: null, incidentRef: null }),
        title: 'burden', reason: null, status: 'exhausted', round: 0, step: 0, next_step_at: null, acknowledged_by: null, acknowledged_at: null, stopped_at: now, created_by: 'test', created_at: now, updated_at: now,
      }).execute();
      const page = (userId: string, step: number, at: string, acknowledgedAt: string | null, status: 'sent' | 'folded' = 'sent') => ({
        id: randomUUID(), escalation_id: escalationId, round: 0, step, user_id: userId, status, digest_id: null, created_at: at, acknowledged_at: acknowledgedAt, acknowledged_by_recipient: acknowledgedAt ? 1 : 0,
      });
      await db.insertInto('pages').values([
        // Ana, Berlin (UTC+1): 23:10 Thursday and 02:10 Friday are one interrupted night; 10:00 Friday is daytime.
        page(ana.user.id, 0, '2026-12-03T22:10:00.000Z', '2026-12-03T22:12:00.000Z'),
        page(ana.user.id, 1, '2026-12-04T01:10:00.000Z', '2026-12-04T01:20:00.000Z'),
        page(ana.user.id, 2, '2026-12-04T09:00:00.000Z', null),
        // Bo, UTC: Friday noon, acknowledged in a minute; Saturday afternoon is a weekend page.
        page(bo.user.id, 3, '2026-12-04T12:00:00.000Z', '2026-12-04T12:01:00.000Z'),
        page(bo.user.id, 4, '2026-12-05T14:00:00.000Z', null),
        // Outside the range, and a folded page (it went into a digest, not to the phone): neither counts.
        page(bo.user.id, 5, '2026-12-06T00:00:00.000Z', null),
        page(bo.user.id, 6, '2026-12-04T13:00:00.000Z', null, 'folded'),
      ]).execute();

      const res = await t.app.inject({ method: 'GET', url: `/api/v1/oncall/burden?from=2026-12-03T00:00:00Z&to=2026-12-06T00:00:00Z&teamId=${team.id}`, headers: admin.auth });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json();
      const row = (p: Record<string, unknown>) => ({ userId: p.userId, pages: p.pages, night: p.nightPages, weekend: p.weekendPages, nights: p.nightsInterrupted, hours: p.hoursOnCall, tta: p.medianSecondsToAcknowledge, rank: p.rank });
      assert.deepEqual(report.people.map(row), [
        // Acknowledged in 120 s and 600 s: the median is 360 s. On call Thursday and Saturday: 48 h.
        { userId: ana.user.id, pages: 3, night: 2, weekend: 0, nights: 1, hours: 48, tta: 360, rank: 1 },
        { userId: bo.user.id, pages: 2, night: 0, weekend: 1, nights: 0, hours: 24, tta: 60, rank: 2 },
      ]);
      // Pages 3 and 2: mean 2.5, standard deviation 0.5, so 0.2; hours 48 and 24: mean 36, deviation 12, so 0.333.
      assert.deepEqual(report.spread.pages, { min: 2, max: 3, mean: 2.5, coefficientOfVariation: 0.2 });
      assert.deepEqual(report.spread.hoursOnCall, { min: 24, max: 48, mean: 36, coefficientOfVariation: 0.333 });
      assert.deepEqual(report.spread.nightPages, { min: 0, max: 2, mean: 1, coefficientOfVariation: 1 });
      assert.deepEqual(report.teams.map((x: Record<string, unknown>) => ({ id: x.teamId, pages: x.pages, night: x.nightPages, nights: x.nightsInterrupted, hours: x.hoursOnCall })), [
        { id: team.id, pages: 5, night: 2, nights: 1, hours: 72 },
      ]);

      const backwards = await t.app.inject({ method: 'GET', url: '/api/v1/oncall/burden?from=2026-12-06T00:00:00Z&to=2026-12-03T00:00:00Z', headers: admin.auth });
      assert.equal(backwards.statusCode, 400);
      assert.match(backwards.body, /"to"|\/to/);
    } finally {
      await t.close();
    }
  });
});
