/** Teams: create one, and add or remove its members. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { refusalText } from '../../ui/refusal';

function TeamMembers({ teamId, teamName, users, onError }: { teamId: string; teamName: string; users: Array<{ id: string; name: string; email: string }>; onError(e: ApiError): void }) {
  const client = useQueryClient();
  const team = useQuery({ queryKey: ['team', teamId], queryFn: async () => unwrap(api.GET('/api/v1/teams/{id}', { params: { path: { id: teamId } } })) });
  const [adding, setAdding] = useState('');
  const members = team.data?.members ?? [];
  const change = async (userId: string, add: boolean) => {
    try {
      if (add) await unwrap(api.PUT('/api/v1/teams/{id}/members/{userId}', { params: { path: { id: teamId, userId } } }));
      else await unwrap(api.DELETE('/api/v1/teams/{id}/members/{userId}', { params: { path: { id: teamId, userId } } }));
      setAdding('');
      await client.invalidateQueries({ queryKey: ['team', teamId] });
    } catch (err) {
      onError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  const candidates = users.filter((u) => !members.some((m) => m.id === u.id));
  return (
    <div className="team-members">
      {members.length === 0 ? <p className="muted small">No members yet.</p> : (
        <ul className="plain">
          {members.map((m) => (
            <li key={m.id}>{m.name} <span className="muted small">{m.email}</span> <Button className="small" aria-label={`Remove ${m.name} from ${teamName}`} onClick={() => void change(m.id, false)}>Remove</Button></li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (adding) void change(adding, true); }} aria-label={`Add a member to ${teamName}`}>
        <SelectField label={`Add to ${teamName}`} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">choose a person…</option>
          {candidates.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
        </SelectField>
        <Button type="submit" disabled={!adding}>Add member</Button>
      </form>
    </div>
  );
}

export function TeamsTab() {
  const client = useQueryClient();
  const teams = useQuery({ queryKey: ['teams'], queryFn: async () => (await unwrap(api.GET('/api/v1/teams'))).teams });
  const users = useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users });
  const [form, setForm] = useState({ name: '', description: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/teams', { body: { name: form.name, ...(form.description.trim() ? { description: form.description.trim() } : {}) } }));
      setForm({ name: '', description: '' });
      await client.invalidateQueries({ queryKey: ['teams'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  return (
    <>
      {teams.data?.length === 0 && <Empty>No teams yet.</Empty>}
      <table className="table" aria-label="Teams">
        <thead><tr><th scope="col">Team</th><th scope="col">Description</th><th scope="col">Members</th></tr></thead>
        <tbody>
          {teams.data?.map((t) => (
            <tr key={t.id} data-team={t.name}>
              <td>{t.name}</td>
              <td>{t.description ?? '—'}</td>
              <td><TeamMembers teamId={t.id} teamName={t.name} users={users.data?.filter((u) => !u.disabled) ?? []} onError={setError} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} className="inline-form" aria-label="New team">
        <TextField label="Team name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
        <TextField label="Description" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={error?.forField('description')} />
        <Button type="submit" variant="primary">Create team</Button>
      </form>
      <FormError error={error && !error.forField('name') && !error.forField('description') ? refusalText(error) : null} />
    </>
  );
}
