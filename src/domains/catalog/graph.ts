/** The dependency graph between services: pure functions over edges, no I/O. */

export interface DependencyEdge {
  serviceId: string;
  dependsOnId: string;
}

/**
 * Returns a cycle (as a list of ids, first repeated at the end) that the edges
 * would contain, or undefined when the graph is acyclic. Self-dependencies count.
 */
export function findCycle(edges: readonly DependencyEdge[]): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const { serviceId, dependsOnId } of edges) {
    const list = next.get(serviceId) ?? [];
    list.push(dependsOnId);
    next.set(serviceId, list);
  }
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Map<string, number>();
  // Iterative depth-first search, so deep chains cannot overflow the stack.
  for (const start of [...next.keys()].sort()) {
    if ((colour.get(start) ?? WHITE) !== WHITE) continue;
    const path: string[] = [start];
    const iterators: Array<Iterator<string>> = [(next.get(start) ?? [])[Symbol.iterator]()];
    colour.set(start, GREY);
    while (path.length > 0) {
      const step = iterators[iterators.length - 1]!.next();
      if (step.done) {
        colour.set(path.pop()!, BLACK);
        iterators.pop();
        continue;
      }
      const node = step.value;
      const state = colour.get(node) ?? WHITE;
      if (state === GREY) return [...path.slice(path.indexOf(node)), node];
      if (state === WHITE) {
        colour.set(node, GREY);
        path.push(node);
        iterators.push((next.get(node) ?? [])[Symbol.iterator]());
      }
    }
  }
  return undefined;
}

/** Replaces the outgoing edges of one service, leaving every other edge as it is. */
export function withDependencies(edges: readonly DependencyEdge[], serviceId: string, dependsOn: readonly string[]): DependencyEdge[] {
  return [...edges.filter((e) => e.serviceId !== serviceId), ...[...new Set(dependsOn)].map((dependsOnId) => ({ serviceId, dependsOnId }))];
}

/** Every service that depends on `serviceId`, directly or through others (its blast radius). */
export function dependents(edges: readonly DependencyEdge[], serviceId: string): string[] {
  const reverse = new Map<string, string[]>();
  for (const e of edges) reverse.set(e.dependsOnId, [...(reverse.get(e.dependsOnId) ?? []), e.serviceId]);
  const seen = new Set<string>();
  const queue = [serviceId];
  while (queue.length) {
    for (const up of reverse.get(queue.shift()!) ?? []) {
      if (!seen.has(up) && up !== serviceId) {
        seen.add(up);
        queue.push(up);
      }
    }
  }
  return [...seen].sort();
}
