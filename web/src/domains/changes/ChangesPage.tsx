/** Change events (deploys, config, flags, migrations, infrastructure), newest first, filterable by service and kind. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { ScreenProps } from '../../shell/registry';
import { Empty, FormError, SelectField } from '../../ui/components';
import { formatDate } from '../../ui/time';

const KINDS = ['deploy', 'config', 'feature_flag', 'migration', 'infrastructure'] as const;
type Kind = (typeof KINDS)[number];

export default function ChangesPage(_props: ScreenProps) {
  const [service, setService] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const changes = useQuery({
    queryKey: ['changes', service, kind],
    queryFn: async () => (await unwrap(api.GET('/api/v1/changes', { params: { query: { ...(service ? { service } : {}), ...(kind ? { kind } : {}) } } }))).changes,
  });
  const name = (id: string) => services.data?.find((s) => s.id === id)?.name ?? id.slice(0, 8);
  return (
    <main id="main" className="page">
      <h1>Changes</h1>
      <div className="row" role="search" aria-label="Filter changes">
        <SelectField label="Service" value={service} onChange={(e) => setService(e.target.value)}>
          <option value="">all services</option>
          {services.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </SelectField>
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
          <option value="">all kinds</option>
          {KINDS.map((k) => <option key={k} value={k}>{k.replace('_', ' ')}</option>)}
        </SelectField>
      </div>
      {changes.error && <FormError error={String(changes.error)} />}
      {changes.data?.length === 0 && <Empty>No changes match.</Empty>}
      {changes.data && changes.data.length > 0 && (
        <table className="table" aria-label="Changes">
          <thead><tr><th scope="col">Started</th><th scope="col">Service</th><th scope="col">Kind</th><th scope="col">Version</th><th scope="col">Author</th><th scope="col">Rollback</th></tr></thead>
          <tbody>
            {changes.data.map((c) => (
              <tr key={c.id}>
                <td>{formatDate(c.startedAt)}</td>
                <td>{name(c.serviceId)}</td>
                <td>{c.kind.replace('_', ' ')}</td>
                <td>{c.link ? <a href={c.link} rel="noreferrer noopener">{c.version ?? 'link'}</a> : (c.version ?? '—')}{c.summary && <div className="muted small">{c.summary}</div>}</td>
                <td>{c.author ?? '—'}</td>
                <td>{c.rollback.link ? <a href={c.rollback.link} rel="noreferrer noopener">rollback</a> : c.rollback.command ? <code>{c.rollback.command}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
