/** Resolving: the API says what is missing; the room completes it or overrides with a recorded reason. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import type { IncidentView } from '../../../api/types';
import { Button, TextArea } from '../../../ui/components';
import { formatTime } from '../../../ui/time';
import { refusalText } from '../../../ui/refusal';

/**
 * What still stands between the room and resolving, in a person's words:
 * relative times, the person's clock, no field names.
 */
export function resolveGaps(state: IncidentView, now: number): string[] {
  const gaps: string[] = [];
  if (!state.impact || state.impact.provisional) gaps.push('nobody has stated the impact yet');
  const { items } = state.checklist;
  const open = items.filter((i) => i.result === null).length;
  if (items.length > 0 && open > 0) gaps.push(`${open} of ${items.length} recovery checks are unanswered`);
  const minutes = state.recovery.monitoringMinutes;
  if (minutes > 0) {
    const since = state.status === 'monitoring' ? state.recovery.monitoringSince : null;
    if (!since) gaps.push(`${state.severity} needs ${minutes} minutes of monitoring first (set the status to monitoring)`);
    else {
      const left = Math.ceil((Date.parse(since) + minutes * 60_000 - now) / 60_000);
      if (left > 0) gaps.push(`${left} more minute${left === 1 ? '' : 's'} of monitoring before resolving (since ${formatTime(since)})`);
    }
  }
  return gaps;
}

interface Props {
  state: IncidentView;
  onResolve(body: { summary?: string; override?: { reason: string } }): Promise<void>;
  onClose(): void;
}

export function ResolvePanel({ state, onResolve, onClose }: Props) {
  const [summary, setSummary] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onResolve({ ...(summary.trim() ? { summary: summary.trim() } : {}), ...(refusal && reason.trim() ? { override: { reason: reason.trim() } } : {}) });
      onClose();
    } catch (err) {
      setRefusal(err instanceof ApiError ? err : new ApiError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="resolve-panel" onSubmit={submit} aria-label="Resolve the incident">
      <h2>Resolve</h2>
      <TextArea label="Resolution summary" rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} error={refusal?.forField('summary')} />
      {refusal && (
        <div className="refusal" role="alert">
          {refusal.type?.endsWith('resolve-prerequisites-missing') && resolveGaps(state, Date.now()).length > 0 ? (
            <p><strong>Not yet:</strong> {resolveGaps(state, Date.now()).join('; ')}… or resolve with an override and say why.</p>
          ) : (
            <p><strong>Not resolved:</strong> {refusalText(refusal)}</p>
          )}
          <TextArea label="Why resolve anyway (recorded on the timeline)" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={refusal.forField('reason')} />
        </div>
      )}
      <div className="row">
        <Button type="submit" variant="danger" disabled={busy || (!!refusal && !reason.trim())}>{refusal ? 'Resolve with override' : 'Resolve'}</Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
