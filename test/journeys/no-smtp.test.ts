/**
 * No SMTP: without FIREBREAK_SMTP_URL (or an SMS provider) nothing says sent.
 * The process warns once per channel in use at start; pages and deliveries are
 * skipped with the reason; the API, the CLI and the service list say "not sent".
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { until } from '../../src/testing/until.js';
import { runCli } from '../support/process.js';
import { fireAlert, policy, serviceWithIntake, type EscalationSeen } from './paging-setup.js';
import { startRealServer, type RealServer } from './real-server.js';

const warningsIn = (logs: string[], channel: string) => logs.map((l) => JSON.parse(l) as { level: number; channel?: string; msg: string }).filter((l) => l.level === 40 && l.channel === channel);

describeEachStore('no SMTP: nothing says sent', (fixture) => {
  let server: RealServer;
  let admin: Record<string, string>;
  let oncall: { id: string; email: string; auth: Record<string, string> };
  before(async () => {
    server = await startRealServer(fixture.store, { worker: true });
    admin = (await server.user('admin')).auth;
    oncall = await server.user('responder');
  });
  after(async () => server?.close());

  test('at start the process warns once that email cannot be sent', () => {
    const email = warningsIn(server.testApp.logs, 'email');
    assert.equal(email.length, 1, server.testApp.logs.join('\n'));
    assert.match(email[0]!.msg, /email cannot be sent: no SMTP server is configured/);
    assert.equal(warningsIn(server.testApp.logs, 'sms').length, 0, 'nobody uses SMS yet');
  });

  test('a new contact method says its code was not sent, through the API and the CLI', async () => {
    const added = await server.call<{ codeNotSent: string | null }>('POST', `/api/v1/users/${oncall.id}/contact-methods`, oncall.auth, { kind: 'email', address: 'pager@example.test' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.codeNotSent, 'not sent: no SMTP server is configured');
    const sms = await server.call<{ codeNotSent: string | null }>('POST', `/api/v1/users/${oncall.id}/contact-methods`, oncall.auth, { kind: 'sms', address: '+4915112345678' });
    assert.match(sms.body.codeNotSent!, /^not sent: no SMS\/voice provider is configured/);
    const env = { FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl, FIREBREAK_SMTP_URL: undefined };
    const cli = await runCli(['contact', 'add', '--user', oncall.email, '--kind', 'email', '--address', 'cli@example.test'], env);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /not sent: no SMTP server is configured/);
    assert.doesNotMatch(cli.stdout, /on its way/);
  });

  test('a second process start warns once per channel in use: email and sms', async () => {
    const again = await startRealServer(fixture.store);
    try {
      assert.equal(warningsIn(again.testApp.logs, 'email').length, 1);
      assert.equal(warningsIn(again.testApp.logs, 'sms').length, 1);
      assert.match(warningsIn(again.testApp.logs, 'sms')[0]!.msg, /FIREBREAK_TWILIO_ACCOUNT_SID/);
    } finally {
      await again.close();
    }
  });

  test('a page is skipped with the reason, the service is flagged, deliveries are skipped with why, and nothing says sent', async () => {
    await policy(server, admin, 'checkout', [{ type: 'user', id: oncall.id }]);
    const checkout = await serviceWithIntake(server, admin, 'checkout-api', 'checkout');
    const listed = (await server.call<{ services: Array<{ id: string; pagesNobody: string | null }> }>('GET', '/api/v1/services', admin)).body.services.find((s) => s.id === checkout.id)!;
    assert.match(listed.pagesNobody!, /nobody on escalation policy checkout can be paged: no SMTP server is configured/);

    assert.equal(await fireAlert(server, checkout.intakeUrl, 'checkout-1', 'Checkout 5xx above 5%'), 202);
    const escalation = await until('the escalation', async () => (await server.call<{ escalations: EscalationSeen[] }>('GET', '/api/v1/escalations', admin)).body.escalations.find((e) => e.pages.length > 0));
    assert.deepEqual(escalation.pages.map((p) => [p.status, p.detail]), [['skipped', 'not sent: no SMTP server is configured']]);
    assert.match(escalation.pagedNobody!, /^paged nobody: not sent: no SMTP server is configured/);

    const deliveries = await until('every delivery to be settled', async () => {
      const list = (await server.call<{ deliveries: Array<{ reason: string; channel: string; status: string; statusDetail: string | null }> }>('GET', '/api/v1/deliveries', admin)).body.deliveries;
      return list.length > 0 && list.every((d) => d.status !== 'queued') ? list : undefined;
    });
    assert.deepEqual(deliveries.filter((d) => d.status === 'sent'), [], 'no delivery says sent');
    const codes = deliveries.filter((d) => d.channel === 'email');
    assert.ok(codes.length >= 2, 'the verification codes by email were recorded');
    for (const d of codes) {
      assert.equal(d.status, 'skipped');
      assert.match(d.statusDetail!, /no SMTP server is configured/);
    }
  });
});
