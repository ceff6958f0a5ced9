/**
 * Every refusal branch in rules.ts, table-driven: the
 * state it needs, the event refused, and the problem it answers with (kind,
 * type, and the field or words a responder needs).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../../errors.js';
import type { BodyOf, EventKind, IncidentEvent } from './events.js';
import type { IncidentState } from './model.js';
import { reduce } from './reduce.js';
import { checkEvent, type CitedKinds } from './rules.js';
import { at, declaredBody, timeline, type Timeline } from './testing.js';

interface Row {
  name: string;
  /** Events that set the scene after a SEV3 declaration by Alice (seq 1); each is checked and folded in. */
  given?: (tl: Timeline) => IncidentEvent[];
  /** The refused event. */
  when: (tl: Timeline) => IncidentEvent;
  /** Kinds of earlier events, as the service looks them up for citations. */
  cited?: Array<[number, EventKind]>;
  expect: { kind: DomainError['kind']; type: string; field?: string; message?: RegExp };
}

const ev = <K extends EventKind>(kind: K, body: BodyOf<K>, minutes?: number) => (tl: Timeline) => tl.next(kind, body, minutes === undefined ? {} : { minutes });
const IMPACT = { statement: 'checkout down', journeys: [{ journey: 'checkout', effect: 'down' as const }], writesSafe: 'yes' as const };
const ALERT = { alertGroupId: 'g1', serviceId: 'checkout', summary: 'HighErrorRate', severity: 'critical', source: 'alertmanager' };
const resolvedScene = (tl: Timeline) => [tl.next('resolved', { override: { reason: 'test' } })];

