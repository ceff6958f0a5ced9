import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/process.js';

/** A fresh clone has nothing beside it: no file may point outside the repository. */
const OUTSIDE = ['..', 'shared'].join('/');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test('nothing in src, test, bench, scripts or the documents refers to a folder outside the repository', () => {
  const checked = [...['src', 'test', 'bench', 'scripts'].flatMap((d) => files(path.join(ROOT, d))), ...['README.md', 'ARCHITECTURE.md', 'package.json'].map((f) => path.join(ROOT, f))];
  const offenders = checked.filter((f) => readFileSync(f, 'utf8').includes(OUTSIDE)).map((f) => path.relative(ROOT, f));
  assert.deepEqual(offenders, []);
});

test('every relative link in README.md and ARCHITECTURE.md points at a file in the repository', () => {
  for (const doc of ['README.md', 'ARCHITECTURE.md']) {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    const links = [...text.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]!).filter((href) => !/^[a-z]+:/i.test(href));
    for (const href of links) assert.ok(existsSync(path.join(ROOT, href)), `${doc} links ${href}`);
  }
  assert.match(readFileSync(path.join(ROOT, 'README.md'), 'utf8'), /\(ARCHITECTURE\.md\)/);
});

test('the fixtures the tests read are in test/fixtures', () => {
  const captured = readdirSync(path.join(ROOT, 'test', 'fixtures', 'alertmanager')).filter((f) => f.endsWith('.json'));
  assert.equal(captured.length, 4);
});
