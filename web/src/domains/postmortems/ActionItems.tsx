import { useState, type FormEvent } from 'react';
import { api, unwrap, type ApiError } from '../../api/client';
import { Button, SelectField, StatusBadge, TextField } from '../../ui/components';
import type { Postmortem, useWrite } from './queries';
import { formatDay } from '../../ui/time';

type ItemType = 'prevent' | 'detect' | 'mitigate' | 'process';
type TrackerLink = NonNullable<Postmortem['actionItems'][number]['tracker']>;

const TRACKER_NAMES = { github: 'GitHub', jira: 'Jira' } as const;

/** The item's issue: its link and "open/closed in GitHub", or how creating it stands (pending, failed with why). */
function TrackerState({ tracker }: { tracker: TrackerLink }) {
  const where = TRACKER_NAMES[tracker.provider];
  if (tracker.sync === 'created' && tracker.url) return <><a href={tracker.url}>{tracker.key ?? 'issue'}</a> <span className="badge">{tracker.state ?? 'open'} in {where}</span></>;
  if (tracker.sync === 'failed') return <span className="badge status-failed" title={tracker.lastError ?? undefined}>{where} issue failed{tracker.lastError ? `: ${tracker.lastError}` : ''}</span>;
  return <span className="badge" title={tracker.lastError ?? undefined}>{where} issue pending{tracker.attempts > 0 ? ` (${tracker.attempts} ${tracker.attempts === 1 ? 'try' : 'tries'}${tracker.lastError ? `, last: ${tracker.lastError}` : ''})` : ''}</span>;
}

/** Action items with owner, due date and status; vague titles come back with the lint's reason beside the field. */
export function ActionItems({ pm, write, editable, error }: { pm: Postmortem; write: ReturnType<typeof useWrite>; editable: boolean; error: ApiError | null }) {
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ItemType>('prevent');
  const [dueAt, setDueAt] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const body = { title, type, ...(dueAt ? { dueAt: new Date(`${dueAt}T00:00:00Z`).toISOString() } : {}) };
    void write(() => unwrap(api.POST('/api/v1/incidents/{id}/postmortem/action-items', { params: { path: { id: pm.ref } }, body }))).then((ok) => ok && setTitle(''));
  };
  return (
    <section aria-labelledby="items-head">
      <h2 id="items-head">Action items</h2>
      {pm.actionItems.length > 0 && (
        <table className="table" aria-label="Action items">
          <thead><tr><th scope="col">Action</th><th scope="col">Type</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {pm.actionItems.map((a) => (
              <tr key={a.id}><td>{a.title}{a.trackerUrl && <> · <a href={a.trackerUrl}>tracker</a></>}{a.tracker && <> · <TrackerState tracker={a.tracker} /></>}</td><td>{a.type}</td><td>{a.dueAt ? formatDay(a.dueAt) : '—'}</td><td><StatusBadge status={a.status} /></td></tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <form onSubmit={add} aria-label="New action item" className="row">
          <TextField label="Action (a concrete change and its outcome)" required value={title} onChange={(e) => setTitle(e.target.value)} error={error?.forField('title')} />
          <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value as ItemType)}>
            <option value="prevent">prevent</option><option value="detect">detect</option><option value="mitigate">mitigate</option><option value="process">process</option>
          </SelectField>
          <TextField label="Due" type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
          <Button type="submit">Add action item</Button>
        </form>
      )}
    </section>
  );
}
