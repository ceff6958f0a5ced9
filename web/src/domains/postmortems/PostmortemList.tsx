import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { Empty, SeverityBadge, StatusBadge } from '../../ui/components';
import { formatDate, formatDay } from '../../ui/time';

/** Every postmortem the person may see, newest first, with its due date and status. */
export default function PostmortemList(_props: ScreenProps) {
  const list = useQuery({ queryKey: ['postmortems'], queryFn: async () => (await unwrap(api.GET('/api/v1/postmortems', { params: { query: {} } }))).postmortems });
  const overdue = useQuery({ queryKey: ['action-items', 'overdue'], queryFn: async () => (await unwrap(api.GET('/api/v1/action-items', { params: { query: { overdue: true } } }))).items });
  return (
    <main id="main" className="page">
      <h1>Postmortems</h1>
      {list.data?.length === 0 && <Empty>No postmortems yet. A SEV1 or SEV2 gets one when it resolves.</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table" aria-label="Postmortems">
          <thead><tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Due</th></tr></thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/postmortems/${p.ref}`}>{p.ref}</Link> {p.title}</td>
                <td><SeverityBadge severity={p.severity} /></td>
                <td><StatusBadge status={p.status} /></td>
                <td>{p.publishedAt ? `published ${formatDay(p.publishedAt)}` : `due ${formatDate(p.dueAt)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Overdue action items</h2>
      {overdue.data?.length === 0 && <Empty>None overdue.</Empty>}
      {overdue.data && overdue.data.length > 0 && (
        <ul>{overdue.data.map((i) => <li key={i.id}>{i.title} <span className="muted">(due {i.dueAt ? formatDay(i.dueAt) : 'not set'})</span></li>)}</ul>
      )}
    </main>
  );
}
