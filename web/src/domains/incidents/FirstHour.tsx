/**
 * The first hour of a fresh install: what to do next, on the home screen,
 * each step ticking itself off when done (it polls what it checks): an alert
 * source (Alertmanager with the exact receiver snippet, Grafana or a
 * PagerDuty-style sender, each with this server's URL and a new key), a
 * verified contact method of your own, a schedule and an escalation policy.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Link } from '../../shell/router';
import { useCan, useMe } from '../../shell/session';
import { Button, FormError } from '../../ui/components';
import { refusalText } from '../../ui/refusal';

type Sender = 'alertmanager' | 'grafana' | 'pagerduty';
const POLL = 5000;

/** The receiver block to paste into alertmanager.yml, or the URL to give Grafana or a PagerDuty-style sender. */
export function senderSnippet(kind: Sender, origin: string, key: string): string {
  if (kind === 'alertmanager') {
    return [
      'route:',
      '  receiver: firebreak',
      'receivers:',
      '  - name: firebreak',
      '    webhook_configs:',
      `      - url: '${origin}/intake/alertmanager/${key}'`,
      '        send_resolved: true',
    ].join('\n');
  }
  if (kind === 'grafana') return `Contact point → Webhook → URL: ${origin}/intake/grafana/${key} (method POST)`;
  return `Events API v2 URL: ${origin}/v2/enqueue\nrouting_key: ${key}`;
}

function useChecks(meId: string) {
  const alerts = useQuery({ queryKey: ['first-hour', 'alerts'], queryFn: async () => (await unwrap(api.GET('/api/v1/alerts', { params: { query: { limit: 20 } } }))).alerts, refetchInterval: POLL });
  const methods = useQuery({ queryKey: ['first-hour', 'contact'], queryFn: async () => (await unwrap(api.GET('/api/v1/users/{id}/contact-methods', { params: { path: { id: meId } } }))).contactMethods, refetchInterval: POLL });
  const schedules = useQuery({ queryKey: ['first-hour', 'schedules'], queryFn: async () => (await unwrap(api.GET('/api/v1/oncall/schedules'))).schedules, refetchInterval: POLL });
  const policies = useQuery({ queryKey: ['first-hour', 'policies'], queryFn: async () => (await unwrap(api.GET('/api/v1/escalation-policies'))).policies, refetchInterval: POLL });
  const loaded = alerts.data && methods.data && schedules.data && policies.data;
  return {
    loaded: !!loaded,
    // A real sender's alert (not Firebreak's own test alerts) shows the source is connected.
    source: (alerts.data ?? []).some((a) => a.source !== 'test'),
    contact: (methods.data ?? []).some((m) => m.verified),
    schedule: (schedules.data ?? []).length > 0,
    policy: (policies.data ?? []).length > 0,
  };
}

function Step({ done, id, children }: { done: boolean; id: string; children: React.ReactNode }) {
  return (
    <li className={`fh-step ${done ? 'done' : ''}`} data-step={id} data-done={done}>
      <span className="fh-mark" aria-hidden="true">{done ? '✓' : '○'}</span>
      <div>{children}<span className="visually-hidden">{done ? ' (done)' : ' (to do)'}</span></div>
    </li>
  );
}

function ConnectSender() {
  const client = useQueryClient();
  const [kind, setKind] = useState<Sender>('alertmanager');
  const [service, setService] = useState('');
  const [snippet, setSnippet] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const create = async () => {
    setError(null);
    try {
      let serviceId = services.data?.find((s) => s.name === service.trim())?.id;
      if (!serviceId) {
        serviceId = (await unwrap(api.POST('/api/v1/services', { body: { name: service.trim() } }))).id;
        void client.invalidateQueries({ queryKey: ['services'] });
      }
      const made = await unwrap(api.POST('/api/v1/services/{id}/integrations', { params: { path: { id: serviceId } }, body: { kind, name: kind } }));
      setSnippet(senderSnippet(kind, window.location.origin, made.key));
    } catch (err) {
      setError(refusalText(err));
    }
  };
  return (
    <div className="fh-connect">
      <div className="row">
        <label>Sender <select value={kind} onChange={(e) => { setKind(e.target.value as Sender); setSnippet(null); }}>
          <option value="alertmanager">Prometheus Alertmanager</option>
          <option value="grafana">Grafana alerting</option>
          <option value="pagerduty">PagerDuty Events API v2 sender</option>
        </select></label>
        <label>Service <input value={service} onChange={(e) => setService(e.target.value)} placeholder="checkout-api" list="fh-services" /></label>
        <datalist id="fh-services">{(services.data ?? []).map((s) => <option key={s.id} value={s.name} />)}</datalist>
        <Button onClick={() => void create()} disabled={!service.trim()}>Create a key</Button>
      </div>
      <FormError error={error} />
      {snippet && (
        <>
          <p className="small">{kind === 'alertmanager' ? 'Add this to alertmanager.yml (the key is shown only now), then reload Alertmanager:' : 'Give the sender this (the key is shown only now):'}</p>
          <pre className="fh-snippet" data-testid="sender-snippet">{snippet}</pre>
        </>
      )}
    </div>
  );
}

/** The checklist, shown until every step is done. */
export function FirstHour() {
  const me = useMe().data!;
  const admin = useCan('admin');
  const checks = useChecks(me.id);
  if (!checks.loaded || (checks.source && checks.contact && checks.schedule && checks.policy)) return null;
  return (
    <section className="first-hour" aria-labelledby="first-hour-title">
      <h2 id="first-hour-title">The first hour: what to do next</h2>
      <ol className="plain">
        <Step id="source" done={checks.source}>
          <strong>Connect an alert source</strong>: Alertmanager, Grafana or a PagerDuty sender. Ticks when its first alert arrives.
          {!checks.source && admin && <ConnectSender />}
          {!checks.source && !admin && <span className="muted small"> (an admin creates the key)</span>}
        </Step>
        <Step id="contact" done={checks.contact}>
          <strong>Add your contact method and verify it</strong> so a page reaches you: <Link to="/oncall/contact-methods">My contact methods</Link>
        </Step>
        <Step id="schedule" done={checks.schedule}>
          <strong>Create an on-call schedule</strong>: <Link to="/oncall/schedules/new">New schedule</Link>
        </Step>
        <Step id="policy" done={checks.policy}>
          <strong>Create an escalation policy</strong> and give it to a service: <Link to="/oncall/policies">Escalation policies</Link>
        </Step>
      </ol>
    </section>
  );
}
