/** The war-room summary: everything the room must agree on, on one screen. */
import type { ReactNode } from 'react';
import type { IncidentView } from '../../../api/types';
import { Countdown, Empty } from '../../../ui/components';
import { formatClock, formatTime } from '../../../ui/time';
import { pictureLabel } from './labels';
import type { Draft } from '../../../../../src/domains/incidents/entry/command-kit.js';
import { assignRole, closeReconciliation, cohort, liftUnsafe, openReconciliation, progressReconciliation, rejectHypothesis, settleMitigation, type EventForm } from './event-forms';

/** What a responder's buttons do: record at once, or open a form first. Absent for viewers and resolved incidents. */
export interface RoomActions {
  perform(draft: Draft): void;
  open(form: EventForm): void;
}

function Act({ label, onClick, name }: { label: string; name: string; onClick(): void }) {
  return <button type="button" className="btn btn-quiet tiny" aria-label={name} onClick={onClick}>{label}</button>;
}

function Card({ title, children, className = '', id }: { title: ReactNode; children: ReactNode; className?: string; id: string }) {
  return (
    <section className={`card ${className}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="card-body">{children}</div>
    </section>
  );
}

function pictureValue(state: IncidentView, part: string): string | null {
  switch (part) {
    case 'impact':
      return state.impact && !state.impact.provisional ? state.impact.statement : null;
    case 'commander':
      return state.roles.find((r) => r.role === 'commander')?.label ?? null;
    case 'hypothesis': {
      const h = state.hypotheses.confirmed.at(-1) ?? state.hypotheses.open.at(-1);
      if (h) return h.text;
      return state.investigating ? `none yet — investigating ${state.investigating.text}` : null;
    }
    case 'unsafeActions':
      return state.unsafeActions.length > 0 ? state.unsafeActions.map((u) => u.action).join('; ') : state.unsafeActionsReviewed ? 'none known' : null;
    case 'nextDecision': {
      const d = state.nextDecision;
      return d ? `${d.decision} — ${d.owner.label} by ${formatTime(d.dueAt)}` : null;
    }
    case 'nextUpdate':
      return state.lastUpdate?.nextUpdateAt ? `by ${formatTime(state.lastUpdate.nextUpdateAt)}` : null;
    default:
      return null;
  }
}

const BASE_PARTS = ['impact', 'commander', 'hypothesis', 'unsafeActions', 'nextDecision', 'nextUpdate'];

export function SharedPicture({ state }: { state: IncidentView }) {
  const missing = new Set<string>(state.sharedPicture.missing);
  const parts = [...new Set([...BASE_PARTS, ...missing])];
  return (
    <Card id="card-picture" className={`picture ${state.sharedPicture.has ? 'agreed' : 'incomplete'}`} title={state.sharedPicture.has ? 'Shared picture: agreed' : `Shared picture: ${missing.size} missing`}>
      <ul className="picture-list">
        {parts.map((part) => {
          const value = pictureValue(state, part);
          const isMissing = missing.has(part);
          if (!isMissing && value === null) {
            // A part this server does not ask for yet: shown, but neither agreed nor missing.
            return (
              <li key={part} className="part" data-part={part}>
                <span className="part-name">{pictureLabel(part)}</span>
                <span className="part-value muted">none noted</span>
              </li>
            );
          }
          return (
            <li key={part} className={`part ${isMissing ? 'missing' : 'present'}`} data-part={part}>
              <span className="part-name"><span aria-hidden="true">{isMissing ? '✗ ' : '✓ '}</span>{pictureLabel(part)}</span>
              <span className="part-value">{isMissing ? 'missing' : value}</span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

export function CommandCard({ state, act }: { state: IncidentView; act?: RoomActions | undefined }) {
  return (
    <Card id="card-command" title="Command">
      {state.roles.length === 0 ? <p className="missing">Nobody holds a role.</p> : (
        <ul className="plain">
          {state.roles.map((r) => (
            <li key={`${r.role}-${r.specialty ?? ''}`}>
              <span className="role-name">{r.specialty ?? r.role.replace('_', ' ')}</span> {r.label}
              {act && <Act label="release" name={`Release ${r.specialty ?? r.role}`} onClick={() => act.perform({ kind: 'role_released', body: { role: r.role, ...(r.specialty ? { specialty: r.specialty } : {}) } })} />}
            </li>
          ))}
        </ul>
      )}
      {act && <Act label="Give a role…" name="Give a role" onClick={() => act.open(assignRole)} />}
      {state.warnings.map((w) => <p key={w.code} className="warning" role="note">⚠ {w.message}</p>)}
    </Card>
  );
}

export function ImpactCard({ state, act }: { state: IncidentView; act?: RoomActions | undefined }) {
  return (
    <Card id="card-impact" title="Impact">
      {state.impact && !state.impact.provisional ? (
        <>
          <p className="impact-statement">{state.impact.statement}</p>
          <ul className="plain small">
            {state.impact.journeys.map((j) => <li key={j.journey}>{j.journey}: <strong>{j.effect}</strong>{j.priority && <span className="badge">priority</span>}</li>)}
            {state.impact.affected && <li>Affected: {[state.impact.affected.users !== null ? `${state.impact.affected.users} users` : null, state.impact.affected.percent !== null ? `${state.impact.affected.percent}%` : null].filter(Boolean).join(', ')}</li>}
            {state.impact.since && <li>Since {formatClock(state.impact.since)}</li>}
            <li>Writes safe: {state.impact.writesSafe}</li>
          </ul>
        </>
      ) : (
        <>
          <p className="missing">Not stated by a person yet. Which user journey is broken?</p>
          {state.impact?.provisional && <p className="muted small">Provisional (written by Firebreak): {state.impact.statement}</p>}
        </>
      )}
      {state.cohorts.length > 0 && <p className="small">Harmed: {state.cohorts.map((c) => `${c.dimension} ${c.value}`).join(', ')}</p>}
      {state.cohortsUnaffected.length > 0 && <p className="small">Safe: {state.cohortsUnaffected.map((c) => `${c.dimension} ${c.value}`).join(', ')}</p>}
      {act && <Act label="Cohort…" name="Cohort: record one" onClick={() => act.open(cohort)} />}
    </Card>
  );
}

export function HypothesesCard({ state, act }: { state: IncidentView; act?: RoomActions | undefined }) {
  const { open, confirmed } = state.hypotheses;
  return (
    <Card id="card-hyp" title="Hypotheses (not facts)">
      {open.length + confirmed.length === 0 ? <Empty>None yet.</Empty> : (
        <ul className="plain">
          {confirmed.map((h) => <li key={h.seq}><span className="badge ok">confirmed</span> {h.text}</li>)}
          {open.map((h) => (
            <li key={h.seq}>
              <span className="badge open">open</span> {h.text}
              {act && (
                <>
                  <Act label="confirm" name={`Confirm hypothesis #${h.seq}`} onClick={() => act.perform({ kind: 'hypothesis_confirmed', body: { hypothesisSeq: h.seq } })} />
                  <Act label="reject…" name={`Reject hypothesis #${h.seq}`} onClick={() => act.open(rejectHypothesis({ seq: h.seq, text: h.text }))} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {open.length + confirmed.length === 0 && state.investigating && <p className="small">Investigating: {state.investigating.text}</p>}
      {state.counts.hypothesesRejected > 0 && <p className="muted small">{state.counts.hypothesesRejected} rejected</p>}
    </Card>
  );
}

export function MitigationsCard({ state, act }: { state: IncidentView; act?: RoomActions | undefined }) {
  return (
    <Card id="card-mit" title="Mitigations">
      {state.mitigations.active.length === 0 ? <Empty>None running.</Empty> : (
        <ul className="plain">
          {state.mitigations.active.map((m) => (
            <li key={m.seq}>
              {m.action} <span className="muted">expect {m.expectedSignal}</span> <Countdown at={m.deadline} label="Mitigation deadline" overdueLabel="deadline passed" />
              {act && (
                <>
                  <Act label="worked…" name={`Worked: mitigation #${m.seq}`} onClick={() => act.open(settleMitigation({ seq: m.seq, text: m.action }, 'verified'))} />
                  <Act label="failed…" name={`Failed: mitigation #${m.seq}`} onClick={() => act.open(settleMitigation({ seq: m.seq, text: m.action }, 'failed'))} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.mitigations.lastSettled && (
        <p className="muted small">Last settled: {state.mitigations.lastSettled.action} — {state.mitigations.lastSettled.outcome} ({state.counts.mitigationsVerified} verified, {state.counts.mitigationsFailed} failed)</p>
      )}
      {state.nextDecision && <p className="small">Next decision due in <Countdown at={state.nextDecision.dueAt} label="Next decision due" /> ({state.nextDecision.owner.label})</p>}
    </Card>
  );
}

export function UnsafeCard({ state, act }: { state: IncidentView; act?: RoomActions | undefined }) {
  return (
    <Card id="card-unsafe" className="unsafe" title="Do not">
      {state.unsafeActions.length === 0 ? <Empty>{state.unsafeActionsReviewed?.noneKnown ? 'None known (reviewed).' : 'Not reviewed yet.'}</Empty> : (
        <ul className="plain">
          {state.unsafeActions.map((u) => (
            <li key={u.seq}>
              <strong>{u.action}</strong> <span className="muted small">{u.reason}</span>
              {u.condition && <span className="small"> · until {u.condition}</span>}
              {u.until && <span className="small"> · until {formatClock(u.until)}</span>}
              {act && <Act label="lift…" name={`Lift "${u.action}"`} onClick={() => act.open(liftUnsafe({ seq: u.seq, text: u.action }))} />}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function RecoveryCard({ state, act }: { state: IncidentView; act?: RoomActions | undefined }) {
  const { items, answered, total } = state.checklist;
  return (
    <Card id="card-recovery" title={`Recovery checks ${answered}/${total}`}>
      {state.recovery.monitoringUntil && state.status === 'monitoring' && (
        <p className="small">Monitoring: <Countdown at={state.recovery.monitoringUntil} label="Monitoring time left" overdueLabel="served" /></p>
      )}
      <ul className="plain small">
        {items.map((i) => (
          <li key={i.item} className={`check-${i.result ?? 'open'}`}>
            <span aria-hidden="true">{i.result === 'pass' ? '✓' : i.result === 'fail' ? '✗' : i.result === 'not_applicable' ? '–' : '○'}</span> {i.item}
            <span className="visually-hidden"> ({i.result ?? 'unanswered'})</span>
            {act && !i.result && (['pass', 'fail', 'not_applicable'] as const).map((result) => (
              <Act key={result} label={result === 'not_applicable' ? 'n/a' : result} name={`${result === 'not_applicable' ? 'n/a' : result}: ${i.item}`} onClick={() => act.perform({ kind: 'checklist_item_checked', body: { item: i.item, result, ...(i.negative ? { negative: true } : {}) } })} />
            ))}
          </li>
        ))}
      </ul>
      {state.reconciliations.length > 0 && (
        <ul className="plain small" aria-label="Reconciliations">
          {state.reconciliations.map((r) => (
            <li key={r.seq}>
              Reconciliation: {r.scope} ({r.status}{r.owner ? `, ${r.owner.label}` : ''})
              {act && r.status !== 'closed' && (
                <>
                  <Act label="progress…" name={`Progress on reconciliation #${r.seq}`} onClick={() => act.open(progressReconciliation({ seq: r.seq, text: r.scope }))} />
                  <Act label="close…" name={`Close reconciliation #${r.seq}`} onClick={() => act.open(closeReconciliation({ seq: r.seq, text: r.scope }))} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {act && <Act label="Reconciliation…" name="Reconciliation: open one" onClick={() => act.open(openReconciliation)} />}
    </Card>
  );
}
