/** Each domain owns its tables: no file of one domain imports another domain's store or tables modules. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/process.js';
import { crossDomainStorageImports, isStorageModule } from '../support/domain-seams.js';

test('no domain imports another domain\'s store or tables modules (it calls that domain\'s service)', () => {
  assert.deepEqual(crossDomainStorageImports(ROOT), []);
});

test('the check fails on a planted import of another domain\'s store and tables, and passes the same domain and its service', () => {
  const found = crossDomainStorageImports(path.join(ROOT, 'test', 'fixtures', 'domain-seams'));
  assert.deepEqual(found, [
    { file: 'src/domains/sirens/service.ts', imports: 'src/domains/pagers/pager-store.js' },
    { file: 'src/domains/sirens/service.ts', imports: 'src/domains/pagers/tables.js' },
  ]);
});

test('storage modules are store*, *-store*, tables* and *-tables*', () => {
  for (const name of ['store.js', 'store-queries.js', 'escalation-store.js', 'tables.js', 'paging-tables.js']) assert.equal(isStorageModule(name), true, name);
  for (const name of ['service.js', 'restore.js', 'testing.js']) assert.equal(isStorageModule(name), false, name);
});
