import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { runCli, spawnFirebreak, type FirebreakProcess } from '../support/process.js';

const started: FirebreakProcess[] = [];
after(async () => {
  for (const p of started) await p.kill();
});

// Start-up time is measured in bench/http.bench.ts (a timed assertion here would fail whenever other suites load the machine).
test('on an empty data dir, serve answers /healthz and prints a one-time setup token to the console only', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-e2e-'));
  const fb = await spawnFirebreak({ env: { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_LOG_LEVEL: 'info' } });
  started.push(fb);
  const ready = await fetch(`${fb.url}/readyz`);
  assert.equal(ready.status, 200);
  const token = /"token":"(fbsetup_[A-Za-z0-9_-]+)"/.exec(fb.stderr())?.[1];
  assert.ok(token, 'setup token printed on the console');
  assert.ok(!fb.stdout().includes(token), 'setup token is not in the JSON logs');

  const setup = await fetch(`${fb.url}/api/v1/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: 'correct horse battery' }),
  });
  assert.equal(setup.status, 200);
  const again = await fetch(`${fb.url}/api/v1/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: 'another password 1' }),
  });
  assert.equal(again.status, 401, 'the setup token works once');

  const login = await fetch(`${fb.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@localhost', password: 'correct horse battery' }),
  });
  assert.equal(login.status, 200);
  const cookies = login.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith('firebreak_session='))!;
  assert.match(session, /HttpOnly/i);
  assert.match(session, /SameSite=Strict/i);
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  const me = await fetch(`${fb.url}/api/v1/users/me`, { headers: { cookie } });
  assert.equal(me.status, 200);
  const forged = await fetch(`${fb.url}/api/v1/teams`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'sre' }) });
  assert.equal(forged.status, 403, 'a cookie-only write (cross-site form) is refused');
  const real = await fetch(`${fb.url}/api/v1/teams`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'sre' }),
  });
  assert.equal(real.status, 201);
  const logout = await fetch(`${fb.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
  assert.equal(logout.status, 204);
  assert.equal((await fetch(`${fb.url}/api/v1/users/me`, { headers: { cookie } })).status, 401);
  assert.ok(!fb.stdout().includes('correct horse battery'), 'passwords never reach the logs');

  assert.equal(await fb.stop(), 0, 'SIGTERM stops cleanly with exit code 0');
});

test('an invalid setting stops serve at start with a message naming the variable', async () => {
  const result = await runCli(['serve'], { FIREBREAK_PORT: 'http' });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /FIREBREAK_PORT: expected an integer/);
});

describeEachStore('restart and the CLI', (fixture) => {
  const env = () => ({ FIREBREAK_DATA_DIR: fixture.scratch.dataDir, FIREBREAK_DATABASE_URL: fixture.scratch.databaseUrl });

  test('users and tokens created with the CLI work against the server, and survive a restart', async () => {
    const created = await runCli(['user', 'create', '--email', 'oncall@example.test', '--name', 'On Call', '--role', 'responder'], env());
    assert.equal(created.code, 0, created.stderr);
    const issued = await runCli(['token', 'create', '--email', 'oncall@example.test', '--name', 'pager'], env());
    assert.equal(issued.code, 0, issued.stderr);
    const token = issued.stdout.trimEnd().split('\n').pop()!;
    assert.match(token, /^fbk_[A-Za-z0-9_-]{43}$/, 'the token is alone on the last line');

    let fb = await spawnFirebreak({ env: env() });
    started.push(fb);
    const before = await fetch(`${fb.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(before.status, 200);
    assert.equal(((await before.json()) as { email: string }).email, 'oncall@example.test');
    assert.equal(await fb.stop(), 0);

    fb = await spawnFirebreak({ env: env() });
    started.push(fb);
    const afterRestart = await fetch(`${fb.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(afterRestart.status, 200, 'data survives a restart');
    const audit = await fixture.store.db.selectFrom('audit_log').select('action').where('action', '=', 'token.create').execute();
    assert.equal(audit.length, 1, 'the CLI mutation is audited');
    await fb.stop();
  });

  test('the CLI refuses bad arguments with a clear message and a non-zero exit', async () => {
    const badRole = await runCli(['user', 'create', '--email', 'x@example.test', '--name', 'X', '--role', 'root'], env());
    assert.notEqual(badRole.code, 0);
    assert.match(badRole.stderr, /--role must be one of viewer, responder, admin/);
    const badEmail = await runCli(['user', 'create', '--email', 'nope', '--name', 'X', '--role', 'viewer'], env());
    assert.notEqual(badEmail.code, 0);
    assert.match(badEmail.stderr, /"nope" is not an email address/);
    const missing = await runCli(['token', 'create'], env());
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /--email/);
    const unknownUser = await runCli(['token', 'create', '--email', 'ghost@example.test'], env());
    assert.equal(unknownUser.code, 2);
    assert.match(unknownUser.stderr, /no user with email ghost@example.test/);
    const duplicate = await runCli(['user', 'create', '--email', 'oncall@example.test', '--name', 'Again', '--role', 'viewer'], env());
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.stderr, /already exists/);
  });

  test('token revoke stops a token from working', async () => {
    const issued = await runCli(['token', 'create', '--email', 'oncall@example.test'], env());
    const lines = issued.stdout.trimEnd().split('\n');
    const id = /created token ([0-9a-f-]{36})/.exec(lines[0]!)?.[1];
    assert.ok(id);
    const revoked = await runCli(['token', 'revoke', id], env());
    assert.equal(revoked.code, 0, revoked.stderr);
    const again = await runCli(['token', 'revoke', id], env());
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already revoked/);
  });
});
