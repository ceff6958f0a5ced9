/** Drill scenarios: what fires when, against which goals; run one now. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Link, navigate } from '../../shell/router';
import { useCan } from '../../shell/session';
import type { ScreenProps } from '../../shell/registry';
import { Button, Empty, FormError } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { goalText } from './words';
import { refusalText } from '../../ui/refusal';

export default function DrillsPage(_props: ScreenProps) {
  const canRun = useCan('responder');
  const [error, setError] = useState<string | null>(null);
  const drills = useQuery({ queryKey: ['drills'], queryFn: async () => (await unwrap(api.GET('/api/v1/drills'))).drills });
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.name ?? id.slice(0, 8);
  const runNow = async (id: string) => {
    setError(null);
    try {
      const run = await unwrap(api.POST('/api/v1/drills/{id}/run-now', { params: { path: { id } } }));
      navigate(`/drills/${id}/runs/${run.id}`);
    } catch (err) {
      setError(refusalText(err));
    }
  };
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Drills</h1>
        {canRun && <Link to="/drills/new" className="btn btn-primary">New drill</Link>}
      </div>
      <p className="muted">A drill sends a synthetic alert through the real intake; its incident and pages are marked DRILL and never count in the incident metrics.</p>
      <FormError error={error} />
      {drills.data?.length === 0 && <Empty>No drills yet.</Empty>}
      {drills.data && drills.data.length > 0 && (
        <table className="table" aria-label="Drills">
          <thead><tr><th scope="col">Drill</th><th scope="col">Service</th><th scope="col">Schedule</th><th scope="col">Next</th><th scope="col">Goals</th>{canRun && <th scope="col">Actions</th>}</tr></thead>
          <tbody>
            {drills.data.map((d) => (
              <tr key={d.id}>
                <td><Link to={`/drills/${d.id}`}>{d.name}</Link>{!d.enabled && <span className="muted small"> (disabled)</span>}</td>
                <td>{serviceName(d.serviceId)}</td>
                <td>{d.scheduleText}</td>
                <td>{d.nextFireAt ? formatDate(d.nextFireAt) : '—'}</td>
                <td>{d.goals.map(goalText).join('; ')}</td>
                {canRun && <td><Button className="small" onClick={() => void runNow(d.id)}>Run now</Button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
