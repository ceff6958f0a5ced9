import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';

describeEachStore('revert first: suggested rollbacks on an incident', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let responder: { authorization: string };
  let key = '';
  let incident = { id: '', ref: '' };
  const ids: Record<string, string> = {};
  // The first symptom, marked half an hour before the declaration (now).
  const anchor = new Date(Date.now() - 30 * 60_000);
  const before_ = (minutes: number) => new Date(anchor.getTime() - minutes * 60_000).toISOString();

  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
    const service = async (name: string, dependsOn: string[] = []) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name, dependsOn: dependsOn.map((d) => ids[d]) } });
      assert.equal(res.statusCode, 201, res.body);
      ids[name] = res.json().id;
    };
    // web → api → db, web → cache; billing → db (upstream of db: never a candidate for web).
    await service('rb-db');
    await service('rb-cache');
    await service('rb-api', ['rb-db']);
    await service('rb-web', ['rb-api', 'rb-cache']);
    await service('rb-billing', ['rb-db']);
    key = (await t.app.inject({ method: 'POST', url: '/api/v1/change-sources', headers: admin, payload: { name: 'ci' } })).json().key;
    // Spread over six hours before the first symptom, plus three that must not appear.
    const changes: Array<[string, string, string, number, Record<string, unknown>?]> = [
      ['old-web', 'rb-web', 'deploy', 330],
      ['api-config', 'rb-api', 'config', 120, { rollback: { link: 'https://ci.example/api-config/revert' } }],
      ['db-migration', 'rb-db', 'migration', 20, { summary: 'add column orders.region' }],
      ['web-deploy', 'rb-web', 'deploy', 10, { rollback: { command: 'deploy rb-web v41' } }],
      ['cache-flag', 'rb-cache', 'feature_flag', 300],
      ['billing-deploy', 'rb-billing', 'deploy', 5],
      ['after-symptom', 'rb-web', 'deploy', -10],
      ['yesterday', 'rb-web', 'deploy', 13 * 60],
    ];
    for (const [version, svc, kind, minutes, extra] of changes) {
      const res = await t.app.inject({ method: 'POST', url: `/intake/changes/${key}`, payload: { service: svc, kind, version, startedAt: before_(minutes), ...extra } });
      assert.equal(res.statusCode, 202, res.body);
      ids[version] = res.json().changeId;
    }
    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder, payload: { title: 'Web checkout errors', severity: 'SEV2', services: ['rb-web'] } });
    assert.equal(declared.statusCode, 201, declared.body);
    incident = { id: declared.json().id, ref: declared.json().ref };
  });
  after(async () => {
    await t.close();
  });

  const suggested = async (query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/suggested-rollbacks${query}`, headers: responder });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  test('without a first symptom marker the declaration anchors the window', async () => {
    const body = await suggested();
    assert.equal(body.anchor.from, 'declaration');
    // The after-symptom deploy is before the declaration, so it counts here.
    assert.ok(body.suggestions.some((s: { change: { version: string } }) => s.change.version === 'after-symptom'));
  });

  test('the changes come out in the order stated by hand, each with its rollback and a consider-rollback prompt', async () => {
    const marked = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/events`, headers: responder, payload: { kind: 'marker', occurredAt: anchor.toISOString(), body: { marker: 'first_symptom' } } });
    assert.equal(marked.statusCode, 201, marked.body);
    const body = await suggested();
    assert.equal(body.anchor.from, 'first_symptom');
    // The own service's deploy just before; the migration two hops down 20 min before; the direct dependency's
    // config 2 h before; the own service's 5.5 h old deploy; the cache flag 5 h before (one hop). Billing is
    // upstream of db, not a dependency of web; one change came after the symptom; one is past the 12 h window.
    assert.deepEqual(body.suggestions.map((s: { change: { version: string } }) => s.change.version), ['web-deploy', 'db-migration', 'api-config', 'old-web', 'cache-flag']);
    const [first, second, third] = body.suggestions;
    assert.equal(first.rollbackCommand, 'deploy rb-web v41');
    assert.equal(third.rollbackLink, 'https://ci.example/api-config/revert');
    assert.match(first.prompt, /^Consider rollback: deploy web-deploy to rb-web took effect 10 min before the first symptom/);
    assert.match(second.prompt, /rb-db \(a dependency, 2 hops away\)/);
    const checklist = Object.fromEntries(body.checklist.map((c: { item: string; flagged: boolean }) => [c.item.split(':')[0], c.flagged]));
    assert.equal(checklist['Data migrations'], true);
    assert.equal(checklist['Schema changes'], true);
    assert.equal(checklist['Flag dependencies'], true);
    assert.deepEqual((await suggested('?hours=3')).suggestions.map((s: { change: { version: string } }) => s.change.version), ['web-deploy', 'db-migration', 'api-config']);
  });

  test('recording a rollback writes mitigation_started with the expected signal, through the incident', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/suggested-rollbacks/${ids['web-deploy']}/rolled-back`, headers: responder, payload: { deadlineMinutes: 20 } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().kind, 'mitigation_started');
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/events`, headers: responder })).json().events as Array<{ seq: number; kind: string; body: Record<string, string> }>;
    const mitigation = events.find((e) => e.seq === res.json().seq)!;
    assert.equal(mitigation.kind, 'mitigation_started');
    assert.match(mitigation.body.action!, /^Rolled back deploy web-deploy of rb-web \(deploy rb-web v41\)/);
    assert.match(mitigation.body.expectedSignal!, new RegExp(`symptoms that began at ${anchor.toISOString()} subside within 20 min`));
    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: responder })).json();
    assert.equal(state.mitigations.active.length, 1);
  });

  test('a change that is not among the suggestions is refused naming changeId, and nothing is written', async () => {
    const lastSeq = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: responder })).json().lastSeq;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/suggested-rollbacks/${ids['billing-deploy']}/rolled-back`, headers: responder });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'changeId');
    const unknown = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/suggested-rollbacks/00000000-0000-4000-8000-000000000000/rolled-back`, headers: responder });
    assert.equal(unknown.statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}`, headers: responder })).json().lastSeq, lastSeq);
  });
});
