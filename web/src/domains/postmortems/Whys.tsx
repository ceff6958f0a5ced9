import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { Button, TextArea } from '../../ui/components';
import type { Postmortem, useWrite } from './queries';

/** Five-whys chains, each step a statement (with the events it rests on); a new chain is one step per line. */
export function Whys({ pm, write, editable }: { pm: Postmortem; write: ReturnType<typeof useWrite>; editable: boolean }) {
  const [chain, setChain] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const steps = chain.split('\n').map((s) => s.trim()).filter(Boolean).map((statement) => ({ statement }));
    if (steps.length === 0) return;
    void write(() => unwrap(api.PATCH('/api/v1/incidents/{id}/postmortem', { params: { path: { id: pm.ref } }, body: { whys: [...pm.whys, { steps }] } }))).then((ok) => ok && setChain(''));
  };
  return (
    <section aria-labelledby="whys-head">
      <h2 id="whys-head">Five whys</h2>
      {pm.whys.length === 0 && <p className="muted">No chains yet.</p>}
      {pm.whys.map((w, i) => (
        <ol key={i} aria-label={`Chain ${i + 1}`}>
          {w.steps.map((s, j) => <li key={j}>{s.statement}{s.seqs?.length ? <span className="muted"> (events {s.seqs.join(', ')})</span> : null}</li>)}
        </ol>
      ))}
      {editable && (
        <form onSubmit={add} aria-label="New why chain">
          <TextArea label="New chain (one why per line; the last is a condition, not a person)" rows={4} value={chain} onChange={(e) => setChain(e.target.value)} />
          <Button type="submit">Add chain</Button>
        </form>
      )}
    </section>
  );
}
