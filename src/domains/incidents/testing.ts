/** Small factories for incident tests and benchmarks: events with sequence numbers and clocks filled in. */
import type { BodyOf, EventKind, IncidentEvent } from './events.js';
import type { IncidentPolicy } from './model.js';
import { DEFAULT_POLICY } from './policy.js';

export const T0 = Date.parse('2026-11-23T14:00:00.000Z');

/** ISO time `minutes` after T0. */
export function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

export interface Timeline {
  /** Builds the next event; `minutes` after T0 sets both clocks unless occurredAt is given. */
  next<K extends EventKind>(kind: K, body: BodyOf<K>, options?: { minutes?: number; occurredAt?: string; actorId?: string | null; actorLabel?: string }): IncidentEvent;
}

/** A sequence of events for one incident, numbered from 1. */
export function timeline(incidentId = '00000000-0000-4000-8000-000000000001'): Timeline {
  let seq = 0;
  let clock = 0;
  return {
    next(kind, body, options = {}) {
      seq += 1;
      clock = options.minutes ?? clock + 1;
      const recordedAt = at(clock);
      return {
        kind,
        incidentId,
        seq,
        actorId: options.actorId === undefined ? 'u-alice' : options.actorId,
        actorLabel: options.actorLabel ?? 'alice@example.test',
        occurredAt: options.occurredAt ?? recordedAt,
        recordedAt,
        body,
      } as IncidentEvent;
    },
  };
}

export function declaredBody(overrides: Partial<BodyOf<'declared'>> = {}, policy: IncidentPolicy = DEFAULT_POLICY): BodyOf<'declared'> {
  return {
    ref: 'INC-1',
    title: 'Checkout failing for EU customers',
    severity: 'SEV2',
    impact: null,
    services: ['checkout'],
    private: false,
    drill: false,
    commander: { userId: 'u-alice', label: 'Alice' },
    policy,
    ...overrides,
  };
}

/** Answers every default recovery check with `pass`. */
export function passingChecks(): Array<BodyOf<'checklist_item_checked'>> {
  return DEFAULT_POLICY.recoveryChecklist.map((c) => ({ item: c.item, result: 'pass' as const }));
}
