import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { clockNow, nowIso, TestClock, useClock, withClock, systemClock } from './clock.js';

const SRC = join(fileURLToPath(new URL('.', import.meta.url)), '../../src');

/** Files that may read the machine's clock, and why: each is a mechanical timer (see src/clock.ts), not product time. */
const MECHANICAL: Record<string, string> = {
  'clock.ts': 'the clock module itself',
  'jobs/worker.ts': "times the worker's sleeps against the database clock (leases)",
  'testing/until.ts': 'the deadline of a test wait',
  'domains/notify/testing.ts': 'deadlines and receipt times of the test SMTP and HTTP peers',
  'domains/incidents/stream-testing.ts': 'the deadline of a test stream reader',
  'domains/notify/transport.ts': "an outgoing webhook signature's timestamp, checked by the receiver's real clock",
  'domains/notify/signing.ts': "the receiver's side of that check",
  'domains/statuspage/read-model.ts': "the read model's reload interval",
  'domains/alerts/ids.ts': 'the time prefix that keeps identifiers in creation order',
  'domains/auth/throttle.ts': 'login throttling windows (rate limiting)',
  'http/window-limits.ts': 'subscription and verification-code windows (rate limiting)',
  'domains/chat/inbound-routes.ts': "a Slack request signature's timestamp, signed by Slack's real clock",
};

interface Read {
  file: string;
  line: number;
  text: string;
}

/** Every direct read of the wall clock in a file: `Date.now`, `new Date()` with no argument, `Date()`. */
function wallClockReads(file: string, source: string): Read[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const reads: Read[] = [];
  const isDate = (e: ts.Expression) => ts.isIdentifier(e) && e.text === 'Date';
  const visit = (node: ts.Node): void => {
    const found =
      (ts.isPropertyAccessExpression(node) && isDate(node.expression) && node.name.text === 'now') ||
      (ts.isNewExpression(node) && isDate(node.expression) && (node.arguments?.length ?? 0) === 0) ||
      (ts.isCallExpression(node) && isDate(node.expression));
    if (found) reads.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText() });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return reads;
}

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return productFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('product time', () => {
  test('no code in src/ reads the wall clock except through src/clock.ts or as a listed mechanical timer', () => {
    const byFile = new Map<string, Read[]>();
    for (const path of productFiles(SRC)) {
      const file = relative(SRC, path).split('\\').join('/');
      const reads = wallClockReads(file, readFileSync(path, 'utf8'));
      if (reads.length) byFile.set(file, reads);
    }
    const offenders = [...byFile].filter(([file]) => !(file in MECHANICAL)).flatMap(([, reads]) => reads);
    assert.deepEqual(
      offenders.map((r) => `${r.file}:${r.line} ${r.text}`),
      [],
      'read product time with clockNow()/clockMs()/nowIso() from src/clock.ts (or list a mechanical timer in MECHANICAL with its reason)',
    );
    const stale = Object.keys(MECHANICAL).filter((file) => !byFile.has(file));
    assert.deepEqual(stale, [], 'these files no longer read the wall clock: remove them from MECHANICAL');
  });

  test('the check sees Date.now, new Date() and Date() but not new Date(value)', () => {
    const reads = wallClockReads('x.ts', 'const a = Date.now(); const b = new Date(); const c = new Date; const d = Date(); const e = new Date(a); const f = Date.now;');
    assert.deepEqual(reads.map((r) => r.text), ['Date.now', 'new Date()', 'new Date', 'Date()', 'Date.now']);
  });
});

describe('test clock', () => {
  test('advancing moves product time forward and wakes listeners', () => {
    const clock = new TestClock('2026-03-01T10:00:00.000Z', { frozen: true });
    let woken = 0;
    const stop = clock.onAdvance(() => woken++);
    assert.equal(clock.advance(90 * 60_000).toISOString(), '2026-03-01T11:30:00.000Z');
    assert.equal(woken, 1);
    stop();
    clock.advance(1);
    assert.equal(woken, 1);
    assert.throws(() => clock.advance(-1), /only moves forward/);
  });

  test('an unfrozen clock runs at real speed from where it was set', async () => {
    const clock = new TestClock('2026-03-01T10:00:00.000Z');
    await new Promise((r) => setTimeout(r, 20));
    const ms = clock.now().getTime() - Date.parse('2026-03-01T10:00:00.000Z');
    assert.ok(ms >= 15 && ms < 5000, `ran ${ms} ms`);
  });

  test('code inside withClock reads that clock, timers included; outside it reads the process clock', async () => {
    const clock = new TestClock('2030-01-01T00:00:00.000Z', { frozen: true });
    const inTimer = await withClock(clock, () => new Promise<string>((resolve) => setTimeout(() => resolve(nowIso()), 1)));
    assert.equal(inTimer, '2030-01-01T00:00:00.000Z');
    assert.notEqual(nowIso(), '2030-01-01T00:00:00.000Z');
    useClock(clock);
    try {
      assert.equal(clockNow().toISOString(), '2030-01-01T00:00:00.000Z');
    } finally {
      useClock(systemClock);
    }
  });
});
