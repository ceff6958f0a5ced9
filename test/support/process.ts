/** Starts real `firebreak` processes for end-to-end tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_OUTBOUND_ALLOW } from '../../src/testing/outbound.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = path.join(ROOT, 'bin', 'firebreak.js');
/** The captured payloads in test/fixtures, inside the repository so a fresh clone has them. */
export const FIXTURES = path.resolve(ROOT, 'test/fixtures');

export interface FirebreakProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no cleanup at all. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  env: Record<string, string | undefined>;
  args?: string[];
  /**
   * Milliseconds to wait for the readiness line (default 120 s). Only a safety net: a server that
   * exits fails at once, and either way the error carries the server's log.
   */
  readyTimeoutMs?: number;
}

/** What `firebreak serve` prints on stderr once it serves (with its URL) or, without the api role, once it runs. */
export const READY_LINE = /^Firebreak is (?:listening on (http:\/\/\S+)|running)/m;

/**
 * Runs `firebreak serve` (on port 0 unless env sets FIREBREAK_PORT: the server picks a free port
 * and reports it, so no two tests race for one) and waits for its readiness line.
 */
export async function spawnFirebreak(options: SpawnOptions): Promise<FirebreakProcess> {
  // FIREBREAK_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the servers a bench starts (node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = process.env.FIREBREAK_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, FIREBREAK_LOG_LEVEL: 'warn', FIREBREAK_PORT: '0', FIREBREAK_OUTBOUND_ALLOW: TEST_OUTBOUND_ALLOW, ...options.env, FIREBREAK_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const log = () => `\n--- stderr ---\n${err}\n--- stdout ---\n${out.slice(-20_000)}`;
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`firebreak printed no readiness line within ${timeoutMs} ms${log()}`)), timeoutMs);
      const onExit = (code: number | null, signal: string | null) => {
        clearTimeout(timer);
        reject(new Error(`firebreak exited (${code ?? signal}) before it was ready${log()}`));
      };
      child.once('exit', onExit);
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const ready = READY_LINE.exec(err);
        if (!ready) return;
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(ready[1] ?? '');
      });
    });
  } catch (e) {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw e;
  }
  const exited = once(child, 'exit');
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      await exited;
      return child.exitCode;
    },
    async kill() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs the CLI to completion. */
export async function runCli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FIREBREAK_LOG_LEVEL: 'warn', FIREBREAK_OUTBOUND_ALLOW: TEST_OUTBOUND_ALLOW, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** A port nobody listens on right now (for peers that cannot report their own, such as nginx in the benchmarks). */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
