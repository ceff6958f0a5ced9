/** One status page: its settings, public link, subscribers (count; webhook ones listed, added, removed), components and maintenance. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Button, FormError, SelectField, TextField } from '../../ui/components';
import { ComponentsPanel } from './ComponentsPanel';
import { MaintenancePanel } from './MaintenancePanel';
import WebhookSubscribersPanel from './WebhookSubscribersPanel';
import { ZONES } from '../../ui/zone-input';
import { PAGES_KEY, type StatusPage } from './queries';
import './statuspage.css';
import { refusalText } from '../../ui/refusal';

function Settings({ page }: { page: StatusPage }) {
  const client = useQueryClient();
  const fromPage = (p: StatusPage) => ({ name: p.name, slug: p.slug, host: p.host ?? '', timeZone: p.timeZone, logoUrl: p.logoUrl ?? '', brandColor: p.brandColor ?? '' });
  const [form, setForm] = useState(fromPage(page));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(fromPage(page)), [page]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await unwrap(api.PATCH('/api/v1/status-pages/{id}', { params: { path: { id: page.id } }, body: { name: form.name, slug: form.slug, host: form.host || null, timeZone: form.timeZone, logoUrl: form.logoUrl || null, brandColor: form.brandColor || null } }));
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['status'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  return (
    <form className="inline-form" onSubmit={save} aria-label="Page settings">
      <TextField label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={error?.forField('name')} />
      <TextField label="Slug" required value={form.slug} onChange={(e) => setForm({ ...form, slug: e.target.value })} error={error?.forField('slug')} />
      <TextField label="Host (optional)" value={form.host} onChange={(e) => setForm({ ...form, host: e.target.value })} error={error?.forField('host')} />
      <SelectField label="Time zone" value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} error={error?.forField('timeZone')}>
        {(ZONES.includes(form.timeZone) ? ZONES : [form.timeZone, ...ZONES]).map((z) => <option key={z} value={z}>{z}</option>)}
      </SelectField>
      <TextField label="Logo URL (optional)" value={form.logoUrl} onChange={(e) => setForm({ ...form, logoUrl: e.target.value })} error={error?.forField('logoUrl')} />
      <TextField label="Brand colour (optional, #rrggbb)" value={form.brandColor} onChange={(e) => setForm({ ...form, brandColor: e.target.value })} error={error?.forField('brandColor')} />
      <Button type="submit" variant="primary">Save page</Button>
      {saved && <span role="status">Saved.</span>}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
    </form>
  );
}

/** Subscribers are listed to admins only (addresses are personal data): the count comes from that list. */
function SubscriberCount({ pageId }: { pageId: string }) {
  const subs = useQuery({ queryKey: ['status', 'subscribers', pageId], queryFn: async () => (await unwrap(api.GET('/api/v1/status-pages/{id}/subscribers', { params: { path: { id: pageId } } }))).subscribers });
  if (!subs.data) return null;
  const active = subs.data.filter((s) => s.confirmed && !s.unsubscribed);
  return <p data-testid="subscriber-count">Subscribers: <strong>{active.length}</strong> confirmed ({active.filter((s) => s.kind === 'email').length} by email, {active.filter((s) => s.kind === 'webhook').length} webhooks){subs.data.length > active.length ? `, ${subs.data.length - active.length} pending or unsubscribed` : ''}.</p>;
}

export default function StatusPageDetail({ params }: ScreenProps) {
  const id = params.id ?? '';
  const isAdmin = useCan('admin');
  const page = useQuery({ queryKey: [...PAGES_KEY, id], queryFn: () => unwrap(api.GET('/api/v1/status-pages/{id}', { params: { path: { id } } })) });
  const components = useQuery({ queryKey: ['status', 'components', id], queryFn: async () => (await unwrap(api.GET('/api/v1/status-pages/{id}/components', { params: { path: { id } } }))).components });
  const p = page.data;
  if (page.error) return <main id="main" className="page"><h1>Status page</h1><FormError error={refusalText(page.error)} /></main>;
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>{p ? `Status page: ${p.name}` : 'Status page'}</h1>
        <Link to="/status-pages">All status pages</Link>
      </div>
      {p && (
        <>
          <p>
            Public page: <a href={p.url} target="_blank" rel="noreferrer" data-testid="public-link">{p.url}</a>
            {p.visibility === 'internal' && <span className="badge">internal: not served publicly</span>}
            {' · '}<Link to="/status-pages/templates">Update templates</Link>
          </p>
          {isAdmin ? <SubscriberCount pageId={p.id} /> : null}
          {isAdmin && <Settings page={p} />}
          {isAdmin && <WebhookSubscribersPanel pageId={p.id} />}
          {!isAdmin && <p className="muted small">Slug {p.slug} · host {p.host ?? 'none'} · time zone {p.timeZone}</p>}
          <ComponentsPanel pageId={p.id} />
          <MaintenancePanel pageId={p.id} zone={p.timeZone} components={components.data ?? []} />
        </>
      )}
    </main>
  );
}
