/**
 * The command line of the first hour: `firebreak --help` answers from a table
 * without loading the command modules (the table must name every command the
 * modules register, with the same words); a user made with the CLI and a
 * password piped on stdin can sign in; `set-password` replaces it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildProgram, COMMAND_GROUPS, commandOf } from '../../src/cli/program.js';
import { BIN, ROOT, spawnFirebreak } from '../support/process.js';

async function firebreak(args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FIREBREAK_LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

test('the table of command groups names every top-level command the modules register, with the same description', async () => {
  const loaded = await buildProgram({ all: true });
  const real = Object.fromEntries(loaded.commands.filter((c) => c.name() !== 'version').map((c) => [c.name(), c.description()]));
  const table = Object.fromEntries(COMMAND_GROUPS.flatMap((g) => Object.entries(g.commands)));
  assert.deepEqual(table, real);
  // Each group's module registers exactly the commands the table puts in that group.
  for (const group of COMMAND_GROUPS) {
    const name = Object.keys(group.commands)[0]!;
    const one = await buildProgram({ argv: ['node', 'firebreak', name] });
    // A loaded command has subcommands or an action; a stand-in for the help has neither.
    const loadedHere = one.commands.filter((c) => c.commands.length > 0 || (c as unknown as { _actionHandler: unknown })._actionHandler).map((c) => c.name());
    const withActions = loadedHere.filter((n) => n !== 'version').sort();
    assert.deepEqual(withActions, Object.keys(group.commands).sort(), `group of ${name}`);
  }
});

test('commandOf finds the command after options and after "help"', () => {
  assert.equal(commandOf(['node', 'firebreak', '--verbose', 'incident', 'list']), 'incident');
  assert.equal(commandOf(['node', 'firebreak', 'help', 'user']), 'user');
  assert.equal(commandOf(['node', 'firebreak', '--help']), undefined);
});

test('a user created with --password-stdin signs in; set-password replaces the password; a short one is refused', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-cli-pw-'));
  const env = { FIREBREAK_DATA_DIR: dataDir };
  assert.equal((await firebreak(['migrate'], env)).code, 0);
  const short = await firebreak(['user', 'create', '--email', 'nina@example.test', '--name', 'Nina Night', '--role', 'responder', '--password-stdin'], env, 'short\n');
  assert.equal(short.code, 2, short.stderr);
  assert.match(short.stderr, /at least 12 characters/);
  const made = await firebreak(['user', 'create', '--email', 'nina@example.test', '--name', 'Nina Night', '--role', 'responder', '--password-stdin'], env, 'first long password\n');
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /created responder nina@example.test \(can sign in\)/);
  assert.doesNotMatch(made.stdout + made.stderr, /first long password/, 'the password is never echoed');

  const fb = await spawnFirebreak({ env, readyTimeoutMs: 60_000 });
  try {
    const login = (password: string) =>
      fetch(`${fb.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nina@example.test', password }) });
    assert.equal((await login('first long password')).status, 200, 'the CLI-made user signs in with the piped password');

    const set = await firebreak(['user', 'set-password', '--email', 'nina@example.test'], env, 'second long password');
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /password set for nina@example.test/);
    assert.equal((await login('first long password')).status, 401, 'the old password no longer works');
    assert.equal((await login('second long password')).status, 200);
    const nobody = await firebreak(['user', 'set-password', '--email', 'nobody@example.test'], env, 'third long password');
    assert.equal(nobody.code, 2);
    assert.match(nobody.stderr, /no user with email nobody@example.test/);
  } finally {
    await fb.kill();
  }
});

test('`firebreak --help` lists every command without loading them', async () => {
  const help = await firebreak(['--help'], {});
  assert.equal(help.code, 0, help.stderr);
  for (const name of COMMAND_GROUPS.flatMap((g) => Object.keys(g.commands))) assert.match(help.stdout, new RegExp(`^  ${name}\\b`, 'm'), name);
  const sub = await firebreak(['user', '--help'], {});
  assert.match(sub.stdout, /set-password/, 'a group loads when asked about');
});
