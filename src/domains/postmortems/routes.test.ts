import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';

type Auth = { authorization: string };

describeEachStore('postmortems over the API', (fixture) => {
  let t: TestApp;
  let responder: { auth: Auth; user: { id: string } };
  let viewer: Auth;
  let outsider: Auth;
  let admin: Auth;
  let sev1: string;
  let privateRef: string;
  let sev3: string;

  const declareAndResolve = async (payload: object, resolve = true) => {
    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: responder.auth, payload });
    assert.equal(declared.statusCode, 201, declared.body);
    const ref = declared.json().ref as string;
    if (resolve) {
      const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/events`, headers: responder.auth, payload: { kind: 'resolved', body: { override: { reason: 'test' } } } });
      assert.equal(resolved.statusCode, 201, resolved.body);
    }
    return ref;
  };

  before(async () => {
    t = await createTestApp(fixture.store);
    responder = await t.user('responder');
    viewer = (await t.user('viewer')).auth;
    outsider = (await t.user('responder')).auth;
    admin = (await t.user('admin')).auth;
    sev1 = await declareAndResolve({ title: 'Checkout down', severity: 'SEV1' });
    privateRef = await declareAndResolve({ title: 'Secret', severity: 'SEV2', private: true });
    sev3 = await declareAndResolve({ title: 'Minor', severity: 'SEV3' });
  });
  after(async () => t.close());

  const get = (url: string, headers: Auth) => t.app.inject({ method: 'GET', url, headers });

  test('resolving a SEV1 opens its postmortem, due 72 h after resolution, drafted from the timeline', async () => {
    const res = await get(`/api/v1/incidents/${sev1}/postmortem`, viewer);
    assert.equal(res.statusCode, 200, res.body);
    const pm = res.json();
    const incident = (await get(`/api/v1/incidents/${sev1}`, viewer)).json();
    assert.equal(pm.status, 'draft');
    assert.equal(pm.required, true);
    assert.equal(pm.ownerId, responder.user.id);
    assert.equal(Date.parse(pm.dueAt) - Date.parse(incident.keyTimes.resolvedAt), 72 * 3_600_000);
    assert.deepEqual(pm.draft.timeline.map((r: { kind: string }) => r.kind), ['declared', 'resolved']);
    const md = await get(`/api/v1/incidents/${sev1}/postmortem?format=markdown`, viewer);
    assert.match(md.headers['content-type'] as string, /^text\/markdown/);
    assert.match(md.body, /^# Postmortem: INC-\d+ Checkout down/);
  });

  test('a SEV3 gets none on resolution, and can open one', async () => {
    assert.equal((await get(`/api/v1/incidents/${sev3}/postmortem`, viewer)).statusCode, 404);
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev3}/postmortem`, headers: responder.auth });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().required, false);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev3}/postmortem`, headers: responder.auth })).statusCode, 409);
  });

  test('a private incident keeps its postmortem private', async () => {
    assert.equal((await get(`/api/v1/incidents/${privateRef}/postmortem`, outsider)).statusCode, 404);
    assert.equal((await get(`/api/v1/incidents/${privateRef}/postmortem`, responder.auth)).statusCode, 200);
    assert.equal((await get(`/api/v1/incidents/${privateRef}/postmortem`, admin)).statusCode, 200);
    const item = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${privateRef}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Rotate the leaked API key and add secret scanning to CI', type: 'prevent', dueAt: '2020-01-01T00:00:00Z', ownerId: responder.user.id } });
    assert.equal(item.statusCode, 201);
    const listed = (a: Auth) => get('/api/v1/action-items?overdue=true', a).then((r) => r.json().items.map((i: { id: string }) => i.id));
    assert.ok((await listed(responder.auth)).includes(item.json().id));
    assert.ok(!(await listed(outsider)).includes(item.json().id));
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/action-items/${item.json().id}`, headers: outsider, payload: { status: 'in_progress' } })).statusCode, 404);
  });

  test('action items: vague ones refused naming the field; closing needs evidence; overdue listing', async () => {
    const add = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, headers: responder.auth, payload });
    const vague = await add({ title: 'Improve observability', type: 'detect' });
    assert.equal(vague.statusCode, 400);
    assert.match(vague.body, /title/);
    const concrete = await add({ title: 'Alert when checkout 5xx exceeds 2% for 5 minutes', type: 'detect', dueAt: '2020-01-01T00:00:00Z', ownerId: responder.user.id, trackerUrl: 'https://tracker.example/T-1' });
    assert.equal(concrete.statusCode, 201, concrete.body);
    const id = concrete.json().id as string;
    const overdue = (await get('/api/v1/action-items?overdue=true', viewer)).json().items.map((i: { id: string }) => i.id);
    assert.ok(overdue.includes(id));
    const close = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/action-items/${id}`, headers: responder.auth, payload });
    const refused = await close({ status: 'closed' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /evidenceUrl/);
    const closed = await close({ status: 'closed', evidenceUrl: 'https://git.example/pr/42' });
    assert.equal(closed.statusCode, 200);
    assert.equal(closed.json().status, 'closed');
    assert.ok(!(await get('/api/v1/action-items?overdue=true', viewer)).json().items.some((i: { id: string }) => i.id === id));
  });

  test('workflow: draft → in review → published; publishing needs owner and due on every open item; published is final; blame is flagged', async () => {
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${sev1}/postmortem`, headers: responder.auth, payload });
    assert.equal((await patch({ status: 'published' })).statusCode, 400);
    const edited = await patch({ sections: { rootCause: 'Human error: Dave forgot to run the migration' }, whys: [{ steps: [{ statement: 'Checkout failed', seqs: [1] }, { statement: 'The migration was not applied before the deploy' }] }] });
    assert.equal(edited.statusCode, 200);
    assert.deepEqual(edited.json().blameFindings.map((f: { section: string }) => f.section), ['rootCause', 'rootCause']);
    const noOwner = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Make the deploy pipeline run pending migrations before rollout', type: 'prevent' } });
    assert.equal(noOwner.statusCode, 201);
    assert.equal((await patch({ status: 'in_review' })).statusCode, 200);
    const refused = await patch({ status: 'published' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /owner and a due date/);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/action-items/${noOwner.json().id}`, headers: responder.auth, payload: { ownerId: responder.user.id, dueAt: '2030-01-01T00:00:00Z' } });
    const published = await patch({ status: 'published' });
    assert.equal(published.statusCode, 200, published.body);
    assert.ok(published.json().publishedAt);
    assert.equal((await patch({ sections: { summary: 'changed' } })).statusCode, 409);
  });

  test('permission matrix: 401 without identity, 403 for viewers on writes, 400 on bad input', async () => {
    const routes: Array<{ method: 'GET' | 'POST' | 'PATCH'; url: string; access: 'viewer' | 'responder'; payload?: object }> = [
      { method: 'GET', url: `/api/v1/incidents/${sev1}/postmortem`, access: 'viewer' },
      { method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem`, access: 'responder' },
      { method: 'PATCH', url: `/api/v1/incidents/${sev1}/postmortem`, access: 'responder', payload: {} },
      { method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, access: 'responder', payload: { title: 'Add a canary stage that blocks config pushes', type: 'prevent' } },
      { method: 'PATCH', url: '/api/v1/action-items/00000000-0000-4000-8000-000000000000', access: 'responder', payload: {} },
      { method: 'GET', url: '/api/v1/action-items', access: 'viewer' },
    ];
    const declared = t.app.routeAccess.filter((r) => r.method !== 'HEAD' && /postmortem|action-items/.test(r.url)).length;
    assert.equal(declared, routes.length);
    for (const r of routes) {
      const call = (headers: Record<string, string>) => t.app.inject({ method: r.method, url: r.url, headers, ...(r.payload ? { payload: r.payload } : {}) });
      assert.equal((await call({})).statusCode, 401, `${r.method} ${r.url}`);
      const asViewer = await call(viewer);
      if (r.access === 'responder') assert.equal(asViewer.statusCode, 403, `${r.method} ${r.url}`);
      else assert.ok(asViewer.statusCode < 400, `${r.method} ${r.url}`);
    }
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Add a canary\u0000 stage', type: 'nope' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /type/);
  });
});
