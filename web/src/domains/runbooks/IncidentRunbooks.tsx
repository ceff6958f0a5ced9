/** The incident's runbooks as one compact line of links for the war room header (it must not push the summary off a 1366×768 screen). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Link } from '../../shell/router';

export function IncidentRunbooks({ incident }: { incident: string }) {
  const linked = useQuery({ queryKey: ['incident-runbooks', incident], queryFn: async () => (await unwrap(api.GET('/api/v1/incidents/{id}/runbooks', { params: { path: { id: incident } } }))).runbooks });
  if (!linked.data || linked.data.length === 0) return null;
  return (
    <nav className="wr-runbooks" aria-label="Runbooks">
      <span className="muted">Runbooks:</span>
      {linked.data.map((r) => (
        <Link key={r.id} to={r.path} title={r.rotting ? `rotting: ${r.rot.join(', ')}` : 'tested and current'}>
          {r.title}{r.rotting && <span className="badge rot">rotting</span>}
        </Link>
      ))}
    </nav>
  );
}
