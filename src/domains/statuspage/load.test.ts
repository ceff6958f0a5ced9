import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachStore } from '../../db/testing.js';
import { createChangeBus } from '../../db/changes.js';
import { JobQueue } from '../../jobs/queue.js';
import { loadConfig } from '../../config.js';
import { cliActor } from '../auth/identity.js';
import { HISTORY_DAYS, loadSnapshots } from './load.js';
import { createComponent, listPages } from './service.js';
import { insertHistory } from './store.js';

// The read model reloads every second in every process: it must read the window, never all history.
describeEachStore('status page snapshot loading', (fixture) => {
  test('reads only the uptime window, opening with the state each component was in when it began', async () => {
    const store = fixture.store;
    const bus = createChangeBus(store);
    try {
      const deps = { bus, jobs: new JobQueue(bus, 8), config: loadConfig({}) };
      const page = (await listPages(store.db, deps.config))[0]!;
      const a = await createComponent(store, deps, cliActor(), page.id, { name: 'API' });
      const b = await createComponent(store, deps, cliActor(), page.id, { name: 'Website' });
      // Components are created at the real time; the window is read from 1,100 days on, so all of it is past.
      const now = new Date(Date.now() + 1100 * 86_400_000);
      const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
      // A: years of flapping before the window, the last change before it at day 95 (major outage), one inside.
      for (let i = 0; i < 300; i++) await insertHistory(store.db, a.id, i % 2 ? 'partial_outage' : 'operational', day(1000 - i), 'test');
      await insertHistory(store.db, a.id, 'major_outage', day(95), 'test');
      await insertHistory(store.db, a.id, 'operational', day(10), 'test');
      // B: nothing before the window but its creation row(s); one change inside.
      await insertHistory(store.db, b.id, 'degraded_performance', day(3), 'test');

      const [snapshot] = await loadSnapshots(store.db, 'http://example.test', now);
      const history = (id: string) => snapshot!.components.find((c) => c.id === id)!.history;
      assert.deepEqual(history(a.id), [
        { status: 'major_outage', startedAt: day(95) },
        { status: 'operational', startedAt: day(10) },
      ]);
      const [opening, ...rest] = history(b.id);
      assert.equal(opening!.status, 'operational');
      assert.ok(opening!.startedAt < day(HISTORY_DAYS), 'B opens with its state from before the window (its creation)');
      assert.deepEqual(rest, [{ status: 'degraded_performance', startedAt: day(3) }]);
    } finally {
      await bus.close();
    }
  });
});
