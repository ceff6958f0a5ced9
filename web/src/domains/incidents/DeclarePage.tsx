import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { Severity } from '../../api/types';
import { navigate } from '../../shell/router';
import { Button, FormError, TextArea, TextField } from '../../ui/components';
import { usePolicy, useServices } from './queries';
import { SimilarWhileDeclaring } from './SimilarIncidents';
import type { ScreenProps } from '../../shell/registry';
import { refusalText } from '../../ui/refusal';

const SEVERITIES: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export default function DeclarePage(_props: ScreenProps) {
  const policy = usePolicy().data;
  const services = useServices().data ?? [];
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  const [impact, setImpact] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [isPrivate, setPrivate] = useState(false);
  const [drill, setDrill] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(api.POST('/api/v1/incidents', {
        body: { title, severity, services: chosen, private: isPrivate, drill, ...(impact.trim() ? { impact: impact.trim() } : {}) },
      }));
      await client.invalidateQueries({ queryKey: ['incidents'] });
      navigate(`/incidents/${created.ref}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="page narrow">
      <h1>Declare an incident</h1>
      <form onSubmit={submit}>
        <TextField label="Title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={error?.forField('title')} placeholder="Checkout errors in EU" />
        <fieldset className="severity-choice">
          <legend>Severity</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className={`sev-option ${severity === s ? 'chosen' : ''}`}>
              <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} />
              <span className={`badge sev sev-${s.toLowerCase()}`}>{s}</span>
              <span className="sev-def">
                {policy?.severities[s].definition}
                {policy && <span className="muted small"> · respond {policy.severities[s].responseTargetLabel}{policy.severities[s].updateCadenceMinutes ? ` · update every ${policy.severities[s].updateCadenceMinutes} min` : ''}</span>}
              </span>
            </label>
          ))}
          {error?.forField('severity') && <div className="field-error" role="alert">{error.forField('severity')}</div>}
        </fieldset>
        <TextArea label="Impact, if known (who is harmed, which journey)" value={impact} onChange={(e) => setImpact(e.target.value)} error={error?.forField('impact')} rows={2} />
        <fieldset className="service-choice">
          <legend>Services</legend>
          {services.length === 0 && <p className="muted small">No services in the catalog yet.</p>}
          {services.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id)))} /> {s.name}
            </label>
          ))}
        </fieldset>
        <label className="check"><input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} /> Private (members and admins only)</label>
        <label className="check"><input type="checkbox" checked={drill} onChange={(e) => setDrill(e.target.checked)} /> Drill (practice; kept out of metrics)</label>
        <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
        <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Declaring…' : 'Declare'}</Button>
      </form>
      <SimilarWhileDeclaring title={title} impact={impact} services={chosen} />
    </main>
  );
}
