import { formatTime } from '../../../ui/time';

/** Words for the shared picture's parts and the timeline's kinds. Unknown keys fall back to readable text. */
export const PICTURE_PARTS: Record<string, string> = {
  impact: 'Impact stated',
  commander: 'Commander',
  hypothesis: 'Leading hypothesis (or "none yet")',
  unsafeActions: 'Unsafe actions reviewed',
  nextDecision: 'Next decision, owner and time',
  nextUpdate: 'Next update committed',
};

export function pictureLabel(key: string): string {
  return PICTURE_PARTS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export const KIND_LABELS: Record<string, string> = {
  declared: 'Declared',
  severity_confirmed: 'Severity confirmed',
  no_hypothesis: 'No hypothesis yet',
  next_decision: 'Next decision',
  unsafe_action_lifted: 'Unsafe lifted',
  no_unsafe_actions_known: 'No unsafe actions known',
  cohort_unaffected: 'Cohort safe',
  observation: 'Observation',
  hypothesis_proposed: 'Hypothesis',
  hypothesis_confirmed: 'Hypothesis confirmed',
  hypothesis_rejected: 'Hypothesis rejected',
  decision: 'Decision',
  action_taken: 'Action',
  mitigation_started: 'Mitigation',
  mitigation_verified: 'Mitigation verified',
  mitigation_failed: 'Mitigation failed',
  unsafe_action_noted: 'Do not',
  update_posted: 'Update',
  impact_stated: 'Impact',
  role_assigned: 'Role',
  role_released: 'Role released',
  status_changed: 'Status',
  severity_changed: 'Severity',
  marker: 'Marker',
  amended: 'Amendment',
  note: 'Note',
  reminder: 'Reminder',
  alert_attached: 'Alert',
  resolved: 'Resolved',
  reopened: 'Reopened',
  handoff: 'Handoff',
  evidence_attached: 'Evidence',
  checklist_item_checked: 'Recovery check',
  cohort_affected: 'Cohort affected',
  cohort_cleared: 'Cohort cleared',
  member_added: 'Member',
  reconciliation_opened: 'Reconciliation',
  reconciliation_progressed: 'Reconciliation',
  reconciliation_closed: 'Reconciliation closed',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');
}

/** One line that says what an event recorded, from whichever text field its body has. */
export function eventText(kind: string, body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  switch (kind) {
    case 'declared':
      return `${s('title')} (${s('severity')})`;
    case 'role_assigned':
      return `${s('role')}${s('specialty') ? ` (${s('specialty')})` : ''}: ${s('label') || 'assigned'}`;
    case 'status_changed':
      return `→ ${s('status')}${s('reason') ? `: ${s('reason')}` : ''}`;
    case 'severity_changed':
      return `→ ${s('severity')}: ${s('reason')}`;
    case 'decision':
      return `${s('decision')} — because ${s('rationale')}`;
    case 'mitigation_started':
      return `${s('action')} — expect ${s('expectedSignal')}`;
    case 'unsafe_action_noted':
      return `${s('action')}${s('reason') ? ` — ${s('reason')}` : ''}`;
    case 'marker':
      return `${s('marker').replace(/_/g, ' ')}${s('note') ? `: ${s('note')}` : ''}`;
    case 'next_decision': {
      const owner = (b.owner ?? {}) as { label?: string };
      return `${s('decision')} — ${owner.label ?? 'someone'} decides by ${typeof b.dueAt === 'string' ? formatTime(b.dueAt) : '?'}`;
    }
    case 'severity_confirmed':
      return s('note') ? `The severity stands: ${s('note')}` : 'A person confirmed the severity';
    case 'update_posted':
      return `${s('audience') === 'public' ? 'Public' : 'Internal'}: ${s('text')}${typeof b.nextUpdateAt === 'string' ? ` (next update by ${formatTime(b.nextUpdateAt)})` : ''}`;
    case 'member_added':
      return 'joined the incident';
    case 'no_hypothesis':
      return `investigating ${s('investigating')}`;
    case 'no_unsafe_actions_known':
      return s('note') || 'the room knows of no unsafe action';
    case 'amended':
      return `corrects #${String(b.targetSeq)}: ${s('correction')}`;
    case 'reminder':
      return s('reason') === 'update_due' ? 'The committed update is due' : 'A mitigation deadline passed';
    default:
      // Never raw JSON: the first text the body has, else its plain values in words.
      return s('text') || s('statement') || s('summary') || s('action') || s('observed') || s('reason') || s('scope') || s('title') || s('note') || s('item') || plainValues(b);
  }
}

/** A body without a text field, in words: "region eu-west-1, tenant acme". */
function plainValues(b: Record<string, unknown>): string {
  return Object.entries(b)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ${String(v)}`)
    .join(', ');
}
