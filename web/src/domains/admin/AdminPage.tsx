import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { Button, FormError, SelectField, TextField } from '../../ui/components';
import { formatDate } from '../../ui/time';

const TABS = ['users', 'teams', 'tokens', 'audit', 'policy'] as const;

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
      <FormError error={error && error.errors.length === 0 ? error.message : null} />
    </>
  );
}

function Teams() {
  const teams = useQuery({ queryKey: ['teams'], queryFn: async () => (await unwrap(api.GET('/api/v1/teams'))).teams });
  return (
    <table className="table" aria-label="Teams">
      <thead><tr><th scope="col">Team</th><th scope="col">Description</th></tr></thead>
      <tbody>{teams.data?.map((t) => <tr key={t.id}><td>{t.name}</td><td>{t.description ?? '—'}</td></tr>)}</tbody>
    </table>
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
  return (
    <>
      <table className="table" aria-label="API tokens">
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Revoked</th></tr></thead>
        <tbody>{tokens.data?.map((t) => <tr key={t.id}><td>{t.name}</td><td><code>{t.prefix}</code></td><td>{formatDate(t.createdAt)}</td><td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : '—'}</td><td>{t.revokedAt ? formatDate(t.revokedAt) : '—'}</td></tr>)}</tbody>
      </table>
      <form onSubmit={submit} className="inline-form" aria-label="New token">
        <TextField label="Token name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.forField('name')} />
        <Button type="submit" variant="primary">Create token</Button>
      </form>
      {shown && <div className="once" role="status"><p><strong>Copy the token now: it is shown only once.</strong></p><code className="secret">{shown}</code></div>}
    </>
  );
}

function Audit() {
  const [action, setAction] = useState('');
  const audit = useQuery({ queryKey: ['audit', action], queryFn: async () => (await unwrap(api.GET('/api/v1/audit', { params: { query: action ? { action } : {} } }))).entries });
  return (
    <>
      <div className="filters"><TextField label="Action (e.g. incident.event)" value={action} onChange={(e) => setAction(e.target.value)} /></div>
      <table className="table" aria-label="Audit log">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">From</th></tr></thead>
        <tbody>{audit.data?.map((a) => <tr key={a.id}><td>{formatDate(a.at)}</td><td>{a.actor} <span className="muted small">{a.via}</span></td><td>{a.action}</td><td>{a.targetType} {a.targetId?.slice(0, 12)}</td><td>{a.sourceIp ?? '—'}</td></tr>)}</tbody>
      </table>
    </>
  );
}

function Policy() {
  const policy = useQuery({ queryKey: ['incident-policy'], queryFn: async () => unwrap(api.GET('/api/v1/settings/incident-policy')) });
  if (!policy.data) return null;
  return (
    <>
      <table className="table" aria-label="Severity definitions">
        <thead><tr><th scope="col">Severity</th><th scope="col">Definition</th><th scope="col">Respond</th><th scope="col">Update every</th></tr></thead>
        <tbody>{Object.entries(policy.data.severities).map(([s, d]) => <tr key={s}><td>{s}</td><td>{d.definition}</td><td>{d.responseTargetLabel}</td><td>{d.updateCadenceMinutes ? `${d.updateCadenceMinutes} min` : '—'}</td></tr>)}</tbody>
      </table>
      <h2>Recovery checklist</h2>
      <ul>{policy.data.recoveryChecklist.map((c) => <li key={c.item}>{c.item}{c.negative && ' (negative check)'}</li>)}</ul>
      <p className="muted small">Edit with PUT /api/v1/settings/incident-policy.</p>
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
      {tab === 'teams' && <Teams />}
      {tab === 'tokens' && <Tokens />}
      {tab === 'audit' && <Audit />}
      {tab === 'policy' && <Policy />}
    </main>
  );
}
