/**
 * Page nobody: a service's escalation policy is named by id or name and an unknown
 * one is refused; a policy that reaches no one who can be paged is flagged on the
 * service list, and the alert group it paged nobody for says so. Real SMTP peer.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { until } from '../../src/testing/until.js';
import { runCli } from '../support/process.js';
import { fireAlert, policy, serviceWithIntake, type EscalationSeen } from './paging-setup.js';
import { startRealServer, type RealServer } from './real-server.js';

type ServiceSeen = { id: string; name: string; escalationPolicyId: string | null; pagesNobody: string | null };

describeEachStore('page nobody', (fixture) => {
  let server: RealServer;
  let smtp: SmtpPeer;
  let admin: Record<string, string>;
  let oncall: { id: string; email: string };
  before(async () => {
    smtp = await startSmtpPeer();
    server = await startRealServer(fixture.store, { config: { smtpUrl: smtp.url }, worker: true });
    admin = (await server.user('admin')).auth;
    oncall = await server.user('responder');
  });
  after(async () => {
    await server?.close();
    await smtp?.close();
  });

  const services = async () => (await server.call<{ services: ServiceSeen[] }>('GET', '/api/v1/services', admin)).body.services;

  test('an unknown policy name is refused naming the field, and nothing is stored', async () => {
    const checkout = await serviceWithIntake(server, admin, 'checkout-api');
    const refused = await server.call<{ errors: Array<{ field: string; message: string }> }>('PATCH', `/api/v1/services/${checkout.id}`, admin, { escalationPolicyId: 'checkout' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errors[0]!.field, 'escalationPolicyId');
    assert.match(refused.body.errors[0]!.message, /no escalation policy .*"checkout"/);
    const created = await server.call('POST', '/api/v1/services', admin, { name: 'payments-api', escalationPolicyId: 'no-such-policy' });
    assert.equal(created.status, 400);
    const list = await services();
    assert.equal(list.find((s) => s.name === 'checkout-api')!.escalationPolicyId, null);
    assert.ok(!list.some((s) => s.name === 'payments-api'), 'a refused service is not stored');
    assert.match(list.find((s) => s.name === 'checkout-api')!.pagesNobody!, /no escalation policy/);
  });

  test('the CLI names the policy by name and the service stores its id; an unknown name fails the command', async () => {
    const policyId = await policy(server, admin, 'checkout', [{ type: 'user', id: oncall.id }]);
    const env = { FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl };
    const ok = await runCli(['service', 'update', 'checkout-api', '--escalation-policy', 'checkout'], env);
    assert.equal(ok.code, 0, ok.stderr);
    const stored = (await services()).find((s) => s.name === 'checkout-api')!;
    assert.equal(stored.escalationPolicyId, policyId);
    assert.equal(stored.pagesNobody, null, 'a policy paging a person with an account email and SMTP reaches someone');
    const bad = await runCli(['service', 'update', 'checkout-api', '--escalation-policy', 'chekout'], env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /escalationPolicyId.*"chekout"/);
    assert.equal((await services()).find((s) => s.name === 'checkout-api')!.escalationPolicyId, policyId);
  });

  test('a policy with nobody on call is flagged on the service list, and its alert group says it paged nobody', async () => {
    // A rotation that starts next year: nobody is on call now.
    const schedule = await server.call<{ id: string }>('POST', '/api/v1/oncall/schedules', admin, {
      name: 'future-rotation',
      timeZone: 'UTC',
      layers: [{ name: 'weekly', start: `${new Date().getUTCFullYear() + 1}-01-05T09:00`, length: { unit: 'weeks', count: 1 }, participants: [oncall.id] }],
    });
    assert.equal(schedule.status, 201, JSON.stringify(schedule.body));
    await policy(server, admin, 'ledger-policy', [{ type: 'schedule', id: schedule.body.id }]);
    const ledger = await serviceWithIntake(server, admin, 'ledger', 'ledger-policy');
    const flagged = (await services()).find((s) => s.id === ledger.id)!;
    assert.match(flagged.pagesNobody!, /nobody is on call for escalation policy ledger-policy/);

    assert.equal(await fireAlert(server, ledger.intakeUrl, 'ledger-1', 'Ledger writes failing'), 202);
    const escalation = await until('the ledger escalation to fire its step', async () => {
      const list = (await server.call<{ escalations: EscalationSeen[] }>('GET', '/api/v1/escalations', admin)).body.escalations;
      return list.find((e) => e.pagedNobody && e.pages.length === 0 && e.status === 'exhausted');
    });
    assert.match(escalation.pagedNobody!, /paged nobody/);
    const groups = (await server.call<{ groups: Array<{ id: string; serviceId: string }> }>('GET', `/api/v1/alert-groups?serviceId=${ledger.id}`, admin)).body.groups;
    assert.equal(escalation.alertGroupId, groups[0]!.id, 'the flag belongs to the ledger alert group');
  });

  test('a policy that reaches someone pages them at the SMTP server and is not flagged', async () => {
    const checkout = (await services()).find((s) => s.name === 'checkout-api')!;
    const intake = await server.call<{ intakeUrl: string }>('POST', `/api/v1/services/${checkout.id}/integrations`, admin, { kind: 'alertmanager', name: 'second' });
    assert.equal(await fireAlert(server, intake.body.intakeUrl, 'checkout-1', 'Checkout 5xx above 5%'), 202);
    const mail = await until('the page mail', async () => smtp.mails.find((m) => m.to.includes(oncall.email) && /Checkout 5xx/.test(m.subject)));
    assert.match(mail.text, /Acknowledge: /);
    const escalation = await until('the checkout escalation', async () => (await server.call<{ escalations: EscalationSeen[] }>('GET', '/api/v1/escalations', admin)).body.escalations.find((e) => e.pages.some((p) => p.userId === oncall.id)));
    assert.equal(escalation.pagedNobody, null);
    assert.equal(escalation.pages[0]!.status, 'sent');
  });
});
