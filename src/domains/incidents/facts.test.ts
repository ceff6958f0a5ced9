import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IncidentEvent } from './events.js';
import { factsBetween, type IncidentFact } from './facts.js';
import type { IncidentState } from './model.js';
import { reduce } from './reduce.js';
import { at, declaredBody, timeline } from './testing.js';

/** The facts of each event applied in turn, from an integration's declaration (nobody acknowledged yet, no commander). */
function run(...build: Array<(tl: ReturnType<typeof timeline>) => IncidentEvent>) {
  const tl = timeline();
  const declaration = tl.next('declared', declaredBody({ commander: null, severity: 'SEV2' }), { minutes: 0, actorId: null, actorLabel: 'alertmanager' });
  let state = reduce(undefined, declaration);
  const out: IncidentFact[][] = [factsBetween(undefined, state)];
  for (const next of build) {
    const before = state;
    state = reduce(state, next(tl));
    out.push(factsBetween(before, state));
  }
  return { facts: out, state };
}

const kinds = (facts: IncidentFact[]) => facts.map((f) => f.kind);

describe('incident facts: computed from the states around an append', () => {
  test('a declaration is the declared fact with its severity, and nothing else when no person declared it', () => {
    const { facts } = run();
    assert.deepEqual(facts[0], [{ kind: 'declared', severity: 'SEV2' }]);
  });

  test('a person declaring with a commander establishes declared, commander_assigned and acknowledged together', () => {
    const tl = timeline();
    const state = reduce(undefined, tl.next('declared', declaredBody(), { minutes: 0 }));
    assert.deepEqual(kinds(factsBetween(undefined, state)), ['declared', 'commander_assigned', 'acknowledged']);
  });

  test('the first person writing acknowledges; a second write is no new fact', () => {
    const { facts } = run((tl) => tl.next('note', { text: 'looking' }, { minutes: 3 }), (tl) => tl.next('note', { text: 'still looking' }, { minutes: 4 }));
    assert.deepEqual(facts[1], [{ kind: 'acknowledged', at: at(3) }]);
    assert.deepEqual(facts[2], []);
  });

  test('a severity change names both severities; the same severity again is no fact', () => {
    const { facts } = run(
      (tl) => tl.next('severity_changed', { severity: 'SEV1', reason: 'all regions' }, { minutes: 2 }),
      (tl) => tl.next('severity_confirmed', {}, { minutes: 3 }),
    );
    assert.deepEqual(facts[1]!.filter((f) => f.kind === 'severity_changed'), [{ kind: 'severity_changed', from: 'SEV2', to: 'SEV1' }]);
    assert.deepEqual(facts[2]!.filter((f) => f.kind === 'severity_changed'), []);
  });

  test('a commander assigned names the previous one; a handoff to someone else is a new commander_assigned', () => {
    const { facts } = run(
      (tl) => tl.next('role_assigned', { role: 'commander', userId: 'u-alice', label: 'Alice' }, { minutes: 2 }),
      (tl) => tl.next('handoff', { role: 'commander', to: { userId: 'u-bob', label: 'Bob' } }, { minutes: 3 }),
    );
    assert.deepEqual(facts[1]!.find((f) => f.kind === 'commander_assigned'), { kind: 'commander_assigned', commander: { userId: 'u-alice', label: 'Alice' }, previous: null });
    assert.deepEqual(facts[2]!.find((f) => f.kind === 'commander_assigned'), { kind: 'commander_assigned', commander: { userId: 'u-bob', label: 'Bob' }, previous: { userId: 'u-alice', label: 'Alice' } });
  });

  test('mitigated is established once, by the status change that mitigates', () => {
    const { facts } = run(
      (tl) => tl.next('note', { text: 'on it' }, { minutes: 1 }),
      (tl) => tl.next('status_changed', { status: 'monitoring', reason: 'rolled back' }, { minutes: 5 }),
      (tl) => tl.next('note', { text: 'watching' }, { minutes: 6 }),
    );
    assert.deepEqual(facts[2]!.filter((f) => f.kind === 'mitigated'), [{ kind: 'mitigated', at: at(5) }]);
    assert.deepEqual(facts[3], []);
  });

  test('the resolved kind establishes resolved with its summary', () => {
    const { facts } = run((tl) => tl.next('resolved', { summary: 'fixed', override: { reason: 'checks done elsewhere' } }, { minutes: 30 }));
    assert.deepEqual(facts[1]!.filter((f) => f.kind === 'resolved'), [{ kind: 'resolved', at: at(30), summary: 'fixed' }]);
  });

  test('status_changed to resolved is the same resolved fact: consumers never look at the kind', () => {
    const { facts } = run((tl) => tl.next('status_changed', { status: 'resolved', summary: 'rolled back', override: { reason: 'customers confirmed' } }, { minutes: 20 }));
    const resolved = facts[1]!.find((f) => f.kind === 'resolved');
    assert.deepEqual(resolved, { kind: 'resolved', at: at(20), summary: 'rolled back' });
  });

  test('an override resolve (prerequisites skipped) still establishes resolved, once; a reopen is reopened and a second resolution resolved again', () => {
    const { facts, state } = run(
      (tl) => tl.next('resolved', { override: { reason: 'drill ended' } }, { minutes: 10 }),
      (tl) => tl.next('note', { text: 'after' }, { minutes: 11 }),
      (tl) => tl.next('reopened', { reason: 'errors are back' }, { minutes: 12 }),
      (tl) => tl.next('status_changed', { status: 'resolved', override: { reason: 'fixed again' } }, { minutes: 15 }),
    );
    assert.ok(state.resolution?.override, 'the override is recorded');
    assert.deepEqual(kinds(facts[1]!).filter((k) => k === 'resolved'), ['resolved']);
    assert.deepEqual(facts[2]!.filter((f) => f.kind === 'resolved'), []);
    assert.deepEqual(kinds(facts[3]!), ['reopened']);
    assert.deepEqual(facts[4]!.filter((f) => f.kind === 'resolved'), [{ kind: 'resolved', at: at(15), summary: null }]);
  });

  test('a public update is published_publicly and an internal one shared_internally, each once', () => {
    const { facts } = run(
      (tl) => tl.next('update_posted', { audience: 'public', text: 'We are investigating' }, { minutes: 2 }),
      (tl) => tl.next('note', { text: 'x' }, { minutes: 3 }),
      (tl) => tl.next('update_posted', { audience: 'internal', text: 'DB failover running' }, { minutes: 4 }),
    );
    assert.deepEqual(facts[1]!.filter((f) => f.kind === 'published_publicly'), [{ kind: 'published_publicly', text: 'We are investigating', at: at(2) }]);
    assert.deepEqual(facts[2], []);
    assert.deepEqual(facts[3]!.filter((f) => f.kind !== 'acknowledged'), [{ kind: 'shared_internally', text: 'DB failover running', at: at(4) }]);
  });

  test('a change of visibility is visibility_changed with the new value', () => {
    const { state } = run();
    const hidden: IncidentState = { ...state, private: true };
    assert.deepEqual(factsBetween(state, hidden), [{ kind: 'visibility_changed', private: true }]);
    assert.deepEqual(factsBetween(hidden, { ...hidden }), []);
  });
});
