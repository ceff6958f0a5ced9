import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('with no variables set, Firebreak listens on 127.0.0.1:8080 with SQLite in ./firebreak-data', () => {
  const config = loadConfig({});
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, path.resolve('./firebreak-data'));
  assert.equal(config.databaseUrl, undefined);
});

test('FIREBREAK_* variables override the defaults with typed values', () => {
  const config = loadConfig({ FIREBREAK_PORT: '9090', FIREBREAK_HOST: '0.0.0.0', FIREBREAK_DATABASE_URL: 'postgres://u@db/x', FIREBREAK_SECURE_COOKIES: 'true' });
  assert.equal(config.port, 9090);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.databaseUrl, 'postgres://u@db/x');
  assert.equal(config.secureCookies, true);
});

test('an invalid value stops with a message naming the variable', () => {
  assert.throws(() => loadConfig({ FIREBREAK_PORT: 'eighty' }), (err: Error) => err instanceof ConfigError && /^FIREBREAK_PORT: expected an integer/.test(err.message));
  assert.throws(() => loadConfig({ FIREBREAK_PORT: '70000' }), { message: /^FIREBREAK_PORT: / });
  assert.throws(() => loadConfig({ FIREBREAK_DATABASE_URL: 'mysql://x' }), { message: /^FIREBREAK_DATABASE_URL: / });
  assert.throws(() => loadConfig({ FIREBREAK_LOG_LEVEL: 'loud' }), { message: /^FIREBREAK_LOG_LEVEL: / });
  assert.throws(() => loadConfig({ FIREBREAK_SECURE_COOKIES: 'maybe' }), { message: /^FIREBREAK_SECURE_COOKIES: expected true or false/ });
});

test('a config file supplies settings that variables still override', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-config-'));
  const file = path.join(dir, 'firebreak.json');
  writeFileSync(file, JSON.stringify({ port: 7070, host: '::1' }));
  const config = loadConfig({ FIREBREAK_CONFIG: file, FIREBREAK_HOST: '127.0.0.2' });
  assert.equal(config.port, 7070);
  assert.equal(config.host, '127.0.0.2');
});

test('a config file with an unknown key or a bad value is refused, naming the file and key', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-config-'));
  const unknown = path.join(dir, 'unknown.json');
  writeFileSync(unknown, JSON.stringify({ prot: 7070 }));
  assert.throws(() => loadConfig({ FIREBREAK_CONFIG: unknown }), /unknown setting "prot"/);
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ port: '7070' }));
  assert.throws(() => loadConfig({ FIREBREAK_CONFIG: bad }), { message: /^port in .*bad\.json: / });
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, '{port');
  assert.throws(() => loadConfig({ FIREBREAK_CONFIG: broken }), /is not valid JSON/);
});
