import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { cliActor } from '../auth/identity.js';
import { addMember, createTeam } from '../auth/teams.js';
import { createSchedule } from './schedule-service.js';
import { planScheduleNotices, sendShiftNotice } from './shift-notices.js';

describeEachStore('shift-start notices and gap warnings', (fixture) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await createTestApp(fixture.store);
    ids.ana = (await t.user('responder', 'ana@example.test')).user.id;
    ids.bo = (await t.user('responder', 'bo@example.test')).user.id;
    const team = await createTeam(t.ctx.store, cliActor(), { name: 'payments' });
    await addMember(t.ctx.store, cliActor(), team.id, ids.bo);
    ids.team = team.id;
  });
  after(async () => {
    await t.close();
  });

  const deliveries = (reason: string) =>
    t.ctx.store.db.selectFrom('deliveries').select(['recipient_user_id', 'subject', 'body_text']).where('reason', '=', reason).orderBy('created_at').execute();

  test('the planner schedules one notice per person per shift start in the next day, however often it runs', async () => {
    const schedule = await createSchedule(t.ctx.store, cliActor(), {
      name: 'checkout',
      timeZone: 'Europe/Berlin',
      layers: [{ name: 'daily', start: '2026-06-01T09:00', length: { unit: 'days', count: 1 }, participants: [ids.ana!, ids.bo!], restrictions: [] }],
    });
    ids.schedule = schedule.id;
    const now = new Date('2026-06-03T05:00:00Z');
    // The day ahead holds June 3's 09:00 CEST (07:00Z) hand-off to ana; a minute later, also June 4's to bo.
    assert.equal((await planScheduleNotices(t.ctx, now)).noticesScheduled, 1);
    assert.equal((await planScheduleNotices(t.ctx, now)).noticesScheduled, 0);
    assert.equal((await planScheduleNotices(t.ctx, new Date(now.getTime() + 60_000))).noticesScheduled, 1);
    const jobs = await t.ctx.store.db.selectFrom('jobs').select(['payload', 'run_at']).where('kind', '=', 'oncall.shift-notice').execute();
    const planned = jobs.map((j) => ({ ...(JSON.parse(j.payload) as { scheduleId: string; userId: string; start: string }), runAt: new Date(j.run_at).toISOString() }));
    assert.deepEqual(
      planned.map((p) => [p.scheduleId, p.userId, p.start, p.runAt]).sort(),
      [[schedule.id, ids.ana, '2026-06-03T07:00:00.000Z', '2026-06-03T07:00:00.000Z'], [schedule.id, ids.bo, '2026-06-04T07:00:00.000Z', '2026-06-04T07:00:00.000Z']].sort(),
    );
  });

  test('a notice says when the shift starts and ends, is sent once, and is dropped when the person is no longer on call', async () => {
    const sent = await sendShiftNotice(t.ctx, { scheduleId: ids.schedule!, userId: ids.ana!, start: '2026-06-03T07:00:00.000Z' });
    assert.equal(sent, true);
    assert.equal(await sendShiftNotice(t.ctx, { scheduleId: ids.schedule!, userId: ids.ana!, start: '2026-06-03T07:00:00.000Z' }), false);
    assert.equal(await sendShiftNotice(t.ctx, { scheduleId: ids.schedule!, userId: ids.bo!, start: '2026-06-03T07:00:00.000Z' }), false);
    const notices = await deliveries('oncall.shift_start');
    assert.deepEqual(notices, [
      {
        recipient_user_id: ids.ana,
        subject: 'You are on call for checkout',
        body_text: 'You are on call for checkout from Wed 3 Jun 2026 07:00 +00:00 UTC (Wed 3 Jun 2026 09:00 +02:00 Europe/Berlin) to Thu 4 Jun 2026 07:00 +00:00 UTC (Thu 4 Jun 2026 09:00 +02:00 Europe/Berlin).',
      },
    ]);
  });

  test('the owning team is warned once a day while a schedule has gaps in its next 14 days', async () => {
    await createSchedule(t.ctx.store, cliActor(), {
      name: 'weekdays only',
      timeZone: 'UTC',
      ownerTeamId: ids.team!,
      layers: [{ name: 'office', start: '2026-06-01T09:00', length: { unit: 'weeks', count: 1 }, participants: [ids.ana!], restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] }],
    });
    const now = new Date('2026-06-03T05:00:00Z');
    assert.equal((await planScheduleNotices(t.ctx, now)).gapWarnings, 1);
    assert.equal((await planScheduleNotices(t.ctx, new Date(now.getTime() + 3_600_000))).gapWarnings, 0);
    const warnings = await deliveries('oncall.schedule_gap');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]!.recipient_user_id, ids.bo);
    assert.match(warnings[0]!.body_text!, /^weekdays only has 11 gaps with nobody on call in the next 14 days, the first from 2026-06-03T05:00:00.000Z to 2026-06-03T09:00:00.000Z/);
  });
});
