/**
 * Lays the service dependency graph out in columns: a service's column is one
 * past the deepest of its dependencies, so every arrow points left, towards
 * what a service relies on. Pure (and safe on a cycle the server would refuse).
 */

export interface GraphService {
  id: string;
  name: string;
  dependsOn: readonly string[];
}

export interface PlacedNode {
  id: string;
  name: string;
  column: number;
  row: number;
  x: number;
  y: number;
}

export interface Layout {
  nodes: PlacedNode[];
  edges: Array<{ from: PlacedNode; to: PlacedNode }>;
  width: number;
  height: number;
}

export const NODE_W = 150;
export const NODE_H = 32;
const GAP_X = 70;
const GAP_Y = 18;
const PAD = 12;
/** Room above the first row for arrows that skip a column (they arc over the nodes between). */
export const ARC_ROOM = 34;

/** Column of each service: 0 without dependencies, else 1 + the deepest dependency's. */
export function columns(services: readonly GraphService[]): Map<string, number> {
  const byId = new Map(services.map((s) => [s.id, s]));
  const column = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const deps = (byId.get(id)?.dependsOn ?? []).filter((d) => byId.has(d));
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(depth));
    visiting.delete(id);
    column.set(id, value);
    return value;
  };
  for (const s of services) depth(s.id);
  return column;
}

export function layoutGraph(services: readonly GraphService[]): Layout {
  const column = columns(services);
  const rows = new Map<number, number>();
  const sorted = [...services].sort((a, b) => column.get(a.id)! - column.get(b.id)! || a.name.localeCompare(b.name));
  const nodes: PlacedNode[] = sorted.map((s) => {
    const c = column.get(s.id)!;
    const row = rows.get(c) ?? 0;
    rows.set(c, row + 1);
    return { id: s.id, name: s.name, column: c, row, x: PAD + c * (NODE_W + GAP_X), y: PAD + ARC_ROOM + row * (NODE_H + GAP_Y) };
  });
  const placed = new Map(nodes.map((n) => [n.id, n]));
  const edges = services.flatMap((s) => s.dependsOn.filter((d) => placed.has(d)).map((d) => ({ from: placed.get(s.id)!, to: placed.get(d)! })));
  const maxColumn = Math.max(0, ...nodes.map((n) => n.column));
  const maxRows = Math.max(1, ...rows.values());
  return { nodes, edges, width: PAD * 2 + (maxColumn + 1) * NODE_W + maxColumn * GAP_X, height: PAD * 2 + ARC_ROOM + maxRows * NODE_H + (maxRows - 1) * GAP_Y };
}
