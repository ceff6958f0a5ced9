/**
 * Accepting an alert never fails because what intake feeds fails: with
 * paging, runbooks, the status page or metrics failing in turn, intake still
 * answers 202, the alert is readable at once, the failure is logged and
 * counted in /metrics, and the work is retried until the page reaches a real
 * SMTP server (with runbook links whenever runbooks can be read).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ConsumerFaults, IntakeConsumer } from '../../src/app/faults.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { until } from '../../src/testing/until.js';

type Auth = { authorization: string };

/** The counter's value for one consumer in the /metrics text (0 when absent). */
function failures(metricsText: string, consumer: string): number {
  const line = metricsText.split('\n').find((l) => l.startsWith(`firebreak_alert_intake_consumer_failures_total{consumer="${consumer}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describeEachStore('intake survives its consumers', (fixture) => {
  const faults: ConsumerFaults = { failing: new Set() };
  let t: TestApp;
  let smtp: SmtpPeer;
  let admin: Auth;
  let onCall: Awaited<ReturnType<TestApp['user']>>;
  let key = '';
  let runbookId = '';

  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' }, faults });
    admin = (await t.user('admin')).auth;
    onCall = await t.user('responder');
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin, payload: { name: 'payments first line', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: onCall.user.id }] }] } });
    assert.equal(policy.statusCode, 201, policy.body);
    const service = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name: 'payments-api', escalationPolicyId: policy.json().id, groupBy: ['alertname'] } });
    assert.equal(service.statusCode, 201, service.body);
    const runbook = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: admin, payload: { title: 'Payments first page', body: '# Payments', serviceIds: [service.json().id] } });
    assert.equal(runbook.statusCode, 201, runbook.body);
    runbookId = runbook.json().id;
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.json().id}/integrations`, headers: admin, payload: { kind: 'alertmanager', name: 'prometheus' } });
    assert.equal(integration.statusCode, 201, integration.body);
    key = integration.json().key;
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const cases: Array<{ consumer: IntakeConsumer; pagesWhileFailing: boolean; linksIncidentWhileFailing: boolean }> = [
    { consumer: 'paging', pagesWhileFailing: false, linksIncidentWhileFailing: true },
    { consumer: 'runbooks', pagesWhileFailing: true, linksIncidentWhileFailing: true },
    { consumer: 'statuspage', pagesWhileFailing: true, linksIncidentWhileFailing: false },
    { consumer: 'metrics', pagesWhileFailing: true, linksIncidentWhileFailing: false },
  ];

  for (const { consumer, pagesWhileFailing, linksIncidentWhileFailing } of cases) {
    test(`with ${consumer} failing, intake answers 202, the alert is stored, the failure is logged and counted, and the page still goes out`, async () => {
      const summary = `Checkout errors above 5% (${consumer} failing)`;
      const fingerprint = `survive-${consumer}`;
      const before = failures((await t.app.inject({ method: 'GET', url: '/metrics' })).body, consumer);
      faults.failing.add(consumer);
      try {
        const res = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${key}`, payload: amBody([{ fingerprint, summary, labels: { alertname: `Checkout${consumer}`, severity: 'critical' } }]) });
        assert.equal(res.statusCode, 202, res.body);
        assert.equal(res.json().alerts, 1);

        // Read-your-writes: the alert is there on the first read after the answer.
        const listed = await t.app.inject({ method: 'GET', url: `/api/v1/alerts?dedupKey=${fingerprint}`, headers: admin });
        assert.equal(listed.statusCode, 200, listed.body);
        assert.deepEqual(listed.json().alerts.map((a: { dedupKey: string; status: string }) => [a.dedupKey, a.status]), [[fingerprint, 'triggered']]);

        await until(`the ${consumer} failure counted in /metrics`, async () => failures((await t.app.inject({ method: 'GET', url: '/metrics' })).body, consumer) > before);
        assert.ok(t.logs.some((l) => l.includes(`"consumer":"${consumer}"`) && /failed/.test(l)), `a log line names the failing ${consumer}`);

        const page = () => smtp.mails.find((m) => m.to.includes(onCall.user.email) && m.text.includes(summary));
        if (pagesWhileFailing) {
          const mail = await until('the page, sent while the consumer fails', async () => page());
          if (consumer === 'runbooks') assert.ok(!mail.text.includes(`/runbooks/${runbookId}`), 'the page goes out without the runbook links it could not read');
          else assert.ok(mail.text.includes(`Runbook: Payments first page http://firebreak.test/runbooks/${runbookId}`), mail.text);
        } else {
          assert.equal(page(), undefined, 'no page while paging fails');
        }
        const group = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups?status=triggered`, headers: admin })).json().groups.find((g: { summary: string }) => g.summary === summary) as { incidentRef: string | null } | undefined;
        if (linksIncidentWhileFailing) await until('the incident linked while the consumer fails', async () => (await group())?.incidentRef);
        else assert.equal((await group())?.incidentRef, null, 'no incident while its consumers fail');
      } finally {
        faults.failing.delete(consumer);
      }
      // Retried until it succeeds: the page (with its runbook links) and the incident arrive once the consumer recovers.
      const mail = await until('the page after recovery', async () => smtp.mails.find((m) => m.to.includes(onCall.user.email) && m.text.includes(summary)), 30_000);
      if (consumer !== 'runbooks') assert.ok(mail.text.includes(`/runbooks/${runbookId}`), mail.text);
      await until('the incident after recovery', async () => {
        const groups = (await t.app.inject({ method: 'GET', url: '/api/v1/alert-groups', headers: admin })).json().groups as Array<{ summary: string; incidentRef: string | null }>;
        return groups.find((g) => g.summary === summary)?.incidentRef;
      }, 30_000);
      assert.equal(smtp.mails.filter((m) => m.to.includes(onCall.user.email) && m.text.includes(summary)).length, 1, 'paged once');
    });
  }
});
