/** A page's maintenance windows: active and upcoming first; responders schedule and cancel them. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useCan } from '../../shell/session';
import { Button, Empty, FormError, TextArea, TextField } from '../../ui/components';
import { isoToLocal, localToIso } from '../../ui/zone-input';
import type { Component } from './queries';
import { refusalText } from '../../ui/refusal';
import { formatDate } from '../../ui/time';


export function MaintenancePanel({ pageId, zone, components }: { pageId: string; zone: string; components: readonly Component[] }) {
  const canWrite = useCan('responder');
  const client = useQueryClient();
  const key = ['status', 'maintenances', pageId];
  const list = useQuery({ queryKey: key, queryFn: async () => (await unwrap(api.GET('/api/v1/status-pages/{id}/maintenances', { params: { path: { id: pageId } } }))).maintenances });
  const nextHour = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000;
  const [form, setForm] = useState({ name: '', body: '', componentIds: [] as string[], from: isoToLocal(nextHour, zone), until: isoToLocal(nextHour + 2 * 3_600_000, zone), noticeMinutes: 60 });
  const [error, setError] = useState<ApiError | null>(null);
  const fail = (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
  const open = (list.data ?? []).filter((m) => m.status === 'scheduled' || m.status === 'in_progress').sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor));
  const nameOf = new Map(components.map((c) => [c.id, c.name]));

  const schedule = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/status-pages/{id}/maintenances', {
        params: { path: { id: pageId } },
        body: { name: form.name, body: form.body, componentIds: form.componentIds, scheduledFor: localToIso(form.from, zone) ?? form.from, scheduledUntil: localToIso(form.until, zone) ?? form.until, noticeMinutes: form.noticeMinutes },
      }));
      setForm({ ...form, name: '', body: '' });
      await client.invalidateQueries({ queryKey: ['status'] });
    } catch (err) {
      fail(err);
    }
  };
  const cancel = async (id: string) => {
    setError(null);
    try {
      await unwrap(api.PATCH('/api/v1/status-maintenances/{id}', { params: { path: { id } }, body: { cancelled: true } }));
      await client.invalidateQueries({ queryKey: ['status'] });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="maintenance-heading">
      <h2 id="maintenance-heading">Scheduled maintenance</h2>
      <p className="muted small">Times in the page's zone, {zone}. Components move to Under Maintenance at the start and back at the end by themselves.</p>
      {list.data && open.length === 0 && <Empty>No upcoming or active maintenance.</Empty>}
      {open.length > 0 && (
        <table className="table" aria-label="Upcoming and active maintenance">
          <thead><tr><th scope="col">Maintenance</th><th scope="col">State</th><th scope="col">From</th><th scope="col">Until</th><th scope="col">Components</th>{canWrite && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
          <tbody>
            {open.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.status === 'in_progress' ? <strong>active</strong> : 'upcoming'}</td>
                <td>{formatDate(m.scheduledFor)}</td>
                <td>{formatDate(m.scheduledUntil)}</td>
                <td>{m.componentIds.map((id) => nameOf.get(id) ?? 'removed').join(', ') || '—'}</td>
                {canWrite && <td><Button variant="danger" onClick={() => void cancel(m.id)} aria-label={`Cancel ${m.name}`}>Cancel</Button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form onSubmit={schedule} aria-label="Schedule maintenance" className="panel-box">
          <div className="row">
            <TextField label="Title" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
            <TextField label="Starts" type="datetime-local" required value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} error={error?.forField('scheduledFor')} />
            <TextField label="Ends" type="datetime-local" required value={form.until} onChange={(e) => setForm({ ...form, until: e.target.value })} error={error?.forField('scheduledUntil')} />
            <TextField label="Notice (minutes ahead)" type="number" min={0} max={10080} value={form.noticeMinutes} onChange={(e) => setForm({ ...form, noticeMinutes: Number(e.target.value) })} />
          </div>
          <TextArea label="What subscribers are told" required rows={2} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} error={error?.forField('body')} />
          <fieldset className="component-checks">
            <legend>Components under maintenance</legend>
            {components.filter((c) => !c.group).map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={form.componentIds.includes(c.id)} onChange={(e) => setForm({ ...form, componentIds: e.target.checked ? [...form.componentIds, c.id] : form.componentIds.filter((x) => x !== c.id) })} />
                {c.name}
              </label>
            ))}
          </fieldset>
          <Button type="submit" variant="primary">Schedule maintenance</Button>
        </form>
      )}
      <FormError error={error ? refusalText(error) : null} />
    </section>
  );
}
