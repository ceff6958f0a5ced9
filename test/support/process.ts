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
  /** Milliseconds to wait for /healthz (default 10 s). */
  readyTimeoutMs?: number;
}

/** Runs `firebreak serve` on a free port and waits until /healthz answers 200. */
export async function spawnFirebreak(options: SpawnOptions): Promise<FirebreakProcess> {
  const port = options.env.FIREBREAK_PORT ?? String(await freePort());
  const child = spawn(process.execPath, [BIN, 'serve', ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, FIREBREAK_LOG_LEVEL: 'warn', FIREBREAK_OUTBOUND_ALLOW: TEST_OUTBOUND_ALLOW, ...options.env, FIREBREAK_PORT: port, FIREBREAK_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  const serves = !options.args?.includes('--roles') || options.args.some((a) => a.includes('api'));
  while (serves) {
    if (child.exitCode !== null) throw new Error(`firebreak exited with ${child.exitCode}: ${err}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`firebreak did not become healthy in time: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
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

/** A port nobody listens on right now. */
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
