import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { createChangeBus } from '../../src/db/changes.js';
import { JobQueue } from '../../src/jobs/queue.js';
import { loadConfig } from '../../src/config.js';
import { cliActor } from '../../src/domains/auth/identity.js';
import { createComponent, listComponents, listPages } from '../../src/domains/statuspage/service.js';
import { listAudit } from '../../src/domains/audit/service.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak status-page commands', () => {
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  let pageId: string;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: '2031-05-06T07:08:00Z' };
    const store = await scratch.open();
    const bus = createChangeBus(store);
    const config = loadConfig({});
    pageId = (await listPages(store.db, config))[0]!.id;
    await createComponent(store, { bus, jobs: new JobQueue(bus, 3), config }, cliActor(), pageId, { name: 'Checkout API' });
    await bus.close();
    await store.close();
  });
  after(async () => {
    await scratch.drop();
  });

  const cli = async (...args: string[]) => runCliInProcess(args, env);

  test('list shows the page at /status; components shows states; set changes one, audited as the user named', async () => {
    const pages = await cli('status-page', 'list');
    assert.equal(pages.code, 0, pages.stderr);
    assert.match(pages.stdout, /^SLUG\s+NAME\s+VISIBILITY\s+URL\n\S+\s+.+\s+public\s+http\S+\/status\n$/);
    assert.equal((await cli('user', 'create', '--email', 'ops@example.test', '--name', 'Olu Ops', '--role', 'responder')).code, 0);
    const set = await cli('status-page', 'set', 'Checkout API', 'partial_outage', '--as', 'ops@example.test');
    assert.equal(set.code, 0, set.stderr);
    assert.equal(set.stdout, 'Checkout API: partial_outage\n');
    const components = await cli('status-page', 'components');
    assert.match(components.stdout, /Checkout API\s+partial_outage\s+[0-9a-f-]{36}/);
    const store = await scratch.open();
    try {
      assert.equal((await listComponents(store.db, pageId))[0]!.status, 'partial_outage');
      const audit = await listAudit(store.db, { action: 'status_component.status', limit: 10 });
      assert.equal(audit.entries[0]?.actor, 'ops@example.test');
    } finally {
      await store.close();
    }
  });

  test('bad arguments are refused naming them, and nothing changes', async () => {
    const badState = await cli('status-page', 'set', 'Checkout API', 'down');
    assert.equal(badState.code, 1);
    assert.match(badState.stderr, /state must be one of operational, degraded_performance/);
    const unknown = await cli('status-page', 'set', 'Billing', 'major_outage');
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /<component>: no component named Billing/);
    const noPage = await cli('status-page', 'components', '--page', 'nope');
    assert.notEqual(noPage.code, 0);
    assert.match(noPage.stderr, /--page: no status page with the slug nope/);
    assert.match((await cli('status-page', 'components')).stdout, /Checkout API\s+partial_outage/);
  });

  test('draft prints the template filled from the incident, at FIREBREAK_NOW', async () => {
    assert.equal((await cli('user', 'create', '--email', 'ic@example.test', '--name', 'Ines Commander', '--role', 'responder')).code, 0);
    const declared = await cli('incident', 'declare', '--as', 'ic@example.test', '--title', 'Card payments failing', '--severity', 'SEV1');
    assert.equal(declared.code, 0, declared.stderr);
    const ref = /INC-\d+/.exec(declared.stdout)![0];
    const draft = await cli('status-page', 'draft', ref, '--template', 'resolution');
    assert.equal(draft.code, 0, draft.stderr);
    assert.match(draft.stdout, /^INCIDENT RESOLVED - 07:08 UTC\nDuration: 0 minutes \(07:08 - 07:08 UTC\)\n/);
    assert.match(draft.stdout, /\nPostmortem scheduled: 2031-05-09 07:08 UTC\n$/);
    assert.match((await cli('status-page', 'draft', ref, '--template', 'memo')).stderr, /--template must be one of declaration/);
  });
});
