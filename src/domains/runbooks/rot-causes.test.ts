import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { startHttpPeer, type HttpPeer } from '../notify/testing.js';
import { cliActor } from '../auth/identity.js';
import type { UserView } from '../auth/service.js';
import { getRunbook, markTested } from './service.js';
import { until } from '../../testing/until.js';

type Auth = { authorization: string };

/** A TCP peer that accepts connections and never answers a byte: the link check must give up on its own. */
async function startSilentPeer(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describeEachStore('runbook rot: each of the four causes flags a runbook', (fixture) => {
  let t: TestApp;
  let web: HttpPeer;
  let silent: Awaited<ReturnType<typeof startSilentPeer>>;
  let author: Auth;
  let tester: Auth;
  let testerUser: UserView;
  let admin: Auth;

  before(async () => {
    web = await startHttpPeer((_n, request) => (request.path.startsWith('/missing') ? 404 : 200));
    silent = await startSilentPeer();
    t = await createTestApp(fixture.store, { config: { runbookLinkCheckTimeoutMs: 3000 } });
    author = (await t.user('responder')).auth;
    const second = await t.user('responder');
    tester = second.auth;
    testerUser = second.user;
    admin = (await t.user('admin')).auth;
  });
  after(async () => {
    await t.close();
    await web.close();
    await silent.close();
  });

  const service = async (name: string) => (await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: admin, payload: { name } })).json().id as string;
  const create = async (payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/runbooks', headers: author, payload });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; createdAt: string };
  };
  const tested = async (id: string, testedAt?: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/runbooks/${id}/tested`, headers: tester, payload: testedAt ? { testedAt } : {} });
    assert.equal(res.statusCode, 200, res.body);
  };
  const causes = async (id: string) => ((await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${id}`, headers: tester })).json().rot.causes as Array<Record<string, unknown>>);

  test('untested longer than the policy (90 days by default) flags it; a test by someone else clears it', async () => {
    const rb = await create({ title: 'Untested', body: '# Untested' });
    const policy = { maxUntestedDays: 90 };
    const day = 86_400_000;
    const at = (days: number) => new Date(Date.parse(rb.createdAt) + days * day);
    assert.equal((await getRunbook(fixture.store.db, rb.id, at(89), policy)).rot.rotting, false);
    const old = await getRunbook(fixture.store.db, rb.id, at(91), policy);
    assert.deepEqual(old.rot.causes.map((c) => [c.kind, c.kind === 'untested' && c.neverTested]), [['untested', true]]);
    await markTested(fixture.store, cliActor(testerUser), rb.id, {}, at(60));
    assert.equal((await getRunbook(fixture.store.db, rb.id, at(91), policy)).rot.rotting, false, 'tested on day 60');
    assert.deepEqual((await getRunbook(fixture.store.db, rb.id, at(151), policy)).rot.causes.map((c) => [c.kind, c.kind === 'untested' && c.days]), [['untested', 91]]);
    assert.equal((await getRunbook(fixture.store.db, rb.id, at(100), { maxUntestedDays: 30 })).rot.rotting, true, 'the policy is configurable');
  });

  test('a change event to its service after the last test flags it', async () => {
    const serviceId = await service('rot-deployed');
    const rb = await create({ title: 'Deployed', serviceIds: [serviceId] });
    await tested(rb.id);
    assert.deepEqual(await causes(rb.id), []);
    const source = (await t.app.inject({ method: 'POST', url: '/api/v1/change-sources', headers: admin, payload: { name: 'ci', serviceId } })).json();
    assert.equal((await t.app.inject({ method: 'POST', url: `/intake/changes/${source.key}`, payload: { kind: 'deploy', version: 'v42' } })).statusCode, 202);
    const found = await causes(rb.id);
    assert.deepEqual(found.map((c) => [c.kind, c.via, c.detail]), [['service_changed', 'change_event', 'deploy v42']]);
    await tested(rb.id);
    assert.deepEqual(await causes(rb.id), [], 'testing it again clears the change');
  });

  test('a catalog edit of a linked service after the last test flags it', async () => {
    const serviceId = await service('rot-edited');
    const rb = await create({ title: 'Edited', serviceIds: [serviceId] });
    await tested(rb.id);
    assert.deepEqual(await causes(rb.id), []);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${serviceId}`, headers: admin, payload: { description: 'moved to the new cluster' } })).statusCode, 200);
    assert.deepEqual((await causes(rb.id)).map((c) => [c.kind, c.via]), [['service_changed', 'catalog_edit']]);
  });

  test('the link check flags a link answering 404 and one that never answers, and not a link answering 200', async () => {
    await t.startWorker();
    const ok = `${web.url}/ok/dashboard`;
    const missing = `${web.url}/missing/page`;
    const hung = `${silent.url}/never`;
    // Tested first, then the links written: only checks after the last test count, and the check of an edit comes after it.
    const rb = await create({ title: 'Links', body: '# Links\n\nnone yet' });
    await tested(rb.id);
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/runbooks/${rb.id}`, headers: tester, payload: { body: `# Links\n\n- [dashboard](${ok})\n- [old wiki](${missing})\n- [hung](${hung})\n- [relative](/services) and [mail](mailto:oncall@example.com)` } });
    assert.equal(edited.statusCode, 200, edited.body);
    const view = await until('the link check results', async () => {
      const res = (await t.app.inject({ method: 'GET', url: `/api/v1/runbooks/${rb.id}`, headers: tester })).json();
      return res.links.length === 3 && res.rot.causes.length >= 2 && (res as { links: Array<{ url: string; ok: boolean; status: number | null; error: string | null }>; rot: { causes: Array<Record<string, unknown>> } });
    });
    const byUrl = new Map(view.links.map((l) => [l.url, l]));
    assert.deepEqual({ ...byUrl.get(ok), checkedAt: undefined }, { url: ok, status: 200, ok: true, error: null, checkedAt: undefined });
    assert.deepEqual([byUrl.get(missing)!.ok, byUrl.get(missing)!.status], [false, 404]);
    assert.deepEqual([byUrl.get(hung)!.ok, byUrl.get(hung)!.status], [false, null]);
    assert.match(byUrl.get(hung)!.error!, /no answer within 3000 ms/);
    assert.ok(silent.connections() >= 1, 'the silent peer was reached');
    assert.equal(web.requests.find((r) => r.path === '/ok/dashboard')?.method, 'HEAD');
    assert.deepEqual(view.rot.causes.map((c) => [c.kind, c.url]).sort(), [['link_failed', hung], ['link_failed', missing]].sort());
  });

  test('a failed mitigation in an incident that showed the runbook flags it', async () => {
    const serviceId = await service('rot-mitigated');
    const rb = await create({ title: 'Mitigated', serviceIds: [serviceId] });
    await tested(rb.id);
    const incident = (await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: tester, payload: { title: 'checkout slow', severity: 'SEV2', services: [serviceId] } })).json();
    const shown = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.ref}/runbooks`, headers: tester })).json();
    assert.deepEqual(shown.runbooks.map((r: { id: string }) => r.id), [rb.id]);
    const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.ref}/events`, headers: tester, payload });
    const started = await post({ kind: 'mitigation_started', body: { action: 'follow the runbook: fail over', expectedSignal: 'latency normal', deadline: new Date(Date.now() + 600_000).toISOString() } });
    assert.equal(started.statusCode, 201, started.body);
    assert.deepEqual(await causes(rb.id), [], 'a mitigation in flight is not a failure');
    assert.equal((await post({ kind: 'mitigation_failed', body: { mitigationSeq: started.json().seq, observed: 'latency unchanged' } })).statusCode, 201);
    assert.deepEqual((await causes(rb.id)).map((c) => [c.kind, c.incidentRef]), [['mitigation_failed', incident.ref]]);
    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/runbooks/rot', headers: tester })).json();
    assert.equal(report.runbooks[0].id, rb.id, 'a failed mitigation ranks first in the rot report');
  });
});
