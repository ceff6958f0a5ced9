/**
 * How fast the command line answers: `firebreak --help` (only the table of
 * command groups is loaded), `firebreak user --help` (one group) and
 * `firebreak version`, each a fresh Node process, median of several runs.
 */
import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from '../test/support/process.js';
import { round, table } from './support.js';

const RUNS = Number(process.env.BENCH_ROUNDS ?? 7);

function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FIREBREAK_LOG_LEVEL: 'warn' }, stdio: 'ignore' });
    times.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`firebreak ${args.join(' ')} exited ${run.status}`);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const rows = [['firebreak --help'], ['firebreak user --help'], ['firebreak incident --help'], ['firebreak version']].map(([label]) => [label!, round(median(label!.split(' ').slice(1)))]);
console.log(table(`CLI start (median of ${RUNS} processes)`, ['command', 'ms'], rows));
