import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../db/testing.js';
import { bootstrapFirstAdmin } from '../domains/auth/service.js';
import { createService } from '../testing/alerts.js';
import { createTestApp, type TestApp } from './testing.js';

describeEachStore('responses and logs that carry secrets', (fixture) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(fixture.store);
  });
  after(async () => {
    await t.close();
  });

  test('setup, login, token and integration creation answer Cache-Control: no-store', async () => {
    const first = await bootstrapFirstAdmin(fixture.store, 'first-admin@example.test');
    assert.ok(first, 'an empty database gets a setup token');
    const password = 'a long enough password';
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: { token: first.setupToken, password } });
    assert.equal(setup.statusCode, 200, setup.body);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'first-admin@example.test', password } });
    assert.equal(login.statusCode, 200, login.body);
    const admin = await t.user('admin');
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin.auth, payload: { name: 'ci' } });
    assert.equal(token.statusCode, 201, token.body);
    const service = await createService(t, admin.auth, 'secret-svc');
    const integration = await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: 'am' } });
    assert.equal(integration.statusCode, 201, integration.body);
    for (const [name, res] of Object.entries({ setup, login, token, integration })) assert.equal(res.headers['cache-control'], 'no-store', name);
  });

  test('an integration key or token in an odd URL never reaches the logs', async () => {
    const admin = await t.user('admin');
    const service = await createService(t, admin.auth, 'log-svc');
    const { key } = (await t.app.inject({ method: 'POST', url: `/api/v1/services/${service.id}/integrations`, headers: admin.auth, payload: { kind: 'alertmanager', name: 'am' } })).json();
    const secret = admin.token.slice(4);
    for (const url of [`//intake/alertmanager/${key}`, `/INTAKE/alertmanager/${key}`, `/api/v1/alerts?api_key=${key}`, `/api/v1/alerts?access_token=${admin.token}`, `/api/v1/${admin.token}`]) {
      await t.app.inject({ method: 'GET', url });
    }
    const logged = t.logs.join('\n');
    assert.ok(!logged.includes(key.slice(4)), 'the integration key is not logged');
    assert.ok(!logged.includes(secret), 'the API token is not logged');
    assert.match(logged, /\[redacted\]/);
  });
});
