import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';

describeEachStore('service catalog API', (fixture) => {
  let t: TestApp;
  let responder: { authorization: string };
  let admin: { authorization: string };
  before(async () => {
    t = await createTestApp(fixture.store);
    responder = (await t.user('responder')).auth;
    admin = (await t.user('admin')).auth;
  });
  after(async () => {
    await t.close();
  });

  const create = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/services', headers: responder, payload });

  test('creating a service answers 201 with the service and its id', async () => {
    const res = await create({ name: 'catalog-db' });
    assert.equal(res.statusCode, 201);
    const body = res.json();
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.equal(body.name, 'catalog-db');
    assert.equal(body.escalationPolicyId, null);
    assert.deepEqual(body.dependsOn, []);
  });

  test('a service records its owner team, runbook, tier, escalation policy and dependencies', async () => {
    const team = (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin, payload: { name: 'storage' } })).json();
    const db = (await t.app.inject({ method: 'GET', url: '/api/v1/services', headers: responder })).json().services.find((s: { name: string }) => s.name === 'catalog-db');
    const someone = await t.user('responder');
    const policy = (await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin, payload: { name: 'ep-primary', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: someone.user.id }] }] } })).json();
    const res = await create({ name: 'catalog-api', ownerTeamId: team.id, runbookUrl: 'https://runbooks.example/api', tier: 1, escalationPolicyId: 'ep-primary', dependsOn: [db.id], groupBy: ['alertname'] });
    assert.equal(res.statusCode, 201, res.body);
    const api = res.json();
    assert.deepEqual(
      { ownerTeamId: api.ownerTeamId, runbookUrl: api.runbookUrl, tier: api.tier, escalationPolicyId: api.escalationPolicyId, dependsOn: api.dependsOn, groupBy: api.groupBy },
      { ownerTeamId: team.id, runbookUrl: 'https://runbooks.example/api', tier: 1, escalationPolicyId: policy.id, dependsOn: [db.id], groupBy: ['alertname'] },
    );
    const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${api.id}`, headers: responder, payload: { tier: 2, escalationPolicyId: null } });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().tier, 2);
    assert.equal(changed.json().escalationPolicyId, null);
  });

  test('a dependency that would close a cycle is refused with 422 naming the path, and nothing changes', async () => {
    const services = (await t.app.inject({ method: 'GET', url: '/api/v1/services', headers: responder })).json().services as Array<{ id: string; name: string; dependsOn: string[] }>;
    const db = services.find((s) => s.name === 'catalog-db')!;
    const api = services.find((s) => s.name === 'catalog-api')!;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${db.id}`, headers: responder, payload: { dependsOn: [api.id] } });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().type, 'https://firebreak.dev/problems/dependency-cycle');
    assert.match(res.json().detail, /catalog-db → catalog-api → catalog-db/);
    const self = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${db.id}`, headers: responder, payload: { dependsOn: [db.id] } });
    assert.equal(self.statusCode, 422);
    assert.deepEqual((await t.app.inject({ method: 'GET', url: `/api/v1/services/${db.id}`, headers: responder })).json().dependsOn, []);
  });

  test('bad input is refused naming the field', async () => {
    assert.equal((await create({ name: 'catalog-db' })).statusCode, 409);
    const unknownTeam = await create({ name: 'x1', ownerTeamId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknownTeam.statusCode, 400);
    assert.equal(unknownTeam.json().errors[0].field, 'ownerTeamId');
    const unknownDep = await create({ name: 'x2', dependsOn: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(unknownDep.statusCode, 400);
    assert.equal(unknownDep.json().errors[0].field, 'dependsOn');
    const tier = await create({ name: 'x3', tier: 7 });
    assert.equal(tier.statusCode, 400);
    assert.equal(tier.json().errors[0].field, 'tier');
    const names = (await t.app.inject({ method: 'GET', url: '/api/v1/services', headers: responder })).json().services.map((s: { name: string }) => s.name);
    assert.ok(!names.includes('x1') && !names.includes('x2') && !names.includes('x3'));
  });

  test('deleting a service removes it and the dependencies on it', async () => {
    const gone = (await create({ name: 'catalog-gone' })).json();
    const user = (await create({ name: 'catalog-user', dependsOn: [gone.id] })).json();
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/services/${gone.id}`, headers: admin });
    assert.equal(res.statusCode, 204);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/services/${gone.id}`, headers: responder })).statusCode, 404);
    assert.deepEqual((await t.app.inject({ method: 'GET', url: `/api/v1/services/${user.id}`, headers: responder })).json().dependsOn, []);
  });
});
