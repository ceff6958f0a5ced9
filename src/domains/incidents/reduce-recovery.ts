/** Reducer steps for recovery and the record: checklist, reconciliation, markers, amendments. */
import type { EventOf } from './events.js';
import { counted, namedHolder } from './reduce-command.js';
import type { ChecklistItem, IncidentState, MarkerName, Reconciliation } from './model.js';

/** Checklist items are matched by their text, ignoring case and surrounding space. */
export function checklistKey(item: string): string {
  return item.trim().toLowerCase();
}

export function checklistItemChecked(state: IncidentState, event: EventOf<'checklist_item_checked'>): IncidentState {
  const b = event.body;
  const existing = state.checklist.items.find((i) => checklistKey(i.item) === checklistKey(b.item));
  const item: ChecklistItem = {
    item: existing?.item ?? b.item.trim(),
    negative: b.negative ?? existing?.negative ?? false,
    result: b.result,
    note: b.note ?? null,
    checkedAt: event.occurredAt,
    checkedBy: event.actorLabel,
    seq: event.seq,
  };
  const items = existing ? state.checklist.items.map((i) => (i === existing ? item : i)) : [...state.checklist.items, item];
  return { ...state, checklist: { ...state.checklist, items } };
}

export function reconciliationOpened(state: IncidentState, event: EventOf<'reconciliation_opened'>): IncidentState {
  const reconciliation: Reconciliation = {
    seq: event.seq,
    scope: event.body.scope,
    owner: event.body.owner ? namedHolder(event.body.owner) : null,
    status: 'open',
    openedAt: event.occurredAt,
    lastProgress: null,
    closedAt: null,
    outcome: null,
  };
  return { ...state, reconciliations: [...state.reconciliations, reconciliation] };
}

function updateReconciliation(state: IncidentState, seq: number, change: (r: Reconciliation) => Reconciliation): IncidentState {
  return { ...state, reconciliations: state.reconciliations.map((r) => (r.seq === seq ? change(r) : r)) };
}

export function reconciliationProgressed(state: IncidentState, event: EventOf<'reconciliation_progressed'>): IncidentState {
  const b = event.body;
  return updateReconciliation(state, b.reconciliationSeq, (r) => ({
    ...r,
    owner: b.owner ? namedHolder(b.owner) : r.owner,
    lastProgress: { seq: event.seq, at: event.occurredAt, note: b.note, recordsChecked: b.recordsChecked ?? null, recordsRepaired: b.recordsRepaired ?? null },
  }));
}

export function reconciliationClosed(state: IncidentState, event: EventOf<'reconciliation_closed'>): IncidentState {
  return updateReconciliation(state, event.body.reconciliationSeq, (r) => ({ ...r, status: 'closed', closedAt: event.occurredAt, outcome: event.body.outcome }));
}

export function marker(state: IncidentState, event: EventOf<'marker'>): IncidentState {
  return { ...state, markers: { ...state.markers, [event.body.marker]: { at: event.occurredAt, seq: event.seq } } };
}

export function evidenceAttached(state: IncidentState): IncidentState {
  return counted(state, 'evidence');
}

/**
 * Records the correction. A corrected time on a marker moves the marker; on the
 * event that resolved or mitigated the incident it moves that key time, so
 * time-to-resolve and time-to-mitigate can be fixed after the fact.
 */
export function amended(state: IncidentState, event: EventOf<'amended'>): IncidentState {
  const { targetSeq, correction, occurredAt } = event.body;
  const amendment = { seq: event.seq, targetSeq, correction, correctedOccurredAt: occurredAt ?? null, at: event.recordedAt };
  let { markers, keyTimes, resolution } = state;
  if (occurredAt) {
    for (const [name, m] of Object.entries(state.markers) as Array<[MarkerName, { at: string; seq: number } | null]>) {
      if (m?.seq === targetSeq) markers = { ...markers, [name]: { at: occurredAt, seq: targetSeq } };
    }
    if (state.keyTimeSeqs.resolvedAt === targetSeq) {
      keyTimes = { ...keyTimes, resolvedAt: occurredAt };
      if (resolution) resolution = { ...resolution, at: occurredAt };
    }
    if (state.keyTimeSeqs.mitigatedAt === targetSeq) keyTimes = { ...keyTimes, mitigatedAt: occurredAt };
  }
  return counted({ ...state, markers, keyTimes, resolution, lastAmendment: amendment }, 'amendments');
}
