import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/testing.js';
import { runCliInProcess } from '../support/cli.js';

describe('firebreak runbook commands', () => {
  let scratch: ScratchDatabase;
  let env: Record<string, string>;
  before(async () => {
    scratch = await createScratchDatabase('sqlite');
    env = { FIREBREAK_DATA_DIR: scratch.dataDir, FIREBREAK_NOW: '2026-11-30T12:00:00Z' };
    await (await scratch.open()).close();
  });
  after(async () => {
    await scratch.drop();
  });

  const cli = async (args: string[], now?: string) => runCliInProcess(args, now ? { ...env, FIREBREAK_NOW: now } : env);

  test('create from the template, refuse the author as tester, record another tester, list, show, and report rot', async () => {
    assert.equal((await cli(['service', 'create', '--name', 'checkout'])).code, 0);
    for (const who of ['author', 'tester']) assert.equal((await cli(['user', 'create', '--email', `${who}@example.test`, '--name', who, '--role', 'responder'])).code, 0);
    const created = await cli(['runbook', 'create', '--title', 'Checkout down', '--service', 'checkout', '--matcher', 'alertname=~"Checkout.*"', '--owner', 'author@example.test', '--as', 'author@example.test']);
    assert.equal(created.code, 0, created.stderr);
    const id = created.stdout.trim().split('\n')[1]!;

    const byAuthor = await cli(['runbook', 'tested', id, '--as', 'author@example.test']);
    assert.equal(byAuthor.code, 1);
    assert.match(byAuthor.stderr, /testedBy: a runbook must be tested by someone other than its author/);
    const byTester = await cli(['runbook', 'tested', id, '--as', 'tester@example.test', '--note', 'game day']);
    assert.equal(byTester.code, 0, byTester.stderr);

    const listed = await cli(['runbook', 'list', '--service', 'checkout']);
    assert.match(listed.stdout, new RegExp(`${id}\\s+Checkout down\\s+2026-11-30T12:00:00.000Z`));
    const shown = await cli(['runbook', 'show', id]);
    assert.match(shown.stdout, /last tested: 2026-11-30T12:00:00.000Z \(game day\)\nrot: none/);
    assert.match(shown.stdout, /## Unsafe actions/);

    assert.match((await cli(['runbook', 'rot'])).stdout, /no runbook is rotting \(policy: tested within 90 days\)/);
    const later = await cli(['runbook', 'rot'], '2027-03-30T12:00:00Z');
    assert.match(later.stdout, new RegExp(`Checkout down \\(${id}\\)\\n  - last tested 120 days ago`));
  });

  test('bad arguments are refused naming the option', async () => {
    const matcher = await cli(['runbook', 'create', '--title', 'x', '--matcher', 'no operator']);
    assert.equal(matcher.code, 2);
    assert.match(matcher.stderr, /--matcher/);
    const service = await cli(['runbook', 'create', '--title', 'x', '--service', 'nowhere']);
    assert.equal(service.code, 2);
    assert.match(service.stderr, /--service: no service named/);
    const file = await cli(['runbook', 'create', '--title', 'x', '--file', '/nonexistent/runbook.md']);
    assert.equal(file.code, 2);
    assert.match(file.stderr, /--file: cannot read/);
    assert.equal((await cli(['runbook', 'list'])).stdout.trim().split('\n').length, 2, 'header and the one runbook');
  });
});
