import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { GroupAlerts } from './GroupAlerts';
import { api, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import { useCan } from '../../shell/session';
import type { ScreenProps } from '../../shell/registry';
import { Button, Empty, FormError } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { refusalText } from '../../ui/refusal';

/** Alert groups with their counts and first/last seen; acknowledge or resolve a whole group. */
export default function AlertsPage(_props: ScreenProps) {
  const canWrite = useCan('responder');
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const groups = useQuery({
    queryKey: ['alert-groups'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/alert-groups', { params: { query: {} } }))).groups,
    refetchInterval: 5000,
  });
  // Which groups paged nobody, and why: from their escalations (a group without a policy had none).
  const escalations = useQuery({
    queryKey: ['escalations', 'of-groups'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/escalations', { params: { query: { limit: 500 } } }))).escalations,
    refetchInterval: 5000,
  });
  const pagedNobody = (g: { id: string; open: boolean; escalationPolicyId: string | null }): string | null => {
    if (!g.open) return null;
    if (!g.escalationPolicyId) return 'paged nobody: the service has no escalation policy';
    return escalations.data?.find((e) => e.alertGroupId === g.id)?.pagedNobody ?? null;
  };
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const name = (id: string) => services.data?.find((s) => s.id === id)?.name ?? id.slice(0, 8);
  const act = async (id: string, verb: 'acknowledge' | 'resolve') => {
    setError(null);
    try {
      if (verb === 'acknowledge') await unwrap(api.POST('/api/v1/alert-groups/{id}/acknowledge', { params: { path: { id } } }));
      else await unwrap(api.POST('/api/v1/alert-groups/{id}/resolve', { params: { path: { id } } }));
      await client.invalidateQueries({ queryKey: ['alert-groups'] });
    } catch (err) {
      setError(refusalText(err));
    }
  };
  return (
    <main id="main" className="page">
      <div className="page-head"><h1>Alerts</h1><div className="row"><Link to="/alerts/silences" className="btn">Silences</Link><Link to="/alerts/noise" className="btn">Noise report</Link></div></div>
      <FormError error={error} />
      {groups.data?.length === 0 && <Empty>No alert groups.</Empty>}
      {groups.data && groups.data.length > 0 && (
        <table className="table" aria-label="Alert groups">
          <thead><tr><th scope="col">Group</th><th scope="col">Service</th><th scope="col">Status</th><th scope="col">Alerts (open)</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Incident</th>{canWrite && <th scope="col">Actions</th>}</tr></thead>
          <tbody>
            {groups.data.map((g) => (
              <Fragment key={g.id}>
              <tr>
                <td>
                  <span className={`badge sev alert-${g.severity}`}>{g.severity}</span>{g.drill && <span className="badge drill">DRILL</span>} {g.summary}
                  {pagedNobody(g) && <div className="paged-nobody small">{pagedNobody(g)}</div>}
                </td>
                <td>{name(g.serviceId)}</td>
                <td>{g.status}</td>
                <td>
                  <Button className="small" aria-expanded={open.has(g.id)} aria-label={`Alerts of ${g.summary}: ${g.alertCount} (${g.openCount} open)`} onClick={() => toggle(g.id)}>
                    {g.alertCount} ({g.openCount} open) {open.has(g.id) ? '▴' : '▾'}
                  </Button>
                </td>
                <td>{formatDate(g.openedAt)}</td>
                <td>{formatDate(g.lastAlertAt)}</td>
                <td>{g.incidentRef ? <Link to={`/incidents/${g.incidentRef}`}>{g.incidentRef}</Link> : '—'}</td>
                {canWrite && (
                  <td className="row">
                    {g.open && !g.acknowledgedAt && <Button className="small" onClick={() => void act(g.id, 'acknowledge')}>Acknowledge</Button>}
                    {g.open && <Button className="small" onClick={() => void act(g.id, 'resolve')}>Resolve</Button>}
                    <Link to={`/alerts/silences?group=${g.id}`} className="btn small">Silence…</Link>
                  </td>
                )}
              </tr>
              {open.has(g.id) && (
                <tr className="nested-row"><td colSpan={canWrite ? 8 : 7}><GroupAlerts groupId={g.id} canWrite={canWrite} onError={setError} /></td></tr>
              )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
