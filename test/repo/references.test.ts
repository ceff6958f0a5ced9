import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/process.js';

/**
 * Documents a person who clones Firebreak does not have: the design notes by section, the
 * seed documents, numbered issues. A rule is stated in the repository's own words instead,
 * citing docs/practices.md or ARCHITECTURE.md. (Built from parts so this file does not match itself.)
 */
const OUTSIDE_REFERENCES = [new RegExp(`\\b${'DES'}IGN\\b`), new RegExp(`\\b[Ss]${'eed'}s? 0\\d\\d`), new RegExp(`\\b[Ii]${'ssue'}s? #?\\d`)];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'node_modules' || entry === 'dist' ? [] : sources(full);
    return /\.(ts|tsx|mjs|js)$/.test(entry) ? [full] : [];
  });
}

const checked = ['src', 'test', 'web/src', 'bench', 'scripts'].flatMap((d) => sources(path.join(ROOT, d)));

test('no comment, test name or description in src, test, web/src, bench or scripts cites a document outside the repository', () => {
  const offenders = checked.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (OUTSIDE_REFERENCES.some((re) => re.test(line)) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
  );
  assert.deepEqual(offenders, [], 'state the rule in the repository\'s words (docs/practices.md, ARCHITECTURE.md) instead');
});

test('the check recognises each kind of outside reference', () => {
  const examples = [`(${'DES'}IGN §5)`, `${'S'}eed 002: "rotate roles"`, `(${'i'}ssue 10, item 2)`, `${'I'}ssues 14 and 7`];
  for (const example of examples) assert.ok(OUTSIDE_REFERENCES.some((re) => re.test(example)), example);
  assert.ok(!OUTSIDE_REFERENCES.some((re) => re.test('designHistory(500, seed) for the designed incidents')), 'ordinary words pass');
});

test('every docs/practices.md section cited in the code exists', () => {
  const practices = readFileSync(path.join(ROOT, 'docs', 'practices.md'), 'utf8');
  const anchors = new Set([...practices.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
  const cited = new Set(checked.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/docs\/practices\.md#([a-z0-9-]+)/g)].map((m) => m[1]!)));
  assert.ok(cited.size >= 5, `the code cites the practices (${[...cited].join(', ')})`);
  for (const anchor of cited) assert.ok(anchors.has(anchor), `docs/practices.md has no section #${anchor} (sections: ${[...anchors].join(', ')})`);
});
