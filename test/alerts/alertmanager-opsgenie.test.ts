import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { describeEachStore } from '../../src/db/testing.js';
import { until } from '../../src/testing/until.js';
import { createIntegration, createService } from '../../src/testing/alerts.js';
import { startAlertmanager, type RunningAlertmanager } from '../support/alertmanager.js';

describeEachStore('the real Alertmanager sends to Firebreak through its opsgenie_configs', (fixture) => {
  let t: TestApp;
  let am: RunningAlertmanager | undefined;
  let admin: { authorization: string };
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    const serviceId = (await createService(t, admin, 'storage')).id;
    const { key } = await createIntegration(t, admin, serviceId, 'opsgenie');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    // Only the API URL and key change from a configuration that sends to Opsgenie.
    am = await startAlertmanager(`
route:
  receiver: firebreak
  group_wait: 100ms
  group_interval: 1s
  repeat_interval: 1h
receivers:
- name: firebreak
  opsgenie_configs:
  - api_key: ${key}
    api_url: http://127.0.0.1:${port}/
    send_resolved: true
    message: '{{ .CommonAnnotations.summary }}'
    priority: '{{ if eq .CommonLabels.severity "critical" }}P1{{ else }}P3{{ end }}'
    tags: 'team-storage,prod'
    responders:
    - name: storage-team
      type: team
`);
  });
  after(async () => {
    await am?.stop();
    await t.close();
  });

  test('an alert fires as a critical Firebreak alert with its labels, and resolves when Alertmanager resolves it', async () => {
    const labels = { alertname: 'DiskFull', severity: 'critical', instance: 'db-1' };
    await am!.send([{ labels, annotations: { summary: 'Disk 95% full on db-1' } }]);
    const alertsOf = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: admin })).json().alerts as Array<{ id: string; status: string; severity: string; summary: string; rule: string; labels: Record<string, string> }>;
    const [fired] = await until('the alert arrives', async () => {
      const list = await alertsOf();
      return list.length ? list : undefined;
    });
    assert.equal(fired!.status, 'triggered');
    assert.equal(fired!.severity, 'critical');
    assert.equal(fired!.summary, 'Disk 95% full on db-1');
    assert.equal(fired!.rule, 'DiskFull');
    assert.equal(fired!.labels.instance, 'db-1');
    assert.equal(fired!.labels.tags, 'team-storage,prod');
    assert.equal(fired!.labels.priority, 'P1');

    await am!.send([{ labels, annotations: { summary: 'Disk 95% full on db-1' }, endsAt: new Date(Date.now() - 1000).toISOString() }]);
    const resolved = await until('Alertmanager resolves it', async () => {
      const list = await alertsOf();
      return list.length === 1 && list[0]!.status === 'resolved' ? list[0] : undefined;
    });
    assert.equal(resolved!.id, fired!.id, 'the close names the same alert by its alias');
    assert.doesNotMatch(am!.log(), /level=error/, 'Alertmanager logged no failed notification');
  });
});
