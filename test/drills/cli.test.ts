import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { amBody } from '../../src/testing/alerts.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak drill commands', () => {
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  let dir: string;
  let payloadFile: string;

  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: '2026-11-30T12:00:00Z' };
    await (await scratch.open()).close();
    dir = mkdtempSync(path.join(tmpdir(), 'drill-cli-'));
    payloadFile = path.join(dir, 'alert.json');
    writeFileSync(payloadFile, JSON.stringify(amBody([{ fingerprint: 'cli-1', labels: { severity: 'critical' }, summary: 'Payments latency (cli drill)' }])));
  });

  after(async () => {
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => runCliInProcess(args, env);

  test('create, list, run-now and report a drill from the command line', async () => {
    assert.equal((await cli('service', 'create', '--name', 'payments')).code, 0);
    assert.equal((await cli('integration', 'create', '--service', 'payments', '--kind', 'alertmanager', '--name', 'prometheus')).code, 0);
    const created = await cli('drill', 'create', '--name', 'payments-gameday', '--service', 'payments', '--payload-file', payloadFile, '--goal', 'acknowledged:5', '--goal', 'mitigated:30', '--weekly', 'tue,thu@10:00', '--zone', 'Europe/Berlin');
    assert.equal(created.code, 0, created.stderr);
    // FIREBREAK_NOW is Monday 2026-11-30 12:00Z: the next occurrence is Tuesday 10:00 Berlin.
    assert.match(created.stdout, /weekly on tue,thu at 10:00 Europe\/Berlin\); next: 2026-12-01T09:00:00.000Z/);
    const listed = await cli('drill', 'list');
    assert.match(listed.stdout, /payments-gameday\s+alertmanager\s+weekly on tue,thu at 10:00 Europe\/Berlin\s+2026-12-01T09:00:00.000Z\s+yes\s+acknowledged within 5 min; mitigated within 30 min/);

    const fired = await cli('drill', 'run-now', 'payments-gameday');
    assert.equal(fired.code, 0, fired.stderr);
    assert.match(fired.stdout, /fired drill payments-gameday: 1 alert\(s\), incident INC-1/);
    const report = await cli('drill', 'report', 'payments-gameday');
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /payments-gameday run [0-9a-f-]{36} \(INC-1\)/);
    assert.match(report.stdout, /fired: +\S+ \(manual, by cli:/);
    assert.match(report.stdout, /acknowledged: +-/);
    const trend = await cli('drill', 'report', 'payments-gameday', '--trend');
    assert.match(trend.stdout, /payments-gameday: 1 run\(s\)/);
    assert.match(trend.stdout, /acknowledged within 5 min\s+0\s+\d\s+\d/);
  });

  test('a one-off drill already past at FIREBREAK_NOW is not scheduled; bad options are refused naming them', async () => {
    const past = await cli('drill', 'create', '--name', 'past', '--service', 'payments', '--payload-file', payloadFile, '--goal', 'acknowledged:5', '--once', '2026-11-30T11:00:00Z');
    assert.equal(past.code, 0, past.stderr);
    assert.match(past.stdout, /next: not scheduled/);
    const badGoal = await cli('drill', 'create', '--name', 'x', '--service', 'payments', '--payload-file', payloadFile, '--goal', 'coffee:5', '--daily', '09:00');
    assert.notEqual(badGoal.code, 0);
    assert.match(badGoal.stderr, /--goal must be KIND:MINUTES/);
    const twoSchedules = await cli('drill', 'create', '--name', 'x', '--service', 'payments', '--payload-file', payloadFile, '--goal', 'acknowledged:5', '--daily', '09:00', '--once', '2027-01-01T00:00:00Z');
    assert.equal(twoSchedules.code, 2);
    assert.match(twoSchedules.stderr, /exactly one of --once/);
    const badZone = await cli('drill', 'create', '--name', 'x', '--service', 'payments', '--payload-file', payloadFile, '--goal', 'acknowledged:5', '--daily', '09:00', '--zone', 'Mars/Olympus');
    assert.notEqual(badZone.code, 0);
    assert.match(badZone.stderr, /schedule.zone/);
    const noDrill = await cli('drill', 'report', 'nope');
    assert.equal(noDrill.code, 2);
    assert.match(noDrill.stderr, /no drill named/);
    assert.doesNotMatch((await cli('drill', 'list')).stdout, /\bx\b/);
  });
});
