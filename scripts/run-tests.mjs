#!/usr/bin/env node
// Runs every compiled test file (dist/**/*.test.js) with node's test runner.
// PostgreSQL suites run when FIREBREAK_TEST_DATABASE_URL is set and always on CI.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...findTests(full));
    else if (entry.endsWith('.test.js')) found.push(full);
  }
  return found;
}

const files = ['src', 'test']
  .map((d) => path.join(root, 'dist', d))
  .flatMap((d) => {
    try {
      return findTests(d);
    } catch {
      return [];
    }
  })
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error('no test files found under dist/; run "npm test" (it compiles first)');
  process.exit(1);
}

if (process.env.CI === 'true' && !process.env.FIREBREAK_TEST_DATABASE_URL) {
  process.env.FIREBREAK_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
}
if (!process.env.FIREBREAK_TEST_DATABASE_URL) {
  console.log('PostgreSQL tests skipped: FIREBREAK_TEST_DATABASE_URL is not set (CI always runs them)');
}

const concurrency = process.env.FIREBREAK_TEST_CONCURRENCY ?? '3';
const skipDir = mkdtempSync(path.join(tmpdir(), 'firebreak-skips-'));
// A test that hangs fails after 5 minutes instead of holding CI; a file whose
// tests all finished exits even if a handle is left open (and that is reported).
// The package test installs the packed tarball from the registry (compiling better-sqlite3):
// minutes, not a hang, so it runs in a pass of its own with a longer limit.
const slow = files.filter((f) => f.includes(`${path.sep}test${path.sep}package${path.sep}`));
const passes = [
  { files: files.filter((f) => !slow.includes(f)), timeoutMs: 300_000 },
  { files: slow, timeoutMs: 1_200_000 },
].filter((p) => p.files.length > 0);
let result = { status: 0 };
for (const pass of passes) {
  const run = spawnSync(
    process.execPath,
    [
      '--enable-source-maps',
      '--test',
      '--test-force-exit',
      `--test-timeout=${pass.timeoutMs}`,
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${path.join(root, 'scripts', 'skip-reporter.mjs')}`,
      `--test-reporter-destination=${path.join(skipDir, `skips-${passes.indexOf(pass)}.jsonl`)}`,
      ...pass.files,
    ],
    { stdio: 'inherit', cwd: root, env: process.env, timeout: 40 * 60_000, killSignal: 'SIGKILL' },
  );
  if (run.error || run.status !== 0) result = run;
}
if (result.error) console.error(`test run stopped: ${result.error.message}`);
printSkipSummary();
rmSync(skipDir, { recursive: true, force: true });

/** Node's summary says "skipped 0" when whole suites were skipped; this says how many and why. */
function printSkipSummary() {
  let lines = [];
  try {
    lines = readdirSync(skipDir)
      .flatMap((f) => readFileSync(path.join(skipDir, f), 'utf8').split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  } catch {
    return;
  }
  const suites = lines.filter((l) => l.suite).length;
  const tests = lines.length - suites;
  if (lines.length === 0) {
    console.log('skipped: nothing');
    return;
  }
  console.log(`skipped: ${suites} suite${suites === 1 ? '' : 's'} and ${tests} test${tests === 1 ? '' : 's'} (their tests did not run):`);
  const byReason = new Map();
  for (const l of lines) byReason.set(l.reason, (byReason.get(l.reason) ?? 0) + 1);
  for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${reason}`);
}
process.exit(result.status ?? 1);
