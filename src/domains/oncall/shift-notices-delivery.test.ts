import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../notify/testing.js';
import { cliActor } from '../auth/identity.js';
import { createSchedule } from './schedule-service.js';
import { planScheduleNotices } from './shift-notices.js';

describeEachStore('shift-start notices reach the on-call person by email', (fixture) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, smtpFrom: 'Firebreak <firebreak@example.test>' } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('a planned notice runs at the shift start, through the outbox, to the SMTP server', async () => {
    const ana = (await t.user('responder', 'ana@example.test')).user;
    const bo = (await t.user('responder', 'bo@example.test')).user;
    await createSchedule(t.ctx.store, cliActor(), {
      name: 'storage',
      timeZone: 'Australia/Lord_Howe',
      layers: [{ name: 'weekly', start: '2026-09-27T09:00', length: { unit: 'weeks', count: 1 }, participants: [ana.id, bo.id], restrictions: [] }],
    });
    // Planned the evening before bo's first turn; that hand-off (09:00 +11:00 on 4 Oct, the day DST starts) is long past, so the worker runs it at once.
    const planned = await planScheduleNotices(t.ctx, new Date('2026-10-03T12:00:00Z'));
    assert.equal(planned.noticesScheduled, 1);
    const [mail] = await smtp.waitForMails(1);
    assert.deepEqual(mail!.to, ['bo@example.test']);
    assert.equal(mail!.subject, 'You are on call for storage');
    assert.equal(mail!.text, 'You are on call for storage from Sat 3 Oct 2026 22:00 +00:00 UTC (Sun 4 Oct 2026 09:00 +11:00 Australia/Lord_Howe) to Sat 10 Oct 2026 22:00 +00:00 UTC (Sun 11 Oct 2026 09:00 +11:00 Australia/Lord_Howe).');
  });
});
