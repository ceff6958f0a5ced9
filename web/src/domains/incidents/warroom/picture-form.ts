/**
 * The shared-picture form's logic, apart from its screen: which fields the
 * room still has to fill, what they start with (what the state already knows),
 * and the individual events one submit becomes, in the order a person would
 * say them.
 */
import type { IncidentView } from '../../../api/types';
import { parseWhen, type Draft } from '../../../../../src/domains/incidents/entry/command-kit.js';

export type Effect = 'down' | 'slow' | 'degraded';

/** A form field: one missing part of the shared picture, or the triage's severity. */
export type PicturePart = 'severity' | 'commander' | 'impact' | 'hypothesis' | 'unsafeActions' | 'nextDecision' | 'nextUpdate';

export interface PictureValues {
  severity: string;
  commander: string;
  impact: string;
  journey: string;
  effect: Effect;
  hypothesis: string;
  unsafe: string;
  decision: string;
  /** A user id, or the name of someone without an account. */
  owner: string;
  decisionBy: string;
  updateBy: string;
}

const ORDER: PicturePart[] = ['severity', 'commander', 'impact', 'hypothesis', 'unsafeActions', 'nextDecision', 'nextUpdate'];

/** The fields to show: the parts the server names as missing, and the severity while triage is pending. */
export function pictureParts(state: IncidentView): PicturePart[] {
  const missing = new Set<string>(state.sharedPicture.missing);
  return ORDER.filter((p) => (p === 'severity' ? state.triage.pending : missing.has(p)));
}

/** The policy's update cadence for the incident's severity ("15m"), else 30 minutes. */
export function cadence(state: IncidentView): string {
  const minutes = state.policy.severities[state.severity]?.updateCadenceMinutes;
  return `${minutes ?? 30}m`;
}

/** What the form starts with: the current severity, me as commander and owner, the policy's cadence. */
export function initialValues(state: IncidentView, me: { id: string }, serviceName: string | null): PictureValues {
  return {
    severity: state.severity,
    commander: me.id,
    impact: '',
    journey: serviceName ?? '',
    effect: state.severity === 'SEV1' ? 'down' : 'degraded',
    hypothesis: '',
    unsafe: '',
    decision: '',
    owner: me.id,
    decisionBy: cadence(state),
    updateBy: cadence(state),
  };
}

export type PictureResult = { ok: true; drafts: Array<{ part: PicturePart; draft: Draft }> } | { ok: false; part: PicturePart; error: string };

/**
 * The events one submit sends, each as the kind it is. Empty fields are left
 * out (the part stays missing); a field that cannot be read names itself.
 */
export function pictureDrafts(state: IncidentView, parts: readonly PicturePart[], v: PictureValues, now: Date, people: ReadonlyArray<{ id: string; name: string }>): PictureResult {
  const drafts: Array<{ part: PicturePart; draft: Draft }> = [];
  const isUser = (id: string) => people.some((p) => p.id === id);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const said: string[] = [];
  for (const part of parts) {
    switch (part) {
      case 'severity':
        drafts.push({ part, draft: v.severity === state.severity ? { kind: 'severity_confirmed', body: {} } : { kind: 'severity_changed', body: { severity: v.severity, reason: `set from ${state.severity} while forming the shared picture` } } });
        break;
      case 'commander':
        if (v.commander) drafts.push({ part, draft: { kind: 'role_assigned', body: { role: 'commander', ...(isUser(v.commander) ? { userId: v.commander } : { label: v.commander }) } } });
        break;
      case 'impact': {
        const statement = v.impact.trim();
        if (!statement) break;
        const journey = v.journey.trim();
        if (!journey) return { ok: false, part, error: 'Name the user journey that is broken (checkout, login…).' };
        drafts.push({ part, draft: { kind: 'impact_stated', body: { statement, journeys: [{ journey, effect: v.effect }], writesSafe: 'unknown' } } });
        said.push(statement);
        break;
      }
      case 'hypothesis': {
        const text = v.hypothesis.trim();
        if (!text) break;
        // "none yet, investigating the queue" says there is no hypothesis, and what is being looked at.
        const none = /^(?:none(?:\s+yet)?[,:;.]?\s*)?investigating\s+(.+)$/i.exec(text);
        if (none) drafts.push({ part, draft: { kind: 'no_hypothesis', body: { investigating: none[1]!.trim() } } });
        else if (/^none(\s+yet)?\.?$/i.test(text)) return { ok: false, part, error: 'Say what is being investigated: "none yet, investigating the queue consumers".' };
        else {
          drafts.push({ part, draft: { kind: 'hypothesis_proposed', body: { text } } });
          said.push(`Leading hypothesis: ${text}`);
        }
        break;
      }
      case 'unsafeActions': {
        const text = v.unsafe.trim();
        if (!text) break;
        if (/^none(\s+known)?\.?$/i.test(text)) drafts.push({ part, draft: { kind: 'no_unsafe_actions_known', body: {} } });
        else {
          const m = /^(.+?)\s+because\s+(.+)$/i.exec(text);
          drafts.push({ part, draft: { kind: 'unsafe_action_noted', body: { action: (m ? m[1]! : text).trim(), reason: m ? m[2]!.trim() : 'stated without a reason in the war room' } } });
          said.push(`Do not: ${text}`);
        }
        break;
      }
      case 'nextDecision': {
        const decision = v.decision.trim();
        if (!decision) break;
        const dueAt = parseWhen(v.decisionBy.trim(), now);
        if (!dueAt) return { ok: false, part, error: `"${v.decisionBy}" is not a time like 15m or 14:30.` };
        const owner = v.owner.trim();
        if (!owner) return { ok: false, part, error: 'Name who takes the decision.' };
        drafts.push({ part, draft: { kind: 'next_decision', body: { decision, owner: isUser(owner) ? { userId: owner } : { label: owner }, dueAt } } });
        said.push(`Next decision: ${decision} (${nameOf(owner)})`);
        break;
      }
      case 'nextUpdate': {
        const at = parseWhen(v.updateBy.trim(), now);
        if (!v.updateBy.trim()) break;
        if (!at) return { ok: false, part, error: `"${v.updateBy}" is not a time like 15m or 14:30.` };
        // The update is the picture itself, in the room's words: nobody retypes it.
        const text = said.length > 0 ? said.join('. ') : `Working on ${state.title}.`;
        drafts.push({ part, draft: { kind: 'update_posted', body: { audience: 'internal', text, nextUpdateAt: at } } });
        break;
      }
    }
  }
  return { ok: true, drafts };
}
