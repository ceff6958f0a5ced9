import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePostgres } from '../../db/testing.js';
import { bootstrapFirstAdmin } from './service.js';

// Processes started together on one PostgreSQL both see no users: one creates the admin, none fails.
// (SQLite is one process's database: its writers are serialised by the file lock.)
describePostgres('first start', (fixture) => {
  test('two processes bootstrapping at once create one admin and one setup token, and neither fails', async () => {
    const other = await fixture.scratch.open();
    try {
      const results = await Promise.all([bootstrapFirstAdmin(fixture.store, 'admin@localhost'), bootstrapFirstAdmin(other, 'admin@localhost')]);
      assert.equal(results.filter(Boolean).length, 1, JSON.stringify(results));
      const users = await fixture.store.db.selectFrom('users').select('email').execute();
      assert.deepEqual(users, [{ email: 'admin@localhost' }]);
      assert.equal((await fixture.store.db.selectFrom('setup_tokens').select('user_id').execute()).length, 1);
      assert.equal(await bootstrapFirstAdmin(other, 'admin@localhost'), undefined, 'a later start creates nothing');
    } finally {
      await other.close();
    }
  });
});
