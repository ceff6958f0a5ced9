import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createScratchDatabase, testPostgresUrl, POSTGRES_SKIP_REASON, type ScratchDatabase } from '../../src/db/testing.js';
import { createChangeBus } from '../../src/db/changes.js';
import { toJson } from '../../src/db/dialect.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createUser } from '../../src/domains/auth/service.js';
import { replay } from '../../src/domains/incidents/reduce.js';
import * as incidents from '../../src/domains/incidents/store.js';
import { sev1Log } from '../../src/domains/postmortems/fixture.js';
import { actionItemOverdueJob, postmortemDueJob } from '../../src/domains/postmortems/reminders.js';
import { addActionItem } from '../../src/domains/postmortems/action-items.js';
import { createPostmortem } from '../../src/domains/postmortems/service.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { spawnFirebreak, type FirebreakProcess } from '../support/process.js';
import { until } from '../../src/testing/until.js';

const INCIDENTS = 6;
const ITEMS_PER_INCIDENT = 3;

describe('postmortem reminders with two workers on one PostgreSQL', { skip: testPostgresUrl() ? false : POSTGRES_SKIP_REASON }, () => {
  let scratch: ScratchDatabase | undefined;
  const servers: FirebreakProcess[] = [];
  after(async () => {
    for (const s of servers) await s.stop();
    await scratch?.drop();
  });

  test('each due postmortem and each overdue action item is reminded exactly once, even with duplicate jobs', async () => {
    scratch = await createScratchDatabase('postgres');
    const store = await scratch.open();
    const bus = createChangeBus(store);
    const deps = { jobs: new JobQueue(bus, 5), config: {} };
    const owner = await createUser(store, cliActor(), { email: 'owner@example.test', name: 'Owner', role: 'responder' });
    const past = new Date(Date.now() - 3_600_000);
    for (let n = 1; n <= INCIDENTS; n++) {
      const events = sev1Log(`00000000-0000-4000-8000-00000000${String(n).padStart(4, '0')}`).map((e) => (e.kind === 'declared' ? { ...e, body: { ...e.body, ref: `INC-${n}` } } : e)) as ReturnType<typeof sev1Log>;
      const state = replay(events)!;
      await incidents.insertIncident(store.db, {
        id: state.id, number: n, ref: state.ref, title: state.title, severity: state.severity, status: state.status, is_private: 0, is_drill: 0,
        commander_id: null, declared_at: state.keyTimes.declaredAt, resolved_at: state.keyTimes.resolvedAt, last_seq: state.lastSeq, state: toJson(state), updated_at: state.lastEventAt,
      });
      // Created 73 h ago by its owner, so it is due an hour ago.
      const pm = await createPostmortem(store, deps, { ...cliActor(), userId: owner.id }, state.ref, new Date(past.getTime() - 72 * 3_600_000));
      await store.transaction((trx) => deps.jobs.schedule(trx, postmortemDueJob, { postmortemId: pm.id, dueAt: pm.dueAt }, { key: `${pm.id}:duplicate` }));
      for (let i = 0; i < ITEMS_PER_INCIDENT; i++) {
        const item = await addActionItem(store, deps, cliActor(), state.ref, { title: `Alert when queue ${n}-${i} is deeper than 1000 for 5 minutes`, type: 'detect', ownerId: owner.id, dueAt: past.toISOString() });
        await store.transaction((trx) => deps.jobs.schedule(trx, actionItemOverdueJob, { itemId: item.id, dueAt: item.dueAt! }, { key: `${item.id}:duplicate` }));
      }
    }
    await bus.close();
    const env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_DATABASE_URL: scratch.databaseUrl };
    servers.push(await spawnFirebreak({ env }), await spawnFirebreak({ env }));
    try {
      const kinds = [postmortemDueJob.kind, actionItemOverdueJob.kind];
      await until('every reminder job to finish', async () => {
        const pending = await store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', 'in', kinds).where('status', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
        return Number(pending.n) === 0 ? true : undefined;
      });
      const deliveries = await store.db.selectFrom('deliveries').select(['reason', 'incident_id', 'recipient_user_id', 'subject']).where('reason', 'like', 'postmortem.%').execute();
      const due = deliveries.filter((d) => d.reason === 'postmortem.due');
      const overdue = deliveries.filter((d) => d.reason === 'postmortem.action_item_overdue');
      assert.equal(due.length, INCIDENTS);
      assert.equal(new Set(due.map((d) => d.incident_id)).size, INCIDENTS);
      assert.equal(overdue.length, INCIDENTS * ITEMS_PER_INCIDENT);
      assert.equal(new Set(overdue.map((d) => d.subject)).size, INCIDENTS * ITEMS_PER_INCIDENT);
      assert.ok(deliveries.every((d) => d.recipient_user_id === owner.id));
    } finally {
      await store.close();
    }
  });
});
