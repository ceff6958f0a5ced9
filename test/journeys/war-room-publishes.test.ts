/**
 * The war room publishes: what it sends as public title, status and components
 * reaches the status page (HTML, Statuspage JSON, feeds); a public update that
 * cannot be published says why; the "no public update yet" reminder waits for a
 * real publication; the banner shows an active incident on a page without components.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { JOBS_CHANNEL } from '../../src/jobs/queue.js';
import { until } from '../../src/testing/until.js';
import { startRealServer, type RealServer } from './real-server.js';

type Face = { onPage: Array<{ title: string; status: string; components: Array<{ id: string; name: string; status: string }>; lastUpdate: { text: string } | null }>; components: Array<{ id: string }>; blocked: string | null };

/** The text a feed reader shows for each `tag` element: CDATA or entity-decoded XML, then read as HTML. */
function feedTexts(xml: string, tag: string): Array<{ html: string; text: string }> {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => {
    const raw = m[1]!.trim();
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw);
    const html = cdata ? cdata[1]! : decode(raw);
    return { html, text: decode(html.replace(/<br>/g, '\n').replace(/<[^>]*>/g, '')) };
  });
}

describeEachStore('the war room publishes', (fixture) => {
  let server: RealServer;
  let responder: Record<string, string>;
  let admin: Record<string, string>;
  before(async () => {
    server = await startRealServer(fixture.store, { worker: true });
    admin = (await server.user('admin')).auth;
    responder = (await server.user('responder')).auth;
  });
  after(async () => server?.close());

  const declare = async (title: string, severity = 'SEV2') => (await server.call<{ id: string; ref: string }>('POST', '/api/v1/incidents', responder, { title, severity })).body;
  const post = (incidentId: string, body: Record<string, unknown>) => server.call<{ errors?: Array<{ field: string; message: string }> }>('POST', `/api/v1/incidents/${incidentId}/events`, responder, { kind: 'update_posted', body: { audience: 'public', ...body } });
  const face = async (ref: string) => (await server.call<Face>('GET', `/api/v1/incidents/${ref}/public-face`, responder)).body;

  test('a public update that cannot be published is recorded and says why: no public title yet, or a page that does not exist', async () => {
    const inc = await declare('Checkout errors');
    assert.match((await face(inc.ref)).blocked!, /not on the status page yet; give it a public title/);
    const plain = await post(inc.id, { text: 'We are looking into checkout errors.' });
    assert.equal(plain.status, 201, 'a public update without a title is recorded');
    assert.equal((await face(inc.ref)).onPage.length, 0, 'and not published');
    const elsewhere = await post(inc.id, { text: 'Checkout is failing.', publicTitle: 'Checkout errors', pageId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(elsewhere.status, 400);
    assert.equal(elsewhere.body.errors![0]!.field, 'body.pageId');
  });

  test('on a page without components the title and status are published and the banner shows the active incident', async () => {
    const inc = await declare('Login failures');
    const plain = await post(inc.id, { text: 'Investigating login failures.' });
    assert.equal(plain.status, 201);
    assert.match((await face(inc.ref)).blocked!, /not on the status page yet; give it a public title/);

    assert.equal((await post(inc.id, { text: 'Some customers cannot log in.', publicTitle: 'Login problems', publicStatus: 'identified' })).status, 201);
    const shown = await face(inc.ref);
    assert.equal(shown.blocked, null);
    assert.equal(shown.onPage[0]!.title, 'Login problems');
    assert.equal(shown.onPage[0]!.status, 'identified');
    assert.equal(shown.onPage[0]!.lastUpdate!.text, 'Some customers cannot log in.');

    const status = await until('the page to show the incident', async () => {
      const summary = (await server.call<{ status: { indicator: string; description: string }; incidents: Array<{ name: string }> }>('GET', '/status/api/v2/summary.json', {})).body;
      return summary.incidents.some((i) => i.name === 'Login problems') ? summary.status : undefined;
    });
    assert.notEqual(status.indicator, 'none', 'an active incident is not "All Systems Operational"');
    const html = (await server.call<string>('GET', '/status', {})).body;
    assert.doesNotMatch(html, /All Systems Operational/);
    assert.match(html, /Login problems/);
  });

  test('components with their states reach the page, and what the page says now is read back', async () => {
    const pages = (await server.call<{ pages: Array<{ id: string; isDefault: boolean }> }>('GET', '/api/v1/status-pages', admin)).body.pages;
    const page = pages.find((p) => p.isDefault)!;
    const component = (await server.call<{ id: string }>('POST', `/api/v1/status-pages/${page.id}/components`, admin, { name: 'Checkout' })).body;
    const inc = await declare('Checkout slow');
    assert.deepEqual((await face(inc.ref)).components.map((c) => c.id), [component.id]);
    const published = await post(inc.id, { text: 'Checkout is slow.', publicTitle: 'Slow checkout', publicStatus: 'investigating', components: [{ componentId: component.id, status: 'partial_outage' }] });
    assert.equal(published.status, 201, JSON.stringify(published.body));
    const shown = await face(inc.ref);
    assert.deepEqual(shown.onPage[0]!.components.map((c) => [c.name, c.status]), [['Checkout', 'partial_outage']]);
    const summary = await until('the component state on the page', async () => {
      const s = (await server.call<{ status: { indicator: string }; components: Array<{ name: string; status: string }> }>('GET', '/status/api/v2/summary.json', {})).body;
      return s.components.find((c) => c.name === 'Checkout')?.status === 'partial_outage' ? s : undefined;
    });
    assert.equal(summary.status.indicator, 'major');
  });

  test('feeds carry update text as text: markup in an update never reaches a feed reader as markup', async () => {
    const inc = await declare('Search down');
    const evil = '<img src=x onerror=alert(1)> search is down';
    assert.equal((await post(inc.id, { text: evil, publicTitle: 'Search <b>down</b>' })).status, 201);
    const rss = await until('the update in the RSS feed', async () => {
      const body = (await server.call<string>('GET', '/status/history.rss', {})).body;
      return body.includes('search is down') ? body : undefined;
    });
    const atom = (await server.call<string>('GET', '/status/history.atom', {})).body;
    for (const [xml, tags] of [[rss, ['description', 'content:encoded', 'title']], [atom, ['summary', 'content', 'title']]] as const) {
      const items = tags.flatMap((tag) => feedTexts(xml, tag)).filter((t) => /search/i.test(t.text));
      assert.ok(items.length >= 2, `the incident is in the feed: ${xml.slice(0, 400)}`);
      for (const item of items) assert.doesNotMatch(item.html, /<img|<b>/i, `no markup reaches the reader: ${item.html}`);
      assert.ok(items.some((i) => i.text.includes(evil)), 'the text arrives as written');
      assert.ok(items.some((i) => i.text.includes('Search <b>down</b>')), 'the title arrives as written');
    }
  });

  test('the "no public update yet" reminder ignores a public update that was not published, and stops for one that was', async () => {
    const unpublished = await declare('Payments failing', 'SEV1');
    assert.equal((await post(unpublished.id, { text: 'Looking into payments.' })).status, 201);
    const published = await declare('Payments slow', 'SEV1');
    assert.equal((await post(published.id, { text: 'Payments are slow.', publicTitle: 'Slow payments' })).status, 201);

    const db = server.testApp.ctx.store.db;
    await db.updateTable('jobs').set({ run_at: new Date().toISOString() }).where('kind', '=', 'incidents.public_update_due').where('status', '=', 'queued').execute();
    await db.transaction().execute((trx) => server.testApp.ctx.bus.publish(trx, JOBS_CHANNEL, new Date().toISOString()));
    const reminders = async (id: string) =>
      (await server.call<{ events: Array<{ kind: string; body: { reason?: string } }> }>('GET', `/api/v1/incidents/${id}/events`, responder)).body.events.filter((e) => e.kind === 'reminder' && e.body.reason === 'public_update_due');
    await until('the reminder for the unpublished incident', async () => (await reminders(unpublished.id)).length === 1);
    await until('both reminder jobs to finish', async () => {
      const jobs = await db.selectFrom('jobs').select('status').where('kind', '=', 'incidents.public_update_due').execute();
      return jobs.length > 0 && jobs.every((j) => j.status === 'done');
    });
    assert.equal((await reminders(published.id)).length, 0, 'a published update silences the reminder');
  });
});
