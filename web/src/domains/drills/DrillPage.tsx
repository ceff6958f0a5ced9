/** One drill: its runs, and the trend of each goal over them. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Link, navigate } from '../../shell/router';
import { useCan } from '../../shell/session';
import type { ScreenProps } from '../../shell/registry';
import { Button, Empty, FormError } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { goalText, secondsText } from './words';
import { refusalText } from '../../ui/refusal';

export default function DrillPage({ params }: ScreenProps) {
  const id = params.id!;
  const canRun = useCan('responder');
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { id } } };
  const drill = useQuery({ queryKey: ['drill', id], queryFn: async () => unwrap(api.GET('/api/v1/drills/{id}', path)) });
  const runs = useQuery({ queryKey: ['drill-runs', id], queryFn: async () => (await unwrap(api.GET('/api/v1/drills/{id}/runs', path))).runs });
  const trend = useQuery({ queryKey: ['drill-trend', id], queryFn: async () => unwrap(api.GET('/api/v1/drills/{id}/trend', path)) });
  const users = useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users });

  const act = async (what: 'run' | 'toggle') => {
    setError(null);
    try {
      if (what === 'run') {
        const run = await unwrap(api.POST('/api/v1/drills/{id}/run-now', path));
        navigate(`/drills/${id}/runs/${run.id}`);
        return;
      }
      await unwrap(api.PATCH('/api/v1/drills/{id}', { ...path, body: { enabled: !drill.data?.enabled } }));
      await client.invalidateQueries({ queryKey: ['drill', id] });
    } catch (err) {
      setError(refusalText(err));
    }
  };

  if (!drill.data) return <main id="main" className="page"><h1>Drill</h1>{drill.error && <FormError error={String(drill.error)} />}</main>;
  const d = drill.data;
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Drill: {d.name}</h1>
        {canRun && (
          <div className="row">
            <Button variant="primary" onClick={() => void act('run')}>Run now</Button>
            <Button onClick={() => void act('toggle')}>{d.enabled ? 'Disable' : 'Enable'}</Button>
          </div>
        )}
      </div>
      <FormError error={error} />
      <p>{d.alert.format} alert · {d.scheduleText} · next: {d.nextFireAt ? formatDate(d.nextFireAt) : 'not scheduled'}</p>
      <p data-testid="expected-responders">
        Expected responders: {d.responders.length === 0 ? 'anyone on call' : d.responders.map((r) => users.data?.find((u) => u.id === r)?.name ?? r).join(', ')}
      </p>
      <h2>Trend</h2>
      {trend.data && trend.data.runs === 0 && <Empty>No runs yet.</Empty>}
      {trend.data && trend.data.runs > 0 && (
        <table className="table" aria-label="Goal trend">
          <thead><tr><th scope="col">Goal</th><th scope="col">Met</th><th scope="col">Missed</th><th scope="col">Pending</th><th scope="col">Measured, oldest first</th></tr></thead>
          <tbody>
            {trend.data.goals.map((g) => (
              <tr key={`${g.kind}:${g.minutes}`}>
                <td>{goalText(g)}</td>
                <td>{g.met}</td>
                <td>{g.missed}</td>
                <td>{g.pending}</td>
                <td>{g.runs.map((r) => `${secondsText(r.seconds)} (${r.outcome})`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Runs</h2>
      {runs.data?.length === 0 && <Empty>This drill has not run yet.</Empty>}
      {runs.data && runs.data.length > 0 && (
        <table className="table" aria-label="Drill runs">
          <thead><tr><th scope="col">Fired</th><th scope="col">How</th><th scope="col">Incident</th><th scope="col">Report</th></tr></thead>
          <tbody>
            {runs.data.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.firedAt)}</td>
                <td>{r.trigger} by {r.firedBy}</td>
                <td>{r.incidentRef ? <Link to={`/incidents/${r.incidentRef}`}>{r.incidentRef}</Link> : '—'}</td>
                <td><Link to={`/drills/${id}/runs/${r.id}`}>Report</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
