import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Link, navigate, useLocation } from '../../shell/router';
import { useCan, useMe } from '../../shell/session';
import { Button, Countdown, Elapsed, Empty, FormError, SeverityBadge, StatusBadge } from '../../ui/components';
import { useIncidentList, useServices, type ListFilters } from './queries';
import { useListStream, type ListConnection } from './useListStream';
import { FirstHour } from './FirstHour';

const CONNECTION_TEXT: Record<ListConnection, string> = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…' };
import type { ScreenProps } from '../../shell/registry';
import { refusalText } from '../../ui/refusal';

export default function IncidentList(_props: ScreenProps) {
  const me = useMe().data!;
  const canDeclare = useCan('responder');
  const { search } = useLocation();
  const [filters, setFilters] = useState<ListFilters>({ status: 'open', severity: '', service: search.get('service') ?? '', mine: false, drill: '' });
  const list = useIncidentList(filters, me.id);
  const connection = useListStream(me.id);
  const services = useServices().data ?? [];
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? id;
  const [error, setError] = useState<string | null>(null);
  // At 3 a.m. the first click on a new incident is usually "I've got it": take command and open the war room at once.
  const takeCommand = async (ref: string) => {
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/incidents/{id}/events', { params: { path: { id: ref } }, body: { kind: 'role_assigned', body: { role: 'commander', userId: me.id } } }));
      navigate(`/incidents/${ref}`);
    } catch (err) {
      setError(refusalText(err));
    }
  };
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <main id="main" className="page">
      <div className="page-head">
        <div className="row">
          <h1>Incidents</h1>
          <span className={`connection connection-${connection}`} role="status" aria-live="polite">{CONNECTION_TEXT[connection]}</span>
        </div>
        {canDeclare && <Link to="/incidents/new" className="btn btn-primary">Declare incident</Link>}
      </div>
      <form className="filters" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
        <label>Status
          <select value={filters.status} onChange={(e) => set('status', e.target.value as ListFilters['status'])}>
            <option value="open">open</option>
            <option value="">all</option>
            {['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'].map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Severity
          <select value={filters.severity} onChange={(e) => set('severity', e.target.value as ListFilters['severity'])}>
            <option value="">any</option>
            {['SEV1', 'SEV2', 'SEV3', 'SEV4'].map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Service
          <select value={filters.service} onChange={(e) => set('service', e.target.value)}>
            <option value="">any</option>
            {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>Drills
          <select value={filters.drill} onChange={(e) => set('drill', e.target.value as ListFilters['drill'])}>
            <option value="">included</option>
            <option value="false">hidden</option>
            <option value="true">only drills</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={filters.mine} onChange={(e) => set('mine', e.target.checked)} /> I command</label>
      </form>
      <FormError error={error} />
      {list.isError && <p className="form-error" role="alert">Could not load incidents: {refusalText(list.error)}</p>}
      {list.data && list.data.length === 0 && <Empty>No incidents match. Quiet night.</Empty>}
      {/* An empty home screen says what to do next until the install is ready to page someone. */}
      {list.data && list.data.length === 0 && filters.status === 'open' && <FirstHour />}
      {list.data && list.data.length > 0 && (
        <table className="table incident-table" aria-label="Incidents">
          <thead>
            <tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Commander</th><th scope="col">Age</th><th scope="col">Next update</th><th scope="col">Shared picture</th></tr>
          </thead>
          <tbody>
            {list.data.map((i) => (
              <tr key={i.id} data-ref={i.ref}>
                <td>
                  <Link to={`/incidents/${i.ref}`} className="incident-link"><span className="ref">{i.ref}</span> {i.title}</Link>
                  {i.drill && <span className="badge drill">drill</span>}
                  {i.private && <span className="badge private">private</span>}
                  {i.services.length > 0 && <div className="muted small">{i.services.map(serviceName).join(', ')}</div>}
                </td>
                <td><SeverityBadge severity={i.severity} /></td>
                <td><StatusBadge status={i.status} /></td>
                <td>
                  {i.commander?.label ?? <span className="missing">nobody</span>}
                  {!i.commander && canDeclare && i.status !== 'resolved' && (
                    <Button className="small take-command" variant="primary" onClick={() => void takeCommand(i.ref)} aria-label={`Take command of ${i.ref}`}>Take command</Button>
                  )}
                </td>
                <td><Elapsed since={i.declaredAt} /></td>
                <td>{i.status === 'resolved' ? '—' : <Countdown at={i.nextUpdateDue} label="Next update" />}</td>
                <td>{i.sharedPicture ? <span className="ok">agreed</span> : <span className="missing">incomplete</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
