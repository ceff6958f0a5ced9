/**
 * Resolution ends the page, whichever way an incident is resolved: through
 * the HTTP API of a listening server, with a real SMTP peer, a job worker and
 * the CLI against the same database. For each way (the `resolved` kind,
 * `status_changed` to resolved, the CLI, the war room's Resolve body, an
 * override) the running escalation stops with who and why, the next step's
 * job runs after its due time and pages nobody, a SEV2 gets its postmortem,
 * the public page shows the incident resolved, and the metrics row is closed.
 * "No page after" is proven on product time: the app runs on a `TestClock`,
 * which the test moves past the second step (due ten minutes after the first
 * page); the step's job then runs and pages nobody.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { systemClock, TestClock, useClock } from '../../src/clock.js';
import { describeEachStore } from '../../src/db/testing.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { until } from '../../src/testing/until.js';
import { runCli } from '../support/process.js';

const SECOND_STEP_SECONDS = 600;

describeEachStore('resolving an incident ends its paging', (fixture) => {
  let smtp: SmtpPeer;
  let t: TestApp;
  let base: string;
  let admin: { authorization: string };
  let commander: Awaited<ReturnType<TestApp['user']>>;
  let first: Awaited<ReturnType<TestApp['user']>>;
  let backup: Awaited<ReturnType<TestApp['user']>>;
  let policyId: string;
  const clock = new TestClock();

  const api = async (method: string, url: string, auth: { authorization: string } | null, body?: unknown) => {
    const res = await fetch(`${base}${url}`, { method, headers: { ...(auth ?? {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a journey reads the API's JSON as it comes
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, any> };
  };
  const expect = async (status: number, p: ReturnType<typeof api>) => {
    const res = await p;
    assert.equal(res.status, status, res.text);
    return res.json();
  };
  const event = (ref: string, kind: string, body: unknown, auth = commander.auth) => expect(201, api('POST', `/api/v1/incidents/${ref}/events`, auth, { kind, body }));

  before(async () => {
    smtp = await startSmtpPeer();
    useClock(clock);
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test', pagesPerMinute: 100 }, clock });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    await t.startWorker();
    admin = (await t.user('admin')).auth;
    commander = await t.user('responder', 'ic@example.test');
    first = await t.user('responder', 'first@example.test');
    backup = await t.user('responder', 'backup@example.test');
    // No time in monitoring, so the prerequisites can be met at once: impact and the recovery checklist.
    const policy = await expect(200, api('GET', '/api/v1/settings/incident-policy', admin));
    for (const definition of Object.values(policy.severities as Record<string, { monitoringMinutes: number }>)) definition.monitoringMinutes = 0;
    await expect(200, api('PUT', '/api/v1/settings/incident-policy', admin, policy));
    const steps = [
      { delaySeconds: 0, targets: [{ type: 'user', id: first.user.id }] },
      { delaySeconds: SECOND_STEP_SECONDS, targets: [{ type: 'user', id: backup.user.id }] },
    ];
    policyId = (await expect(201, api('POST', '/api/v1/escalation-policies', admin, { name: 'checkout-10m', steps }))).id as string;
  });
  after(async () => {
    await t.close();
    await smtp.close();
    useClock(systemClock);
  });

  /**
   * A SEV2 on a checkout service, on the public page, its prerequisites met (unless
   * `override`), then an alert that pages `first` at once and would page
   * `backup` ten minutes later in product time; returns the incident and its escalation.
   */
  async function pagedIncident(name: string, override: boolean): Promise<{ ref: string; id: string; escalationId: string; publicTitle: string; mailsBefore: number }> {
    // A service of its own, so its alert opens a group of its own.
    const serviceId = (await expect(201, api('POST', '/api/v1/services', admin, { name: `checkout-${name}`, escalationPolicyId: policyId }))).id as string;
    const intakeKey = (await expect(201, api('POST', `/api/v1/services/${serviceId}/integrations`, admin, { kind: 'alertmanager', name: 'prometheus' }))).key as string;
    const declared = await expect(201, api('POST', '/api/v1/incidents', commander.auth, { title: `Checkout errors (${name})`, severity: 'SEV2', services: [serviceId] }));
    const ref = declared.ref as string;
    const publicTitle = `Checkout degraded (${name})`;
    await event(ref, 'update_posted', { audience: 'public', text: 'We are investigating failed payments.', publicTitle });
    if (!override) {
      await event(ref, 'impact_stated', { statement: 'EU customers cannot pay', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' });
      const checklist = ((await expect(200, api('GET', `/api/v1/incidents/${ref}`, commander.auth))) as { checklist: { items: Array<{ item: string }> } }).checklist.items;
      for (const c of checklist) await event(ref, 'checklist_item_checked', { item: c.item, result: 'pass' });
      await event(ref, 'update_posted', { audience: 'public', text: 'Payments work again.', publicStatus: 'resolved' });
    }
    const mailsBefore = smtp.mails.length;
    assert.equal((await api('POST', `/intake/alertmanager/${intakeKey}`, null, amBody([{ fingerprint: `fp-${name}`, summary: `payments failing ${name}`, labels: { alertname: `PaymentsFailing-${name}`, severity: 'critical' } }]))).status, 202);
    await smtp.waitForMails(mailsBefore + 1, 20_000);
    const paging = await expect(200, api('GET', `/api/v1/incidents/${ref}/pages`, commander.auth));
    const running = (paging.escalations as Array<{ id: string; status: string; subject: string; pages: Array<{ userId: string; deliveries: Array<{ channel: string }> }> }>).find((e) => e.subject === 'alert_group');
    assert.ok(running, `${ref}'s alert group is paging`);
    assert.equal(running.status, 'active');
    assert.deepEqual(running.pages.map((p) => p.userId), [first.user.id]);
    assert.deepEqual(running.pages[0]!.deliveries.map((d) => d.channel), ['email']);
    return { ref, id: declared.id as string, escalationId: running.id, publicTitle, mailsBefore };
  }

  /** Everything a resolution must have caused, checked after the clock has moved past the second step and its job has run. */
  async function assertResolvedEverywhere(incident: { ref: string; id: string; escalationId: string; publicTitle: string; mailsBefore: number }, by: string): Promise<void> {
    const paging = await expect(200, api('GET', `/api/v1/incidents/${incident.ref}/pages`, commander.auth));
    const stopped = (paging.escalations as Array<Record<string, string>>).find((e) => e.id === incident.escalationId)!;
    assert.equal(stopped.status, 'resolved');
    assert.equal(stopped.stoppedBy, by);
    assert.match(stopped.stopReason ?? '', new RegExp(`${incident.ref} resolved`));
    // The second step is due ten minutes after the first page: move product time past it; its job runs, re-checks and pages nobody.
    const secondStep = () => t.ctx.store.db.selectFrom('jobs').select(['status', 'run_at']).where('kind', '=', 'oncall.escalation-step').where('idempotency_key', 'like', `%${incident.escalationId}:0:1`).executeTakeFirstOrThrow();
    const pending = await secondStep();
    assert.equal(pending.status, 'queued', 'the second step has not come due before the clock moves');
    clock.set(Date.parse(pending.run_at) + 1000);
    await until('the second step job to run', async () => (await secondStep()).status === 'done', 20_000);
    assert.equal((await t.ctx.store.db.selectFrom('pages').select('id').where('escalation_id', '=', incident.escalationId).where('user_id', '=', backup.user.id).execute()).length, 0, 'the backup was never paged');
    assert.equal(smtp.mails.slice(incident.mailsBefore).filter((m) => m.to.includes('backup@example.test')).length, 0, 'no mail reached the backup');
    await until(`the postmortem of ${incident.ref}`, async () => (await api('GET', `/api/v1/incidents/${incident.ref}/postmortem`, commander.auth)).status === 200, 20_000);
    await until(`${incident.publicTitle} resolved on the public page`, async () => {
      const page = await expect(200, api('GET', '/status/api/v2/incidents.json', null));
      return (page.incidents as Array<{ name: string; status: string }>).some((i) => i.name === incident.publicTitle && i.status === 'resolved');
    }, 20_000);
    const row = await t.ctx.store.db.selectFrom('incident_metric_facts').select(['resolved_at_ms', 'open_commitment_due_at_ms']).where('incident_id', '=', incident.id).executeTakeFirstOrThrow();
    assert.ok(row.resolved_at_ms !== null, 'the metrics row is closed');
    assert.equal(row.open_commitment_due_at_ms, null);
  }

  test('the resolved kind', async () => {
    const incident = await pagedIncident('resolved-kind', false);
    await event(incident.ref, 'resolved', { summary: 'rolled back the payment provider config' });
    await assertResolvedEverywhere(incident, commander.user.name);
  });

  test('status_changed to resolved', async () => {
    const incident = await pagedIncident('status-changed', false);
    await event(incident.ref, 'status_changed', { status: 'resolved', summary: 'provider fixed' });
    await assertResolvedEverywhere(incident, commander.user.name);
  });

  test('the CLI: firebreak incident status X resolved, against the same database', async () => {
    const incident = await pagedIncident('cli', false);
    // The CLI, a process of its own, resolves at a product instant a minute ahead (it takes seconds to start); the app's clock then moves past it.
    const resolvedAt = clock.now().getTime() + 60_000;
    const env = { FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl, FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_NOW: new Date(resolvedAt).toISOString() };
    const out = await runCli(['incident', 'status', incident.ref, 'resolved', '--as', 'ic@example.test'], env);
    assert.equal(out.code, 0, out.stderr);
    clock.set(resolvedAt + 1000);
    await assertResolvedEverywhere(incident, commander.user.name);
    const shown = await runCli(['incident', 'show', incident.ref, '--as', 'ic@example.test'], env);
    assert.equal(shown.code, 0, shown.stderr);
    // One paging block: the word, each escalation, each page and how it was delivered.
    assert.match(shown.stdout, /^paging {4}resolved\n {2}payments failing cli \(policy checkout-10m\): stopped at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d by .*resolved/m);
    assert.match(shown.stdout, /^ {4}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d responder first@example\.test \(step 1\): email sent$/m);
    assert.equal(shown.stdout.match(/first@example\.test/g)?.length, 1, 'the page is listed once');
  });

  test("the war room's Resolve (the body its panel sends)", async () => {
    const incident = await pagedIncident('war-room', false);
    await event(incident.ref, 'resolved', { summary: 'Resolved from the war room' });
    await assertResolvedEverywhere(incident, commander.user.name);
  });

  test('an override, prerequisites unmet: the public incident is closed with it', async () => {
    const incident = await pagedIncident('override', true);
    await event(incident.ref, 'status_changed', { status: 'resolved', override: { reason: 'customers confirm payments work' } });
    await assertResolvedEverywhere(incident, commander.user.name);
  });

  test('taking command of an incident being paged acknowledges the page; a private incident\'s pages are hidden from outsiders', async () => {
    const incident = await pagedIncident('command', true);
    await event(incident.ref, 'role_assigned', { role: 'commander', userId: first.user.id });
    const paging = await expect(200, api('GET', `/api/v1/incidents/${incident.ref}/pages`, admin));
    const acked = (paging.escalations as Array<{ id: string; status: string; acknowledgedBy: string; pages: Array<{ acknowledgedAt: string | null }> }>).find((e) => e.id === incident.escalationId)!;
    assert.equal(acked.status, 'acknowledged');
    assert.equal(acked.acknowledgedBy, first.user.name);
    assert.ok(acked.pages[0]!.acknowledgedAt);
    const secret = await expect(201, api('POST', '/api/v1/incidents', commander.auth, { title: 'Secret', severity: 'SEV3', private: true }));
    const outsider = await t.user('responder');
    assert.equal((await api('GET', `/api/v1/incidents/${secret.ref}/pages`, outsider.auth)).status, 404);
    assert.equal((await api('GET', `/api/v1/incidents/${secret.ref}/pages`, commander.auth)).status, 200);
  });
});