const ROWS: Row[] = [
  { name: 'a second declaration', when: (tl) => tl.next('declared', declaredBody()), expect: { kind: 'conflict', type: 'already-declared' } },
  { name: 'a severity change to the same severity', when: ev('severity_changed', { severity: 'SEV3', reason: 'same' }), expect: { kind: 'conflict', type: 'severity-unchanged' } },
  { name: 'confirming a severity nobody questions', when: ev('severity_confirmed', {}), expect: { kind: 'conflict', type: 'severity-already-confirmed' } },
  { name: 'resolving a resolved incident (resolved)', given: resolvedScene, when: ev('resolved', {}), expect: { kind: 'conflict', type: 'already-resolved' } },
  { name: 'resolving a resolved incident (status_changed)', given: resolvedScene, when: ev('status_changed', { status: 'resolved' }), expect: { kind: 'conflict', type: 'already-resolved' } },
  { name: 'resolving without the prerequisites', when: ev('resolved', {}), expect: { kind: 'unprocessable', type: 'resolve-prerequisites-missing', message: /no impact statement; 5 of 5 recovery checks unanswered/ } },
  { name: 'an override on a status other than resolved', when: ev('status_changed', { status: 'identified', override: { reason: 'x' } }), expect: { kind: 'invalid', type: 'invalid-request', field: 'body.override' } },
  { name: 'a status change to the current status', when: ev('status_changed', { status: 'investigating' }), expect: { kind: 'conflict', type: 'status-unchanged' } },
  { name: 'reopening an open incident', when: ev('reopened', { reason: 'x' }), expect: { kind: 'conflict', type: 'not-resolved' } },
  { name: 'assigning a role to its holder', when: ev('role_assigned', { role: 'commander', userId: 'u-alice', label: 'Alice' }), expect: { kind: 'conflict', type: 'role-already-held' } },
  { name: 'releasing a role nobody holds', when: ev('role_released', { role: 'scribe' }), expect: { kind: 'conflict', type: 'role-not-held' } },
  { name: 'handing a role to its holder', when: ev('handoff', { to: { userId: 'u-alice', label: 'Alice' } }), expect: { kind: 'conflict', type: 'role-already-held' } },
  { name: 'adding a member twice', when: ev('member_added', { userId: 'u-alice' }), expect: { kind: 'conflict', type: 'already-member' } },
  {
    name: 'two business priorities in one impact',
    when: ev('impact_stated', { ...IMPACT, journeys: [{ journey: 'a', effect: 'down', priority: true }, { journey: 'b', effect: 'slow', priority: true }] }),
    expect: { kind: 'invalid', type: 'invalid-request', field: 'body.journeys' },
  },
  { name: 'impact since a future time', when: ev('impact_stated', { ...IMPACT, since: at(600) }), expect: { kind: 'invalid', type: 'invalid-request', field: 'body.since' } },
  { name: 'clearing a cohort not marked affected', when: ev('cohort_cleared', { dimension: 'region', value: 'eu' }), expect: { kind: 'conflict', type: 'cohort-not-affected' } },
  { name: '"no hypothesis yet" while one is open', given: (tl) => [tl.next('hypothesis_proposed', { text: 'deploy' })], when: ev('no_hypothesis', { investigating: 'logs' }), expect: { kind: 'conflict', type: 'hypothesis-exists' } },
  { name: 'evidence citing a future event', when: ev('observation', { text: 'x', evidence: [99] }), expect: { kind: 'unprocessable', type: 'unknown-event', message: /body.evidence/ } },
  { name: 'evidence citing a non-evidence event', given: (tl) => [tl.next('note', { text: 'n' })], when: ev('hypothesis_proposed', { text: 'x', evidence: [2] }), cited: [[2, 'note']], expect: { kind: 'unprocessable', type: 'not-evidence' } },
  {
    name: 'confirming a confirmed hypothesis',
    given: (tl) => [tl.next('hypothesis_proposed', { text: 'deploy' }), tl.next('hypothesis_confirmed', { hypothesisSeq: 2 })],
    when: ev('hypothesis_confirmed', { hypothesisSeq: 2 }),
    cited: [[2, 'hypothesis_proposed']],
    expect: { kind: 'conflict', type: 'hypothesis-settled', message: /already confirmed/ },
  },
  {
    name: 'rejecting a rejected hypothesis',
    given: (tl) => [tl.next('hypothesis_proposed', { text: 'deploy' }), tl.next('hypothesis_rejected', { hypothesisSeq: 2, reason: 'no' })],
    when: ev('hypothesis_rejected', { hypothesisSeq: 2, reason: 'again' }),
    cited: [[2, 'hypothesis_proposed']],
    expect: { kind: 'conflict', type: 'hypothesis-settled', message: /already rejected/ },
  },
  { name: 'confirming an event that is not a hypothesis', when: ev('hypothesis_confirmed', { hypothesisSeq: 1 }), cited: [[1, 'declared']], expect: { kind: 'unprocessable', type: 'unknown-hypothesis' } },
  { name: 'a decision taking a next decision that is not pending', when: ev('decision', { decision: 'd', rationale: 'r', alternativesRejected: [], nextDecisionSeq: 1 }), expect: { kind: 'unprocessable', type: 'unknown-next-decision' } },
  { name: 'a next decision due in the past', when: ev('next_decision', { decision: 'd', owner: { label: 'Bob' }, dueAt: at(-5) }, 10), expect: { kind: 'invalid', type: 'invalid-request', field: 'body.dueAt' } },
  { name: 'an action citing a non-decision', when: ev('action_taken', { action: 'a', decisionSeq: 1 }), cited: [[1, 'declared']], expect: { kind: 'unprocessable', type: 'unknown-decision' } },
  { name: 'a mitigation with a past deadline', when: ev('mitigation_started', { action: 'a', expectedSignal: 's', deadline: at(-1) }, 5), expect: { kind: 'invalid', type: 'invalid-request', field: 'body.deadline' } },
  { name: 'a mitigation testing an unknown hypothesis', when: ev('mitigation_started', { action: 'a', expectedSignal: 's', deadline: at(60), hypothesisSeq: 1 }), expect: { kind: 'unprocessable', type: 'unknown-hypothesis' } },
  {
    name: 'verifying a settled mitigation',
    given: (tl) => [tl.next('mitigation_started', { action: 'a', expectedSignal: 's', deadline: at(60) }, { minutes: 1 }), tl.next('mitigation_failed', { mitigationSeq: 2, observed: 'no' })],
    when: ev('mitigation_verified', { mitigationSeq: 2, observed: 'yes' }),
    cited: [[2, 'mitigation_started']],
    expect: { kind: 'conflict', type: 'mitigation-settled' },
  },
  { name: 'failing an event that is not a mitigation', when: ev('mitigation_failed', { mitigationSeq: 1, observed: 'x' }), cited: [[1, 'declared']], expect: { kind: 'unprocessable', type: 'unknown-mitigation' } },
  { name: 'a reminder for an unknown mitigation', when: ev('reminder', { reason: 'mitigation_deadline', dueAt: at(5), mitigationSeq: 1 }), expect: { kind: 'unprocessable', type: 'unknown-mitigation' } },
  { name: 'an unsafe action expiring in the past', when: ev('unsafe_action_noted', { action: 'a', reason: 'r', until: at(-1) }, 5), expect: { kind: 'invalid', type: 'invalid-request', field: 'body.until' } },
  {
    name: 'lifting an unsafe action no longer in force',
    given: (tl) => [tl.next('unsafe_action_noted', { action: 'a', reason: 'r' }), tl.next('unsafe_action_lifted', { unsafeSeq: 2, reason: 'done' })],
    when: ev('unsafe_action_lifted', { unsafeSeq: 2, reason: 'again' }),
    cited: [[2, 'unsafe_action_noted']],
    expect: { kind: 'conflict', type: 'unsafe-action-not-in-force' },
  },
  { name: 'lifting an event that is not an unsafe action', when: ev('unsafe_action_lifted', { unsafeSeq: 1, reason: 'x' }), cited: [[1, 'declared']], expect: { kind: 'unprocessable', type: 'unknown-unsafe-action' } },
  {
    name: '"none known" while unsafe actions are in force',
    given: (tl) => [tl.next('unsafe_action_noted', { action: 'a', reason: 'r' })],
    when: ev('no_unsafe_actions_known', {}),
    expect: { kind: 'conflict', type: 'unsafe-actions-in-force' },
  },
  { name: 'an update committing to a past time', when: ev('update_posted', { audience: 'internal', text: 't', nextUpdateAt: at(-1) }, 5), expect: { kind: 'invalid', type: 'invalid-request', field: 'body.nextUpdateAt' } },
  { name: 'progress on an unknown reconciliation', when: ev('reconciliation_progressed', { reconciliationSeq: 1, note: 'n' }), expect: { kind: 'unprocessable', type: 'unknown-reconciliation' } },
  {
    name: 'progress on a closed reconciliation',
    given: (tl) => [tl.next('reconciliation_opened', { scope: 's', owner: { label: 'Payments' } }), tl.next('reconciliation_closed', { reconciliationSeq: 2, outcome: 'o' })],
    when: ev('reconciliation_progressed', { reconciliationSeq: 2, note: 'n' }),
    expect: { kind: 'conflict', type: 'reconciliation-closed' },
  },
  { name: 'closing a reconciliation without an owner', given: (tl) => [tl.next('reconciliation_opened', { scope: 's' })], when: ev('reconciliation_closed', { reconciliationSeq: 2, outcome: 'o' }), expect: { kind: 'unprocessable', type: 'reconciliation-needs-owner' } },
  { name: 'amending a future event', when: ev('amended', { targetSeq: 5, correction: 'c' }), expect: { kind: 'unprocessable', type: 'unknown-event', message: /body.targetSeq/ } },
  { name: 'resolving an alert that is not attached', given: (tl) => [tl.next('alert_attached', ALERT, { actorId: null })], when: ev('alert_resolved', { alertGroupId: 'other' }), expect: { kind: 'unprocessable', type: 'unknown-alert' } },
];

