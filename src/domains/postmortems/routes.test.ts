import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { until } from '../../testing/until.js';

type Auth = { authorization: string };

describeEachStore('postmortems over the API', (fixture) => {
  let t: TestApp;
  let responder: { auth: Auth; user: { id: string } };
  let reviewer: { auth: Auth; user: { id: string } };
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
      // A SEV1/SEV2's postmortem opens after the resolution commits, as a job.
      const owed = ['SEV1', 'SEV2'].includes((payload as { severity: string }).severity);
      if (owed) await until(`the postmortem of ${ref}`, async () => (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${ref}/postmortem`, headers: responder.auth })).statusCode === 200);
    }
    return ref;
  };

  before(async () => {
    t = await createTestApp(fixture.store);
    await t.startWorker();
    responder = await t.user('responder');
    reviewer = await t.user('responder');
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
    assert.equal((await get(`/api/v1/incidents/${privateRef}/postmortem?format=html`, outsider)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${privateRef}/postmortem/comments`, headers: outsider, payload: { section: 'summary', body: 'Peek' } })).statusCode, 404);
    const listedRefs = async (a: Auth) => (await get('/api/v1/postmortems', a)).json().postmortems.map((p: { ref: string }) => p.ref);
    assert.ok((await listedRefs(responder.auth)).includes(privateRef));
    assert.ok((await listedRefs(admin)).includes(privateRef));
    assert.ok(!(await listedRefs(outsider)).includes(privateRef));
    assert.ok((await listedRefs(outsider)).includes(sev1));
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

  test('workflow: draft → in review (needs a reviewer) → published; publishing needs owner and due on every open item and every comment resolved; published is final; blame is flagged', async () => {
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${sev1}/postmortem`, headers: responder.auth, payload });
    assert.equal((await patch({ status: 'published' })).statusCode, 400);
    const edited = await patch({ sections: { rootCause: 'Human error: Dave forgot to run the migration' }, whys: [{ steps: [{ statement: 'Checkout failed', seqs: [1] }, { statement: 'The migration was not applied before the deploy' }] }] });
    assert.equal(edited.statusCode, 200);
    assert.deepEqual(edited.json().blameFindings.map((f: { section: string }) => f.section), ['rootCause', 'rootCause']);
    const noOwner = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Make the deploy pipeline run pending migrations before rollout', type: 'prevent' } });
    assert.equal(noOwner.statusCode, 201);
    const noReviewer = await patch({ status: 'in_review' });
    assert.equal(noReviewer.statusCode, 422);
    assert.match(noReviewer.body, /reviewer/);
    assert.equal((await patch({ reviewerIds: ['00000000-0000-4000-8000-000000000000'] })).statusCode, 400);
    const inReview = await patch({ reviewerIds: [reviewer.user.id], status: 'in_review' });
    assert.equal(inReview.statusCode, 200, inReview.body);
    assert.deepEqual(inReview.json().reviewers, [reviewer.user.id]);
    const comment = (section: string, body = 'Say which check was missing') => t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/comments`, headers: reviewer.auth, payload: { section, body } });
    const onRoot = await comment('rootCause');
    assert.equal(onRoot.statusCode, 201, onRoot.body);
    assert.equal(onRoot.json().section, 'rootCause');
    assert.equal((await comment('whys[0]')).statusCode, 201);
    for (const missing of ['whys[1]', 'contributingFactors[0]', 'rootcause', 'nowhere']) {
      const refused = await comment(missing);
      assert.equal(refused.statusCode, 400, missing);
      assert.match(refused.body, /section/, missing);
    }
    const refused = await patch({ status: 'published' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /owner and a due date/);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/action-items/${noOwner.json().id}`, headers: responder.auth, payload: { ownerId: responder.user.id, dueAt: '2030-01-01T00:00:00Z' } });
    const unresolved = await patch({ status: 'published' });
    assert.equal(unresolved.statusCode, 422);
    assert.match(unresolved.body, /2 open, on rootCause, whys\[0\]/);
    const comments = (await get(`/api/v1/incidents/${sev1}/postmortem`, viewer)).json().comments as Array<{ id: string; resolvedAt: string | null }>;
    assert.equal(comments.length, 2);
    for (const c of comments) {
      const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/comments/${c.id}/resolve`, headers: responder.auth });
      assert.equal(resolved.statusCode, 200);
      assert.ok(resolved.json().resolvedAt);
    }
    const published = await patch({ status: 'published' });
    assert.equal(published.statusCode, 200, published.body);
    assert.ok(published.json().publishedAt);
    assert.equal((await patch({ sections: { summary: 'changed' } })).statusCode, 409);
    assert.equal((await comment('rootCause')).statusCode, 409);
  });

  test('every postmortem and action-item change leaves an audit entry naming who and what', async () => {
    const entries = async (action: string) => (await get(`/api/v1/audit?action=${action}&limit=500`, admin)).json().entries as Array<{ actorId: string | null; targetId: string; detail: Record<string, unknown> }>;
    const pm = (await get(`/api/v1/incidents/${sev1}/postmortem`, viewer)).json();
    const open = await entries('postmortem.open');
    assert.ok(open.some((e) => e.targetId === pm.id && e.actorId === null), 'opened on resolution by Firebreak');
    const updates = await entries('postmortem.update');
    assert.ok(updates.some((e) => e.targetId === pm.id && e.actorId === responder.user.id && (e.detail.fields as string[]).includes('whys')));
    assert.ok((await entries('postmortem.status')).some((e) => e.targetId === pm.id && e.detail.from === 'draft' && e.detail.to === 'in_review'));
    assert.ok((await entries('postmortem.publish')).some((e) => e.targetId === pm.id && e.detail.to === 'published'));
    assert.equal((await entries('postmortem.comment')).filter((e) => e.targetId === pm.id).length, 2);
    assert.equal((await entries('postmortem.comment.resolve')).filter((e) => e.targetId === pm.id).length, 2);
    const items = pm.actionItems as Array<{ id: string }>;
    const created = await entries('action_item.create');
    assert.ok(items.every((i) => created.some((e) => e.targetId === i.id && e.actorId === responder.user.id)));
    assert.ok((await entries('action_item.update')).some((e) => items.some((i) => i.id === e.targetId)));
    assert.ok((await entries('action_item.close')).length >= 1);
  });

  test('a published postmortem renders as Markdown and as HTML that escapes everything people typed', async () => {
    const ref = await declareAndResolve({ title: 'Render <b>me</b>', severity: 'SEV2' });
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${ref}/postmortem`, headers: responder.auth, payload });
    const hostile = '<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>';
    assert.equal((await patch({ sections: { summary: hostile, rootCause: 'The retry budget was unbounded', contributingFactors: ['No canary | stage'] }, whys: [{ steps: [{ statement: 'Checkout failed', seqs: [1] }, { statement: 'Retries had no budget' }] }] })).statusCode, 200);
    assert.equal((await patch({ reviewerIds: [reviewer.user.id], status: 'in_review' })).statusCode, 200);
    assert.equal((await patch({ status: 'published' })).statusCode, 200);
    const md = await get(`/api/v1/incidents/${ref}/postmortem?format=markdown`, viewer);
    assert.match(md.headers['content-type'] as string, /^text\/markdown/);
    assert.match(md.body, /^# Postmortem: INC-\d+ Render <b>me<\/b>/);
    assert.match(md.body, /## Root cause\nThe retry budget was unbounded/);
    assert.match(md.body, /## Five whys\n1\. Checkout failed \(\[#1\]\(events#1\)\) → Retries had no budget/);
    const html = await get(`/api/v1/incidents/${ref}/postmortem`, { ...viewer, accept: 'text/html' } as Auth);
    assert.equal(html.statusCode, 200);
    assert.match(html.headers['content-type'] as string, /^text\/html/);
    assert.match(html.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.doesNotMatch(html.body, /<script|<img|<b>|href="javascript/i);
    assert.match(html.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html.body, /Render &lt;b&gt;me&lt;\/b&gt;/);
    assert.match(html.body, /<h2>Root cause<\/h2>\n<p>The retry budget was unbounded<\/p>/);
    assert.match(html.body, /<li>No canary \| stage<\/li>/);
  });

  test('OpenAPI documents every postmortem response in detail, not as an open object', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const ok = (path: string, method: string) => {
      const responses = doc.paths[path][method].responses;
      return (responses['200'] ?? responses['201']).content['application/json'].schema;
    };
    const objectIn = (schema: { anyOf?: unknown[]; properties?: Record<string, unknown> }) => (schema.anyOf ? (schema.anyOf as Array<typeof schema>).find((s) => s.properties) : schema)!;
    const pm = objectIn(ok('/api/v1/incidents/{id}/postmortem', 'get'));
    assert.deepEqual(Object.keys(pm.properties!).sort(), ['actionItems', 'blameFindings', 'comments', 'draft', 'dueAt', 'id', 'incidentId', 'meeting', 'ownerId', 'publicSummary', 'publishedAt', 'ref', 'required', 'reviewers', 'sections', 'status', 'whys'].sort());
    assert.ok(Object.keys((pm.properties!.draft as { properties: object }).properties).includes('timeline'));
    for (const [path, method, field] of [
      ['/api/v1/incidents/{id}/postmortem', 'patch', 'draft'], ['/api/v1/incidents/{id}/postmortem', 'post', 'draft'],
      ['/api/v1/incidents/{id}/postmortem/action-items', 'post', 'evidenceUrl'], ['/api/v1/action-items/{itemId}', 'patch', 'evidenceUrl'],
      ['/api/v1/incidents/{id}/postmortem/comments', 'post', 'section'], ['/api/v1/incidents/{id}/postmortem/comments/{commentId}/resolve', 'post', 'resolvedAt'],
    ] as const) assert.ok(field in objectIn(ok(path, method)).properties!, `${method} ${path}`);
    assert.ok('items' in ok('/api/v1/action-items', 'get').properties);
    assert.ok('postmortems' in ok('/api/v1/postmortems', 'get').properties);
  });

  test('permission matrix: 401 without identity, 403 for viewers on writes, 400 on bad input', async () => {
    const routes: Array<{ method: 'GET' | 'POST' | 'PATCH'; url: string; access: 'viewer' | 'responder'; payload?: object }> = [
      { method: 'GET', url: `/api/v1/incidents/${sev1}/postmortem`, access: 'viewer' },
      { method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem`, access: 'responder' },
      { method: 'PATCH', url: `/api/v1/incidents/${sev1}/postmortem`, access: 'responder', payload: {} },
      { method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, access: 'responder', payload: { title: 'Add a canary stage that blocks config pushes', type: 'prevent' } },
      { method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/comments`, access: 'responder', payload: { section: 'summary', body: 'x' } },
      { method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/comments/00000000-0000-4000-8000-000000000000/resolve`, access: 'responder' },
      { method: 'PATCH', url: '/api/v1/action-items/00000000-0000-4000-8000-000000000000', access: 'responder', payload: {} },
      { method: 'GET', url: '/api/v1/action-items', access: 'viewer' },
      { method: 'GET', url: '/api/v1/postmortems', access: 'viewer' },
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
    const noSuchOwner = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Add a canary stage that blocks config pushes', type: 'prevent', ownerId: '00000000-0000-4000-8000-0000000000ff' } });
    assert.equal(noSuchOwner.statusCode, 400);
    assert.match(noSuchOwner.body, /ownerId/);
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${sev1}/postmortem/action-items`, headers: responder.auth, payload: { title: 'Add a canary\u0000 stage', type: 'nope' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /type/);
  });
});
