/** A schedule's overrides in view, with the form to replace a person for a range or add one. */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type ApiError, unwrap } from '../../api/client';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { asApiError, formatIn, useUsers, type Schedule } from './queries';
import { isoToLocal, localToIso } from '../../ui/zone-input';
import { refusalText } from '../../ui/refusal';

interface Props {
  schedule: Schedule;
  overrides: ReadonlyArray<{ id: string; kind: string; userId: string; replaces: string | null; start: string; end: string }>;
  canWrite: boolean;
  zone: string;
  nameOf: (id: string) => string;
}

export function OverridesPanel({ schedule, overrides, canWrite, zone, nameOf }: Props) {
  const client = useQueryClient();
  const users = useUsers().data ?? [];
  const hourFromNow = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
  const [form, setForm] = useState({ kind: 'replace' as 'replace' | 'add', userId: '', replaces: '', start: isoToLocal(hourFromNow, zone), end: isoToLocal(hourFromNow + 8 * 3_600_000, zone) });
  const [error, setError] = useState<ApiError | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['oncall'] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/oncall/schedules/{schedule}/overrides', {
        params: { path: { schedule: schedule.id } },
        body: { kind: form.kind, userId: form.userId, replaces: form.replaces || null, start: localToIso(form.start, zone) ?? form.start, end: localToIso(form.end, zone) ?? form.end },
      }));
      await refresh();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/oncall/schedules/{schedule}/overrides/{overrideId}', { params: { path: { schedule: schedule.id, overrideId: id } } }));
      await refresh();
    } catch (err) {
      setError(asApiError(err));
    }
  };

  return (
    <section aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">Overrides</h2>
      {overrides.length === 0 && <Empty>No overrides in the next 14 days.</Empty>}
      {overrides.length > 0 && (
        <table className="table" aria-label="Overrides">
          <thead><tr><th scope="col">Who</th><th scope="col">Instead of</th><th scope="col">From</th><th scope="col">Until</th>{canWrite && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
          <tbody>
            {overrides.map((o) => (
              <tr key={o.id}>
                <td>{nameOf(o.userId)}</td>
                <td>{o.kind === 'add' ? 'alongside' : o.replaces ? nameOf(o.replaces) : 'whoever is on call'}</td>
                <td>{formatIn(o.start, zone)}</td>
                <td>{formatIn(o.end, zone)}</td>
                {canWrite && <td><Button variant="danger" onClick={() => void remove(o.id)}>Remove override</Button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form className="inline-form" onSubmit={submit} aria-label="New override">
          <SelectField label="Kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'replace' | 'add' })}>
            <option value="replace">replace someone</option>
            <option value="add">add someone</option>
          </SelectField>
          <SelectField label="Person on call" required value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })} error={error?.forField('userId')}>
            <option value="">choose…</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </SelectField>
          {form.kind === 'replace' && (
            <SelectField label="Instead of" value={form.replaces} onChange={(e) => setForm({ ...form, replaces: e.target.value })} error={error?.forField('replaces')}>
              <option value="">whoever is on call</option>
              {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </SelectField>
          )}
          <TextField label={`From (${zone})`} type="datetime-local" required value={form.start} onChange={(e) => setForm({ ...form, start: e.target.value })} error={error?.forField('start')} />
          <TextField label={`Until (${zone})`} type="datetime-local" required value={form.end} onChange={(e) => setForm({ ...form, end: e.target.value })} error={error?.forField('end')} />
          <Button type="submit" variant="primary">Add override</Button>
        </form>
      )}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </section>
  );
}
