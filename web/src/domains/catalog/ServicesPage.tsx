import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useCan } from '../../shell/session';
import type { ScreenProps } from '../../shell/registry';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { DependencyGraph } from './DependencyGraph';
import { refusalText } from '../../ui/refusal';

type Created = { kind: string; key: string; intakeUrl: string; name: string };

/** Ready-to-paste configuration for the sender; the key appears only here, once. */
function Snippets({ created }: { created: Created }) {
  const base = window.location.origin;
  const url = `${base}${created.intakeUrl}`;
  const snippets: Array<[string, string]> = [];
  if (created.kind === 'alertmanager') {
    snippets.push(['Alertmanager (alertmanager.yml)', `receivers:\n  - name: firebreak\n    webhook_configs:\n      - url: ${url}\n        send_resolved: true`]);
  } else if (created.kind === 'pagerduty') {
    snippets.push(['PagerDuty Events v2 sender', `URL: ${base}/v2/enqueue\nrouting_key: ${created.key}`]);
  } else if (created.kind === 'opsgenie') {
    snippets.push(['Opsgenie sender (Alertmanager opsgenie_configs, Grafana, Gatus, Uptime Kuma…)', `API URL: ${base}/\nAuthorization: GenieKey ${created.key}`]);
  } else if (created.kind === 'grafana') {
    snippets.push(['Grafana contact point (webhook)', `URL: ${url}\nHTTP method: POST`]);
  } else snippets.push(['Generic JSON', `curl -X POST ${url} -H 'content-type: application/json' -d '{"summary":"…"}'`]);
  const copy = (text: string) => void navigator.clipboard.writeText(text).catch(() => undefined);
  return (
    <div className="once" role="region" aria-label="New integration key">
      <p><strong>Copy the key now: it is shown only once.</strong></p>
      <div className="row"><code className="secret">{created.key}</code><Button onClick={() => copy(created.key)}>Copy key</Button></div>
      {snippets.map(([title, text]) => (
        <div key={title}>
          <h3>{title}</h3>
          <pre>{text}</pre>
          <Button onClick={() => copy(text)}>Copy snippet</Button>
        </div>
      ))}
    </div>
  );
}

export default function ServicesPage(_props: ScreenProps) {
  const isAdmin = useCan('admin');
  const client = useQueryClient();
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [integration, setIntegration] = useState({ serviceId: '', kind: 'alertmanager', name: 'prometheus' });
  const [created, setCreated] = useState<Created | null>(null);
  const byId = new Map((services.data ?? []).map((s) => [s.id, s.name]));

  const createService = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/services', { body: { name } }));
      setName('');
      await client.invalidateQueries({ queryKey: ['services'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  const createIntegration = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const made = await unwrap(api.POST('/api/v1/services/{id}/integrations', {
        params: { path: { id: integration.serviceId } },
        body: { kind: integration.kind as 'alertmanager', name: integration.name },
      }));
      setCreated({ kind: made.kind, key: made.key, intakeUrl: made.intakeUrl, name: made.name });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="page">
      <h1>Services</h1>
      {services.data?.length === 0 && <Empty>No services yet.</Empty>}
      {services.data && services.data.length > 0 && (
        <table className="table" aria-label="Services">
          <thead><tr><th scope="col">Service</th><th scope="col">Tier</th><th scope="col">Depends on</th><th scope="col">Paging</th></tr></thead>
          <tbody>
            {services.data.map((s) => (
              <tr key={s.id} data-service={s.name}>
                <td>{s.name}{s.description && <div className="muted small">{s.description}</div>}</td>
                <td>{s.tier ?? '—'}</td>
                <td>{s.dependsOn.map((d) => byId.get(d) ?? d).join(', ') || '—'}</td>
                <td>{s.pagesNobody ? <span className="badge pages-nobody" title={s.pagesNobody}>pages nobody: {s.pagesNobody}</span> : <span className="badge ok">reaches someone</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {services.data && services.data.length > 0 && (
        <section aria-labelledby="graph-title">
          <h2 id="graph-title">Dependencies</h2>
          <DependencyGraph services={services.data} />
        </section>
      )}
      {isAdmin && (
        <div className="two-col">
          <form onSubmit={createService} aria-labelledby="new-service">
            <h2 id="new-service">New service</h2>
            <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.forField('name')} />
            <Button type="submit" variant="primary">Create service</Button>
          </form>
          <form onSubmit={createIntegration} aria-labelledby="new-integration">
            <h2 id="new-integration">New integration</h2>
            <SelectField label="Service" required value={integration.serviceId} onChange={(e) => setIntegration({ ...integration, serviceId: e.target.value })}>
              <option value="">choose…</option>
              {services.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </SelectField>
            <SelectField label="Sender" value={integration.kind} onChange={(e) => setIntegration({ ...integration, kind: e.target.value })}>
              <option value="alertmanager">Prometheus Alertmanager</option>
              <option value="pagerduty">PagerDuty Events v2</option>
              <option value="grafana">Grafana</option>
              <option value="opsgenie">Opsgenie Alert API</option>
              <option value="generic">Generic JSON</option>
            </SelectField>
            <TextField label="Integration name" required value={integration.name} onChange={(e) => setIntegration({ ...integration, name: e.target.value })} />
            <Button type="submit" variant="primary">Create integration</Button>
          </form>
        </div>
      )}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
      {created && <Snippets created={created} />}
    </main>
  );
}
