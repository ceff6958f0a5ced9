/**
 * Caps a process at a share of one CPU through a cgroup (the v1 `cpu`
 * controller or v2's `cpu.max`), so a bench on a machine with few cores can
 * show what a second process adds when each has CPU to spare: on two cores the
 * load generator, PostgreSQL and two unlimited servers otherwise compete for
 * the same time. Needs root and a writable cgroup file system (Linux).
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const V1 = '/sys/fs/cgroup/cpu';
const V2 = '/sys/fs/cgroup';
const PERIOD_US = 100_000;

/** Moves `pid` (and its threads) into a new group allowed `cpus` CPUs' worth of time; returns the undo. */
export function limitCpu(pid: number, cpus: number): () => void {
  const quota = Math.round(cpus * PERIOD_US);
  const name = `firebreak-bench-${pid}`;
  let root: string;
  if (existsSync(path.join(V1, 'cpu.cfs_quota_us'))) {
    root = V1;
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'cpu.cfs_period_us'), String(PERIOD_US));
    writeFileSync(path.join(root, name, 'cpu.cfs_quota_us'), String(quota));
  } else if (existsSync(path.join(V2, 'cgroup.controllers')) && readFileSync(path.join(V2, 'cgroup.controllers'), 'utf8').split(/\s+/).includes('cpu')) {
    root = V2;
    writeFileSync(path.join(root, 'cgroup.subtree_control'), '+cpu');
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'cpu.max'), `${quota} ${PERIOD_US}`);
  } else {
    throw new Error('--cpu-limit needs a cgroup cpu controller (/sys/fs/cgroup/cpu or cgroup v2 with cpu) writable by this user');
  }
  writeFileSync(path.join(root, name, 'cgroup.procs'), String(pid));
  return () => {
    try {
      // A process still running goes back to the root group; an exited one has already left.
      writeFileSync(path.join(root, 'cgroup.procs'), String(pid));
    } catch {
      // exited
    }
    rmdirSync(path.join(root, name));
  };
}
