/** The incident policy, editable by admins: severity definitions, response targets, update cadence, monitoring time, recovery checklist. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import type { IncidentPolicy, Severity } from '../../api/types';
import { Button, FormError, TextArea, TextField } from '../../ui/components';
import { refusalText } from '../../ui/refusal';

const SEVERITIES: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

/** A number field as typed: empty is null (no target), a whole number is sent as one, anything else is sent as typed for the API to refuse by name. */
export function minutesOf(text: string): number | null | string {
  const t = text.trim();
  if (!t) return null;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

interface SeverityDraft {
  definition: string;
  responseTargetLabel: string;
  responseTargetMinutes: string;
  updateCadenceMinutes: string;
  monitoringMinutes: string;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function PolicyForm({ policy }: { policy: IncidentPolicy }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => ({
    severities: Object.fromEntries(SEVERITIES.map((s) => {
      const d = policy.severities[s];
      return [s, { definition: d.definition, responseTargetLabel: d.responseTargetLabel, responseTargetMinutes: text(d.responseTargetMinutes), updateCadenceMinutes: text(d.updateCadenceMinutes), monitoringMinutes: text(d.monitoringMinutes) }];
    })) as unknown as Record<Severity, SeverityDraft>,
    checklist: policy.recoveryChecklist.map((c) => ({ ...c })),
    roleHandoffMinutes: text(policy.roleHandoffMinutes),
  }));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const setSev = (s: Severity, key: keyof SeverityDraft, value: string) => setDraft((d) => ({ ...d, severities: { ...d.severities, [s]: { ...d.severities[s], [key]: value } } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const severities = Object.fromEntries(SEVERITIES.map((s) => {
      const d = draft.severities[s];
      const monitoring = minutesOf(d.monitoringMinutes);
      return [s, {
        definition: d.definition,
        responseTargetLabel: d.responseTargetLabel,
        responseTargetMinutes: minutesOf(d.responseTargetMinutes),
        updateCadenceMinutes: minutesOf(d.updateCadenceMinutes),
        ...(monitoring !== null ? { monitoringMinutes: monitoring } : {}),
      }];
    }));
    const handoff = minutesOf(draft.roleHandoffMinutes);
    const body = { severities, recoveryChecklist: draft.checklist.filter((c) => c.item.trim()), ...(handoff !== null ? { roleHandoffMinutes: handoff } : {}) };
    try {
      // Numbers typed wrongly go as typed: the API names the field, and the message appears beside it.
      await unwrap(api.PUT('/api/v1/settings/incident-policy', { body: body as unknown as IncidentPolicy }));
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['incident-policy'] });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err)));
    }
  };
  const fieldError = (path: string) => error?.forField(path);

  return (
    <form onSubmit={submit} aria-label="Incident policy">
      <table className="table policy-table" aria-label="Severity definitions">
        <thead><tr><th scope="col">Severity</th><th scope="col">Definition</th><th scope="col">Respond within</th><th scope="col">Update every (min)</th><th scope="col">Monitor (min)</th></tr></thead>
        <tbody>
          {SEVERITIES.map((s) => (
            <tr key={s}>
              <th scope="row">{s}</th>
              <td><TextArea label={`${s} definition`} rows={2} value={draft.severities[s].definition} onChange={(e) => setSev(s, 'definition', e.target.value)} error={fieldError(`severities.${s}.definition`)} /></td>
              <td>
                <TextField label={`${s} response target (minutes)`} inputMode="numeric" value={draft.severities[s].responseTargetMinutes} onChange={(e) => setSev(s, 'responseTargetMinutes', e.target.value)} error={fieldError(`severities.${s}.responseTargetMinutes`)} />
                <TextField label={`${s} response target, in words`} value={draft.severities[s].responseTargetLabel} onChange={(e) => setSev(s, 'responseTargetLabel', e.target.value)} error={fieldError(`severities.${s}.responseTargetLabel`)} />
              </td>
              <td><TextField label={`${s} update cadence (minutes)`} inputMode="numeric" value={draft.severities[s].updateCadenceMinutes} onChange={(e) => setSev(s, 'updateCadenceMinutes', e.target.value)} error={fieldError(`severities.${s}.updateCadenceMinutes`)} hint="empty: no cadence" /></td>
              <td><TextField label={`${s} monitoring (minutes)`} inputMode="numeric" value={draft.severities[s].monitoringMinutes} onChange={(e) => setSev(s, 'monitoringMinutes', e.target.value)} error={fieldError(`severities.${s}.monitoringMinutes`)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="checklist-edit">
        <legend>Recovery checklist</legend>
        {draft.checklist.map((c, i) => (
          <div className="row" key={i}>
            <TextField label={`Check ${i + 1}`} value={c.item} onChange={(e) => setDraft((d) => ({ ...d, checklist: d.checklist.map((x, j) => (j === i ? { ...x, item: e.target.value } : x)) }))} error={fieldError(`recoveryChecklist[${i}].item`)} />
            <label className="check"><input type="checkbox" checked={c.negative} onChange={(e) => setDraft((d) => ({ ...d, checklist: d.checklist.map((x, j) => (j === i ? { ...x, negative: e.target.checked } : x)) }))} /> negative check</label>
            <Button className="small" aria-label={`Remove check ${i + 1}`} onClick={() => setDraft((d) => ({ ...d, checklist: d.checklist.filter((_, j) => j !== i) }))}>Remove</Button>
          </div>
        ))}
        <Button className="small" onClick={() => setDraft((d) => ({ ...d, checklist: [...d.checklist, { item: '', negative: false }] }))}>Add check</Button>
      </fieldset>
      <TextField label="Suggest a role handoff after (minutes)" inputMode="numeric" value={draft.roleHandoffMinutes} onChange={(e) => setDraft((d) => ({ ...d, roleHandoffMinutes: e.target.value }))} error={fieldError('roleHandoffMinutes')} />
      <FormError error={error && error.errors.length === 0 ? refusalText(error) : null} />
      {saved && <p role="status" className="saved">Policy saved. New incidents use it; running ones keep the policy they were declared with.</p>}
      <Button type="submit" variant="primary">Save policy</Button>
    </form>
  );
}

export function PolicyTab() {
  const policy = useQuery({ queryKey: ['incident-policy'], queryFn: async () => unwrap(api.GET('/api/v1/settings/incident-policy')) });
  if (!policy.data) return <p role="status">Loading the policy…</p>;
  // The form keeps what was typed (and its "saved" note) across the refetch that follows a save.
  return <PolicyForm policy={policy.data} />;
}
