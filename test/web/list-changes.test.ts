/** The incident list follows pushed changes under its filters, without asking the server again. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyListChange, matchesFilters, type ListedIncident, type ListFilters } from '../../web/src/domains/incidents/list-changes.js';

type IncidentSummary = ListedIncident & { ref: string; title: string; private: boolean; resolvedAt: string | null; nextUpdateDue: string | null; sharedPicture: boolean; updateOverdue: boolean; lastEventAt: string; commander: { userId: string | null; label: string } | null };

const ME = 'me-0001';
const ALL: ListFilters = { status: '', severity: '', service: '', mine: false, drill: '' };
const OPEN: ListFilters = { ...ALL, status: 'open' };

function incident(n: number, over: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    id: `id-${String(n).padStart(4, '0')}`,
    ref: `INC-${n}`,
    title: `Incident ${n}`,
    severity: 'SEV2',
    status: 'investigating',
    private: false,
    drill: false,
    commander: null,
    services: [],
    declaredAt: new Date(Date.UTC(2026, 10, 1, 3, n)).toISOString(),
    resolvedAt: null,
    nextUpdateDue: null,
    sharedPicture: false,
    updateOverdue: false,
    lastEventAt: new Date(Date.UTC(2026, 10, 1, 3, n)).toISOString(),
    ...over,
  };
}

describe('incident list changes', () => {
  test('a new incident goes in its place, newest declared first', () => {
    const list = [incident(5), incident(3)];
    assert.deepEqual(applyListChange(list, incident(4), OPEN, ME, 100).map((i) => i.ref), ['INC-5', 'INC-4', 'INC-3']);
    assert.deepEqual(applyListChange(list, incident(9), OPEN, ME, 100).map((i) => i.ref), ['INC-9', 'INC-5', 'INC-3']);
    assert.deepEqual(applyListChange(list, incident(1), OPEN, ME, 2).map((i) => i.ref), ['INC-5', 'INC-3'], 'past the limit it is left out');
  });

  test('a changed incident is replaced where it is, not doubled', () => {
    const list = [incident(5), incident(3)];
    const next = applyListChange(list, incident(3, { status: 'mitigating' }), OPEN, ME, 100);
    assert.deepEqual(next.map((i) => `${i.ref} ${i.status}`), ['INC-5 investigating', 'INC-3 mitigating']);
  });

  test('an incident that stops matching the filters leaves the list', () => {
    const list = [incident(5), incident(3)];
    assert.deepEqual(applyListChange(list, incident(5, { status: 'resolved' }), OPEN, ME, 100).map((i) => i.ref), ['INC-3']);
    assert.deepEqual(applyListChange(list, incident(5, { status: 'resolved' }), ALL, ME, 100).map((i) => i.ref), ['INC-5', 'INC-3']);
  });

  test('each filter is applied as the server applies it', () => {
    const cases: Array<[ListFilters, IncidentSummary, boolean]> = [
      [{ ...ALL, status: 'mitigating' }, incident(1, { status: 'mitigating' }), true],
      [{ ...ALL, status: 'mitigating' }, incident(1), false],
      [{ ...ALL, severity: 'SEV1' }, incident(1, { severity: 'SEV1' }), true],
      [{ ...ALL, severity: 'SEV1' }, incident(1), false],
      [{ ...ALL, service: 'svc-1' }, incident(1, { services: ['svc-0', 'svc-1'] }), true],
      [{ ...ALL, service: 'svc-1' }, incident(1), false],
      [{ ...ALL, mine: true }, incident(1, { commander: { userId: ME, label: 'me' } }), true],
      [{ ...ALL, mine: true }, incident(1, { commander: { userId: 'other', label: 'them' } }), false],
      [{ ...ALL, drill: 'true' }, incident(1, { drill: true }), true],
      [{ ...ALL, drill: 'false' }, incident(1, { drill: true }), false],
      [{ ...ALL, drill: '' }, incident(1, { drill: true }), true],
    ];
    for (const [filters, i, expected] of cases) assert.equal(matchesFilters(i, filters, ME), expected, JSON.stringify(filters));
  });
});
