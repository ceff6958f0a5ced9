/**
 * The package installs like one: `npm pack` carries the built server (without its tests) and the
 * built web app; installed from that tarball into an empty prefix without dev dependencies,
 * `firebreak serve` starts, answers /healthz and serves the web app at `/`. npm reaches the
 * registry for the production dependencies. better-sqlite3 installs as it does for a user with
 * internet: prebuild-install unpacks a prebuilt binary and loads it, instead of compiling. The
 * binary cannot be downloaded here, so the test offers the one this checkout built through
 * prebuild-install's documented local-prebuilds setting (`npm_config_<package>_local_prebuilds`,
 * a folder of `<name>-v<version>-<runtime>-v<abi>-<platform><libc>-<arch>.tar.gz` bundles as
 * `prebuild` makes them); the unpacking and the load check are the download's own.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { READY_LINE, ROOT } from '../support/process.js';

const work = mkdtempSync(path.join(tmpdir(), 'firebreak-package-'));
after(() => rmSync(work, { recursive: true, force: true }));

const running = new Set<number>();
after(() => {
  // npm's children (node-gyp compiling better-sqlite3) must not outlive a failed or timed-out test.
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

const SQLITE = path.join(ROOT, 'node_modules', 'better-sqlite3');
const sqliteVersion = (JSON.parse(readFileSync(path.join(SQLITE, 'package.json'), 'utf8')) as { version: string }).version;

/** "musl" on a Linux without glibc (detect-libc's test, which prebuild-install uses), else nothing. */
function libcPart(): string {
  if (process.platform !== 'linux') return '';
  const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
  return header?.glibcVersionRuntime ? '' : 'musl';
}

/**
 * A prebuild bundle of this checkout's better-sqlite3 binary, named as prebuild-install looks
 * for it on this machine; returns its folder.
 */
function localPrebuilds(): string {
  const dir = path.join(work, 'prebuilds');
  mkdirSync(dir);
  const bundle = `better-sqlite3-v${sqliteVersion}-node-v${process.versions.modules}-${process.platform}${libcPart()}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', path.join(dir, bundle), '-C', SQLITE, 'build/Release/better_sqlite3.node']);
  return dir;
}

/** Runs npm in its own process group (so it can be stopped with everything it started); resolves with stdout. */
async function npm(args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const child = spawn('npm', args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env } });
  running.add(child.pid!);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  running.delete(child.pid!);
  assert.equal(code, 0, `npm ${args.join(' ')} failed:\n${out}\n${err}`);
  return out;
}

test('the packed tarball installs without dev dependencies and serves /healthz and the web app', { timeout: 15 * 60_000 }, async () => {
  assert.ok(existsSync(path.join(ROOT, 'web', 'dist', 'index.html')), 'build the web app first (npm test does)');
  // Packs what is built (npm test compiled it); prepare would only build it again.
  const [packed] = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const files = packed!.files.map((f) => f.path);
  for (const needed of ['bin/firebreak.js', 'dist/src/main.js', 'dist/src/db/migrations/0001_platform.js', 'web/dist/index.html', 'package.json']) {
    assert.ok(files.includes(needed), `the tarball carries ${needed}`);
  }
  assert.deepEqual(files.filter((f) => /\.test\.|^dist\/(test|bench)\/|^src\/|^test\/|^web\/src\//.test(f)), [], 'no tests or sources in the tarball');

  const prefix = path.join(work, 'prefix');
  await npm(['install', '--global', '--prefix', prefix, '--omit=dev', path.join(work, packed!.filename)], work, { npm_config_better_sqlite3_local_prebuilds: localPrebuilds() });
  const installed = path.join(prefix, 'lib', 'node_modules', 'firebreak');
  const dependencies = readdirSync(path.join(installed, 'node_modules'));
  for (const devOnly of ['typescript', 'vite', 'react', 'react-dom', 'eslint', '@vitejs']) assert.ok(!dependencies.includes(devOnly), `${devOnly} is not installed`);
  // The binary came prebuilt, as for a user: nothing compiled (node-gyp leaves its objects in build/Release/obj.target).
  // A newer better-sqlite3 in the dependency's range than this checkout's has no bundle here and compiles: still a valid install.
  const sqliteInstalled = path.join(installed, 'node_modules', 'better-sqlite3');
  assert.ok(existsSync(path.join(sqliteInstalled, 'build', 'Release', 'better_sqlite3.node')), 'better-sqlite3 has its binary');
  if ((JSON.parse(readFileSync(path.join(sqliteInstalled, 'package.json'), 'utf8')) as { version: string }).version === sqliteVersion) {
    assert.ok(!existsSync(path.join(sqliteInstalled, 'build', 'Release', 'obj.target')), 'better-sqlite3 was installed prebuilt, not compiled');
  }

  const child = spawn(path.join(prefix, 'bin', 'firebreak'), ['serve'], {
    cwd: work,
    env: { ...process.env, FIREBREAK_DATA_DIR: path.join(work, 'data'), FIREBREAK_PORT: '0', FIREBREAK_HOST: '127.0.0.1', FIREBREAK_LOG_LEVEL: 'warn', FIREBREAK_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  try {
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the installed firebreak exited (${code}) before it was ready:\n${log}`)));
      child.stderr.on('data', (d: Buffer) => {
        log += d.toString();
        const ready = READY_LINE.exec(log);
        if (ready?.[1]) resolve(ready[1]);
      });
    });
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    const html = await page.text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    assert.ok(script, `the web app's page names its script:\n${html.slice(0, 500)}`);
    assert.equal((await fetch(`${url}${script}`)).status, 200, 'and serves it');
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});
