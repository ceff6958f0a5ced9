/** "Immediately: push and email; after 3 min: SMS": which method is paged how long after a page starts. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, type ApiError, unwrap } from '../../api/client';
import { Button, Empty, FormError, SelectField, TextField } from '../../ui/components';
import { asApiError } from './queries';
import { refusalText } from '../../ui/refusal';

interface Method {
  id: string;
  kind: string;
  label: string;
  address: string;
  verified: boolean;
}

interface RuleDraft {
  contactMethodId: string;
  minutes: number;
}

export function NotificationRules({ userId, methods, canWrite }: { userId: string; methods: readonly Method[]; canWrite: boolean }) {
  const client = useQueryClient();
  const key = ['oncall', 'rules', userId];
  const rules = useQuery({ queryKey: key, queryFn: async () => (await unwrap(api.GET('/api/v1/users/{id}/notification-rules', { params: { path: { id: userId } } }))).rules });
  const [draft, setDraft] = useState<RuleDraft[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (rules.data) setDraft(rules.data.map((r) => ({ contactMethodId: r.contactMethodId, minutes: Math.round(r.delaySeconds / 60) })));
  }, [rules.data]);
  const labelOf = (id: string) => {
    const m = methods.find((x) => x.id === id);
    return m ? `${m.label} (${m.kind})` : 'removed method';
  };

  const save = async () => {
    setError(null);
    setSaved(false);
    try {
      await unwrap(api.PUT('/api/v1/users/{id}/notification-rules', { params: { path: { id: userId } }, body: { rules: draft.map((r) => ({ contactMethodId: r.contactMethodId, delaySeconds: r.minutes * 60 })) } }));
      setSaved(true);
      await client.invalidateQueries({ queryKey: key });
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const set = (i: number, rule: RuleDraft) => setDraft(draft.map((r, j) => (j === i ? rule : r)));
  const sorted = [...(rules.data ?? [])].sort((a, b) => a.delaySeconds - b.delaySeconds);

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Notification rules</h2>
      {!canWrite && (sorted.length === 0 ? <Empty>No rules: every verified method is paged immediately.</Empty> : (
        <ul className="plain" aria-label="Notification rules">
          {sorted.map((r, i) => <li key={i}>{r.delaySeconds === 0 ? 'Immediately' : `After ${Math.round(r.delaySeconds / 60)} min`}: {labelOf(r.contactMethodId)}</li>)}
        </ul>
      ))}
      {canWrite && (
        <>
          {draft.length === 0 && <Empty>No rules: every verified method is paged immediately.</Empty>}
          <ul className="plain" aria-label="Notification rules">
            {draft.map((r, i) => (
              <li key={i} className="row">
                <SelectField label={`Rule ${i + 1}: when`} value={r.minutes === 0 ? 'now' : 'later'} onChange={(e) => set(i, { ...r, minutes: e.target.value === 'now' ? 0 : Math.max(1, r.minutes) })}>
                  <option value="now">immediately</option>
                  <option value="later">after N minutes</option>
                </SelectField>
                {r.minutes > 0 && <TextField label="Minutes" type="number" min={1} max={1440} value={r.minutes} onChange={(e) => set(i, { ...r, minutes: Math.max(1, Number(e.target.value)) })} />}
                <SelectField label="Contact method" required value={r.contactMethodId} onChange={(e) => set(i, { ...r, contactMethodId: e.target.value })}>
                  <option value="">choose…</option>
                  {methods.map((m) => <option key={m.id} value={m.id}>{m.label} ({m.kind}){m.verified ? '' : ', not verified'}</option>)}
                </SelectField>
                <Button variant="quiet" onClick={() => setDraft(draft.filter((_, j) => j !== i))} aria-label={`Remove rule ${i + 1}`}>✕</Button>
              </li>
            ))}
          </ul>
          <div className="row">
            <Button onClick={() => setDraft([...draft, { contactMethodId: methods[0]?.id ?? '', minutes: draft.length ? 3 : 0 }])} disabled={methods.length === 0}>Add rule</Button>
            <Button variant="primary" onClick={() => void save()}>Save rules</Button>
            {saved && <span role="status">Rules saved.</span>}
          </div>
          <FormError error={error ? refusalText(error) : null} />
        </>
      )}
    </section>
  );
}
