/** Rot as small badges: one per kind of cause, or "healthy". */
const LABELS: Record<string, string> = { untested: 'untested', service_changed: 'service changed', link_failed: 'dead link', mitigation_failed: 'mitigation failed' };

export function RotBadges({ kinds }: { kinds: readonly string[] }) {
  if (kinds.length === 0) return <span className="badge ok">healthy</span>;
  return (
    <>
      {[...new Set(kinds)].map((k) => (
        <span key={k} className="badge rot" title={`rotting: ${LABELS[k] ?? k}`}>{LABELS[k] ?? k}</span>
      ))}
    </>
  );
}
