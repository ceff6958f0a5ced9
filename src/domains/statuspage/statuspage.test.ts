import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { passingChecks } from '../incidents/testing.js';
import { addComponent, declare, post, publicJson, type Headers } from '../../testing/statuspage.js';
import { until } from '../../testing/until.js';

/** Statuspage v2's documented field sets. */
const PAGE_KEYS = ['id', 'name', 'url', 'time_zone', 'updated_at'];
const COMPONENT_KEYS = ['id', 'name', 'status', 'created_at', 'updated_at', 'position', 'description', 'showcase', 'start_date', 'group_id', 'page_id', 'group', 'only_show_if_degraded'];
const INCIDENT_KEYS = ['id', 'name', 'status', 'created_at', 'updated_at', 'monitoring_at', 'resolved_at', 'impact', 'shortlink', 'started_at', 'page_id', 'incident_updates', 'components'];
const UPDATE_KEYS = ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at', 'affected_components', 'deliver_notifications', 'custom_tweet', 'tweet_id'];
const MAINTENANCE_KEYS = [...INCIDENT_KEYS, 'scheduled_for', 'scheduled_until'];
const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
const INDICATORS = ['none', 'minor', 'major', 'critical'];
const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'];
const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'];
const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'];

type Json = Record<string, unknown>;
const keys = (o: unknown) => Object.keys(o as Json).sort();

function checkPage(page: unknown): void {
  assert.deepEqual(keys(page), [...PAGE_KEYS].sort());
}
function checkComponent(c: Json): void {
  const expected = c.group ? [...COMPONENT_KEYS, 'components'] : COMPONENT_KEYS;
  assert.deepEqual(keys(c), [...expected].sort());
  assert.ok(COMPONENT_STATUSES.includes(c.status as string), `component status ${String(c.status)}`);
}
function checkIncident(i: Json, maintenance = false): void {
  assert.deepEqual(keys(i), [...(maintenance ? MAINTENANCE_KEYS : INCIDENT_KEYS)].sort());
  assert.ok((maintenance ? MAINTENANCE_STATUSES : INCIDENT_STATUSES).includes(i.status as string), `status ${String(i.status)}`);
  assert.ok(IMPACTS.includes(i.impact as string));
  for (const u of i.incident_updates as Json[]) {
    assert.deepEqual(keys(u), [...UPDATE_KEYS].sort());
    for (const a of (u.affected_components as Json[] | null) ?? []) assert.deepEqual(keys(a), ['code', 'name', 'new_status', 'old_status']);
  }
  for (const c of i.components as Json[]) checkComponent(c);
}

