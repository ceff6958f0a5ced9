import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dependents, findCycle, withDependencies } from './graph.js';

const e = (serviceId: string, dependsOnId: string) => ({ serviceId, dependsOnId });

test('an acyclic dependency graph has no cycle', () => {
  assert.equal(findCycle([e('api', 'db'), e('web', 'api'), e('web', 'db'), e('worker', 'db')]), undefined);
  assert.equal(findCycle([]), undefined);
});

test('a service depending on itself is a cycle', () => {
  assert.deepEqual(findCycle([e('api', 'api')]), ['api', 'api']);
});

test('a longer cycle is found and reported as the path around it', () => {
  const cycle = findCycle([e('a', 'b'), e('b', 'c'), e('c', 'a'), e('d', 'a')]);
  assert.ok(cycle);
  assert.equal(cycle[0], cycle[cycle.length - 1]);
  assert.deepEqual(new Set(cycle), new Set(['a', 'b', 'c']));
});

test('replacing one service’s dependencies keeps every other edge', () => {
  const edges = withDependencies([e('a', 'b'), e('c', 'b')], 'a', ['c', 'c']);
  assert.deepEqual(edges, [e('c', 'b'), e('a', 'c')]);
  assert.deepEqual(findCycle(withDependencies(edges, 'c', ['a'])), ['a', 'c', 'a']);
});

test('a deep chain is checked without overflowing the stack', () => {
  const chain = Array.from({ length: 20_000 }, (_, i) => e(`s${i}`, `s${i + 1}`));
  assert.equal(findCycle(chain), undefined);
  assert.equal(findCycle([...chain, e('s20000', 's0')])?.length, 20_002);
});

test('dependents lists every service that depends on one, directly or not', () => {
  assert.deepEqual(dependents([e('api', 'db'), e('web', 'api'), e('batch', 'queue')], 'db'), ['api', 'web']);
});
