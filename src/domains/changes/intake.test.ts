import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { sign } from '@octokit/webhooks-methods';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';

/** GitHub's own captured deployment_status example (from @octokit/webhooks-examples), copied into test/fixtures. */
const githubPayload = readFileSync(new URL('../../../../test/fixtures/github-deployment-status.json', import.meta.url), 'utf8');

/**
 * What Argo CD notifications send with ARGOCD_TEMPLATE (see adapt.ts), built
 * from the webhook service's documented template syntax:
 * https://argo-cd.readthedocs.io/en/stable/operator-manual/notifications/services/webhook/
 */
const argoPayload = {
  app: 'checkout',
  revision: '4f1c2a9e0b7d',
  phase: 'Succeeded',
  startedAt: '2026-11-30T10:00:00Z',
  finishedAt: '2026-11-30T10:02:30Z',
  author: 'alice',
  repoURL: 'https://git.example/checkout-deploy.git',
  url: 'https://argocd.example/applications/checkout',
};

describeEachStore('change intake', (fixture) => {
  let t: TestApp;
  let admin: { authorization: string };
  let key = '';
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    for (const name of ['Hello-World', 'checkout']) {
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name } })).statusCode, 201);
    }
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/change-sources', headers: admin, payload: { name: 'ci' } });
    assert.equal(created.statusCode, 201, created.body);
    key = created.json().key;
  });
  after(async () => {
    await t.close();
  });

  const changes = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/v1/changes${query}`, headers: admin })).json().changes as Array<Record<string, unknown>>;
  const github = async (body: string, signature: string | undefined, event = 'deployment_status') =>
    t.app.inject({ method: 'POST', url: `/intake/changes/${key}/github`, headers: { 'content-type': 'application/json', 'x-github-event': event, ...(signature ? { 'x-hub-signature-256': signature } : {}) }, payload: body });

  test('a signed GitHub deployment_status is recorded as a finished deploy of the repository’s service', async () => {
    const res = await github(githubPayload, await sign(key, githubPayload));
    assert.equal(res.statusCode, 202, res.body);
    const [change] = await changes('?service=Hello-World');
    assert.equal(change!.id, res.json().changeId);
    assert.equal(change!.origin, 'github');
    assert.equal(change!.kind, 'deploy');
    assert.equal(change!.version, 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e');
    assert.equal(change!.author, 'Codertocat');
    assert.equal(change!.startedAt, '2019-05-15T15:20:53.000Z');
    assert.equal(change!.finishedAt, '2019-05-15T15:20:55.000Z');
    // Redelivery updates the same change.
    assert.equal((await github(githubPayload, await sign(key, githubPayload))).json().changeId, change!.id);
    assert.equal((await changes('?service=Hello-World')).length, 1);
  });

  test('a bad or missing GitHub signature gets 401 and stores nothing', async () => {
    const other = githubPayload.replace('"id": 145988746', '"id": 145988747');
    const before = (await changes()).length;
    const wrongKey = await github(other, await sign('not-the-key', other));
    assert.equal(wrongKey.statusCode, 401);
    assert.equal(wrongKey.json().errors[0].field, 'header.x-hub-signature-256');
    const tampered = await github(other, await sign(key, githubPayload));
    assert.equal(tampered.statusCode, 401);
    assert.equal((await github(other, undefined)).statusCode, 401);
    assert.equal((await changes()).length, before);
  });

  test('an Argo CD notification is recorded with its rollback command', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/intake/changes/${key}/argocd`, payload: argoPayload });
    assert.equal(res.statusCode, 202, res.body);
    const [change] = await changes('?service=checkout&kind=deploy');
    assert.equal(change!.origin, 'argocd');
    assert.equal(change!.version, '4f1c2a9e0b7d');
    assert.deepEqual(change!.rollback, { command: 'argocd app rollback checkout', link: 'https://argocd.example/applications/checkout' });
  });

  test('the generic format records every field, and the list filters by service, kind and time', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/intake/changes/${key}`,
      payload: { service: 'checkout', kind: 'feature-flag', version: 'new-cart=on', author: 'bob', link: 'https://flags.example/new-cart', startedAt: '2026-11-30T11:00:00Z', finishedAt: '2026-11-30T11:00:01Z', rollback: { command: 'flags set new-cart=off', link: 'https://flags.example/new-cart/off' } },
    });
    assert.equal(res.statusCode, 202, res.body);
    const flags = await changes('?service=checkout&kind=feature_flag');
    assert.deepEqual(flags.map((c) => c.version), ['new-cart=on']);
    assert.deepEqual((await changes('?service=checkout&from=2026-11-30T10:30:00Z&to=2026-11-30T12:00:00Z')).map((c) => c.version), ['new-cart=on']);
    assert.deepEqual((await changes('?service=checkout&to=2026-11-30T10:30:00Z')).map((c) => c.version), ['4f1c2a9e0b7d']);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/changes?service=nope', headers: admin })).statusCode, 400);
  });

  test('an unknown key gets 404 and stores nothing', async () => {
    const before = (await changes()).length;
    const res = await t.app.inject({ method: 'POST', url: '/intake/changes/fbc_nope', payload: { service: 'checkout', kind: 'deploy' } });
    assert.equal(res.statusCode, 404);
    assert.equal((await changes()).length, before);
  });

  const ok = { service: 'checkout', kind: 'deploy', version: 'v1' };
  const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });
  const malformed: Array<{ name: string; path?: string; body: unknown; raw?: string; contentType?: string; field?: string }> = [
    { name: 'an array', body: [ok], field: '(body)' },
    { name: 'a string', body: 'deploy', field: '(body)' },
    { name: 'a number', body: 42, field: '(body)' },
    { name: 'null', raw: 'null', body: null, field: '(body)' },
    { name: 'broken JSON', raw: '{"service": "checkout",', body: null },
    { name: 'an empty body', raw: '', body: null },
    { name: 'no service', body: { kind: 'deploy' }, field: 'service' },
    { name: 'a blank service', body: { ...ok, service: '   ' }, field: 'service' },
    { name: 'an unknown service', body: { ...ok, service: 'nowhere' }, field: 'service' },
    { name: 'a service that is an object', body: { ...ok, service: { name: 'checkout' } }, field: 'service' },
    { name: 'no kind', body: { service: 'checkout' }, field: 'kind' },
    { name: 'an unknown kind', body: { ...ok, kind: 'reboot' }, field: 'kind' },
    { name: 'a kind that is a number', body: { ...ok, kind: 3 }, field: 'kind' },
    { name: 'an unknown field', body: { ...ok, startAt: '2026-11-30T10:00:00Z' }, field: 'startAt' },
    { name: 'a time without a zone', body: { ...ok, startedAt: '2026-11-30T10:00:00' }, field: 'startedAt' },
    { name: 'a time that is not a time', body: { ...ok, startedAt: 'yesterday' }, field: 'startedAt' },
    { name: 'a time in epoch seconds', body: { ...ok, startedAt: 1764496800 }, field: 'startedAt' },
    { name: 'a time in year 9999', body: { ...ok, startedAt: '9999-01-01T00:00:00Z' }, field: 'startedAt' },
    { name: 'an impossible date', body: { ...ok, startedAt: '2026-13-45T10:00:00Z' }, field: 'startedAt' },
    { name: 'finished before started', body: { ...ok, startedAt: '2026-11-30T10:00:00Z', finishedAt: '2026-11-30T09:00:00Z' }, field: 'finishedAt' },
    { name: 'a javascript: link', body: { ...ok, link: 'javascript:alert(1)' }, field: 'link' },
    { name: 'a link that is not a URL', body: { ...ok, link: 'not a url' }, field: 'link' },
    { name: 'a version past 200 characters', body: { ...ok, version: 'v'.repeat(201) }, field: 'version' },
    { name: 'an author that is a list', body: { ...ok, author: ['a'] }, field: 'author' },
    { name: 'a rollback that is a string', body: { ...ok, rollback: 'git revert' }, field: 'rollback' },
    { name: 'a rollback with an unknown field', body: { ...ok, rollback: { cmd: 'x' } }, field: 'rollback.cmd' },
    { name: 'a rollback link that is ftp', body: { ...ok, rollback: { link: 'ftp://x/y' } }, field: 'rollback.link' },
    { name: 'a summary past 2000 characters', body: { ...ok, summary: 's'.repeat(2001) }, field: 'summary' },
    { name: 'nesting deeper than 64', body: { ...ok, extra: deep(70) }, field: '(body)' },
    { name: 'a form-encoded body', raw: 'service=checkout&kind=deploy', contentType: 'application/x-www-form-urlencoded', body: null },
    { name: 'a body over the limit', raw: JSON.stringify({ ...ok, summary: 'x'.repeat(2_000_000) }), body: null },
    { name: 'Argo CD without app', path: 'argocd', body: { ...argoPayload, app: undefined }, field: 'app' },
    { name: 'Argo CD without revision', path: 'argocd', body: { ...argoPayload, revision: '' }, field: 'revision' },
    { name: 'Argo CD with an unfinished template time', path: 'argocd', body: { ...argoPayload, startedAt: '<no value>' }, field: 'startedAt' },
  ];

  test(`${malformed.length} malformed bodies each get 4xx and store nothing`, async () => {
    assert.ok(malformed.length >= 30);
    const before = (await changes()).length;
    for (const m of malformed) {
      const payload = m.raw ?? JSON.stringify(m.body);
      const res = await t.app.inject({ method: 'POST', url: `/intake/changes/${key}${m.path ? `/${m.path}` : ''}`, headers: { 'content-type': m.contentType ?? 'application/json' }, payload });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${m.name}: ${res.statusCode} ${res.body}`);
      if (m.field) assert.ok(res.json().errors?.some((e: { field: string }) => e.field === m.field), `${m.name}: ${res.body}`);
    }
    const signedBad = JSON.stringify({ ...JSON.parse(githubPayload), deployment: { id: 1 } });
    const gh = await github(signedBad, await sign(key, signedBad));
    assert.equal(gh.statusCode, 400);
    assert.ok(gh.json().errors.some((e: { field: string }) => e.field === 'deployment.sha'));
    const push = await github(githubPayload, await sign(key, githubPayload), 'push');
    assert.equal(push.statusCode, 400);
    // GitHub's payloads carry fields Firebreak does not read, so only the JSON screen can refuse this one.
    const poisoned = githubPayload.replace('{', '{"__proto__":{"admin":true},');
    const proto = await github(poisoned, await sign(key, poisoned));
    assert.equal(proto.statusCode, 400, proto.body);
    assert.deepEqual(proto.json().errors, [{ field: '__proto__', message: 'is not an accepted key' }]);
    assert.equal((await changes()).length, before);
  });

  test('a source sending faster than the intake rate limit gets 429 with Retry-After, and the excess is not stored', async () => {
    const limited = await createTestApp(fixture.store, { config: { intakeRateLimitPerSecond: 0.01, intakeRateLimitBurst: 2 } });
    try {
      const before = (await changes()).length;
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await limited.app.inject({ method: 'POST', url: `/intake/changes/${key}`, payload: { service: 'checkout', kind: 'config', version: `burst-${i}` } });
        codes.push(res.statusCode);
        if (res.statusCode === 429) assert.ok(Number(res.headers['retry-after']) >= 1);
      }
      assert.deepEqual(codes, [202, 202, 429]);
      assert.equal((await changes()).length, before + 2);
    } finally {
      await limited.close();
    }
  });
});
