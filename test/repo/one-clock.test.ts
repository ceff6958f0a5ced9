/**
 * One clock for every screen: the web app turns instants into text only in
 * web/src/ui/time.ts (the profile's zone, one 24-hour format). A screen that
 * formats with the browser's locale or zone itself fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/process.js';

const FORMATTING_MODULE = 'web/src/ui/time.ts';
/** Its pure half (no browser, no React), used by code the server's tests compile too. */
const PURE_HALF = 'web/src/ui/time-format.ts';
// Built from parts so this file does not match itself.
const LOCAL_FORMATTING = new RegExp(['toLocale(?:Date|Time)?String', 'Intl\\.DateTimeFormat', 'toLocaleFormat'].join('|'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

test(`web/src formats times only in ${FORMATTING_MODULE}: no toLocaleString, toLocaleTimeString, toLocaleDateString or Intl.DateTimeFormat elsewhere`, () => {
  const files = sources(path.join(ROOT, 'web/src'));
  assert.ok(files.some((f) => path.relative(ROOT, f) === FORMATTING_MODULE), 'the formatting module exists');
  const offenders = files
    .filter((file) => ![FORMATTING_MODULE, PURE_HALF].includes(path.relative(ROOT, file)))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (LOCAL_FORMATTING.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])));
  assert.deepEqual(offenders, [], `format through ${FORMATTING_MODULE} (formatClock, formatTime, formatDate, formatDay, formatIn)`);
});

test('the check would catch a screen formatting with the browser locale', () => {
  assert.ok(LOCAL_FORMATTING.test('new Date(at).toLocaleTimeString()'));
  assert.ok(LOCAL_FORMATTING.test('new Intl.DateTimeFormat(undefined, {})'));
  assert.ok(!LOCAL_FORMATTING.test('formatClock(at)'));
});