describeEachStore('status page', (fixture) => {
  let t: TestApp;
  let admin: Headers;
  let responder: Headers;
  before(async () => {
    t = await createTestApp(fixture.store);
    admin = (await t.user('admin')).auth;
    responder = (await t.user('responder')).auth;
  });
  after(async () => {
    await t.close();
  });

  test('a new installation answers /status with one empty public page, operational', async () => {
    const html = await t.app.inject({ method: 'GET', url: '/status' });
    assert.equal(html.statusCode, 200);
    assert.match(html.headers['content-type'] as string, /text\/html/);
    assert.match(html.body, /All Systems Operational/);
    assert.doesNotMatch(html.body, /<script/i);
    const summary = await publicJson(t, '/status/api/v2/summary.json');
    assert.deepEqual(summary.status, { indicator: 'none', description: 'All Systems Operational' });
    assert.deepEqual(summary.components, []);
  });

  test('every Statuspage endpoint has its documented field set and value sets', async () => {
    const group = await addComponent(t, admin, { name: 'Payments', group: true });
    const api = await addComponent(t, admin, { name: 'Checkout API', groupId: group });
    await addComponent(t, admin, { name: 'Card processing', groupId: group });
    const web = await addComponent(t, admin, { name: 'Website' });
    const ref = await declare(t, responder, { title: 'Checkout errors', severity: 'SEV2' });
    await post(t, responder, ref, 'update_posted', { audience: 'public', text: 'We are investigating failed checkouts.', publicTitle: 'Checkout failures', components: [{ componentId: api, status: 'partial_outage' }] });
    const pageId = (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id as string;
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const later = new Date(Date.now() + 7200_000).toISOString();
    const m = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${pageId}/maintenances`, headers: responder, payload: { name: 'Database upgrade', body: 'Brief read-only period.', componentIds: [web], scheduledFor: soon, scheduledUntil: later } });
    assert.equal(m.statusCode, 201, m.body);

    const summary = await until('the read model to show the incident and the maintenance', async () => {
      const s = await publicJson(t, '/status/api/v2/summary.json');
      return (s.incidents as Json[]).length === 1 && (s.scheduled_maintenances as Json[]).length === 1 ? s : undefined;
    });
    assert.deepEqual(keys(summary), ['components', 'incidents', 'page', 'scheduled_maintenances', 'status']);
    checkPage(summary.page);
    for (const c of summary.components as Json[]) checkComponent(c);
    for (const i of summary.incidents as Json[]) checkIncident(i);
    for (const i of summary.scheduled_maintenances as Json[]) checkIncident(i, true);
    assert.deepEqual(keys(summary.status), ['description', 'indicator']);
    assert.ok(INDICATORS.includes((summary.status as Json).indicator as string));
    assert.deepEqual(summary.status, { indicator: 'major', description: 'Partial System Outage' });
    const groupJson = (summary.components as Json[]).find((c) => c.id === group)!;
    assert.equal(groupJson.status, 'partial_outage', 'a group shows the worst state of its members');
    assert.equal((groupJson.components as string[]).length, 2);
    const incident = (summary.incidents as Json[])[0]!;
    assert.equal(incident.name, 'Checkout failures');
    assert.equal(incident.impact, 'major');
    assert.deepEqual((incident.incident_updates as Json[])[0]!.affected_components, [{ code: api, name: 'Checkout API', old_status: 'operational', new_status: 'partial_outage' }]);

    const status = await publicJson(t, '/status/api/v2/status.json');
    assert.deepEqual(keys(status), ['page', 'status']);
    const components = await publicJson(t, '/status/api/v2/components.json');
    assert.deepEqual(keys(components), ['components', 'page']);
    for (const name of ['incidents.json', 'incidents/unresolved.json']) {
      const body = await publicJson(t, `/status/api/v2/${name}`);
      assert.deepEqual(keys(body), ['incidents', 'page']);
      assert.equal((body.incidents as Json[]).length, 1);
      for (const i of body.incidents as Json[]) checkIncident(i);
    }
    for (const [name, count] of [['scheduled-maintenances.json', 1], ['scheduled-maintenances/upcoming.json', 1], ['scheduled-maintenances/active.json', 0]] as const) {
      const body = await publicJson(t, `/status/api/v2/${name}`);
      assert.deepEqual(keys(body), ['page', 'scheduled_maintenances']);
      assert.equal((body.scheduled_maintenances as Json[]).length, count, name);
      for (const i of body.scheduled_maintenances as Json[]) checkIncident(i, true);
    }
  });

  test('the HTML page shows the state in words, the active incident with its updates, maintenance and uptime bars', async () => {
    const html = await until('the incident on the page', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/status' });
      return res.body.includes('Checkout failures') ? res.body : undefined;
    });
    assert.match(html, /Partial System Outage/);
    assert.match(html, /We are investigating failed checkouts\./);
    assert.match(html, /Database upgrade/);
    assert.match(html, /Partial Outage/);
    assert.match(html, /role="img" aria-label="Checkout API: 90 days/);
    assert.match(html, /prefers-color-scheme:dark/);
    assert.match(html, /name="viewport"/);
    assert.doesNotMatch(html, /<script/i);
  });

  test('responses carry an ETag and Cache-Control, and a matching If-None-Match gets 304', async () => {
    for (const url of ['/status', '/status/api/v2/summary.json', '/status/history.rss']) {
      const first = await t.app.inject({ method: 'GET', url });
      assert.equal(first.statusCode, 200);
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(first.headers['cache-control'] as string, /public, max-age=\d+/);
      const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '');
    }
  });

  test('RSS and Atom feeds list the public incident', async () => {
    const rss = await t.app.inject({ method: 'GET', url: '/status/history.rss' });
    assert.match(rss.headers['content-type'] as string, /application\/rss\+xml/);
    assert.match(rss.body, /<rss[\s\S]*Checkout failures/);
    const atom = await t.app.inject({ method: 'GET', url: '/status/history.atom' });
    assert.match(atom.body, /<feed[\s\S]*Checkout failures/);
  });

  test('resolving an incident with a public face needs the public all-clear, or an override with a reason', async () => {
    const search = await addComponent(t, admin, { name: 'Search' });
    const ready = async (title: string) => {
      const ref = await declare(t, responder, { title, severity: 'SEV3' });
      await post(t, responder, ref, 'update_posted', { audience: 'public', text: `${title}: unavailable.`, publicTitle: title, components: [{ componentId: search, status: 'major_outage' }] });
      await post(t, responder, ref, 'impact_stated', { statement: 'Search returns errors', journeys: [{ journey: 'search', effect: 'down' }], writesSafe: 'yes' });
      for (const check of passingChecks()) await post(t, responder, ref, 'checklist_item_checked', check);
      return ref;
    };
    const ref = await ready('Search unavailable');
    const refused = await post(t, responder, ref, 'resolved', { summary: 'fixed' }, 422);
    assert.match(refused.body, /public-all-clear-required/);
    await post(t, responder, ref, 'update_posted', { audience: 'public', text: 'Search is back.', publicStatus: 'resolved' });
    await post(t, responder, ref, 'resolved', { summary: 'fixed' });
    await until('the all-clear to return Search to operational', async () => {
      const body = await publicJson(t, '/status/api/v2/components.json');
      return (body.components as Json[]).find((c) => c.id === search)?.status === 'operational';
    });

    const overridden = await ready('Search slow');
    await post(t, responder, overridden, 'resolved', { summary: 'fixed', override: { reason: 'status page handled by the vendor' } });
    await until('the overridden public incident to be closed', async () => {
      const body = await publicJson(t, '/status/api/v2/incidents/unresolved.json');
      return !(body.incidents as Json[]).some((i) => i.name === 'Search slow');
    });
  });

  test('a private incident cannot post to the status page, and a first status page update needs its public title', async () => {
    const secret = await declare(t, responder, { title: 'Quiet one', severity: 'SEV2', private: true });
    const res = await post(t, responder, secret, 'update_posted', { audience: 'public', text: 'hello', publicTitle: 'x' }, 422);
    assert.match(res.body, /private-incident-not-public/);
    const open = await declare(t, responder, { title: 'Loud one', severity: 'SEV3' });
    const missing = await post(t, responder, open, 'update_posted', { audience: 'public', text: 'hello', publicStatus: 'investigating' }, 400);
    assert.match(missing.body, /publicTitle/);
    // Without any status page field, a public update (a customer email, say) is not posted to the page.
    await post(t, responder, open, 'update_posted', { audience: 'public', text: 'hello' });
    const all = await publicJson(t, '/status/api/v2/incidents.json');
    assert.ok(!(all.incidents as Json[]).some((i) => i.name === 'Loud one'));
  });

  test('pages are served by slug and by host name, and internal pages are not public', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Acme Cloud', slug: 'cloud', host: 'status.acme.test', timeZone: 'Europe/Berlin' } });
    assert.equal(created.statusCode, 201, created.body);
    const internal = await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Internal', slug: 'internal', visibility: 'internal' } });
    assert.equal(internal.statusCode, 201, internal.body);
    const bySlug = await until('the new page', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/status/cloud/api/v2/status.json' });
      return res.statusCode === 200 ? (res.json() as { page: Json }) : undefined;
    });
    assert.equal(bySlug.page.name, 'Acme Cloud');
    assert.equal(bySlug.page.time_zone, 'Europe/Berlin');
    assert.equal(bySlug.page.url, 'https://status.acme.test');
    const byHost = await t.app.inject({ method: 'GET', url: '/api/v2/summary.json', headers: { host: 'status.acme.test' } });
    assert.equal(byHost.statusCode, 200);
    assert.equal(byHost.json().page.name, 'Acme Cloud');
    const hostHtml = await t.app.inject({ method: 'GET', url: '/', headers: { host: 'status.acme.test' } });
    assert.match(hostHtml.body, /Acme Cloud/);
    // Once loaded, an internal page asks anonymous readers to sign in (its content: front-door.test.ts).
    await until('the internal page to ask for sign-in', async () => (await t.app.inject({ method: 'GET', url: '/status/internal' })).statusCode === 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/status/nope/api/v2/summary.json' })).statusCode, 404);
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Again', slug: 'cloud' } });
    assert.equal(taken.statusCode, 409);
    const reserved = await t.app.inject({ method: 'POST', url: '/api/v1/status-pages', headers: admin, payload: { name: 'Bad', slug: 'history' } });
    assert.equal(reserved.statusCode, 400);
  });

  test('text with NUL is refused alike on both databases, naming the field', async () => {
    const pageId = (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id as string;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${pageId}/components`, headers: admin, payload: { name: 'bad\u0000name' } });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /name/);
  });
});
