import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { runbookLinks } from './render.js';
import { TEMPLATE_SECTIONS } from './template.js';

type Auth = { authorization: string };

describeEachStore('runbooks API', (fixture) => {
  let t: TestApp;
  let author: Auth;
  let other: Auth;
  let admin: Auth;
  let serviceId = '';
  let teamId = '';

  before(async () => {
    t = await createTestApp(fixture.store);
    author = (await t.user('responder')).auth;
    other = (await t.user('responder')).auth;
    admin = (await t.user('admin')).auth;
    serviceId = (await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name: 'checkout' } })).json().id;
    teamId = (await t.app.inject({ method: 'POST', url: '/api/v1/teams', headers: admin, payload: { name: 'payments' } })).json().id;
  });
  after(async () => {
    await t.close();
  });

  const create = (payload: unknown, headers = author) => t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers, payload: payload as Record<string, unknown> });
  const count = async () => (await fixture.store.db.selectFrom('runbooks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  test('the template is the one-screen first page of eight sections, and a runbook created without a body starts from it', async () => {
    const tpl = (await t.app.inject({ method: 'GET', url: '/api/v1/runbooks/template', headers: other })).json();
    assert.deepEqual(tpl.sections, ['Impact', 'Owner', 'Timeline', 'Unsafe actions', 'Mitigation options', 'Communication cadence', 'Evidence links', 'Recovery criteria']);
    for (const section of TEMPLATE_SECTIONS) assert.match(tpl.body, new RegExp(`^## ${section}$`, 'm'));
    assert.deepEqual(runbookLinks(tpl.body), [], 'the template links nowhere, so a fresh runbook fails no link check');
    const res = await create({ title: 'Checkout down', serviceIds: [serviceId] });
    assert.equal(res.statusCode, 201, res.body);
    assert.match(res.json().body, /^# Checkout down\n\n## Impact/);
    assert.match(res.json().html, /<h2>Recovery criteria<\/h2>/);
  });

  test('a runbook is stored with its owner, services and matchers; edits are audited and listed by service', async () => {
    const res = await create({ title: 'Queue backlog', body: '# Queue\n\n[dash](https://grafana.example.com/d/q)', ownerTeamId: teamId, serviceIds: [serviceId], matchers: [{ name: 'alertname', op: '=~', value: 'Queue.*' }] });
    assert.equal(res.statusCode, 201, res.body);
    const rb = res.json();
    assert.deepEqual([rb.ownerTeamId, rb.serviceIds, rb.matchers, rb.lastTested], [teamId, [serviceId], [{ name: 'alertname', op: '=~', value: 'Queue.*' }], null]);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/runbooks/${rb.id}`, headers: other, payload: { title: 'Queue backlog (EU)', serviceIds: [] } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual([patched.json().title, patched.json().serviceIds, patched.json().body], ['Queue backlog (EU)', [], rb.body]);
    const byService = (await t.app.inject({ method: 'GET', url: '/api/v1/runbooks?service=checkout', headers: other })).json().runbooks.map((r: { title: string }) => r.title);
    assert.ok(!byService.includes('Queue backlog (EU)'));
    assert.ok(byService.includes('Checkout down'));
    const audit = await fixture.store.db.selectFrom('audit_log').select('action').where('target_id', '=', rb.id).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['runbook.create', 'runbook.update']);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/runbooks/${rb.id}`, headers: other })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${rb.id}`, headers: other })).statusCode, 404);
  });

  test('the author cannot record their own runbook as tested (422 naming testedBy); someone else can', async () => {
    const rb = (await create({ title: 'Failover', body: '# Failover' })).json();
    const own = await t.app.inject({ method: 'POST', url: `/api/v1/runbooks/${rb.id}/tested`, headers: author, payload: { note: 'works for me' } });
    assert.equal(own.statusCode, 422, own.body);
    assert.deepEqual(own.json().errors.map((e: { field: string }) => e.field), ['testedBy']);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${rb.id}`, headers: other })).json().lastTested, null, 'nothing stored');
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/runbooks/${rb.id}/tested`, headers: other, payload: { note: 'ran it in staging' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().lastTested.note, 'ran it in staging');
    assert.notEqual(ok.json().lastTested.byUserId, rb.createdBy);
    const bare = await t.app.inject({ method: 'POST', url: `/api/v1/runbooks/${rb.id}/tested`, headers: other });
    assert.equal(bare.statusCode, 200, 'a bare POST records a test now');
  });

  const ok = { title: 'Valid' };
  const malformed: Array<{ name: string; body?: unknown; raw?: string; field?: string; url?: string; method?: 'POST' | 'PATCH' }> = [
    { name: 'an array', body: [ok], field: '(body)' },
    { name: 'a string', body: 'runbook', field: '(body)' },
    { name: 'null', raw: 'null', field: '(body)' },
    { name: 'broken JSON', raw: '{"title": "x",' },
    { name: 'an empty body', raw: '' },
    { name: 'no title', body: {}, field: 'title' },
    { name: 'an empty title', body: { title: '' }, field: 'title' },
    { name: 'a blank title', body: { title: '   ' }, field: 'title' },
    { name: 'a title past 200 characters', body: { title: 't'.repeat(201) }, field: 'title' },
    { name: 'a title that is a number', body: { title: 42 }, field: 'title' },
    { name: 'a NUL in the title', body: { title: 'a\u0000b' }, field: 'title' },
    { name: 'a NUL in the body', body: { ...ok, body: '# x\u0000' }, field: 'body' },
    { name: 'a body past 100,000 characters', body: { ...ok, body: 'x'.repeat(100_001) }, field: 'body' },
    { name: 'a body that is an object', body: { ...ok, body: { md: 'x' } }, field: 'body' },
    { name: 'an unknown field', body: { ...ok, owner: 'me' }, field: 'owner' },
    { name: 'an owner that is not a uuid', body: { ...ok, ownerUserId: 'alice' }, field: 'ownerUserId' },
    { name: 'an owner who does not exist', body: { ...ok, ownerUserId: '00000000-0000-4000-8000-000000000000' }, field: 'ownerUserId' },
    { name: 'a team that does not exist', body: { ...ok, ownerTeamId: '00000000-0000-4000-8000-000000000000' }, field: 'ownerTeamId' },
    { name: 'services that are a string', body: { ...ok, serviceIds: 'checkout' }, field: 'serviceIds' },
    { name: 'a service id that is a name', body: { ...ok, serviceIds: ['checkout'] }, field: 'serviceIds[0]' },
    { name: 'a service that does not exist', body: { ...ok, serviceIds: ['00000000-0000-4000-8000-000000000000'] }, field: 'serviceIds[0]' },
    { name: 'the same service twice', body: { ...ok, serviceIds: ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'] }, field: 'serviceIds' },
    { name: 'matchers that are an object', body: { ...ok, matchers: { alertname: 'x' } }, field: 'matchers' },
    { name: 'a matcher without an op', body: { ...ok, matchers: [{ name: 'alertname', value: 'x' }] }, field: 'matchers[0].op' },
    { name: 'a matcher with an unknown op', body: { ...ok, matchers: [{ name: 'alertname', op: '~=', value: 'x' }] }, field: 'matchers[0].op' },
    { name: 'a matcher with a bad label name', body: { ...ok, matchers: [{ name: '1bad', op: '=', value: 'x' }] }, field: 'matchers[0].name' },
    { name: 'a matcher with a broken regex', body: { ...ok, matchers: [{ name: 'alertname', op: '=~', value: '(' }] }, field: 'matchers[0].value' },
    { name: 'more than 20 matchers', body: { ...ok, matchers: Array.from({ length: 21 }, () => ({ name: 'a', op: '=', value: 'b' })) }, field: 'matchers' },
    { name: 'a huge integer title', raw: '{"title": 99999999999999999999999}', field: 'title' },
    { name: 'a form-encoded body', raw: 'title=x' },
    { name: 'a PATCH with an unknown field', method: 'PATCH', body: { titel: 'x' }, field: 'titel' },
    { name: 'a PATCH with a blank title', method: 'PATCH', body: { title: ' ' }, field: 'title' },
    { name: 'tested with a future time', url: 'tested', body: { testedAt: '2999-01-01T00:00:00Z' }, field: 'testedAt' },
    { name: 'tested with a time that is not a time', url: 'tested', body: { testedAt: 'yesterday' }, field: 'testedAt' },
    { name: 'tested with a huge note', url: 'tested', body: { note: 'n'.repeat(2001) }, field: 'note' },
    { name: 'tested with a NUL note', url: 'tested', body: { note: '\u0000' }, field: 'note' },
    { name: 'tested with an unknown field', url: 'tested', body: { by: 'me' }, field: 'by' },
  ];

  test(`${malformed.length} malformed bodies each get 4xx naming the field and store nothing`, async () => {
    assert.ok(malformed.length >= 30);
    const target = (await create({ title: 'Target', body: '# Target' })).json();
    const before = await count();
    const auditBefore = (await fixture.store.db.selectFrom('audit_log').select('id').execute()).length;
    for (const m of malformed) {
      const url = m.url ? `/api/v1/runbooks/${target.id}/${m.url}` : m.method === 'PATCH' ? `/api/v1/runbooks/${target.id}` : '/api/v1/runbooks';
      const res = await t.app.inject({
        method: m.method ?? 'POST',
        url,
        headers: { ...other, 'content-type': m.raw === 'title=x' ? 'application/x-www-form-urlencoded' : 'application/json' },
        payload: m.raw ?? JSON.stringify(m.body),
      });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${m.name}: ${res.statusCode} ${res.body}`);
      if (m.field) assert.ok(res.json().errors?.some((e: { field: string }) => e.field === m.field), `${m.name}: ${res.body}`);
    }
    assert.equal(await count(), before);
    assert.equal((await fixture.store.db.selectFrom('audit_log').select('id').execute()).length, auditBefore, 'no refused request wrote anything');
    const unchanged = (await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${target.id}`, headers: other })).json();
    assert.deepEqual([unchanged.title, unchanged.lastTested], ['Target', null]);
  });

  test('bad queries and ids are refused naming the field', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: other });
    assert.equal((await get('/api/v1/runbooks/not-a-uuid')).json().errors[0].field, 'path.id');
    assert.equal((await get('/api/v1/runbooks?service=nowhere')).json().errors[0].field, 'query.service');
    assert.equal((await get('/api/v1/runbooks?rotting=maybe')).statusCode, 400);
    assert.equal((await get('/api/v1/runbooks?colour=red')).statusCode, 400);
    assert.equal((await get('/api/v1/incidents/99999999999/runbooks')).statusCode, 404);
  });
});
