/**
 * The status page never shows private data: marker
 * strings placed in private incidents, drills, internal updates, responder
 * names, cohort identifiers and the unpublished timeline must appear in no
 * public response (HTML, JSON, feeds, subscription pages) and in no mail or
 * webhook sent to subscribers. A published postmortem shows its public
 * summary only (root cause, factors, whys, comments and action items stay in).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { startHttpPeer, startSmtpPeer, type HttpPeer, type SmtpPeer } from '../notify/testing.js';
import { addComponent, declare, post, type Headers } from '../../testing/statuspage.js';
import { until } from '../../testing/until.js';
import { STATUSPAGE_ENDPOINTS } from './statuspage-json.js';

const marker = (what: string) => `LEAK${what}${randomBytes(4).toString('hex')}`;

describeEachStore('status page leak test', (fixture) => {
  let t: TestApp;
  let smtp: SmtpPeer;
  let http: HttpPeer;
  const markers: Record<string, string> = {
    privateTitle: marker('privatetitle'),
    privateUpdate: marker('privateupdate'),
    drillTitle: marker('drilltitle'),
    internalTitle: marker('internaltitle'),
    internalUpdate: marker('internalupdate'),
    responderEmail: marker('responderemail'),
    responderLabel: marker('responderlabel'),
    cohort: marker('cohort'),
    cohortNote: marker('cohortnote'),
    impact: marker('impact'),
    observation: marker('observation'),
    hypothesis: marker('hypothesis'),
    decision: marker('decision'),
    note: marker('note'),
    resolution: marker('resolution'),
    postmortemRootCause: marker('pmrootcause'),
    postmortemFactor: marker('pmfactor'),
    postmortemWhy: marker('pmwhy'),
    postmortemComment: marker('pmcomment'),
    postmortemActionItem: marker('pmactionitem'),
    privatePostmortemSummary: marker('privatepmsummary'),
  };

  before(async () => {
    smtp = await startSmtpPeer();
    http = await startHttpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, smtpFrom: 'Status <status@example.test>', publicUrl: 'https://firebreak.example.test' } });
    await t.startWorker();
  });
  after(async () => {
    await t.close();
    await smtp.close();
    await http.close();
  });

  test('no marker from private incidents, drills, internal updates, responders, cohorts or the timeline reaches any public surface', async () => {
    const admin = (await t.user('admin')).auth;
    const responder: Headers = (await t.user('responder', `${markers.responderEmail}@example.test`)).auth;
    const api = await addComponent(t, admin, { name: 'API' });
    const pageId = (await t.app.inject({ method: 'GET', url: '/api/v1/status-pages', headers: admin })).json().pages[0].id as string;
    await t.app.inject({ method: 'POST', url: `/api/v1/status-pages/${pageId}/subscribers`, headers: admin, payload: { url: `${http.url}/hook` } });
    await t.app.inject({ method: 'POST', url: '/status/subscribe', payload: { email: 'reader@example.test' } });
    const [confirmMail] = await smtp.waitForMails(1);
    const link = new URL(/https:\/\/\S+confirm\?token=\S+/.exec(confirmMail!.text)![0]);
    assert.equal((await t.app.inject({ method: 'POST', url: link.pathname + link.search })).statusCode, 200);

    // A private incident and a drill: neither may reach the page, even when someone tries.
    const secret = await declare(t, responder, { title: markers.privateTitle, severity: 'SEV1', private: true });
    await post(t, responder, secret, 'update_posted', { audience: 'internal', text: markers.privateUpdate });
    await post(t, responder, secret, 'update_posted', { audience: 'public', text: markers.privateUpdate, publicTitle: markers.privateTitle }, 422);
    const drill = await declare(t, responder, { title: markers.drillTitle, severity: 'SEV2', drill: true });
    await post(t, responder, drill, 'update_posted', { audience: 'public', text: markers.drillTitle, publicTitle: markers.drillTitle }, 422);

    // A public incident whose room says a lot that is not for the public.
    const ref = await declare(t, responder, { title: markers.internalTitle, severity: 'SEV2', impact: markers.impact });
    await post(t, responder, ref, 'role_assigned', { role: 'operations', label: markers.responderLabel });
    await post(t, responder, ref, 'cohort_affected', { dimension: 'tenant', value: markers.cohort, note: markers.cohortNote });
    await post(t, responder, ref, 'impact_stated', { statement: markers.impact, journeys: [{ journey: markers.impact, effect: 'down' }], writesSafe: 'unknown' });
    await post(t, responder, ref, 'observation', { text: markers.observation });
    await post(t, responder, ref, 'hypothesis_proposed', { text: markers.hypothesis });
    await post(t, responder, ref, 'decision', { decision: markers.decision, rationale: markers.decision, alternativesRejected: [] });
    await post(t, responder, ref, 'note', { text: markers.note });
    await post(t, responder, ref, 'update_posted', { audience: 'internal', text: markers.internalUpdate });
    await post(t, responder, ref, 'update_posted', { audience: 'public', text: 'We are investigating errors on the API.', publicTitle: 'API errors', components: [{ componentId: api, status: 'major_outage' }] });
    await post(t, responder, ref, 'update_posted', { audience: 'public', text: 'The API has recovered.', publicStatus: 'resolved' });
    await post(t, responder, ref, 'resolved', { summary: markers.resolution, override: { reason: markers.resolution } });

    await until('the public incident resolved on the page', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/status/api/v2/incidents.json' });
      return res.json().incidents[0]?.status === 'resolved' || undefined;
    });

    // Its postmortem says much that is private and one summary for the public; the private incident's postmortem has a summary too.
    const reviewer = (await t.user('responder')).user.id;
    // The postmortem opens after the resolution commits, as a job.
    const postmortemOpened = (incident: string) =>
      until(`the postmortem of ${incident}`, async () => (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident}/postmortem`, headers: responder })).statusCode === 200 || undefined);
    await postmortemOpened(ref);
    const publish = async (incident: string, patch: object) => {
      const url = `/api/v1/incidents/${incident}/postmortem`;
      await postmortemOpened(incident);
      assert.equal((await t.app.inject({ method: 'PATCH', url, headers: responder, payload: { ...patch, reviewerIds: [reviewer], status: 'in_review' } })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'PATCH', url, headers: responder, payload: { status: 'published' } })).statusCode, 200);
    };
    const publicSummary = 'A configuration change overloaded the API; we now roll such changes out in stages.';
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem/action-items`, headers: responder, payload: { title: `Add a staged rollout for ${markers.postmortemActionItem} config`, type: 'prevent', ownerId: reviewer, dueAt: '2030-01-01T00:00:00Z' } })).statusCode, 201);
    const commented = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem/comments`, headers: responder, payload: { section: 'summary', body: markers.postmortemComment } });
    assert.equal(commented.statusCode, 201);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ref}/postmortem/comments/${commented.json().id}/resolve`, headers: responder })).statusCode, 200);
    await publish(ref, { sections: { rootCause: markers.postmortemRootCause, contributingFactors: [markers.postmortemFactor] }, whys: [{ steps: [{ statement: markers.postmortemWhy }] }], publicSummary });
    await post(t, responder, secret, 'resolved', { override: { reason: 'done' } });
    await publish(secret, { publicSummary: markers.privatePostmortemSummary });
    await until('the public summary shown with Statuspage status postmortem', async () => {
      const incident = (await t.app.inject({ method: 'GET', url: '/status/api/v2/incidents.json' })).json().incidents[0];
      return (incident?.status === 'postmortem' && incident.incident_updates[0].status === 'postmortem' && incident.incident_updates[0].body === publicSummary) || undefined;
    });
    const mails = await smtp.waitForMails(3);
    const hooks = await http.waitForRequests(2);

    const urls = ['/status', '/status/history', '/status/history.rss', '/status/history.atom', ...STATUSPAGE_ENDPOINTS.map((e) => `/status/api/v2/${e}`), '/status/subscriptions/confirm?token=xxxxxxxxxxxx'];
    const surfaces: Array<[string, string]> = [];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      surfaces.push([url, res.body]);
    }
    for (const mail of mails) surfaces.push([`mail to ${mail.to.join(',')}: ${mail.subject}`, mail.raw]);
    for (const hook of hooks) surfaces.push([`webhook ${hook.path}`, hook.body]);
    assert.ok(surfaces.some(([, body]) => body.includes('The API has recovered.')), 'the published text itself is shown');
    assert.ok(surfaces.some(([, body]) => body.includes(publicSummary)), 'the postmortem summary written for the public is shown');
    assert.match(surfaces.find(([url]) => url === '/status/history')![1], /<strong>Postmortem<\/strong>[^]*A configuration change overloaded the API; we now roll such changes out in stages\./, 'the HTML history shows the summary too');
    for (const [where, body] of surfaces) {
      for (const [what, value] of Object.entries(markers)) assert.ok(!body.includes(value), `${what} leaked into ${where}`);
    }
  });
});
