import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { Button, FormError, SelectField, TextField } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { AuditTab } from './AuditTab';
import { ChatTab } from './ChatTab';
import { PolicyTab } from './PolicyTab';
import { TeamsTab } from './TeamsTab';
import { refusalText } from '../../ui/refusal';

const TABS = ['users', 'teams', 'tokens', 'audit', 'policy', 'chat'] as const;

function Users() {
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users });
  const [form, setForm] = useState({ email: '', name: '', role: 'responder' as 'viewer' | 'responder' | 'admin' });
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/users', { body: form }));
      setForm({ email: '', name: '', role: 'responder' });
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  return (
    <>
      <table className="table" aria-label="Users">
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Time zone</th></tr></thead>
        <tbody>{users.data?.map((u) => <tr key={u.id}><td>{u.name}{u.disabled && ' (disabled)'}</td><td>{u.email}</td><td>{u.role}</td><td>{u.timeZone}</td></tr>)}</tbody>
      </table>
      <form onSubmit={submit} className="inline-form" aria-label="New user">
        <TextField label="Email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={error?.forField('email')} />
        <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
        <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}>
          <option value="viewer">viewer</option><option value="responder">responder</option><option value="admin">admin</option>
        </SelectField>
        <Button type="submit" variant="primary">Add user</Button>
      </form>
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </>
  );
}


function Tokens() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: async () => (await unwrap(api.GET('/api/v1/tokens', { params: { query: { all: true } } }))).tokens });
  const [name, setName] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const made = await unwrap(api.POST('/api/v1/tokens', { body: { name } }));
      setShown(made.token);
      setName('');
      await client.invalidateQueries({ queryKey: ['tokens'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  const revoke = async (id: string) => {
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } }));
      await client.invalidateQueries({ queryKey: ['tokens'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  return (
    <>
      <table className="table" aria-label="API tokens">
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Revoked</th></tr></thead>
        <tbody>
          {tokens.data?.map((t) => (
            <tr key={t.id} data-token={t.name}>
              <td>{t.name}</td><td><code>{t.prefix}</code></td><td>{formatDate(t.createdAt)}</td><td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : '—'}</td>
              <td>{t.revokedAt ? formatDate(t.revokedAt) : <Button className="small" variant="danger" aria-label={`Revoke token ${t.name}`} onClick={() => void revoke(t.id)}>Revoke</Button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} className="inline-form" aria-label="New token">
        <TextField label="Token name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.forField('name')} />
        <Button type="submit" variant="primary">Create token</Button>
      </form>
      <FormError error={error && !error.forField('name') ? refusalText(error) : null} />
      {shown && <div className="once" role="status"><p><strong>Copy the token now: it is shown only once.</strong></p><code className="secret">{shown}</code></div>}
    </>
  );
}



export default function AdminPage({ params }: ScreenProps) {
  const tab = (TABS as readonly string[]).includes(params.tab ?? '') ? params.tab! : 'users';
  return (
    <main id="main" className="page">
      <h1>Admin</h1>
      <nav aria-label="Admin sections" className="tabs">
        {TABS.map((t) => <Link key={t} to={`/admin/${t}`} aria-current={t === tab ? 'page' : undefined}>{t}</Link>)}
      </nav>
      {tab === 'users' && <Users />}
      {tab === 'teams' && <TeamsTab />}
      {tab === 'tokens' && <Tokens />}
      {tab === 'audit' && <AuditTab />}
      {tab === 'policy' && <PolicyTab />}
      {tab === 'chat' && <ChatTab />}
    </main>
  );
}
