/** Escalation policies: who is paged, in which order, after how long; admins edit them. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type ApiError, unwrap } from '../../api/client';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Button, Empty } from '../../ui/components';
import { OnCallTabs } from './OnCallTabs';
import { bodyOfDraft, draftOfPolicy, PolicyEditor, type PolicyDraft } from './PolicyEditor';
import { asApiError, usePeopleNames, useSchedules, useTeams, type Policy } from './queries';
import './oncall.css';

const POLICIES_KEY = ['oncall', 'policies'] as const;

function minutes(seconds: number): string {
  return seconds === 0 ? 'at once' : `after ${Math.round(seconds / 60)} min`;
}

function PolicySummary({ policy }: { policy: Policy }) {
  const nameOf = usePeopleNames();
  const schedules = new Map((useSchedules().data ?? []).map((s) => [s.id, s.name]));
  const teams = new Map((useTeams().data ?? []).map((t) => [t.id, t.name]));
  const targetName = (t: { type: string; id: string }) =>
    t.type === 'user' ? nameOf(t.id) : t.type === 'schedule' ? `schedule ${schedules.get(t.id) ?? t.id.slice(0, 8)}` : `team ${teams.get(t.id) ?? t.id.slice(0, 8)}`;
  return (
    <>
      <ol className="ordered" aria-label={`Steps of ${policy.name}`}>
        {policy.steps.map((s, i) => <li key={i}>{minutes(s.delaySeconds)}: {s.targets.map(targetName).join(', ')}</li>)}
      </ol>
      <p className="small muted">{policy.repeat === 0 ? 'Runs once.' : `Repeats ${policy.repeat} more time${policy.repeat > 1 ? 's' : ''}, ${minutes(policy.repeatDelaySeconds)} between passes.`}</p>
    </>
  );
}

export default function PoliciesPage(_props: ScreenProps) {
  const isAdmin = useCan('admin');
  const client = useQueryClient();
  const policies = useQuery({ queryKey: POLICIES_KEY, queryFn: async () => (await unwrap(api.GET('/api/v1/escalation-policies'))).policies });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async (id: string | null, draft: PolicyDraft) => {
    setError(null);
    try {
      if (id) await unwrap(api.PATCH('/api/v1/escalation-policies/{id}', { params: { path: { id } }, body: bodyOfDraft(draft) }));
      else await unwrap(api.POST('/api/v1/escalation-policies', { body: bodyOfDraft(draft) }));
      setEditing(null);
      await client.invalidateQueries({ queryKey: POLICIES_KEY });
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const remove = async (p: Policy) => {
    if (!window.confirm(`Delete escalation policy ${p.name}?`)) return;
    try {
      await unwrap(api.DELETE('/api/v1/escalation-policies/{id}', { params: { path: { id: p.id } } }));
      await client.invalidateQueries({ queryKey: POLICIES_KEY });
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const open = (id: string | 'new') => {
    setError(null);
    setEditing(id);
  };

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Escalation policies</h1>
        {isAdmin && editing !== 'new' && <Button variant="primary" onClick={() => open('new')}>New policy</Button>}
      </div>
      <OnCallTabs />
      <p className="muted small">A running escalation keeps the policy as it was when it started: edits apply to the next one.</p>
      {editing === 'new' && <section className="layer-box" aria-label="New escalation policy"><PolicyEditor initial={draftOfPolicy(null)} submitLabel="Create policy" error={error} onSubmit={(d) => save(null, d)} onCancel={() => setEditing(null)} /></section>}
      {policies.data?.length === 0 && editing !== 'new' && <Empty>No escalation policies yet.</Empty>}
      {policies.data?.map((p) => (
        <section key={p.id} className="layer-box" aria-labelledby={`policy-${p.id}`}>
          <div className="page-head">
            <h2 id={`policy-${p.id}`}>{p.name}</h2>
            {isAdmin && editing !== p.id && (
              <div className="row">
                <Button onClick={() => open(p.id)}>Edit {p.name}</Button>
                <Button variant="danger" onClick={() => void remove(p)}>Delete {p.name}</Button>
              </div>
            )}
          </div>
          {p.description && <p className="muted">{p.description}</p>}
          {editing === p.id
            ? <PolicyEditor initial={draftOfPolicy(p)} submitLabel="Save policy" error={error} onSubmit={(d) => save(p.id, d)} onCancel={() => setEditing(null)} />
            : <PolicySummary policy={p} />}
        </section>
      ))}
    </main>
  );
}
