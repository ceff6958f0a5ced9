/**
 * Escalation policies as plain data: ordered steps, each with targets and a
 * delay, run `repeat` more times. A running escalation keeps a snapshot of
 * the policy, so editing a policy never changes an escalation under way.
 */
import { invalidField } from '../../errors.js';

export type TargetType = 'user' | 'schedule' | 'team';

export interface EscalationTarget {
  type: TargetType;
  id: string;
}

export interface EscalationStep {
  /** Seconds after the previous step (after the trigger, for the first) before this one pages. */
  delaySeconds: number;
  targets: EscalationTarget[];
}

/** What an escalation runs: the policy as it was when the escalation began. */
export interface EscalationSnapshot {
  policyId: string | null;
  name: string;
  steps: EscalationStep[];
  repeat: number;
  repeatDelaySeconds: number;
}

export const MAX_STEPS = 20;
export const MAX_TARGETS = 20;
export const MAX_REPEAT = 10;
export const MAX_DELAY_SECONDS = 86_400;

/** Checks the shape rules a schema cannot say (at least one target per step). Throws invalid naming the field. */
export function checkSteps(steps: readonly EscalationStep[]): void {
  if (steps.length === 0) throw invalidField('steps', 'a policy needs at least one step');
  steps.forEach((step, i) => {
    if (step.targets.length === 0) throw invalidField(`steps/${i}/targets`, 'a step needs at least one target');
    const seen = new Set<string>();
    step.targets.forEach((t, j) => {
      const key = `${t.type}:${t.id}`;
      if (seen.has(key)) throw invalidField(`steps/${i}/targets/${j}`, 'names the same target twice');
      seen.add(key);
    });
  });
}

export interface Position {
  round: number;
  step: number;
}

/**
 * The step after `at` and how long to wait before it, or null when the
 * escalation has run out (every step of every pass has paged).
 */
export function nextPosition(snapshot: EscalationSnapshot, at: Position): (Position & { delaySeconds: number }) | null {
  if (at.step + 1 < snapshot.steps.length) return { round: at.round, step: at.step + 1, delaySeconds: snapshot.steps[at.step + 1]!.delaySeconds };
  if (at.round < snapshot.repeat) return { round: at.round + 1, step: 0, delaySeconds: snapshot.repeatDelaySeconds };
  return null;
}

/** A short label of a step for messages: "step 2 of 3 (pass 2)". */
export function stepLabel(snapshot: EscalationSnapshot, at: Position): string {
  return `step ${at.step + 1} of ${snapshot.steps.length}${at.round > 0 ? ` (pass ${at.round + 1})` : ''}`;
}
