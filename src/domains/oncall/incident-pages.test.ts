/**
 * Paging a person into an incident: the timeline records it as its own kind
 * (responder_paged, with target and reason); acknowledging the page makes the
 * person a member; a private incident's escalations stay hidden from people
 * who cannot see the incident.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../notify/testing.js';
import { linkIn, until } from './paging-testing.js';

describeEachStore('paging a person into an incident', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;

  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('a private incident: the page is on the timeline as responder_paged; only members and admins see its escalation; acknowledging makes the paged person a member', async () => {
    const [lead, expert, outsider, admin] = [await t.user('responder'), await t.user('responder'), await t.user('responder'), await t.user('admin')];
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: lead.auth, payload: { title: 'Ledger drift', severity: 'SEV2', private: true } })).json() as { id: string; ref: string };
    const paged = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/pages`, headers: lead.auth, payload: { userId: expert.user.id, reason: 'expertise: ledger schema' } });
    assert.equal(paged.statusCode, 201, paged.body);
    const escalationId = paged.json().id as string;

    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=0`, headers: lead.auth })).json().events as Array<{ kind: string; body: Record<string, unknown> }>;
    const recorded = events.filter((e) => e.kind === 'responder_paged');
    assert.equal(recorded.length, 1);
    assert.deepEqual(recorded[0]!.body, { target: { type: 'user', id: expert.user.id, name: expert.user.name }, reason: 'expertise: ledger schema', escalationId });
    assert.equal(events.filter((e) => e.kind === 'action_taken').length, 0, 'not a generic action');
    const append = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/events`, headers: lead.auth, payload: { kind: 'responder_paged', body: recorded[0]!.body } });
    assert.equal(append.statusCode, 400, 'only Firebreak writes responder_paged, with a page behind it');

    // Hidden from whoever cannot see the incident: not listed, 404 to read or act on.
    const listed = async (who: { auth: Record<string, string> }) =>
      ((await t.app.inject({ method: 'GET', url: '/api/v1/escalations?limit=100', headers: who.auth })).json().escalations as Array<{ id: string }>).some((e) => e.id === escalationId);
    assert.equal(await listed(lead), true, 'a member sees it');
    assert.equal(await listed(admin), true, 'an admin sees it');
    assert.equal(await listed(outsider), false, 'someone else does not');
    assert.equal(await listed(expert), false, 'nor does the paged person before they join');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalationId}`, headers: outsider.auth })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/escalations?incidentId=${incident.id}`, headers: outsider.auth })).json().escalations.length, 0);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/escalations/${escalationId}/acknowledge`, headers: outsider.auth })).statusCode, 404);

    // The paged person acknowledges from the page's link (they cannot see the incident yet) and joins it.
    const mail = await until('the page', async () => smtp.mails.find((m) => m.to.includes(expert.user.email)));
    assert.match(mail.text, /Reason: expertise: ledger schema/);
    const ack = await t.app.inject({ method: 'POST', url: linkIn(mail.text, 'Acknowledge'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(ack.statusCode, 200, ack.body);
    const escalation = (await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalationId}`, headers: expert.auth })).json();
    assert.equal(escalation.status, 'acknowledged');
    assert.equal(escalation.acknowledgedBy, expert.user.id);
    assert.equal(await listed(expert), true, 'a member now');
    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: expert.auth })).json() as { members: string[] };
    assert.ok(state.members.includes(expert.user.id), 'the paged person is a member');
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=0`, headers: expert.auth })).json().events as Array<{ kind: string; body: { userId?: string } }>;
    assert.equal(after.filter((e) => e.kind === 'member_added' && e.body.userId === expert.user.id).length, 1);
  });

  test('acknowledging through the API as a member already does not add them twice', async () => {
    const [lead, expert] = [await t.user('responder'), await t.user('responder')];
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: lead.auth, payload: { title: 'Queue backlog', severity: 'SEV3' } })).json() as { id: string; ref: string };
    const added = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/events`, headers: lead.auth, payload: { kind: 'member_added', body: { userId: expert.user.id } } });
    assert.equal(added.statusCode, 201, added.body);
    const paged = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/pages`, headers: lead.auth, payload: { userId: expert.user.id, reason: 'capacity' } });
    const ack = await t.app.inject({ method: 'POST', url: `/api/v1/escalations/${paged.json().id}/acknowledge`, headers: expert.auth });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, 'acknowledged');
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=0`, headers: lead.auth })).json().events as Array<{ kind: string }>;
    assert.equal(events.filter((e) => e.kind === 'member_added').length, 1);
  });
});
