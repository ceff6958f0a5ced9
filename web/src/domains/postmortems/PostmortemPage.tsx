import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import type { ScreenProps } from '../../shell/registry';
import { useCan } from '../../shell/session';
import { Button, Empty, FormError, SelectField, StatusBadge, TextArea } from '../../ui/components';
import { ActionItems } from './ActionItems';
import { Comments } from './Comments';
import { Whys } from './Whys';
import { usePostmortem, useUsers, useWrite, type Postmortem, type PostmortemPatch } from './queries';
import { refusalText } from '../../ui/refusal';
import { formatClock, formatDate, formatDay } from '../../ui/time';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Root cause, contributing factors and what went well or poorly, with the blame lint's findings beside them. */
function SectionsForm({ pm, write, error }: { pm: Postmortem; write: ReturnType<typeof useWrite>; error: ApiError | null }) {
  const [summary, setSummary] = useState(pm.sections.summary ?? '');
  const [rootCause, setRootCause] = useState(pm.sections.rootCause ?? '');
  const [factors, setFactors] = useState((pm.sections.contributingFactors ?? []).join('\n'));
  const [wentWell, setWentWell] = useState((pm.sections.wentWell ?? []).join('\n'));
  const [wentPoorly, setWentPoorly] = useState((pm.sections.wentPoorly ?? []).join('\n'));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const sections = { ...(summary.trim() ? { summary } : {}), ...(rootCause.trim() ? { rootCause } : {}), contributingFactors: lines(factors), wentWell: lines(wentWell), wentPoorly: lines(wentPoorly) };
    void write(() => unwrap(api.PATCH('/api/v1/incidents/{id}/postmortem', { params: { path: { id: pm.ref } }, body: { sections } })));
  };
  return (
    <form onSubmit={save} aria-labelledby="sections-head">
      <h2 id="sections-head">Sections</h2>
      <TextArea label="Summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} error={error?.forField('summary')} />
      <TextArea label="Root cause (a system condition, not a person)" rows={3} value={rootCause} onChange={(e) => setRootCause(e.target.value)} error={error?.forField('rootCause')} />
      <TextArea label="Contributing factors (one per line)" rows={3} value={factors} onChange={(e) => setFactors(e.target.value)} />
      <TextArea label="What went well (one per line)" rows={2} value={wentWell} onChange={(e) => setWentWell(e.target.value)} />
      <TextArea label="What went poorly (one per line)" rows={2} value={wentPoorly} onChange={(e) => setWentPoorly(e.target.value)} />
      <Button type="submit" variant="primary">Save sections</Button>
    </form>
  );
}

/** Reviewers, the move to review and publication. */
function Workflow({ pm, write }: { pm: Postmortem; write: ReturnType<typeof useWrite> }) {
  const users = useUsers().data ?? [];
  const [reviewer, setReviewer] = useState(pm.reviewers[0] ?? '');
  const patch = (body: PostmortemPatch) => write(() => unwrap(api.PATCH('/api/v1/incidents/{id}/postmortem', { params: { path: { id: pm.ref } }, body })));
  if (pm.status === 'published') return <p>Published {pm.publishedAt ? formatDate(pm.publishedAt) : ''}. <a href={`/api/v1/incidents/${pm.ref}/postmortem?format=html`}>HTML</a> · <a href={`/api/v1/incidents/${pm.ref}/postmortem?format=markdown`}>Markdown</a></p>;
  return (
    <div className="row" role="group" aria-label="Workflow">
      {pm.status === 'draft' && (
        <>
          <SelectField label="Reviewer" value={reviewer} onChange={(e) => setReviewer(e.target.value)}>
            <option value="">choose…</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name || u.email}</option>)}
          </SelectField>
          <Button variant="primary" disabled={!reviewer} onClick={() => void patch({ reviewerIds: [reviewer], status: 'in_review' })}>Ask for review</Button>
        </>
      )}
      {pm.status === 'in_review' && (
        <>
          <Button onClick={() => void patch({ status: 'draft' })}>Back to draft</Button>
          <Button variant="primary" onClick={() => void patch({ status: 'published' })}>Publish</Button>
        </>
      )}
    </div>
  );
}

/** What the log already knows: the timeline and facts of the draft. */
function DraftFacts({ pm }: { pm: Postmortem }) {
  const d = pm.draft;
  const minutes = (s: number | null) => (s === null ? 'unknown' : `${Math.round(s / 60)} min`);
  return (
    <section aria-labelledby="draft-head">
      <h2 id="draft-head">From the timeline</h2>
      <ul>
        <li>Detection delay (first symptom → declared): {minutes(d.detection.detectionDelaySeconds)}</li>
        <li>Time to shared picture: {minutes(d.facts.timeToSharedPictureSeconds)}</li>
        <li>Missed update commitments: {d.facts.missedUpdates.length}; failed mitigations: {d.facts.failedMitigations.length}; reminders: {d.facts.remindersSent.length}</li>
      </ul>
      <table className="table" aria-label="Timeline (UTC)">
        <thead><tr><th scope="col">Time (UTC)</th><th scope="col">Event</th><th scope="col">#</th></tr></thead>
        <tbody>{d.timeline.map((r) => <tr key={r.seq}><td>{formatDay(r.at)} {formatClock(r.at)}</td><td>{r.text}</td><td>{r.seq}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

/** One postmortem: the draft from the timeline, the sections people write, five whys, action items, review and publication. */
export default function PostmortemPage({ params }: ScreenProps) {
  const ref = params.ref!;
  const canWrite = useCan('responder');
  const pm = usePostmortem(ref);
  const [error, setError] = useState<ApiError | null>(null);
  const write = useWrite(ref, setError);
  if (pm.error instanceof ApiError && pm.error.status === 404) {
    return (
      <main id="main" className="page">
        <h1>Postmortem of {ref}</h1>
        <Empty>This incident has no postmortem yet.</Empty>
        {canWrite && <Button variant="primary" onClick={() => void write(() => unwrap(api.POST('/api/v1/incidents/{id}/postmortem', { params: { path: { id: ref } } })))}>Open a postmortem</Button>}
        <FormError error={refusalText(error)} />
      </main>
    );
  }
  if (!pm.data) return <main id="main" className="page"><p>Loading…</p></main>;
  const p = pm.data;
  const editable = canWrite && p.status !== 'published';
  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Postmortem: {p.ref} {p.draft.header.title}</h1>
        <StatusBadge status={p.status} />
      </div>
      <p className="muted">Due {formatDate(p.dueAt)} · severity {p.draft.header.severity}{p.meeting ? ` · meeting ${formatDate(p.meeting.at)}` : ''}</p>
      {canWrite && <Workflow pm={p} write={write} />}
      <FormError error={refusalText(error)} />
      {p.blameFindings.length > 0 && (
        <section aria-labelledby="blame-head" className="warnings">
          <h2 id="blame-head">Blameless check</h2>
          <ul>{p.blameFindings.map((f, i) => <li key={i}><strong>{f.section}</strong>: “{f.match}” — {f.reason}. {f.suggestion}</li>)}</ul>
        </section>
      )}
      {editable ? <SectionsForm key={p.id} pm={p} write={write} error={error} /> : (
        <section aria-label="Sections"><h2>Root cause</h2><p>{p.sections.rootCause ?? '—'}</p></section>
      )}
      <Whys pm={p} write={write} editable={editable} />
      <ActionItems pm={p} write={write} editable={canWrite} error={error} />
      <Comments pm={p} write={write} editable={canWrite} />
      <DraftFacts pm={p} />
    </main>
  );
}
