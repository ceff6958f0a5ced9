import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { amBody } from '../../testing/alerts.js';
import { startSmtpPeer, type SmtpPeer } from '../notify/testing.js';
import { until } from '../../testing/until.js';

type Auth = { authorization: string };

describeEachStore('runbooks on the incident, in the page and in the handoff', (fixture) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let admin: Auth;
  let author: Auth;
  let onCall: Awaited<ReturnType<TestApp['user']>>;
  const ids: Record<string, string> = {};
  let ref = '';

  before(async () => {
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' } });
    admin = (await t.user('admin')).auth;
    author = (await t.user('responder')).auth;
    onCall = await t.user('responder');
    const policy = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin, payload: { name: 'queue', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: onCall.user.id }] }] } });
    assert.equal(policy.statusCode, 201, policy.body);
    const service = (await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name: 'queue-api', escalationPolicyId: policy.json().id } })).json();
    const other = (await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name: 'unrelated' } })).json();
    const runbook = async (title: string, extra: Record<string, unknown>) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: author, payload: { title, body: `# ${title}`, ...extra } });
      assert.equal(res.statusCode, 201, res.body);
      ids[title] = res.json().id;
    };
    await runbook('Queue API first page', { serviceIds: [service.id] });
    await runbook('Backlog alert', { matchers: [{ name: 'alertname', op: '=', value: 'QueueBacklog' }, { name: 'severity', op: '=~', value: 'crit.*' }] });
    await runbook('Other alert', { matchers: [{ name: 'alertname', op: '=', value: 'DiskFull' }] });
    await runbook('Other service', { serviceIds: [other.id] });
    await t.startWorker();
    const integration = (await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.id}/integrations`, headers: admin, payload: { kind: 'alertmanager', name: 'prometheus' } })).json();
    const intake = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${integration.key}`, payload: amBody([{ fingerprint: 'q1', labels: { alertname: 'QueueBacklog', severity: 'critical' }, summary: 'Queue backlog above 10k' }]) });
    assert.equal(intake.statusCode, 202, intake.body);
    ref = await until('the incident the alert opened', async () => {
      const groups = (await t.app.inject({ method: 'GET', url: '/api/v1/alert-groups', headers: admin })).json().groups as Array<{ incidentRef: string | null }>;
      return groups[0]?.incidentRef ?? undefined;
    });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('the incident shows the runbooks of its services and of its alerts (by label matchers), and no others', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/runbooks`, headers: onCall.auth });
    assert.equal(res.statusCode, 200, res.body);
    const shown = res.json().runbooks as Array<{ title: string; via: string[]; path: string; rotting: boolean }>;
    assert.deepEqual(shown.map((r) => [r.title, r.via]), [['Backlog alert', ['alert']], ['Queue API first page', ['service']]]);
    assert.equal(shown[0]!.path, `/runbooks/${ids['Backlog alert']}`);
  });

  test('the page sent to on-call links the runbooks', async () => {
    const page = await until('the page', async () => smtp.mails.find((m) => m.to.includes(onCall.user.email) && /PAGE/.test(m.subject)));
    assert.ok(page.text.includes(`Runbook: Backlog alert http://firebreak.test/runbooks/${ids['Backlog alert']}`), page.text);
    assert.ok(page.text.includes(`Runbook: Queue API first page http://firebreak.test/runbooks/${ids['Queue API first page']}`), page.text);
    assert.ok(!page.text.includes('Other'), page.text);
  });

  test('a person paged into the incident by hand gets the incident’s runbooks in the page', async () => {
    const expert = await t.user('responder');
    const paged = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/pages`, headers: onCall.auth, payload: { userId: expert.user.id, reason: 'needs queue expertise' } });
    assert.ok(paged.statusCode < 300, paged.body);
    const page = await until('the manual page', async () => smtp.mails.find((m) => m.to.includes(expert.user.email) && /PAGE/.test(m.subject)));
    assert.ok(page.text.includes(`Runbook: Backlog alert http://firebreak.test/runbooks/${ids['Backlog alert']}`), page.text);
    assert.ok(page.text.includes(`Runbook: Queue API first page http://firebreak.test/runbooks/${ids['Queue API first page']}`), page.text);
  });

  test('the handoff lists the runbooks, as JSON and as Markdown', async () => {
    const json = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/handoff`, headers: onCall.auth })).json();
    assert.deepEqual(json.runbooks.map((r: { title: string; rotting: boolean }) => [r.title, r.rotting]), [['Backlog alert', false], ['Queue API first page', false]]);
    const md = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/handoff?format=markdown`, headers: onCall.auth })).body;
    assert.match(md, new RegExp(`## Runbooks\\n- \\[Backlog alert\\]\\(/runbooks/${ids['Backlog alert']}\\)\\n- \\[Queue API first page\\]`));
    // A catalog edit of the service rots its runbook; the handoff says so.
    const serviceId = (await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${ids['Queue API first page']}`, headers: onCall.auth })).json().serviceIds[0];
    await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${serviceId}`, headers: admin, payload: { description: 'moved to the new cluster' } });
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/handoff?format=markdown`, headers: onCall.auth })).body;
    assert.match(after, /- \[Queue API first page\]\(\/runbooks\/[0-9a-f-]+\) \(\*\*rotting\*\*: service_changed\)/);
  });
});
