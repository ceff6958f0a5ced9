/** The alerts of one group: each with its status, labels, counts and first/last seen; acknowledged or resolved one by one. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Button, Empty } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { refusalText } from '../../ui/refusal';

export function GroupAlerts({ groupId, canWrite, onError }: { groupId: string; canWrite: boolean; onError(message: string): void }) {
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: ['alerts', 'group', groupId], queryFn: async () => (await unwrap(api.GET('/api/v1/alerts', { params: { query: { groupId, limit: 500 } } }))).alerts });
  const act = async (id: string, verb: 'acknowledge' | 'resolve') => {
    try {
      if (verb === 'acknowledge') await unwrap(api.POST('/api/v1/alerts/{id}/acknowledge', { params: { path: { id } } }));
      else await unwrap(api.POST('/api/v1/alerts/{id}/resolve', { params: { path: { id } } }));
      await Promise.all([client.invalidateQueries({ queryKey: ['alerts', 'group', groupId] }), client.invalidateQueries({ queryKey: ['alert-groups'] })]);
    } catch (err) {
      onError(refusalText(err));
    }
  };
  if (!alerts.data) return <p role="status">Loading alerts…</p>;
  if (alerts.data.length === 0) return <Empty>No alerts in this group.</Empty>;
  return (
    <table className="table nested" aria-label="Alerts of the group">
      <thead><tr><th scope="col">Alert</th><th scope="col">Status</th><th scope="col">Labels</th><th scope="col">Fired</th><th scope="col">First seen</th><th scope="col">Last seen</th>{canWrite && <th scope="col">Actions</th>}</tr></thead>
      <tbody>
        {alerts.data.map((a) => (
          <tr key={a.id} data-alert={a.dedupKey}>
            <td><span className={`badge sev alert-${a.severity}`}>{a.severity}</span> {a.summary}{a.flapping && <span className="badge">flapping</span>}{a.suppressedBy && <span className="badge">silenced</span>}</td>
            <td>{a.status}</td>
            <td className="labels">{Object.entries(a.labels).map(([k, v]) => <code key={k}>{k}={v}</code>)}</td>
            <td>{a.triggerCount}×</td>
            <td>{formatDate(a.firstSeenAt)}</td>
            <td>{formatDate(a.lastSeenAt)}</td>
            {canWrite && (
              <td className="row">
                {a.status === 'triggered' && <Button className="small" aria-label={`Acknowledge alert ${a.summary}`} onClick={() => void act(a.id, 'acknowledge')}>Acknowledge</Button>}
                {a.status !== 'resolved' && <Button className="small" aria-label={`Resolve alert ${a.summary}`} onClick={() => void act(a.id, 'resolve')}>Resolve</Button>}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
