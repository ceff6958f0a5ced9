/** The audit log with its filters: who, what, on what, and when (a time range). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { FormError, SelectField, TextField } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { refusalText } from '../../ui/refusal';

interface AuditFilters {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  since: string;
  until: string;
}

const EMPTY: AuditFilters = { actorId: '', action: '', targetType: '', targetId: '', since: '', until: '' };

/** The API's query for the filters: empty ones left out, local date-times as instants. */
export function auditQuery(f: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['actorId', 'action', 'targetType', 'targetId'] as const) if (f[key].trim()) query[key] = f[key].trim();
  for (const key of ['since', 'until'] as const) {
    if (!f[key]) continue;
    const at = new Date(f[key]);
    query[key] = Number.isNaN(at.getTime()) ? f[key] : at.toISOString();
  }
  return query;
}

export function AuditTab() {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const users = useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users });
  const query = auditQuery(filters);
  const audit = useQuery({
    queryKey: ['audit', query],
    queryFn: async () => (await unwrap(api.GET('/api/v1/audit', { params: { query } }))).entries,
    retry: false,
  });
  const error = audit.error instanceof ApiError ? audit.error : null;
  const set = (key: keyof AuditFilters, value: string) => setFilters((f) => ({ ...f, [key]: value }));
  return (
    <>
      <form className="filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Who" value={filters.actorId} onChange={(e) => set('actorId', e.target.value)} error={error?.forField('actorId')}>
          <option value="">anyone</option>
          {users.data?.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </SelectField>
        <TextField label="Action" placeholder="incident.event" value={filters.action} onChange={(e) => set('action', e.target.value)} error={error?.forField('action')} />
        <TextField label="Target type" placeholder="incident" value={filters.targetType} onChange={(e) => set('targetType', e.target.value)} error={error?.forField('targetType')} />
        <TextField label="Target id" value={filters.targetId} onChange={(e) => set('targetId', e.target.value)} error={error?.forField('targetId')} />
        <TextField label="From" type="datetime-local" value={filters.since} onChange={(e) => set('since', e.target.value)} error={error?.forField('since')} />
        <TextField label="To" type="datetime-local" value={filters.until} onChange={(e) => set('until', e.target.value)} error={error?.forField('until')} />
      </form>
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
      <table className="table" aria-label="Audit log">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">From</th></tr></thead>
        <tbody>
          {audit.data?.map((a) => (
            <tr key={a.id} data-action={a.action}>
              <td>{formatDate(a.at)}</td>
              <td>{a.actor} <span className="muted small">{a.via}</span></td>
              <td>{a.action}</td>
              <td>{a.targetType} {a.targetId?.slice(0, 12)}</td>
              <td>{a.sourceIp ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {audit.data?.length === 0 && <p className="empty">No entries match.</p>}
    </>
  );
}
