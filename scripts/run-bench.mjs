#!/usr/bin/env node
// Runs every compiled benchmark (dist/bench/*.bench.js) one after another and
// prints their tables; pass name fragments to run only some.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(root, 'dist', 'bench');
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
console.log(`# Firebreak benchmarks (${new Date().toISOString()}, node ${process.version})\n`);
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--enable-source-maps', path.join(dir, file)], { stdio: 'inherit', cwd: root, env: process.env });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
