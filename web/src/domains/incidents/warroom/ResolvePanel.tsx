/** Resolving: the API says what is missing; the room completes it or overrides with a recorded reason. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { Button, TextArea } from '../../../ui/components';

interface Props {
  onResolve(body: { summary?: string; override?: { reason: string } }): Promise<void>;
  onClose(): void;
}

export function ResolvePanel({ onResolve, onClose }: Props) {
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
          <p><strong>Not resolved:</strong> {refusal.message}</p>
          <TextArea label="Override: why resolve anyway (recorded on the timeline)" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={refusal.forField('reason')} />
        </div>
      )}
      <div className="row">
        <Button type="submit" variant="danger" disabled={busy || (!!refusal && !reason.trim())}>{refusal ? 'Resolve with override' : 'Resolve'}</Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
