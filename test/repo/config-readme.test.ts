/**
 * The README's configuration table lists every variable src/config.ts reads,
 * and nothing it does not: a variable added to the code without a row (or a
 * row left behind) fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/process.js';

test('the README configuration table names exactly the variables src/config.ts reads', () => {
  const code = readFileSync(path.join(ROOT, 'src', 'config.ts'), 'utf8');
  const read = new Set([...code.matchAll(/name: '(FIREBREAK_[A-Z0-9_]+)'/g)].map((m) => m[1]!));
  assert.ok(read.size > 20, `found the variables in src/config.ts (${read.size})`);

  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /^## Configuration\n([\s\S]*?)^## /m.exec(readme)?.[1];
  assert.ok(section, 'README.md has a Configuration section');
  const rows = section.split('\n').filter((l) => l.startsWith('| `FIREBREAK_'));
  const listed = new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`(FIREBREAK_[A-Z0-9_]+)`/g)].map((m) => m[1]!)));

  assert.deepEqual([...read].filter((v) => !listed.has(v)).sort(), [], 'read by src/config.ts but missing from the README table');
  assert.deepEqual([...listed].filter((v) => !read.has(v)).sort(), [], 'in the README table but not read by src/config.ts');
});
