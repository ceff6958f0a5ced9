/**
 * No runtime import cycles in the product (src/): a cycle makes module
 * initialisation order matter, and the usual patch (a local or pass-through
 * import) hides the tangle instead of removing it. Reads the compiled
 * JavaScript, where type-only imports are already gone.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/process.js';

const SRC = path.join(ROOT, 'dist', 'src');

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return modules(full);
    return entry.endsWith('.js') && !entry.endsWith('.test.js') ? [full] : [];
  });
}

/** Relative static imports and re-exports of a compiled module (dynamic `import()` loads lazily and cannot deadlock initialisation). */
export function runtimeImports(file: string, source: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?:[^'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) found.push(path.resolve(path.dirname(file), match[1]!));
  return found;
}

/** Strongly connected components with more than one module (or a self-import): Tarjan's algorithm. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

test('the cycle finder sees a cycle through three modules and ignores a chain', () => {
  const cyclic = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
  assert.deepEqual(importCycles(cyclic), [['a', 'b', 'c']]);
  assert.deepEqual(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]])), []);
});

test('type-only imports are not runtime imports; re-exports and side-effect imports are', () => {
  const file = '/x/src/a.js';
  const compiled = "import { b } from './b.js';\nexport * from './c.js';\nimport './d.js';\nconst later = await import('./e.js');\n";
  assert.deepEqual(runtimeImports(file, compiled), ['/x/src/b.js', '/x/src/c.js', '/x/src/d.js']);
});

test('src has no runtime import cycle', () => {
  const graph = new Map<string, string[]>();
  for (const file of modules(SRC)) graph.set(file, runtimeImports(file, readFileSync(file, 'utf8')));
  assert.ok(graph.size > 50, `read only ${graph.size} modules under ${SRC}`);
  const cycles = importCycles(graph).map((c) => c.map((f) => path.relative(SRC, f)).join(' ↔ '));
  assert.deepEqual(cycles, [], `runtime import cycles:\n${cycles.join('\n')}`);
});
