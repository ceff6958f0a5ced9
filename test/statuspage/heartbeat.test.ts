/**
 * The update heartbeat with two worker processes on one PostgreSQL
 * (docs/practices.md#update-cadence): a SEV1 with no update is reminded at every cadence interval and
 * the commander is paged at the second miss and reminded after; each exactly once.
 * Cadence intervals are minutes long, so the test moves the processes' product
 * clock (FIREBREAK_CLOCK_FILE) past each due job instead of waiting, and proves
 * that nothing more happened once every job has run to completion.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createScratchDatabase, POSTGRES_SKIP_REASON, testPostgresUrl, type ScratchDatabase } from '../../src/db/testing.js';
import type { Store } from '../../src/db/store.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createToken, createUser } from '../../src/domains/auth/service.js';
import { startSmtpPeer, type SmtpPeer } from '../../src/domains/notify/testing.js';
import { until } from '../../src/testing/until.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { clockFile, type ClockFile } from '../support/clock-file.js';

interface Person {
  id: string;
  email: string;
  auth: { authorization: string };
}

describe('update heartbeat across two worker processes on PostgreSQL', { skip: testPostgresUrl() ? false : POSTGRES_SKIP_REASON }, () => {
  let scratch: ScratchDatabase;
  let store: Store;
  let smtp: SmtpPeer;
  let a: FirebreakProcess;
  let b: FirebreakProcess;
  let commander: Person;
  let comms: Person;
  let clock: ClockFile;

  async function person(email: string): Promise<Person> {
    const user = await createUser(store, cliActor(), { email, name: email.split('@')[0]!, role: 'responder' });
    const { token } = await createToken(store, cliActor(), { userId: user.id, name: 'e2e' });
    return { id: user.id, email, auth: { authorization: `Bearer ${token}` } };
  }

  async function call(fb: FirebreakProcess, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${fb.url}${path}`, {
      method,
      headers: { ...commander.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async function reminders(incidentId: string): Promise<Array<{ reason: string; miss?: number }>> {
    const page = await call(b, 'GET', `/api/v1/incidents/${incidentId}/events?after=0`);
    return (page.events as Array<{ kind: string; body: { reason: string; miss?: number } }>).filter((e) => e.kind === 'reminder').map((e) => e.body);
  }

  /** Moves product time past the pending job of a kind, if the clock has not passed it already (never more than one is pending). */
  async function passPendingJob(kind: string): Promise<void> {
    const pending = await store.db.selectFrom('jobs').select('run_at').where('kind', '=', kind).where('status', '=', 'queued').execute();
    assert.ok(pending.length <= 1, `at most one ${kind} job pending`);
    if (pending[0]) clock.passTo(pending[0].run_at);
  }

  /** Waits until no job is queued and due or running: after that, no worker can send anything more for what has happened. */
  async function settled(): Promise<void> {
    await until('every due job to have run', async () => {
      const open = await store.db
        .selectFrom('jobs')
        .select('id')
        .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', clock.now().toISOString())])]))
        .execute();
      return open.length === 0;
    });
  }

  before(async () => {
    scratch = await createScratchDatabase('postgres');
    store = await scratch.open();
    smtp = await startSmtpPeer();
    clock = clockFile(scratch.dataDir);
    const env = {
      FIREBREAK_CLOCK_FILE: clock.path,
      FIREBREAK_DATABASE_URL: scratch.databaseUrl,
      FIREBREAK_DATA_DIR: scratch.dataDir,
      FIREBREAK_SMTP_URL: smtp.url,
      FIREBREAK_SMTP_FROM: 'Firebreak <firebreak@example.test>',
      FIREBREAK_LOG_LEVEL: 'error',
    };
    [a, b] = await Promise.all([spawnFirebreak({ env }), spawnFirebreak({ env })]);
    commander = await person('commander@example.test');
    comms = await person('comms@example.test');
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await store?.close();
    await scratch?.drop();
  });

  test('a SEV1 with no update is reminded every cadence interval; the second miss pages the commander; each exactly once', async () => {
    const incident = (await call(a, 'POST', '/api/v1/incidents', { title: 'Payments down', severity: 'SEV1' })) as { id: string; ref: string };
    await call(a, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'role_assigned', body: { role: 'communications', userId: comms.id } });
    const dueAt = new Date(clock.now().getTime() + 10 * 60_000).toISOString();
    await call(b, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'update_posted', body: { audience: 'internal', text: 'Looking into it', nextUpdateAt: dueAt } });

    clock.passTo(dueAt);
    await until('the first reminder', async () => (await reminders(incident.id)).some((r) => r.reason === 'update_due'));
    for (const miss of [2, 3]) {
      await passPendingJob('incidents.update_still_due');
      await until(`reminder for miss ${miss}`, async () => (await reminders(incident.id)).some((r) => r.miss === miss));
    }
    await passPendingJob('incidents.public_update_due');
    await until('the public update reminder', async () => (await reminders(incident.id)).some((r) => r.reason === 'public_update_due'));
    // Every job due so far has run to completion on one of the two workers: the counts below are final.
    await settled();
    const all = await reminders(incident.id);
    assert.deepEqual(all.filter((r) => r.reason === 'update_due').map((r) => r.miss ?? 1), [1, 2, 3]);
    assert.equal(all.filter((r) => r.reason === 'public_update_due').length, 1);

    const mails = await smtp.waitForMails(6);
    await settled();
    const to = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
    assert.equal(smtp.mails.length, 6, smtp.mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n'));
    assert.equal(to(comms.email).length, 4, 'comms: three missed updates and the missing public update');
    assert.equal(to(commander.email).length, 2, 'commander: from the second miss on');
    // The second miss pages the commander through on-call (their account email is their only contact method here), exactly once; the third is a reminder.
    const paged = to(commander.email).find((m) => m.subject.includes(`PAGE ${incident.ref}: Payments down`));
    assert.ok(paged, 'the commander was paged');
    assert.match(paged.text, /Reason: 2 updates missed/);
    assert.ok(to(commander.email).some((m) => /3 updates missed/.test(m.subject)), 'and reminded at the third miss');
    const pages = await sql<{ n: string }>`select count(*) as n from pages p join escalations e on e.id = p.escalation_id where e.incident_id = ${incident.id} and p.user_id = ${commander.id} and e.created_by = 'heartbeat'`.execute(store.db);
    assert.equal(Number(pages.rows[0]!.n), 1, 'one page for the second miss, from one of the two workers');
    assert.ok(mails.some((m) => /no public status update yet/.test(m.subject)));

    // An update stops the heartbeat: the pending reminder, once its moment has passed, no longer stands.
    await call(a, 'POST', `/api/v1/incidents/${incident.id}/events`, { kind: 'update_posted', body: { audience: 'internal', text: 'Rolled back', nextUpdateAt: new Date(clock.now().getTime() + 3_600_000).toISOString() } });
    await passPendingJob('incidents.update_still_due');
    clock.advance(30 * 60_000);
    await settled();
    assert.equal((await reminders(incident.id)).filter((r) => r.reason === 'update_due').length, 3);
  });
});
