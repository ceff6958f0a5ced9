/** An escalation policy's form: ordered steps, each with its targets and delay, and how often to repeat. */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { Button, FormError, SelectField, TextArea, TextField } from '../../ui/components';
import { useSchedules, useTeams, useUsers, type Policy } from './queries';
import { refusalText } from '../../ui/refusal';

type TargetType = 'user' | 'schedule' | 'team';
export interface PolicyDraft {
  name: string;
  description: string;
  repeat: number;
  repeatDelayMinutes: number;
  steps: Array<{ delayMinutes: number; targets: Array<{ type: TargetType; id: string }> }>;
}

export function draftOfPolicy(p: Policy | null): PolicyDraft {
  if (!p) return { name: '', description: '', repeat: 0, repeatDelayMinutes: 0, steps: [{ delayMinutes: 0, targets: [{ type: 'schedule', id: '' }] }] };
  return {
    name: p.name,
    description: p.description ?? '',
    repeat: p.repeat,
    repeatDelayMinutes: Math.round(p.repeatDelaySeconds / 60),
    steps: p.steps.map((s) => ({ delayMinutes: Math.round(s.delaySeconds / 60), targets: s.targets.map((t) => ({ type: t.type, id: t.id })) })),
  };
}

export function bodyOfDraft(d: PolicyDraft) {
  return {
    name: d.name,
    description: d.description || null,
    repeat: d.repeat,
    repeatDelaySeconds: d.repeatDelayMinutes * 60,
    steps: d.steps.map((s) => ({ delaySeconds: s.delayMinutes * 60, targets: s.targets.filter((t) => t.id) })),
  };
}

interface Props {
  initial: PolicyDraft;
  submitLabel: string;
  error: ApiError | null;
  onSubmit: (draft: PolicyDraft) => Promise<void>;
  onCancel?: () => void;
}

export function PolicyEditor({ initial, submitLabel, error, onSubmit, onCancel }: Props) {
  const [d, setD] = useState(initial);
  const users = useUsers().data ?? [];
  const schedules = useSchedules().data ?? [];
  const teams = useTeams().data ?? [];
  const choices: Record<TargetType, Array<{ id: string; name: string }>> = { user: users, schedule: schedules, team: teams };
  const setStep = (i: number, step: PolicyDraft['steps'][number]) => setD({ ...d, steps: d.steps.map((s, j) => (j === i ? step : s)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit(d);
  };

  return (
    <form onSubmit={submit} aria-label={submitLabel}>
      <div className="row">
        <TextField label="Policy name" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} error={error?.forField('name')} />
        <TextField label="Repeat the policy (extra passes)" type="number" min={0} max={20} value={d.repeat} onChange={(e) => setD({ ...d, repeat: Number(e.target.value) })} error={error?.forField('repeat')} />
        <TextField label="Minutes between passes" type="number" min={0} value={d.repeatDelayMinutes} onChange={(e) => setD({ ...d, repeatDelayMinutes: Number(e.target.value) })} />
      </div>
      <TextArea label="Description" rows={2} value={d.description} onChange={(e) => setD({ ...d, description: e.target.value })} />
      {d.steps.map((step, i) => (
        <fieldset key={i} className="step-box">
          <legend>Step {i + 1}</legend>
          <TextField label={i === 0 ? 'Minutes after the trigger' : 'Minutes after the previous step'} type="number" min={0} value={step.delayMinutes} onChange={(e) => setStep(i, { ...step, delayMinutes: Number(e.target.value) })} />
          {step.targets.map((t, k) => (
            <div key={k} className="row">
              <SelectField label={`Target ${k + 1} kind`} value={t.type} onChange={(e) => setStep(i, { ...step, targets: step.targets.map((x, j) => (j === k ? { type: e.target.value as TargetType, id: '' } : x)) })}>
                <option value="schedule">schedule</option><option value="user">person</option><option value="team">team</option>
              </SelectField>
              <SelectField label={`Target ${k + 1}`} required value={t.id} onChange={(e) => setStep(i, { ...step, targets: step.targets.map((x, j) => (j === k ? { ...x, id: e.target.value } : x)) })}>
                <option value="">choose…</option>
                {choices[t.type].map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </SelectField>
              {step.targets.length > 1 && <Button variant="quiet" aria-label={`Remove target ${k + 1} of step ${i + 1}`} onClick={() => setStep(i, { ...step, targets: step.targets.filter((_, j) => j !== k) })}>✕</Button>}
            </div>
          ))}
          <div className="row">
            <Button onClick={() => setStep(i, { ...step, targets: [...step.targets, { type: 'user', id: '' }] })}>Add target</Button>
            {d.steps.length > 1 && <Button variant="danger" onClick={() => setD({ ...d, steps: d.steps.filter((_, j) => j !== i) })}>Remove step {i + 1}</Button>}
          </div>
        </fieldset>
      ))}
      <div className="row">
        <Button onClick={() => setD({ ...d, steps: [...d.steps, { delayMinutes: 5, targets: [{ type: 'user', id: '' }] }] })}>Add step</Button>
        <Button type="submit" variant="primary">{submitLabel}</Button>
        {onCancel && <Button variant="quiet" onClick={onCancel}>Cancel</Button>}
      </div>
      <FormError error={error ? refusalText(error) : null} />
    </form>
  );
}
