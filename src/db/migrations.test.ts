import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachStore } from './testing.js';
import { migrations } from './migrations/index.js';

describeEachStore('migrations', (fixture) => {
  test('every migration reverts with down and applies again with up', async () => {
    const store = fixture.store;
    const names = Object.keys(migrations);
    assert.ok(await store.isMigrated());
    for (const expected of [...names].reverse()) {
      assert.equal(await store.migrateDown(), expected);
    }
    assert.equal(await store.migrateDown(), undefined, 'nothing left to revert');
    assert.equal(await store.isMigrated(), false);
    assert.deepEqual(await store.migrate(), names);
    assert.ok(await store.isMigrated());
  });

  test('the migration names are numbered in order', () => {
    const names = Object.keys(migrations);
    assert.deepEqual(names, [...names].sort());
    // Numbers are handed to branches in advance, so one may land before a lower one: unique and increasing, not gap-free.
    names.forEach((name) => assert.match(name, /^\d{4}_[a-z_]+$/));
    const numbers = names.map((name) => Number(name.slice(0, 4)));
    assert.deepEqual(numbers, [...new Set(numbers)].sort((a, b) => a - b));
    assert.equal(numbers[0], 1);
  });

  test('timestamps come back as ISO-8601 UTC strings and counts as numbers on both dialects', async () => {
    const at = '2026-11-23T14:03:00.000Z';
    await fixture.store.db
      .insertInto('users')
      .values({ id: 'u-ts', email: 'ts@example.test', name: 'Ts', time_zone: 'UTC', role: 'viewer', password_hash: null, created_at: at, updated_at: at, disabled_at: null })
      .execute();
    const row = await fixture.store.db.selectFrom('users').select(['created_at']).where('id', '=', 'u-ts').executeTakeFirstOrThrow();
    assert.equal(row.created_at, at);
    const count = await sql<{ n: number }>`select count(*) as n from users`.execute(fixture.store.db);
    assert.equal(typeof count.rows[0]!.n, 'number');
  });
});
