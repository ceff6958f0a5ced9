import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { until } from '../../testing/until.js';
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '../notify/testing.js';
import { roleHolderIds } from './invitation.js';
import type { IncidentEvent } from '../incidents/events.js';

/** The text/calendar part of a received message, decoded from base64, with folded lines joined (RFC 5545 §3.1). */
function calendarOf(mail: ReceivedMail): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(mail.raw)?.[1];
  assert.ok(boundary, 'a multipart message');
  const part = mail.raw.split(`--${boundary}`).find((p) => /^content-type:\s*text\/calendar/im.test(p));
  assert.ok(part, 'a text/calendar attachment');
  assert.match(part, /method=REQUEST/i);
  assert.match(part, /filename="?postmortem\.ics"?/i);
  assert.match(part, /content-transfer-encoding:\s*base64/i);
  const body = part.slice(part.search(/\r?\n\r?\n/)).replace(/\s+/g, '');
  return Buffer.from(body, 'base64').toString('utf8').replace(/\r?\n[ \t]/g, '');
}

const property = (ics: string, name: string) => ics.split(/\r?\n/).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

test('who held a role: the declared commander, role assignments and role hand-offs, once each; work hand-offs and labels only do not count', () => {
  const e = (kind: string, body: object) => ({ kind, body }) as unknown as IncidentEvent;
  assert.deepEqual(roleHolderIds([
    e('declared', { commander: { userId: 'u1', label: 'A' } }),
    e('role_assigned', { role: 'operations', userId: 'u2' }),
    e('role_assigned', { role: 'communications', label: 'Someone without an account' }),
    e('handoff', { role: 'commander', to: { userId: 'u3' } }),
    e('handoff', { to: { userId: 'u4' }, notes: 'the log review' }),
    e('role_assigned', { role: 'scribe', userId: 'u1' }),
  ]), ['u1', 'u2', 'u3']);
});

describeEachStore('postmortem meeting invitation', (fixture) => {
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

  test('scheduling the meeting emails an .ics REQUEST to everyone who held a role; rescheduling sends the same UID with the next SEQUENCE', async () => {
    const commander = await t.user('responder', 'commander@example.test');
    const ops = await t.user('responder', 'ops@example.test');
    const next = await t.user('responder', 'next-commander@example.test');
    const bystander = await t.user('responder', 'bystander@example.test');
    const post = (url: string, payload: object, auth = commander.auth) => t.app.inject({ method: 'POST', url, headers: auth, payload });
    const ref = (await post('/api/v1/incidents', { title: 'Checkout down', severity: 'SEV1' })).json().ref as string;
    for (const event of [
      { kind: 'role_assigned', body: { role: 'operations', userId: ops.user.id } },
      { kind: 'member_added', body: { userId: bystander.user.id } },
      { kind: 'handoff', body: { role: 'commander', to: { userId: next.user.id }, notes: 'shift end' } },
      { kind: 'resolved', body: { override: { reason: 'test' } } },
    ]) assert.equal((await post(`/api/v1/incidents/${ref}/events`, event)).statusCode, 201, event.kind);
    // The postmortem opens after the resolution commits, as a job.
    await until(`the postmortem of ${ref}`, async () => (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/postmortem`, headers: commander.auth })).statusCode === 200);
    const schedule = (at: string) => t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${ref}/postmortem`, headers: commander.auth, payload: { meeting: { at, minutes: 45 } } });
    const scheduled = await schedule('2030-03-04T15:00:00Z');
    assert.equal(scheduled.statusCode, 200, scheduled.body);
    assert.deepEqual(scheduled.json().meeting, { at: '2030-03-04T15:00:00.000Z', minutes: 45 });

    const invited = ['commander@example.test', 'next-commander@example.test', 'ops@example.test'];
    const first = await smtp.waitForMails(3, 60_000);
    assert.deepEqual(first.flatMap((m) => m.to).sort(), invited);
    for (const mail of first) {
      assert.match(mail.subject, new RegExp(`Invitation: postmortem review of ${ref}`));
      const ics = calendarOf(mail);
      assert.deepEqual(property(ics, 'METHOD'), ['METHOD:REQUEST']);
      assert.deepEqual(property(ics, 'DTSTART'), ['DTSTART:20300304T150000Z']);
      assert.deepEqual(property(ics, 'DTEND'), ['DTEND:20300304T154500Z']);
      assert.deepEqual(property(ics, 'SEQUENCE'), ['SEQUENCE:0']);
      assert.match(property(ics, 'ORGANIZER')[0]!, /mailto:firebreak@example\.test$/);
      assert.deepEqual(property(ics, 'ATTENDEE').map((a) => /mailto:(.+)$/i.exec(a)![1]).sort(), invited);
      assert.match(property(ics, 'SUMMARY')[0]!, new RegExp(`SUMMARY:Postmortem review: ${ref} Checkout down`));
    }
    const uid = property(calendarOf(first[0]!), 'UID')[0];

    assert.equal((await schedule('2030-03-05T09:30:00Z')).statusCode, 200);
    const all = await smtp.waitForMails(6, 60_000);
    for (const mail of all.slice(3)) {
      const ics = calendarOf(mail);
      assert.deepEqual(property(ics, 'UID'), [uid]);
      assert.deepEqual(property(ics, 'SEQUENCE'), ['SEQUENCE:1']);
      assert.deepEqual(property(ics, 'DTSTART'), ['DTSTART:20300305T093000Z']);
    }
    assert.ok(!smtp.mails.some((m) => m.to.includes('bystander@example.test')), 'a member who held no role is not invited');
  });
});
