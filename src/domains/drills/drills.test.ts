import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../app/testing.js';
import { describeEachStore } from '../../db/testing.js';
import { systemClock, TestClock, useClock } from '../../clock.js';
import { startSmtpPeer, type SmtpPeer } from '../notify/testing.js';
import { amBody, countRows, createIntegration } from '../../testing/alerts.js';
import { fireDrillInTx } from './fire.js';
import { findScenario } from './store.js';
import { drillDueKind } from './job-kinds.js';
import { drillBody, pagedService, until, type PagedService } from '../../testing/drills.js';

const HOUR = 3_600_000;

describeEachStore('drills end to end', (fixture) => {
  // Product time the test moves: drills, silences and reminders come due without waiting.
  const clock = new TestClock();
  let smtp: SmtpPeer;
  let t: TestApp;
  let svc: PagedService;
  const window = () => `from=${encodeURIComponent(new Date(clock.now().getTime() - 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(clock.now().getTime() + 86_400_000).toISOString())}`;

  before(async () => {
    useClock(clock);
    smtp = await startSmtpPeer();
    t = await createTestApp(fixture.store, { config: { smtpUrl: smtp.url, publicUrl: 'http://firebreak.test' }, clock });
    // Two workers: the drill must still fire once.
    await t.startWorker();
    await t.startWorker();
    svc = await pagedService(t, 'checkout-drills');
  });

  after(async () => {
    await t.close();
    await smtp.close();
    useClock(systemClock);
  });

  test('a scheduled drill fires at its time through Alertmanager intake, pages with DRILL, is measured, and leaves the incident metrics unchanged', async () => {
    // A real incident first, from a real alert through the same integration: the metrics have figures to keep.
    const real = await t.app.inject({ method: 'POST', url: `/intake/alertmanager/${svc.integrationKey}`, payload: amBody([{ fingerprint: 'real-1', labels: { severity: 'critical' }, summary: 'Real checkout outage' }]) });
    assert.equal(real.statusCode, 202, real.body);
    const realPage = await until('the real page', async () => smtp.mails.find((m) => /Real checkout outage/.test(m.subject)));
    assert.doesNotMatch(realPage.subject, /DRILL/);
    const metricsUrl = `/api/v1/metrics/incidents?${window()}`;
    const metricsBefore = (await t.app.inject({ method: 'GET', url: metricsUrl, headers: svc.admin })).json();
    assert.equal(metricsBefore.groups[0].incidents, 1);

    // Due in a minute of product time (not more: the real incident's reminders would come due and change its figures).
    const at = new Date(clock.now().getTime() + 60_000).toISOString();
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: svc.onCall.auth, payload: drillBody('friday-drill', svc.serviceId, { kind: 'once', at }, [svc.onCall.id]) });
    assert.equal(created.statusCode, 201, created.body);
    const drill = created.json();
    assert.equal(drill.nextFireAt, at);
    clock.set(Math.max(clock.now().getTime(), Date.parse(at) + 1000));

    const run = await until('the drill run', async () => (await t.app.inject({ method: 'GET', url: `/api/v1/drills/${drill.id}/runs`, headers: svc.admin })).json().runs[0] as { id: string; occurrence: string; firedAt: string; alertGroupId: string; incidentId: string; incidentRef: string } | undefined);
    assert.equal(run.occurrence, at);
    assert.ok(Date.parse(run.firedAt) >= Date.parse(at), `fired at ${run.firedAt}, not before ${at}`);

    // The page reached the on-call person at the SMTP peer, saying DRILL first in subject and text.
    const page = await until('the drill page', async () => smtp.mails.find((m) => m.to.includes(svc.onCall.email) && /friday-drill/.test(m.subject)));
    assert.match(page.subject, /^DRILL \[Firebreak\] PAGE INC-\d+: Checkout 5xx above 5% \(friday-drill\)/);
    assert.match(page.text.trimStart(), /^DRILL/);

    // Marked as a drill everywhere: its alert group, its incident, its alert (label), and it joined nothing real.
    const group = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${run.alertGroupId}`, headers: svc.admin })).json();
    assert.equal(group.drill, true);
    assert.equal(group.alerts[0].labels.drill, 'true');
    const incident = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${run.incidentRef}`, headers: svc.admin })).json();
    assert.equal(incident.drill, true);
    const realGroups = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups?serviceId=${svc.serviceId}`, headers: svc.admin })).json().groups as Array<{ id: string; drill: boolean; incidentId: string }>;
    assert.equal(realGroups.length, 2);
    assert.notEqual(realGroups.find((g) => !g.drill)!.incidentId, run.incidentId);

    // The on-call person responds: acknowledges, takes command, builds the shared picture, mitigates.
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/alert-groups/${run.alertGroupId}/acknowledge`, headers: svc.onCall.auth })).statusCode, 200);
    const post = async (kind: string, body: Record<string, unknown>) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${run.incidentRef}/events`, headers: svc.onCall.auth, payload: { kind, body } });
      assert.equal(res.statusCode, 201, `${kind}: ${res.body}`);
    };
    // Acknowledging only acknowledges: the responder takes command as the one action the war room offers.
    await post('role_assigned', { role: 'commander', userId: svc.onCall.id });
    await post('impact_stated', { statement: 'Checkout fails (drill)', journeys: [{ journey: 'checkout', effect: 'down' }], writesSafe: 'yes' });
    await post('hypothesis_proposed', { text: 'Bad deploy' });
    await post('no_unsafe_actions_known', {});
    await post('next_decision', { decision: 'Roll back?', owner: { label: 'on call' }, dueAt: new Date(clock.now().getTime() + 3_600_000).toISOString() });
    await post('update_posted', { audience: 'internal', text: 'Investigating', nextUpdateAt: new Date(clock.now().getTime() + 1_800_000).toISOString() });
    await post('status_changed', { status: 'monitoring', reason: 'Rolled back' });

    const report = (await t.app.inject({ method: 'GET', url: `/api/v1/drills/${drill.id}/runs/${run.id}`, headers: svc.admin })).json();
    assert.equal(report.firedAt, run.firedAt);
    for (const key of ['acknowledgedAt', 'sharedPictureAt', 'mitigatedAt']) assert.ok(report[key] && report[key] >= report.firedAt, `${key}: ${report[key]}`);
    assert.equal(report.resolvedAt, null);
    assert.deepEqual(report.goals.map((g: { kind: string; outcome: string }) => [g.kind, g.outcome]), [['acknowledged', 'met'], ['shared_picture', 'met'], ['mitigated', 'met']]);
    assert.deepEqual(report.respondersWhoActed, [svc.onCall.id]);

    const trend = (await t.app.inject({ method: 'GET', url: `/api/v1/drills/${drill.id}/trend`, headers: svc.admin })).json();
    assert.equal(trend.runs, 1);
    assert.deepEqual(trend.goals.map((g: { kind: string; met: number; runs: unknown[] }) => [g.kind, g.met, g.runs.length]), [['acknowledged', 1, 1], ['shared_picture', 1, 1], ['mitigated', 1, 1]]);

    // The incident metrics: the real figures exactly as before; the drill is reported apart.
    const metricsAfter = (await t.app.inject({ method: 'GET', url: metricsUrl, headers: svc.admin })).json();
    assert.deepEqual(metricsAfter.groups, metricsBefore.groups);
    assert.equal(metricsAfter.drills[0].incidents, metricsBefore.drills.reduce((n: number, g: { incidents: number }) => n + g.incidents, 0) + 1);

    // A once-drill schedules nothing more; it fired exactly once with two workers.
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/drills/${drill.id}`, headers: svc.admin })).json().nextFireAt, null);
    const runs = await t.ctx.store.db.selectFrom('drill_runs').selectAll().where('scenario_id', '=', drill.id).execute();
    assert.equal(runs.length, 1);
  });

  test('a recurring drill whose occurrence has come fires once and schedules its next occurrence', async () => {
    // The scenario is created as of yesterday (injected clock), daily at the UTC minute just past: that occurrence is due now.
    const now = clock.now();
    const due = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 60_000);
    const time = due.toISOString().slice(11, 16);
    const { createDrill } = await import('./service.js');
    const { cliActor } = await import('../auth/identity.js');
    const drill = await createDrill(t.ctx.store, t.ctx, cliActor(), drillBody('daily-drill', svc.serviceId, { kind: 'daily', time, zone: 'UTC' }) as never, new Date(due.getTime() - 86_400_000 + 1000));
    assert.equal(drill.nextFireAt, due.toISOString());
    const fired = await until('the daily run', async () => (await t.ctx.store.db.selectFrom('drill_runs').selectAll().where('scenario_id', '=', drill.id).execute())[0]);
    assert.equal(fired.occurrence, due.toISOString());
    const next = new Date(due.getTime() + 86_400_000).toISOString();
    const scenario = await until('the next occurrence', async () => {
      const row = await t.ctx.store.db.selectFrom('drill_scenarios').selectAll().where('id', '=', drill.id).executeTakeFirstOrThrow();
      return row.next_fire_at === next ? row : undefined;
    });
    assert.equal(scenario.next_fire_at, next);
    const jobs = await t.ctx.store.db.selectFrom('jobs').select(['run_at', 'status']).where('kind', '=', 'drills.due').where('idempotency_key', 'like', `%${drill.id}%`).orderBy('run_at').execute();
    assert.deepEqual(jobs.map((j) => [new Date(j.run_at).toISOString(), j.status]), [[due.toISOString(), 'done'], [next, 'queued']]);
    assert.equal((await t.ctx.store.db.selectFrom('drill_runs').selectAll().where('scenario_id', '=', drill.id).execute()).length, 1);
  });

  test('run now fires at once, a new incident each run, and the trend counts every run', async () => {
    const drill = (await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: svc.admin, payload: drillBody('manual-drill', svc.serviceId, { kind: 'once', at: new Date(clock.now().getTime() + 86_400_000).toISOString() }) })).json();
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/run-now`, headers: svc.onCall.auth });
    assert.equal(first.statusCode, 201, first.body);
    const second = (await t.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/run-now`, headers: svc.onCall.auth })).json();
    assert.equal(first.json().trigger, 'manual');
    assert.notEqual(first.json().incidentId, second.incidentId);
    assert.notEqual(first.json().alertGroupId, second.alertGroupId);
    const trend = (await t.app.inject({ method: 'GET', url: `/api/v1/drills/${drill.id}/trend`, headers: svc.admin })).json();
    assert.equal(trend.runs, 2);
    assert.deepEqual(trend.goals[0].runs.map((r: { outcome: string }) => r.outcome), ['pending', 'pending']);
    const audit = await t.ctx.store.db.selectFrom('audit_log').select(['action', 'target_id']).where('target_id', '=', drill.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['drill.create', 'drill.run', 'drill.run']);
  });

  test('two workers and a duplicate job for every occurrence still fire each drill exactly once', async () => {
    // Created as of a minute before their instant (injected clock), so a slow machine cannot create one after it.
    const at = new Date(clock.now().getTime() + HOUR).toISOString();
    const { createDrill } = await import('./service.js');
    const { cliActor } = await import('../auth/identity.js');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await createDrill(t.ctx.store, t.ctx, cliActor(), drillBody(`crowd-${i}`, svc.serviceId, { kind: 'once', at }) as never, new Date(Date.parse(at) - 60_000));
      assert.equal(created.nextFireAt, at);
      ids.push(created.id);
    }
    // A second job for each occurrence (as a retried schedule or a second process would leave).
    await t.ctx.store.transaction(async (trx) => {
      for (const id of ids) await t.ctx.jobs.schedule(trx, drillDueKind, { scenarioId: id, occurrence: at }, { key: `duplicate:${id}`, runAt: at });
    });
    clock.advance(HOUR + 1000);
    const settled = async () => {
      const open = await t.ctx.store.db.selectFrom('jobs').select('id').where('kind', '=', 'drills.due').where('status', 'in', ['queued', 'running']).where('payload', 'like', `%${at}%`).execute();
      return open.length === 0;
    };
    await until('every drill job to finish', settled);
    const runs = await t.ctx.store.db.selectFrom('drill_runs').select('scenario_id').where('scenario_id', 'in', ids).execute();
    assert.deepEqual(runs.map((r) => r.scenario_id).sort(), [...ids].sort());
    // Even past the job's own re-check, the run row admits one run per occurrence, and a refused one sends no alert.
    const alertsBefore = await countRows(t, 'alerts');
    const again = await t.ctx.store.transaction(async (trx) => fireDrillInTx(trx, t.ctx, (await findScenario(trx, ids[0]!))!, at, 'schedule', 'test'));
    assert.equal(again, null);
    assert.equal(await countRows(t, 'alerts'), alertsBefore);
  });

  test('drills in the PagerDuty Events v2 and generic webhook formats go through their own adapters into their integrations', async () => {
    const pd = await createIntegration(t, svc.admin, svc.serviceId, 'pagerduty');
    const generic = await createIntegration(t, svc.admin, svc.serviceId, 'generic', { mappings: { dedupKey: '$.id', summary: '$.title', severity: '$.level' } });
    const later = { kind: 'once', at: new Date(clock.now().getTime() + 86_400_000).toISOString() };
    const bodies = [
      { format: 'pagerduty', integrationId: pd.id, payload: { routing_key: 'ignored-for-drills', event_action: 'trigger', dedup_key: 'pd-1', payload: { summary: 'Queue backlog (pd drill)', source: 'worker-1', severity: 'critical' } } },
      { format: 'generic', integrationId: generic.id, payload: { id: 'g-1', title: 'Disk full (generic drill)', level: 'critical' } },
    ];
    for (const b of bodies) {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: svc.admin, payload: { ...drillBody(`${b.format}-drill`, svc.serviceId, later), alert: { format: b.format, payload: b.payload } } });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().integrationId, b.integrationId);
      const run = await t.app.inject({ method: 'POST', url: `/api/v1/drills/${created.json().id}/run-now`, headers: svc.admin });
      assert.equal(run.statusCode, 201, run.body);
      const group = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${run.json().alertGroupId}`, headers: svc.admin })).json();
      assert.equal(group.drill, true);
      assert.equal(group.alerts[0].source, b.format);
      assert.equal(group.alerts[0].integrationId, b.integrationId);
      assert.match(group.alerts[0].summary, new RegExp(`${b.format === 'pagerduty' ? 'pd' : 'generic'} drill`));
      assert.notEqual(run.json().incidentRef, null);
    }
  });

  test('a drill kept quiet by a silence groups as a drill, with its own drill incident, when the silence ends', async () => {
    const silence = await t.app.inject({ method: 'POST', url: '/api/v1/silences', headers: svc.onCall.auth, payload: { matchers: [{ name: 'alertname', op: '=', value: 'SilencedDrill' }], endsAt: new Date(clock.now().getTime() + HOUR).toISOString(), comment: 'quiet hours' } });
    assert.equal(silence.statusCode, 201, silence.body);
    const body = drillBody('silenced-drill', svc.serviceId, { kind: 'once', at: new Date(clock.now().getTime() + 86_400_000).toISOString() });
    body.alert = { format: 'alertmanager', payload: amBody([{ fingerprint: 'quiet-1', labels: { alertname: 'SilencedDrill', severity: 'critical' }, summary: 'Silenced drill alert' }]) };
    const drill = (await t.app.inject({ method: 'POST', url: '/api/v1/drills', headers: svc.admin, payload: body })).json();
    const run = (await t.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/run-now`, headers: svc.admin })).json();
    assert.equal(run.alertGroupId, null, 'suppressed: no group yet');
    clock.advance(HOUR + 1000);
    const report = await until('the drill to group after the silence', async () => {
      const r = (await t.app.inject({ method: 'GET', url: `/api/v1/drills/${drill.id}/runs/${run.id}`, headers: svc.admin })).json();
      return r.alertGroupId ? (r as { alertGroupId: string; incidentRef: string }) : undefined;
    });
    const group = (await t.app.inject({ method: 'GET', url: `/api/v1/alert-groups/${report.alertGroupId}`, headers: svc.admin })).json();
    assert.equal(group.drill, true);
    const incident = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${report.incidentRef}`, headers: svc.admin })).json();
    assert.equal(incident.drill, true);
    assert.equal(incident.title, 'Silenced drill alert');
  });

  test('a scheduled drill whose integration was disabled does not fire, and keeps its schedule', async () => {
    const other = await pagedService(t, 'disabled-drills');
    const integration = (await t.app.inject({ method: 'GET', url: `/api/v1/services/${other.serviceId}/integrations`, headers: other.admin })).json().integrations[0] as { id: string };
    const now = clock.now();
    const due = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 60_000);
    const yesterday = new Date(due.getTime() - 86_400_000 + 1000);
    const { createDrill, updateDrill } = await import('./service.js');
    const { cliActor } = await import('../auth/identity.js');
    const drill = await createDrill(t.ctx.store, t.ctx, cliActor(), { ...drillBody('off-drill', other.serviceId, { kind: 'daily', time: due.toISOString().slice(11, 16), zone: 'UTC' }), enabled: false } as never, yesterday);
    assert.equal(drill.nextFireAt, null);
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/integrations/${integration.id}`, headers: other.admin, payload: { enabled: false } })).statusCode, 200);
    await updateDrill(t.ctx.store, t.ctx, cliActor(), drill.id, { enabled: true }, yesterday);
    const next = new Date(due.getTime() + 86_400_000).toISOString();
    await until('the skipped occurrence to schedule the next', async () => (await t.ctx.store.db.selectFrom('drill_scenarios').select('next_fire_at').where('id', '=', drill.id).executeTakeFirstOrThrow()).next_fire_at === next);
    assert.equal((await t.ctx.store.db.selectFrom('drill_runs').selectAll().where('scenario_id', '=', drill.id).execute()).length, 0);
    assert.ok(t.logs.some((l) => /drill not fired/.test(l) && l.includes(drill.id)), 'the skip is logged');
  });
});
