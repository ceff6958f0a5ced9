/** Every runbook with its rot, the rot report's order available, and a form to start a new one from the template. */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Link, navigate } from '../../shell/router';
import { useCan } from '../../shell/session';
import type { ScreenProps } from '../../shell/registry';
import { Button, Empty, FormError, TextField } from '../../ui/components';
import { RotBadges } from './RotBadges';
import { refusalText } from '../../ui/refusal';
import { formatDay } from '../../ui/time';

export default function RunbooksPage(_props: ScreenProps) {
  const canWrite = useCan('responder');
  const [rottingOnly, setRottingOnly] = useState(false);
  const runbooks = useQuery({
    queryKey: ['runbooks', rottingOnly],
    queryFn: async () => (await unwrap(api.GET('/api/v1/runbooks', { params: { query: rottingOnly ? { rotting: 'true' } : {} } }))).runbooks,
  });
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const made = await unwrap(api.POST('/api/v1/runbooks', { body: { title } }));
      navigate(`/runbooks/${made.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="page">
      <h1>Runbooks</h1>
      <label className="check">
        <input type="checkbox" checked={rottingOnly} onChange={(e) => setRottingOnly(e.target.checked)} /> Rotting only
      </label>
      {runbooks.isError && <p role="alert" className="form-error">{refusalText(runbooks.error)}</p>}
      {runbooks.data?.length === 0 && <Empty>{rottingOnly ? 'No runbook is rotting.' : 'No runbooks yet.'}</Empty>}
      {runbooks.data && runbooks.data.length > 0 && (
        <table className="table" aria-label="Runbooks">
          <thead><tr><th scope="col">Runbook</th><th scope="col">Last tested</th><th scope="col">Rot</th></tr></thead>
          <tbody>
            {runbooks.data.map((r) => (
              <tr key={r.id} data-runbook={r.id}>
                <td><Link to={`/runbooks/${r.id}`}>{r.title}</Link></td>
                <td>{r.lastTested ? formatDay(r.lastTested.at) : 'never'}</td>
                <td><RotBadges kinds={r.rot.causes.map((c) => c.kind)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form onSubmit={create} aria-labelledby="new-runbook">
          <h2 id="new-runbook">New runbook</h2>
          <p className="muted small">It starts from the one-screen first page: impact, owner, timeline, unsafe actions, mitigation options, communication cadence, evidence links, recovery criteria.</p>
          <TextField label="Title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={error?.forField('title')} />
          <Button type="submit" variant="primary">Create runbook</Button>
        </form>
      )}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </main>
  );
}
