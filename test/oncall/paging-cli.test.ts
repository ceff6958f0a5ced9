/**
 * `firebreak contact …`, `firebreak page` and `firebreak ack <link-or-group>`
 * against one SQLite file that the API (a test app) shares.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import type { Store } from '../../src/db/store.js';
import { amBody } from '../../src/testing/alerts.js';
import { until } from '../../src/testing/until.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak page, ack and contact', () => {
  let scratch: ScratchDatabase;
  let store: Store;
  let t: TestApp;
  let env: Record<string, string>;
  const cli = async (...args: string[]) => runCliInProcess(args, env);

  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    store = await scratch.open();
    // A mail server is configured (nothing sends here: no worker runs), so pages are written to the outbox; without one they would be skipped.
    const smtpUrl = 'smtp://127.0.0.1:2525';
    t = await createTestApp(store, { config: { smtpUrl } });
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_PUBLIC_URL: 'http://firebreak.test', FIREBREAK_SMTP_URL: smtpUrl };
  });
  after(async () => {
    await t.close();
    await store.close();
    await scratch.drop();
  });

  /** The newest message queued for an address (nothing sends here: the CLI writes to the outbox). */
  async function lastMessageTo(address: string): Promise<string> {
    const row = await store.db.selectFrom('deliveries').select(['body_text', 'payload', 'created_at']).where('recipient_address', '=', address).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    return row.body_text ?? row.payload ?? '';
  }

  test('contact add sends a code, contact verify checks it, contact list shows the method verified', async () => {
    const person = await t.user('responder');
    const added = await cli('contact', 'add', '--user', person.user.email, '--kind', 'webhook', '--address', 'https://hooks.example.test/pager');
    assert.equal(added.code, 0, added.stderr);
    const id = /^([0-9a-f-]{36}) \(a verification code is on its way\)/.exec(added.stdout)?.[1];
    assert.ok(id, added.stdout);
    assert.match((await cli('contact', 'list', '--user', person.user.email)).stdout, new RegExp(`${id}\\s+webhook\\s+https://hooks\\.example\\.test/pager\\s+no`));
    const wrong = await cli('contact', 'verify', id, '12345');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /six digits/);
    const code = /code is (\d{6})/.exec(await lastMessageTo('https://hooks.example.test/pager'))![1]!;
    const verified = await cli('contact', 'verify', id, code);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /webhook https:\/\/hooks\.example\.test\/pager verified/);
    assert.match((await cli('contact', 'list', '--user', person.user.email)).stdout, new RegExp(`${id}\\s+webhook\\s+\\S+\\s+yes`));
    const kind = await cli('contact', 'add', '--user', person.user.email, '--kind', 'pigeon', '--address', 'roof');
    assert.notEqual(kind.code, 0);
    assert.match(kind.stderr, /--kind/);
  });

  test('page --user pages into an incident with a reason; ack <link> acknowledges by the page link and the person joins', async () => {
    const [lead, expert] = [await t.user('responder'), await t.user('responder')];
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: lead.auth, payload: { title: 'Refunds stuck', severity: 'SEV2' } })).json() as { id: string; ref: string };
    const both = await cli('page', '--user', expert.user.email, '--team', 'sre', '--incident', incident.ref, '--reason', 'x');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /exactly one of --user, --schedule or --team/);

    const paged = await cli('page', '--user', expert.user.email, '--incident', incident.ref, '--reason', 'authority: refunds', '--as', lead.user.email);
    assert.equal(paged.code, 0, paged.stderr);
    const escalationId = /escalation ([0-9a-f-]{36})/.exec(paged.stdout)![1]!;
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events?after=0`, headers: lead.auth })).json().events as Array<{ kind: string; actorId: string | null; body: { reason?: string } }>;
    const recorded = events.find((e) => e.kind === 'responder_paged');
    assert.equal(recorded?.body.reason, 'authority: refunds');
    assert.equal(recorded?.actorId, lead.user.id, 'recorded as the responder who paged');

    const link = /Acknowledge: (http:\/\/firebreak\.test\/p\/[A-Za-z0-9_-]+)/.exec(await lastMessageTo(expert.user.email))![1]!;
    const acked = await cli('ack', link);
    assert.equal(acked.code, 0, acked.stderr);
    assert.match(acked.stdout, /Acknowledged: the escalation has stopped/);
    const escalation = (await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalationId}`, headers: lead.auth })).json();
    assert.deepEqual({ status: escalation.status, by: escalation.acknowledgedBy }, { status: 'acknowledged', by: expert.user.id });
    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: lead.auth })).json() as { members: string[] };
    assert.ok(state.members.includes(expert.user.id));
    const again = await cli('ack', link);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already been used/);
  });

  test('ack <group> acknowledges an alert group by id and stops its escalation', async () => {
    const [admin, oncall] = [await t.user('admin'), await t.user('responder')];
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'cli ack', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: oncall.user.id }] }, { delaySeconds: 600, targets: [{ type: 'user', id: admin.user.id }] }] } });
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name: 'cli-ack', escalationPolicyId: policy.json().id } });
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: 'cli' } });
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.json().key}`, payload: amBody([{ fingerprint: 'cli-ack', summary: 'disk full' }]) })).statusCode, 202);
    // Intake answers once the alert is journaled; the escalation starts as it is applied.
    const escalation = await until('the escalation of the alert group', async () => ((await t.app.inject({ method: 'GET', url: '/api/v1/escalations?status=active', headers: admin.auth })).json().escalations as Array<{ id: string; alertGroupId: string; title: string }>).find((e) => e.title === 'disk full'));

    const acked = await cli('ack', escalation.alertGroupId, '--as', oncall.user.email);
    assert.equal(acked.code, 0, acked.stderr);
    assert.match(acked.stdout, new RegExp(`alert group ${escalation.alertGroupId}: acknowledged`));
    const stopped = (await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${escalation.id}`, headers: admin.auth })).json();
    assert.deepEqual({ status: stopped.status, by: stopped.acknowledgedBy, next: stopped.nextStep }, { status: 'acknowledged', by: oncall.user.id, next: null });
    const byToken = await cli('ack', 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(byToken.code, 1);
    assert.match(byToken.stderr, /link not found/, 'a bare 22-character token is a link');
    const unknown = await cli('ack', '00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /not found/);
  });

  test('ack only acknowledges (the person joins, nobody is made commander); --take-command also takes command of an incident nobody commands', async () => {
    const [admin, oncall] = [await t.user('admin'), await t.user('responder')];
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'cli take command', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: oncall.user.id }] }] } });
    assert.equal(policy.statusCode, 201, policy.body);
    const fire = async (name: string) => {
      const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin.auth, payload: { name, escalationPolicyId: policy.json().id } });
      const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name } });
      assert.equal((await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.json().key}`, payload: amBody([{ fingerprint: name, labels: { severity: 'critical' }, summary: `${name} down` }]) })).statusCode, 202);
      return until(`the escalation of ${name}`, async () => ((await t.app.inject({ method: 'GET', url: '/api/v1/escalations', headers: admin.auth })).json().escalations as Array<{ id: string; alertGroupId: string; incidentId: string | null; title: string }>).find((e) => e.title === `${name} down` && e.incidentId));
    };
    const incident = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: admin.auth })).json() as { ref: string; members: string[]; roles: Array<{ role: string; userId: string | null }> };

    const plain = await fire('ledger');
    const acked = await cli('ack', plain.alertGroupId, '--as', oncall.user.email);
    assert.equal(acked.code, 0, acked.stderr);
    const ledger = await incident(plain.incidentId!);
    assert.match(acked.stdout, new RegExp(`${ledger.ref}: to take command as well, run this again with --take-command`));
    assert.equal(ledger.roles.find((r) => r.role === 'commander'), undefined, 'acknowledging did not make anyone commander');
    assert.deepEqual(ledger.members, [oncall.user.id], 'the acknowledger joined (reminders reach them while nobody commands)');

    const offered = await fire('billing');
    const mail = await until('the page of billing', async () => { const text = await lastMessageTo(oncall.user.email); return /billing down/.test(text) ? text : undefined; });
    const link = /^Acknowledge: (\S+\/p\/[A-Za-z0-9_-]+)$/m.exec(mail)?.[1];
    assert.ok(link, mail);
    const taken = await cli('ack', link, '--take-command');
    assert.equal(taken.code, 0, taken.stderr);
    assert.match(taken.stdout, /Acknowledged: the escalation has stopped, and you command the incident/);
    assert.equal((await incident(offered.incidentId!)).roles.find((r) => r.role === 'commander')?.userId, oncall.user.id);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/escalations/${offered.id}`, headers: admin.auth })).json().status, 'acknowledged');

    // The link's own page offers the same one action: its second button posts with ?take=command.
    const onPage = await fire('refunds');
    const pageMail = await until('the page of refunds', async () => { const text = await lastMessageTo(oncall.user.email); return /refunds down/.test(text) ? text : undefined; });
    const path = new URL(/^Acknowledge: (\S+)$/m.exec(pageMail)![1]!).pathname;
    const confirmation = await t.app.inject({ method: 'GET', url: path });
    assert.match(confirmation.body, /<form method="post" action="\?take=command"><button type="submit">Acknowledge and take command<\/button>/);
    const posted = await t.app.inject({ method: 'POST', url: `${path}?take=command`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(posted.statusCode, 200, posted.body);
    assert.match(posted.body, /you command the incident/);
    assert.equal((await incident(onPage.incidentId!)).roles.find((r) => r.role === 'commander')?.userId, oncall.user.id);
    assert.equal((await t.app.inject({ method: 'POST', url: `${path}?take=everything` })).statusCode, 400, 'an unknown offer is refused, naming the field');
  });
});
