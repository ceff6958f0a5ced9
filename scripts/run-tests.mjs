#!/usr/bin/env node
// Runs every compiled test file (dist/**/*.test.js) with node's test runner.
// PostgreSQL suites run when FIREBREAK_TEST_DATABASE_URL is set and always on CI.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

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

// Longest files first: with N files at a time, a long file started last would run alone at the end.
// Durations are learned by every run (dist/test-durations.json, per machine) over the ones
// checked in (scripts/test-durations.json, for clean clones; refresh it from a full run's file).
const LEARNED = path.join(root, 'dist', 'test-durations.json');
const durations = { ...readDurations(path.join(root, 'scripts', 'test-durations.json')), ...readDurations(LEARNED) };
const keyOf = (file) => path.relative(path.join(root, 'dist'), file).split(path.sep).join('/');
// A file never measured (a new one, or one the checked-in seed leaves out as short) comes after the measured ones.
const expectedMs = (file) => durations[keyOf(file)] ?? 0;
files.sort((a, b) => expectedMs(b) - expectedMs(a) || a.localeCompare(b));

function readDurations(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

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
// The package test installs the packed tarball from the registry: a minute or more of
// mostly waiting on npm, not a hang, so it runs in a pass of its own with a longer limit,
// beside the main pass (its output is printed when the main pass is done).
const slow = files.filter((f) => f.includes(`${path.sep}test${path.sep}package${path.sep}`));
const passes = [
  { files: files.filter((f) => !slow.includes(f)), timeoutMs: 300_000, concurrency, quiet: false },
  { files: slow, timeoutMs: 1_200_000, concurrency: '1', quiet: true },
].filter((p) => p.files.length > 0);
const results = await Promise.all(passes.map((pass, i) => runPass(pass, i)));
for (const r of results) if (r.output) process.stdout.write(r.output);
const failed = results.find((r) => r.error || r.status !== 0);
if (failed?.error) console.error(`test run stopped: ${failed.error.message}`);
printSkipSummary();
learnDurations();
rmSync(skipDir, { recursive: true, force: true });

/** Runs one pass's files with node's test runner; resolves with its exit status (and its output when quiet). */
function runPass(pass, index) {
  const args = [
    '--enable-source-maps',
    '--test',
    '--test-force-exit',
    `--test-timeout=${pass.timeoutMs}`,
    `--test-concurrency=${pass.concurrency}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(root, 'scripts', 'skip-reporter.mjs')}`,
    `--test-reporter-destination=${path.join(skipDir, `skips-${index}.jsonl`)}`,
    `--test-reporter=${path.join(root, 'scripts', 'durations-reporter.mjs')}`,
    `--test-reporter-destination=${path.join(skipDir, `durations-${index}.jsonl`)}`,
    ...pass.files,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', pass.quiet ? 'pipe' : 'inherit', pass.quiet ? 'pipe' : 'inherit'], cwd: root, env: process.env });
    let output = '';
    if (pass.quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    let error;
    const timer = setTimeout(() => {
      error = new Error('40 minutes passed');
      child.kill('SIGKILL');
    }, 40 * 60_000);
    child.on('error', (err) => (error = err));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, error, output });
    });
  });
}

/** Adds this run's file durations (wall time, start-up included) to dist/test-durations.json. */
function learnDurations() {
  const measured = {};
  for (const name of readdirSync(skipDir).filter((f) => f.startsWith('durations-'))) {
    for (const line of readFileSync(path.join(skipDir, name), 'utf8').split('\n').filter(Boolean)) {
      const { file, ms } = JSON.parse(line);
      measured[keyOf(file)] = ms;
    }
  }
  if (Object.keys(measured).length === 0 || !existsSync(path.dirname(LEARNED))) return;
  writeFileSync(LEARNED, `${JSON.stringify({ ...readDurations(LEARNED), ...measured }, null, 1)}\n`);
}

/** Node's summary says "skipped 0" when whole suites were skipped; this says how many and why. */
function printSkipSummary() {
  let lines = [];
  try {
    lines = readdirSync(skipDir)
      .filter((f) => f.startsWith('skips-'))
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
process.exit(failed ? (failed.status || 1) : 0);
