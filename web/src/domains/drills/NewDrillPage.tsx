/** Create a drill scenario: the service, the synthetic alert in an intake format, expected responders, goals and a schedule. */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { navigate } from '../../shell/router';
import type { ScreenProps } from '../../shell/registry';
import { Button, FormError, SelectField, TextArea, TextField } from '../../ui/components';
import { refusalText } from '../../ui/refusal';
import { displayZone } from '../../ui/time';

type Format = 'alertmanager' | 'pagerduty' | 'generic';
type GoalKind = 'acknowledged' | 'shared_picture' | 'mitigated' | 'resolved';
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];

const EXAMPLES: Record<Format, object> = {
  alertmanager: { version: '4', status: 'firing', receiver: 'firebreak', alerts: [{ status: 'firing', fingerprint: 'drill-1', labels: { alertname: 'CheckoutErrors', severity: 'critical' }, annotations: { summary: 'Checkout 5xx above 5%' }, startsAt: '2026-01-01T00:00:00Z' }] },
  pagerduty: { routing_key: 'not-needed-for-drills', event_action: 'trigger', dedup_key: 'drill-1', payload: { summary: 'Checkout 5xx above 5%', source: 'checkout', severity: 'critical' } },
  generic: { id: 'drill-1', title: 'Checkout 5xx above 5%', severity: 'critical' },
};

const GOALS: Array<[GoalKind, string]> = [['acknowledged', 'Acknowledged within (min)'], ['shared_picture', 'Shared picture within (min)'], ['mitigated', 'Mitigated within (min)'], ['resolved', 'Resolved within (min)']];

export default function NewDrillPage(_props: ScreenProps) {
  const users = useQuery({ queryKey: ['users'], queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).users });
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const [name, setName] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [format, setFormat] = useState<Format>('alertmanager');
  const [payload, setPayload] = useState(JSON.stringify(EXAMPLES.alertmanager, null, 2));
  const [goals, setGoals] = useState<Record<GoalKind, string>>({ acknowledged: '5', shared_picture: '10', mitigated: '30', resolved: '' });
  const [kind, setKind] = useState<'once' | 'daily' | 'weekly'>('weekly');
  const [at, setAt] = useState('');
  const [time, setTime] = useState('10:00');
  const [zone, setZone] = useState(displayZone());
  const [days, setDays] = useState<Day[]>(['tue']);
  const [responders, setResponders] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  const chooseFormat = (next: Format) => {
    setFormat(next);
    setPayload(JSON.stringify(EXAMPLES[next], null, 2));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(payload) as Record<string, unknown>;
    } catch (err) {
      setError(new ApiError(400, 'the payload is not valid JSON', [{ field: 'alert.payload', message: `is not valid JSON: ${(err as Error).message}` }]));
      return;
    }
    const schedule = kind === 'once' ? { kind, at: new Date(at).toISOString() } : kind === 'daily' ? { kind, time, zone } : { kind, days, time, zone };
    try {
      const created = await unwrap(api.POST('/api/v1/drills', {
        body: {
          name,
          serviceId,
          alert: { format, payload: parsed },
          responders,
          goals: GOALS.filter(([k]) => goals[k].trim() !== '').map(([k]) => ({ kind: k, minutes: Number(goals[k]) })),
          schedule,
        },
      }));
      navigate(`/drills/${created.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="page">
      <h1>New drill</h1>
      <form onSubmit={submit} aria-labelledby="drill-form">
        <h2 id="drill-form" className="visually-hidden">Drill scenario</h2>
        <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.forField('name')} />
        <SelectField label="Service" required value={serviceId} onChange={(e) => setServiceId(e.target.value)} error={error?.forField('serviceId')}>
          <option value="">choose…</option>
          {services.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </SelectField>
        <SelectField label="Alert format" value={format} onChange={(e) => chooseFormat(e.target.value as Format)} error={error?.forField('alert.format')} hint="The service needs an integration of this format: the drill goes into it.">
          <option value="alertmanager">Prometheus Alertmanager</option>
          <option value="pagerduty">PagerDuty Events v2</option>
          <option value="generic">Generic JSON</option>
        </SelectField>
        <TextArea label="Alert payload (JSON, as the sender posts it)" rows={10} value={payload} onChange={(e) => setPayload(e.target.value)} error={error?.forField('alert.payload')} />
        <fieldset>
          <legend>Expected responders</legend>
          <div className="row" role="group" aria-label="Expected responders">
            {users.data?.filter((u) => !u.disabled).map((u) => (
              <label key={u.id} className="check">
                <input type="checkbox" checked={responders.includes(u.id)} onChange={(e) => setResponders(e.target.checked ? [...responders, u.id] : responders.filter((x) => x !== u.id))} /> {u.name} ({u.email})
              </label>
            ))}
          </div>
          {error?.forField('responders') && <p className="field-error" role="alert">{error.forField('responders')}</p>}
        </fieldset>
        <fieldset>
          <legend>Goals (leave blank to skip)</legend>
          {GOALS.map(([k, label]) => (
            <TextField key={k} label={label} inputMode="numeric" value={goals[k]} onChange={(e) => setGoals({ ...goals, [k]: e.target.value })} />
          ))}
          {error?.forField('goals') && <p className="field-error" role="alert">{error.forField('goals')}</p>}
        </fieldset>
        <fieldset>
          <legend>Schedule</legend>
          <SelectField label="Repeats" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="once">Once</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </SelectField>
          {kind === 'once' && <TextField label="At" type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} error={error?.forField('schedule.at')} />}
          {kind !== 'once' && (
            <>
              <TextField label="Local time (HH:MM)" required value={time} onChange={(e) => setTime(e.target.value)} error={error?.forField('schedule.time')} />
              <TextField label="Time zone (IANA)" required value={zone} onChange={(e) => setZone(e.target.value)} error={error?.forField('schedule.zone')} />
            </>
          )}
          {kind === 'weekly' && (
            <div className="row" role="group" aria-label="Days">
              {DAYS.map((d) => (
                <label key={d} className="check">
                  <input type="checkbox" checked={days.includes(d)} onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))} /> {d}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <FormError error={error ? refusalText(error) : null} />
        <Button type="submit" variant="primary">Create drill</Button>
      </form>
    </main>
  );
}
