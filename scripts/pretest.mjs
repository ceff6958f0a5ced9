#!/usr/bin/env node
// What `npm test` runs before the tests: the server and tests compiled to dist/, the web app
// type-checked, everything linted, the web app built (web/dist/, which the browser and package
// tests serve). The four do not depend on each other, and tsc and eslint each use one core, so
// they run two at a time (FIREBREAK_CHECK_CONCURRENCY), longest first; each one's output is
// printed when it ends, and any failure fails the whole after all have ended.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  { name: 'eslint .', command: bin('eslint'), args: ['.'] },
  { name: 'tsc -p tsconfig.json', command: bin('tsc'), args: ['-p', 'tsconfig.json'] },
  { name: 'tsc -p web/tsconfig.json', command: bin('tsc'), args: ['-p', 'web/tsconfig.json'] },
  { name: 'vite build', command: bin('vite'), args: ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'] },
];
const concurrency = Math.max(1, Number(process.env.FIREBREAK_CHECK_CONCURRENCY ?? 2));

function run(step) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => (output += `${err.message}\n`));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${code === 0 ? 'ok' : 'FAILED'}: ${step.name} (${seconds} s)\n${output}`);
      resolve(code === 0);
    });
  });
}

const queue = [...steps];
const results = [];
await Promise.all(Array.from({ length: concurrency }, async () => {
  for (let step = queue.shift(); step; step = queue.shift()) results.push(await run(step));
}));
process.exit(results.every(Boolean) ? 0 : 1);