describe('rules: every refusal and its problem type', () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const tl = timeline();
      let state: IncidentState = reduce(undefined, tl.next('declared', declaredBody({ severity: 'SEV3' }), { minutes: 0 }));
      for (const e of row.given?.(tl) ?? []) {
        checkEvent(state, e, new Map());
        state = reduce(state, e);
      }
      const cited: CitedKinds = new Map(row.cited ?? []);
      const event = row.when(tl);
      let refused: unknown;
      try {
        checkEvent(state, event, cited);
      } catch (err) {
        refused = err;
      }
      assert.ok(refused instanceof DomainError, `${row.name} must be refused`);
      assert.deepEqual([refused.kind, refused.type], [row.expect.kind, row.expect.type]);
      if (row.expect.field) assert.deepEqual(refused.errors?.map((e) => e.field), [row.expect.field]);
      if (row.expect.message) assert.match(refused.message, row.expect.message);
    });
  }

  test('every refusal type in rules.ts has a row', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../../../src/domains/incidents/rules.ts', import.meta.url), 'utf8');
    const types = new Set([...source.matchAll(/(?:conflict|unprocessable)\('([a-z-]+)'/g)].map((m) => m[1]!));
    const fields = new Set([...source.matchAll(/(?:invalidField|requireAfter)\('(body\.[a-zA-Z]+)'/g)].map((m) => m[1]!));
    const covered = new Set(ROWS.flatMap((r) => [r.expect.type, r.expect.field ?? '']));
    assert.deepEqual([...types].filter((t) => !covered.has(t)), []);
    assert.deepEqual([...fields].filter((f) => !covered.has(f)), []);
  });
});
