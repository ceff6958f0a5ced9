/** My contact methods (added, verified with the code sent to them, removed) and my notification rules. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type ApiError, unwrap } from '../../api/client';
import type { ScreenProps } from '../../shell/registry';
import { useCan, useMe } from '../../shell/session';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { NotificationRules } from './NotificationRules';
import { OnCallTabs } from './OnCallTabs';
import { asApiError } from './queries';
import './oncall.css';
import { refusalText } from '../../ui/refusal';

type Kind = 'email' | 'sms' | 'voice' | 'push' | 'webhook' | 'slack';
const KINDS: Array<[Kind, string, string]> = [
  ['email', 'Email', 'name@example.com'],
  ['sms', 'SMS', '+15551234567'],
  ['voice', 'Voice call', '+15551234567'],
  ['push', 'Push (ntfy topic URL)', 'https://ntfy.example.com/my-topic'],
  ['webhook', 'Webhook (HMAC-signed)', 'https://hooks.example.com/page'],
  ['slack', 'Slack-compatible webhook', 'https://hooks.slack.com/services/…'],
];

function VerifyForm({ id, onDone }: { id: string; onDone: () => Promise<unknown> }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/contact-methods/{id}/verify', { params: { path: { id } }, body: { code } }));
      await onDone();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const resend = async () => {
    setError(null);
    try {
      const method = await unwrap(api.POST('/api/v1/contact-methods/{id}/send-code', { params: { path: { id } } }));
      setSent(method.codeNotSent ?? 'A new code is on its way.');
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <form className="row" onSubmit={verify} aria-label="Verify contact method">
      <TextField label="Verification code" inputMode="numeric" pattern="[0-9]{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value.trim())} error={error?.forField('code')} />
      <Button type="submit" variant="primary">Verify</Button>
      <Button onClick={() => void resend()}>Send code</Button>
      {sent && <span role="status" className={sent.startsWith('not sent') ? 'small warning' : 'small'}>{sent}</span>}
      <FormError error={error && !error.forField('code') ? refusalText(error) : null} />
    </form>
  );
}

export default function ContactMethodsPage(_props: ScreenProps) {
  const me = useMe().data;
  const canWrite = useCan('responder');
  const client = useQueryClient();
  const userId = me?.id ?? '';
  const key = ['oncall', 'contact-methods', userId];
  const methods = useQuery({ queryKey: key, enabled: !!userId, queryFn: async () => (await unwrap(api.GET('/api/v1/users/{id}/contact-methods', { params: { path: { id: userId } } }))).contactMethods });
  const [form, setForm] = useState({ kind: 'email' as Kind, address: '', label: '', signingSecret: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [notSent, setNotSent] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['oncall', 'contact-methods'] });

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const added = await unwrap(api.POST('/api/v1/users/{id}/contact-methods', {
        params: { path: { id: userId } },
        body: { kind: form.kind, address: form.address, ...(form.label ? { label: form.label } : {}), ...(form.kind === 'webhook' && form.signingSecret ? { signingSecret: form.signingSecret } : {}) },
      }));
      setNotSent(added.codeNotSent ?? null);
      setForm({ ...form, address: '', label: '', signingSecret: '' });
      await refresh();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await unwrap(api.DELETE('/api/v1/contact-methods/{id}', { params: { path: { id } } }));
      await client.invalidateQueries({ queryKey: ['oncall'] });
    } catch (err) {
      setError(asApiError(err));
    }
  };

  return (
    <main id="main" className="page">
      <h1>My contact methods</h1>
      <OnCallTabs />
      <p className="muted small">A method is paged only once it is verified with the code sent to it.</p>
      {methods.data?.length === 0 && <Empty>No contact methods yet: you cannot be paged.</Empty>}
      {methods.data && methods.data.length > 0 && (
        <ul className="plain" aria-label="Contact methods">
          {methods.data.map((m) => (
            <li key={m.id} className="layer-box" data-address={m.address}>
              <div className="row">
                <strong>{m.label}</strong>
                <span className="muted">{m.kind}: {m.address}</span>
                {m.verified ? <span className="badge ok">verified</span> : <span className="badge">not verified</span>}
                {canWrite && <Button variant="danger" onClick={() => void remove(m.id)} aria-label={`Remove ${m.label}`}>Remove</Button>}
              </div>
              {!m.verified && canWrite && <VerifyForm id={m.id} onDone={refresh} />}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form className="inline-form" onSubmit={add} aria-label="New contact method">
          <SelectField label="Kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })}>
            {KINDS.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </SelectField>
          <TextField label="Address" required value={form.address} placeholder={KINDS.find(([k]) => k === form.kind)?.[2]} onChange={(e) => setForm({ ...form, address: e.target.value })} error={error?.forField('address')} />
          <TextField label="Label (optional)" value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} error={error?.forField('label')} />
          {form.kind === 'webhook' && <TextField label="Signing secret (optional)" value={form.signingSecret} onChange={(e) => setForm({ ...form, signingSecret: e.target.value })} error={error?.forField('signingSecret')} />}
          <Button type="submit" variant="primary">Add contact method</Button>
        </form>
      )}
      {notSent && <p role="status" className="small warning">Verification code {notSent}.</p>}
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
      {userId && methods.data && <NotificationRules userId={userId} methods={methods.data} canWrite={canWrite} />}
    </main>
  );
}
