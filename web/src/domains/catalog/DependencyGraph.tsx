/** The services and what each depends on, as plain SVG: arrows point to the dependency. Each node is focusable and names its links. */
import { ARC_ROOM, layoutGraph, NODE_H, NODE_W, type GraphService } from './graph-layout';

export function DependencyGraph({ services }: { services: readonly GraphService[] }) {
  const { nodes, edges, width, height } = layoutGraph(services);
  const names = new Map(services.map((s) => [s.id, s.name]));
  const dependents = (id: string) => services.filter((s) => s.dependsOn.includes(id)).map((s) => s.name);
  return (
    <figure className="graph-figure">
      <svg className="dep-graph" viewBox={`0 0 ${width} ${height}`} width={width} role="group" aria-label="Service dependency graph">
        <defs>
          <marker id="dep-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="arrow" />
          </marker>
        </defs>
        {edges.map(({ from, to }) => {
          if (from.column - to.column > 1) {
            // Skipping a column: arc over the nodes between, top to top, so it is not read as a chain through them.
            const top = Math.min(from.y, to.y) - ARC_ROOM;
            const a = from.x + NODE_W / 2;
            const b = to.x + NODE_W / 2;
            return <path key={`${from.id}-${to.id}`} className="edge" d={`M ${a} ${from.y} C ${a} ${top}, ${b} ${top}, ${b} ${to.y}`} markerEnd="url(#dep-arrow)" data-edge={`${from.name}->${to.name}`} />;
          }
          const x1 = from.x;
          const y1 = from.y + NODE_H / 2;
          const x2 = to.x + NODE_W;
          const y2 = to.y + NODE_H / 2;
          const mid = (x1 + x2) / 2;
          return <path key={`${from.id}-${to.id}`} className="edge" d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`} markerEnd="url(#dep-arrow)" data-edge={`${from.name}->${to.name}`} />;
        })}
        {nodes.map((n) => {
          const service = services.find((s) => s.id === n.id)!;
          const uses = service.dependsOn.map((d) => names.get(d) ?? d);
          const usedBy = dependents(n.id);
          return (
            <g key={n.id} className="node" transform={`translate(${n.x} ${n.y})`} tabIndex={0} role="img" data-service={n.name}
              aria-label={`${n.name}: depends on ${uses.length > 0 ? uses.join(', ') : 'nothing'}; used by ${usedBy.length > 0 ? usedBy.join(', ') : 'nothing'}`}>
              <rect width={NODE_W} height={NODE_H} rx="6" />
              <text x={NODE_W / 2} y={NODE_H / 2 + 4} textAnchor="middle">{n.name.length > 20 ? `${n.name.slice(0, 19)}…` : n.name}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">Arrows point from a service to what it depends on.</figcaption>
    </figure>
  );
}
