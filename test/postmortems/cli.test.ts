import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { toJson } from '../../src/db/dialect.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { replay } from '../../src/domains/incidents/reduce.js';
import * as incidents from '../../src/domains/incidents/store.js';
import { draftPostmortem } from '../../src/domains/postmortems/draft.js';
import { sev1Log } from '../../src/domains/postmortems/fixture.js';
import { postmortemMarkdown } from '../../src/domains/postmortems/markdown.js';
import { addActionItem } from '../../src/domains/postmortems/action-items.js';
import { createPostmortem } from '../../src/domains/postmortems/service.js';
import { runCliInProcess } from '../support/cli.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { createChangeBus } from '../../src/db/changes.js';

const NOW = '2026-11-30T12:00:00.000Z';

describe('firebreak postmortem and actions commands', () => {
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  const events = sev1Log();
  const state = replay(events)!;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: NOW };
    const store = await scratch.open();
    const bus = createChangeBus(store);
    const deps = { jobs: new JobQueue(bus, 5), config: {} };
    await incidents.insertIncident(store.db, {
      id: state.id, number: 1, ref: state.ref, title: state.title, severity: state.severity, status: state.status, is_private: 0, is_drill: 0,
      commander_id: null, declared_at: state.keyTimes.declaredAt, resolved_at: state.keyTimes.resolvedAt, last_seq: state.lastSeq, state: toJson(state), updated_at: state.lastEventAt,
    });
    await store.db.insertInto('incident_events').values(events.map((e) => ({
      incident_id: e.incidentId, seq: e.seq, kind: e.kind, actor_id: e.actorId, actor_label: e.actorLabel, occurred_at: e.occurredAt, recorded_at: e.recordedAt, body: toJson(e.body),
    }))).execute();
    await createPostmortem(store, deps, cliActor(), 'INC-1', new Date('2026-11-23T16:00:00Z'));
    await addActionItem(store, deps, cliActor(), 'INC-1', { title: 'Alert when checkout 5xx exceeds 2% for 5 minutes', type: 'detect', dueAt: '2026-11-28T00:00:00Z' }, new Date('2026-11-23T16:00:00Z'));
    await addActionItem(store, deps, cliActor(), 'INC-1', { title: 'Add a canary stage that blocks config pushes when errors rise', type: 'prevent', dueAt: '2026-12-15T00:00:00Z' }, new Date('2026-11-23T16:00:00Z'));
    await bus.close();
    await store.close();
  });
  after(async () => scratch.drop());

  test('postmortem draft INC-1 prints the Markdown draft of the timeline', async () => {
    const out = await runCliInProcess(['postmortem', 'draft', 'INC-1'], env);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout, postmortemMarkdown(draftPostmortem(state, events, 'firebreak', new Date(NOW))));
    const json = await runCliInProcess(['postmortem', 'draft', 'inc-1', '--json'], env);
    assert.equal(JSON.parse(json.stdout).detection.detectionDelaySeconds, 720);
  });

  test('postmortem draft of an unknown incident: exit 1 naming it', async () => {
    const out = await runCliInProcess(['postmortem', 'draft', 'INC-99'], env);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /incident INC-99 not found/);
  });

  test('actions list --overdue shows only the item past due at FIREBREAK_NOW', async () => {
    const overdue = await runCliInProcess(['actions', 'list', '--overdue'], env);
    assert.equal(overdue.code, 0, overdue.stderr);
    assert.match(overdue.stdout, /Alert when checkout 5xx/);
    assert.doesNotMatch(overdue.stdout, /canary/);
    const all = await runCliInProcess(['actions', 'list'], env);
    assert.match(all.stdout, /canary/);
    const bad = await runCliInProcess(['actions', 'list', '--limit', '0'], env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--limit/);
  });
});
