#!/usr/bin/env node
// npm's prepare step: builds the server (tsc) and the web app (vite) when their sources and
// build tools are here, as in a clone after `npm install`. An installed package (from the
// registry or a tarball) carries dist/ and web/dist/ already built and no dev dependencies,
// so `npm ci --omit=dev` on a built tree must not try: it says so and succeeds.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The named executable of an installed package, or undefined when the package is not installed. */
function binOf(pkg, name) {
  const dir = path.join(root, 'node_modules', pkg);
  if (!existsSync(path.join(dir, 'package.json'))) return undefined;
  const { bin } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = typeof bin === 'string' ? bin : bin?.[name];
  return file ? path.join(dir, file) : undefined;
}

function run(file, args) {
  const result = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const tsc = binOf('typescript', 'tsc');
const vite = binOf('vite', 'vite');

if (existsSync(path.join(root, 'tsconfig.json')) && existsSync(path.join(root, 'src')) && tsc) {
  run(tsc, ['-p', 'tsconfig.json']);
} else if (existsSync(path.join(root, 'dist', 'src', 'main.js'))) {
  console.log('prepare: no TypeScript sources or compiler here; using the built server in dist/');
} else {
  console.error('prepare: the server is not built (dist/src/main.js) and cannot be: install with dev dependencies to build it');
  process.exit(1);
}

if (existsSync(path.join(root, 'web', 'vite.config.ts')) && vite) {
  run(vite, ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
} else if (existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
  console.log('prepare: no web sources or Vite here; using the built web app in web/dist');
} else {
  console.log('prepare: the web app is not built (web/dist); the server runs without it');
}
