/** Silences: those in force, and a new one built matcher by matcher with a preview of the open alerts it would silence. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { useLocation } from '../../shell/router';
import { useCan } from '../../shell/session';
import type { ScreenProps } from '../../shell/registry';
import { Button, Empty, FormError, SelectField, TextArea } from '../../ui/components';
import { formatDate } from '../../ui/time';
import { commonLabels, compileRows, MATCH_OPS, previewSilence, rowsFromLabels, type MatcherRow, type MatchOp } from './silence-builder';
import { refusalText } from '../../ui/refusal';

const DURATIONS: Array<[string, number]> = [['1 hour', 1], ['2 hours', 2], ['4 hours', 4], ['12 hours', 12], ['1 day', 24], ['1 week', 168]];

function MatcherRows({ rows, setRows, errors }: { rows: MatcherRow[]; setRows(rows: MatcherRow[]): void; errors: Record<string, string> }) {
  const base = useId();
  const update = (i: number, change: Partial<MatcherRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="matchers">
      <legend>Matchers (every one must match)</legend>
      {rows.map((row, i) => (
        <div className="matcher-row" key={i} role="group" aria-label={`Matcher ${i + 1}`}>
          <span className="matcher-field"><label htmlFor={`${base}-${i}-name`}>Label</label><input id={`${base}-${i}-name`} value={row.name} onChange={(e) => update(i, { name: e.target.value })} aria-invalid={errors[`${i}.name`] ? true : undefined} placeholder="alertname" /></span>
          <span className="matcher-field"><label htmlFor={`${base}-${i}-op`}>Match</label><select id={`${base}-${i}-op`} value={row.op} onChange={(e) => update(i, { op: e.target.value as MatchOp })}>{MATCH_OPS.map((op) => <option key={op} value={op}>{op}</option>)}</select></span>
          <span className="matcher-field"><label htmlFor={`${base}-${i}-value`}>Value</label><input id={`${base}-${i}-value`} value={row.value} onChange={(e) => update(i, { value: e.target.value })} aria-invalid={errors[`${i}.value`] ? true : undefined} placeholder={row.op.includes('~') ? 'High.*' : 'CheckoutLatency'} /></span>
          <Button className="small" aria-label={`Remove matcher ${i + 1}`} onClick={() => setRows(rows.length > 1 ? rows.filter((_, j) => j !== i) : [{ name: '', op: '=', value: '' }])}>Remove</Button>
          {(errors[`${i}.name`] || errors[`${i}.value`]) && <div className="field-error" role="alert">{errors[`${i}.name`] ?? errors[`${i}.value`]}</div>}
        </div>
      ))}
      <Button className="small" onClick={() => setRows([...rows, { name: '', op: '=', value: '' }])}>Add matcher</Button>
    </fieldset>
  );
}

export default function SilencesPage(_props: ScreenProps) {
  const canWrite = useCan('responder');
  const client = useQueryClient();
  const { search } = useLocation();
  const silences = useQuery({ queryKey: ['silences'], queryFn: async () => (await unwrap(api.GET('/api/v1/silences', { params: { query: { active: true } } }))).silences });
  const alerts = useQuery({ queryKey: ['alerts', 'open'], queryFn: async () => (await unwrap(api.GET('/api/v1/alerts', { params: { query: { limit: 500 } } }))).alerts });
  const services = useQuery({ queryKey: ['services'], queryFn: async () => (await unwrap(api.GET('/api/v1/services', { params: { query: {} } }))).services });
  const group = search.get('group');
  const fromGroup = useQuery({
    queryKey: ['alert-group', group],
    enabled: !!group,
    queryFn: async () => unwrap(api.GET('/api/v1/alert-groups/{id}', { params: { path: { id: group! } } })),
  });
  const [rows, setRows] = useState<MatcherRow[] | null>(null);
  // From a group: its group labels, or else the labels all its alerts share.
  const groupRows = fromGroup.data ? rowsFromLabels(Object.keys(fromGroup.data.groupLabels).length > 0 ? fromGroup.data.groupLabels : commonLabels(fromGroup.data.alerts)) : null;
  const shownRows = rows ?? groupRows ?? [{ name: 'alertname', op: '=' as MatchOp, value: '' }];
  const [serviceId, setServiceId] = useState('');
  const [hours, setHours] = useState(2);
  const [comment, setComment] = useState('');
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const compiled = useMemo(() => compileRows(shownRows), [shownRows]);
  const preview = 'matchers' in compiled ? previewSilence(compiled.matchers, alerts.data ?? [], serviceId) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    if (!('matchers' in compiled)) {
      setRowErrors({ [`${compiled.row}.${compiled.field}`]: compiled.error });
      return;
    }
    setRowErrors({});
    try {
      const matchers = compiled.matchers.map(({ name, op, value }) => ({ name, op, value }));
      const made = await unwrap(api.POST('/api/v1/silences', {
        body: { matchers, comment, endsAt: new Date(Date.now() + hours * 3_600_000).toISOString(), ...(serviceId ? { serviceId } : {}) },
      }));
      setSaved(`Silenced until ${formatDate(made.endsAt)}`);
      setComment('');
      await client.invalidateQueries({ queryKey: ['silences'] });
    } catch (err) {
      const api = err instanceof ApiError ? err : new ApiError(0, String(err));
      const byRow: Record<string, string> = {};
      shownRows.forEach((_, i) => {
        for (const field of ['name', 'value'] as const) {
          const message = api.forField(`matchers[${i}].${field}`) ?? api.forField(`matchers/${i}/${field}`);
          if (message) byRow[`${i}.${field}`] = message;
        }
      });
      setRowErrors(byRow);
      setError(api);
    }
  };
  const expire = async (id: string) => {
    try {
      await unwrap(api.DELETE('/api/v1/silences/{id}', { params: { path: { id } } }));
      await client.invalidateQueries({ queryKey: ['silences'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };

  return (
    <main id="main" className="page">
      <h1>Silences</h1>
      {silences.data?.length === 0 && <Empty>No silence in force.</Empty>}
      {silences.data && silences.data.length > 0 && (
        <table className="table" aria-label="Silences in force">
          <thead><tr><th scope="col">Matchers</th><th scope="col">Until</th><th scope="col">By</th><th scope="col">Why</th>{canWrite && <th scope="col">Actions</th>}</tr></thead>
          <tbody>
            {silences.data.map((s) => (
              <tr key={s.id}>
                <td><code>{s.matchers.map((m) => `${m.name}${m.op}"${m.value}"`).join(', ')}</code></td>
                <td>{formatDate(s.endsAt)}</td>
                <td>{s.createdBy}</td>
                <td>{s.comment}</td>
                {canWrite && <td><Button className="small" onClick={() => void expire(s.id)} aria-label={`Expire silence ${s.comment}`}>Expire</Button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form onSubmit={submit} className="silence-form" aria-labelledby="new-silence">
          <h2 id="new-silence">New silence</h2>
          <MatcherRows rows={shownRows} setRows={setRows} errors={rowErrors} />
          <div className="row">
            <SelectField label="Service" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">any service</option>
              {services.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </SelectField>
            <SelectField label="For" value={String(hours)} onChange={(e) => setHours(Number(e.target.value))}>
              {DURATIONS.map(([label, h]) => <option key={h} value={h}>{label}</option>)}
            </SelectField>
          </div>
          <TextArea label="Why (shown with the silence)" required rows={2} value={comment} onChange={(e) => setComment(e.target.value)} error={error?.forField('comment')} />
          <section aria-labelledby="preview-title" className="preview">
            <h3 id="preview-title">Would silence {preview ? `${preview.length} open alert${preview.length === 1 ? '' : 's'}` : '—'}</h3>
            {preview && preview.length > 0 && (
              <ul className="plain small" aria-label="Open alerts this silence matches">
                {preview.slice(0, 20).map((a) => <li key={a.id}>{a.summary} <span className="muted">{Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(' ')}</span></li>)}
              </ul>
            )}
          </section>
          <FormError error={error && Object.keys(rowErrors).length === 0 && !error.forField('comment') ? refusalText(error) : null} />
          {saved && <p role="status" className="saved">{saved}</p>}
          <Button type="submit" variant="primary">Silence</Button>
        </form>
      )}
    </main>
  );
}
