import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { Button, SelectField, TextArea } from '../../ui/components';
import type { Postmortem, useWrite } from './queries';

const SECTIONS = ['summary', 'impact', 'timeline', 'detection', 'rootCause', 'contributingFactors', 'wentWell', 'wentPoorly', 'whys', 'actionItems'];

/** Review comments, each on one section; resolving one keeps it on record. */
export function Comments({ pm, write, editable }: { pm: Postmortem; write: ReturnType<typeof useWrite>; editable: boolean }) {
  const [section, setSection] = useState('rootCause');
  const [body, setBody] = useState('');
  const anchors = [...SECTIONS, ...(pm.sections.contributingFactors ?? []).map((_f, i) => `contributingFactors[${i}]`), ...pm.whys.map((_w, i) => `whys[${i}]`)];
  const add = (event: FormEvent) => {
    event.preventDefault();
    void write(() => unwrap(api.POST('/api/v1/incidents/{id}/postmortem/comments', { params: { path: { id: pm.ref } }, body: { section, body } }))).then((ok) => ok && setBody(''));
  };
  const resolve = (commentId: string) => void write(() => unwrap(api.POST('/api/v1/incidents/{id}/postmortem/comments/{commentId}/resolve', { params: { path: { id: pm.ref, commentId } } })));
  return (
    <section aria-labelledby="comments-head">
      <h2 id="comments-head">Review comments</h2>
      {pm.comments.length === 0 && <p className="muted">No comments.</p>}
      <ul>
        {pm.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.section}</strong> · {c.author}: {c.body}{' '}
            {c.resolvedAt ? <span className="muted">(resolved by {c.resolvedBy})</span> : editable && pm.status !== 'published' && <Button variant="quiet" onClick={() => resolve(c.id)}>Resolve</Button>}
          </li>
        ))}
      </ul>
      {editable && pm.status !== 'published' && (
        <form onSubmit={add} aria-label="New review comment">
          <SelectField label="Section" value={section} onChange={(e) => setSection(e.target.value)}>
            {anchors.map((a) => <option key={a} value={a}>{a}</option>)}
          </SelectField>
          <TextArea label="Comment" required rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
          <Button type="submit">Comment</Button>
        </form>
      )}
    </section>
  );
}
