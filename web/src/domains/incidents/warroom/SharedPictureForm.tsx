/**
 * One form for what the room has not said yet: Tab moves between the fields,
 * one Enter sends each filled part as the event it is. Starts from what the
 * state knows (the severity, me as commander and owner, the policy's cadence).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { IncidentView } from '../../../api/types';
import { Button } from '../../../ui/components';
import type { Draft } from '../../../../../src/domains/incidents/entry/command-kit.js';
import { initialValues, pictureDrafts, pictureParts, type Effect, type PicturePart, type PictureValues } from './picture-form';
import { refusalText } from '../../../ui/refusal';

interface Props {
  state: IncidentView;
  me: { id: string; name: string };
  people: ReadonlyArray<{ id: string; name: string }>;
  serviceName: string | null;
  /** Sends one event; rejects with the API's refusal. */
  send(draft: Draft): Promise<unknown>;
}

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

function Row({ label, id, part, error, children }: { label: string; id: string; part: PicturePart; error: string | null; children: ReactNode }) {
  return (
    <div className="pf-row" data-part={part}>
      <label htmlFor={id}>{label}</label>
      <div className="pf-fields">{children}</div>
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

export function SharedPictureForm({ state, me, people, serviceName, send }: Props) {
  const [values, setValues] = useState<PictureValues>(() => initialValues(state, me, serviceName));
  const [failed, setFailed] = useState<{ part: PicturePart; error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const parts = pictureParts(state);
  if (parts.length === 0) return null;
  const set = (patch: Partial<PictureValues>) => setValues((v) => ({ ...v, ...patch }));
  const everyone = people.some((p) => p.id === me.id) ? people : [{ id: me.id, name: me.name }, ...people];
  const errorOf = (part: PicturePart) => (failed?.part === part ? failed.error : null);
  const personOptions = everyone.map((p) => <option key={p.id} value={p.id}>{p.id === me.id ? `me (${p.name})` : p.name}</option>);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailed(null);
    const result = pictureDrafts(state, parts, { ...values, journey: values.journey || serviceName || '' }, new Date(), everyone);
    if (!result.ok) {
      setFailed({ part: result.part, error: result.error });
      return;
    }
    setBusy(true);
    try {
      // One event per part, in order: what was sent stays sent if a later one is refused.
      for (const { part, draft } of result.drafts) {
        try {
          await send(draft);
        } catch (err) {
          setFailed({ part, error: refusalText(err) });
          return;
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="picture-form" onSubmit={submit} aria-label="Shared picture">
      <h2>Complete the shared picture <span className="muted">Tab between fields, Enter sends them all</span></h2>
      {parts.includes('severity') && (
        <Row label="Severity" id="pf-severity" part="severity" error={errorOf('severity')}>
          <select id="pf-severity" value={values.severity} onChange={(e) => set({ severity: e.target.value })}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{s === state.severity ? `${s} (confirm)` : s}</option>)}
          </select>
        </Row>
      )}
      {parts.includes('commander') && (
        <Row label="Commander" id="pf-commander" part="commander" error={errorOf('commander')}>
          <select id="pf-commander" value={values.commander} onChange={(e) => set({ commander: e.target.value })}>{personOptions}</select>
        </Row>
      )}
      {parts.includes('impact') && (
        <Row label="Impact" id="pf-impact" part="impact" error={errorOf('impact')}>
          <input id="pf-impact" className="grow" value={values.impact} onChange={(e) => set({ impact: e.target.value })} placeholder="who cannot do what, since when" />
          <input aria-label="Journey" className="short" value={values.journey} onChange={(e) => set({ journey: e.target.value })} placeholder="journey" />
          <select aria-label="How the journey is broken" value={values.effect} onChange={(e) => set({ effect: e.target.value as Effect })}>
            <option value="down">down</option>
            <option value="slow">slow</option>
            <option value="degraded">degraded</option>
          </select>
        </Row>
      )}
      {parts.includes('hypothesis') && (
        <Row label="Hypothesis" id="pf-hypothesis" part="hypothesis" error={errorOf('hypothesis')}>
          <input id="pf-hypothesis" className="grow" value={values.hypothesis} onChange={(e) => set({ hypothesis: e.target.value })} placeholder='the leading one, or "none yet, investigating …"' />
        </Row>
      )}
      {parts.includes('unsafeActions') && (
        <Row label="Unsafe actions" id="pf-unsafe" part="unsafeActions" error={errorOf('unsafeActions')}>
          <input id="pf-unsafe" className="grow" value={values.unsafe} onChange={(e) => set({ unsafe: e.target.value })} placeholder='"do not restart the primary because …", or "none known"' />
        </Row>
      )}
      {parts.includes('nextDecision') && (
        <Row label="Next decision" id="pf-decision" part="nextDecision" error={errorOf('nextDecision')}>
          <input id="pf-decision" className="grow" value={values.decision} onChange={(e) => set({ decision: e.target.value })} placeholder="roll back or fail over" />
          <select aria-label="Decision owner" value={values.owner} onChange={(e) => set({ owner: e.target.value })}>{personOptions}</select>
          <input aria-label="Decision due" className="tiny-input" value={values.decisionBy} onChange={(e) => set({ decisionBy: e.target.value })} />
        </Row>
      )}
      {parts.includes('nextUpdate') && (
        <Row label="Next update" id="pf-update" part="nextUpdate" error={errorOf('nextUpdate')}>
          <input id="pf-update" className="tiny-input" value={values.updateBy} onChange={(e) => set({ updateBy: e.target.value })} />
          <span className="muted small">internal update with the above, next one in this time (15m or 14:30)</span>
        </Row>
      )}
      <div className="pf-submit">
        <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Sending…' : 'Send the picture'}</Button>
      </div>
    </form>
  );
}
