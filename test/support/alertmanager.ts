/** Runs the real Alertmanager (Debian's /usr/bin/prometheus-alertmanager) on loopback with temporary storage, for end-to-end tests. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { until } from '../../src/testing/until.js';

export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';

export interface RunningAlertmanager {
  url: string;
  /** Posts alerts to Alertmanager's API v2, as Prometheus does. */
  send(alerts: Array<{ labels: Record<string, string>; annotations?: Record<string, string>; endsAt?: string }>): Promise<void>;
  log(): string;
  stop(): Promise<void>;
}

/** Starts Alertmanager with this configuration (YAML text) on a port it picks, and waits until it answers. */
export async function startAlertmanager(config: string): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(path.join(tmpdir(), 'firebreak-am-'));
  writeFileSync(path.join(dir, 'alertmanager.yml'), config);
  const child = spawn(ALERTMANAGER_BIN, [`--config.file=${path.join(dir, 'alertmanager.yml')}`, `--storage.path=${path.join(dir, 'data')}`, '--web.listen-address=127.0.0.1:0', '--cluster.listen-address='], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const address = await until('Alertmanager listening', async () => {
      if (child.exitCode !== null) throw new Error(`alertmanager exited with ${child.exitCode}: ${log}`);
      return /msg="Listening on" address=(127\.0\.0\.1:\d+)/.exec(log)?.[1];
    });
    const url = `http://${address}`;
    await until('Alertmanager ready', async () => (await fetch(`${url}/-/ready`).catch(() => undefined))?.ok);
    return {
      url,
      async send(alerts) {
        const res = await fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
        if (!res.ok) throw new Error(`alertmanager refused alerts: ${res.status} ${await res.text()}`);
      },
      log: () => log,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
