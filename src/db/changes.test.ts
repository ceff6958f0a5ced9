import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachStore } from './testing.js';
import { createChangeBus } from './changes.js';
import { Store } from './store.js';
import { until } from '../testing/until.js';

describeEachStore('change notifications', (fixture) => {
  test('a change is heard by subscribers only once its transaction commits', async () => {
    const bus = createChangeBus(fixture.store);
    const heard: Array<string | null> = [];
    const unsubscribe = await bus.subscribe('firebreak_test', (payload) => heard.push(payload));
    await assert.rejects(
      fixture.store.transaction(async (trx) => {
        await bus.publish(trx, 'firebreak_test', 'rolled back');
        throw new Error('abort');
      }),
    );
    await fixture.store.transaction((trx) => bus.publish(trx, 'firebreak_test', 'committed'));
    await until('the committed announcement', () => heard.includes('committed'), 2000);
    assert.deepEqual(heard, ['committed']);
    unsubscribe();
    await bus.close();
  });

  test('a commit by another process on the same database makes listeners catch up', async () => {
    const bus = createChangeBus(fixture.store);
    const heard: Array<string | null> = [];
    await bus.subscribe('firebreak_other', (payload) => heard.push(payload));
    // A second Store stands in for the CLI: its own connection, its own bus.
    const other = Store.open({ databaseUrl: fixture.scratch.databaseUrl, dataDir: fixture.scratch.dataDir, poolSize: 1 });
    const otherBus = createChangeBus(other);
    await other.transaction(async (trx) => {
      await trx.insertInto('teams').values({ id: 'cli-team', name: 'from the cli', description: null, created_at: new Date().toISOString() }).execute();
      await otherBus.publish(trx, 'firebreak_other', 'from the cli');
    });
    await until('the catch-up', () => heard.length > 0, 3000);
    // PostgreSQL delivers the NOTIFY itself; SQLite notices the external commit and asks for a catch-up.
    assert.deepEqual(heard, [fixture.store.dialect === 'postgres' ? 'from the cli' : null]);
    await otherBus.close();
    await other.close();
    await bus.close();
  });
});
