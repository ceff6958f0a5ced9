/** Every status page with its public link; admins add pages. */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { ZONES } from '../../ui/zone-input';
import { PAGES_KEY, useStatusPages } from './queries';
import './statuspage.css';
import { refusalText } from '../../ui/refusal';

export default function StatusPagesPage(_props: ScreenProps) {
  const isAdmin = useCan('admin');
  const client = useQueryClient();
  const pages = useStatusPages();
  const [form, setForm] = useState({ name: '', slug: '', host: '', timeZone: 'UTC', visibility: 'public' as 'public' | 'internal' });
  const [error, setError] = useState<ApiError | null>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/status-pages', { body: { name: form.name, slug: form.slug, host: form.host || null, timeZone: form.timeZone, visibility: form.visibility } }));
      setForm({ ...form, name: '', slug: '', host: '' });
      await client.invalidateQueries({ queryKey: PAGES_KEY });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Status pages</h1>
        <Link to="/status-pages/templates">Update templates</Link>
      </div>
      {pages.data?.length === 0 && <Empty>No status pages.</Empty>}
      {pages.data && pages.data.length > 0 && (
        <table className="table" aria-label="Status pages">
          <thead><tr><th scope="col">Page</th><th scope="col">Slug</th><th scope="col">Host</th><th scope="col">Time zone</th><th scope="col">Public page</th></tr></thead>
          <tbody>
            {pages.data.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/status-pages/${p.id}`}>{p.name}</Link>{p.isDefault && <span className="badge">default</span>}{p.visibility === 'internal' && <span className="badge">internal</span>}</td>
                <td>{p.slug}</td>
                <td>{p.host ?? '—'}</td>
                <td>{p.timeZone}</td>
                <td><a href={p.url} target="_blank" rel="noreferrer">{p.url}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isAdmin && (
        <form className="inline-form" onSubmit={create} aria-label="New status page">
          <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
          <TextField label="Slug" required value={form.slug} onChange={(e) => setForm({ ...form, slug: e.target.value })} error={error?.forField('slug')} />
          <TextField label="Host (optional)" placeholder="status.example.com" value={form.host} onChange={(e) => setForm({ ...form, host: e.target.value })} error={error?.forField('host')} />
          <SelectField label="Time zone" value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} error={error?.forField('timeZone')}>
            {ZONES.map((z) => <option key={z} value={z}>{z}</option>)}
          </SelectField>
          <SelectField label="Visibility" value={form.visibility} onChange={(e) => setForm({ ...form, visibility: e.target.value as 'public' | 'internal' })}>
            <option value="public">public</option><option value="internal">internal</option>
          </SelectField>
          <Button type="submit" variant="primary">Add status page</Button>
        </form>
      )}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </main>
  );
}
