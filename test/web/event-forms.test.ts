/** The war room's forms (the buttons that need more than a click) become events the server accepts, and explain what is missing. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateEventBody } from '../../src/domains/incidents/validate.js';
import type { EntryContext } from '../../src/domains/incidents/entry/command-kit.js';
import {
  amendEntry,
  assignRole,
  attachEvidence,
  closeReconciliation,
  cohort,
  liftUnsafe,
  openReconciliation,
  progressReconciliation,
  rejectHypothesis,
  settleMitigation,
  type EventForm,
} from '../../web/src/domains/incidents/warroom/event-forms.js';
import { rowAt, rowOffsets } from '../../web/src/domains/incidents/warroom/row-heights.js';

const ME = '0b9c8a3e-6a7d-4a53-9f55-0d7f8f2e8c11';
const ctx: EntryContext = { now: new Date('2026-11-23T14:20:00Z'), me: { id: ME, name: 'Rita' } };
const item = { seq: 7, text: 'restart consumers' };

const FILLED: Array<[string, EventForm, Record<string, string>, string, Record<string, unknown>]> = [
  ['reject a hypothesis', rejectHypothesis(item), { reason: 'consumers are healthy' }, 'hypothesis_rejected', { hypothesisSeq: 7, reason: 'consumers are healthy' }],
  ['a mitigation worked', settleMitigation(item, 'verified'), { observed: 'lag 200' }, 'mitigation_verified', { mitigationSeq: 7, observed: 'lag 200' }],
  ['a mitigation failed', settleMitigation(item, 'failed'), { observed: 'lag 90k' }, 'mitigation_failed', { mitigationSeq: 7, observed: 'lag 90k' }],
  ['lift an unsafe action', liftUnsafe(item), { reason: 'backup done' }, 'unsafe_action_lifted', { unsafeSeq: 7, reason: 'backup done' }],
  ['close a reconciliation', closeReconciliation(item), { outcome: 'all refunded' }, 'reconciliation_closed', { reconciliationSeq: 7, outcome: 'all refunded' }],
  ['give the scribe role to me', assignRole, { role: 'scribe', specialty: '', who: 'me' }, 'role_assigned', { role: 'scribe', userId: ME }],
  ['give a specialist role to a name', assignRole, { role: 'specialist', specialty: 'database', who: 'Dana' }, 'role_assigned', { role: 'specialist', specialty: 'database', label: 'Dana' }],
  ['a safe cohort', cohort, { change: 'cohort_unaffected', dimension: 'region', value: 'us-east', note: '' }, 'cohort_unaffected', { dimension: 'region', value: 'us-east' }],
  ['open a reconciliation', openReconciliation, { scope: 'duplicate charges', owner: 'me' }, 'reconciliation_opened', { scope: 'duplicate charges', owner: { userId: ME } }],
  ['progress', progressReconciliation(item), { note: 'half', recordsChecked: '40', recordsRepaired: '', owner: '' }, 'reconciliation_progressed', { reconciliationSeq: 7, note: 'half', recordsChecked: 40 }],
  ['a link', attachEvidence, { type: 'link', title: 'dashboard', url: 'https://grafana.example/d/1', content: '' }, 'evidence_attached', { type: 'link', title: 'dashboard', url: 'https://grafana.example/d/1' }],
  ['request ids', attachEvidence, { type: 'request_ids', title: 'failed', url: '', content: 'a1, b2\nc3' }, 'evidence_attached', { type: 'request_ids', title: 'failed', requestIds: ['a1', 'b2', 'c3'] }],
  ['an amendment', amendEntry(3, 'errors began'), { correction: 'it was 02:58', occurredAt: '' }, 'amended', { targetSeq: 3, correction: 'it was 02:58' }],
];

const MISSING: Array<[string, EventForm, Record<string, string>, string]> = [
  ['reject without a reason', rejectHypothesis(item), { reason: ' ' }, 'reason'],
  ['a specialist without a specialty', assignRole, { role: 'specialist', specialty: '', who: 'me' }, 'specialty'],
  ['a cohort without a value', cohort, { change: 'cohort_affected', dimension: 'region', value: '' }, 'value'],
  ['a count that is not a number', progressReconciliation(item), { note: 'x', recordsChecked: 'forty' }, 'recordsChecked'],
  ['a link without its URL', attachEvidence, { type: 'link', title: 't', url: '' }, 'url'],
  ['an amendment at a time that is not one', amendEntry(3, 'x'), { correction: 'c', occurredAt: '25:61' }, 'occurredAt'],
];

describe('war-room forms', () => {
  for (const [name, form, values, kind, body] of FILLED) {
    test(`${name} becomes ${kind}, and the server's validation accepts it`, () => {
      const result = form.toDraft(values, ctx);
      assert.ok(result.ok, result.ok ? '' : `${result.field}: ${result.error}`);
      assert.deepEqual(result.draft, { kind, body });
      validateEventBody(result.draft.kind, result.draft.body);
      for (const field of Object.keys(body)) {
        if (['hypothesisSeq', 'mitigationSeq', 'unsafeSeq', 'reconciliationSeq', 'targetSeq', 'userId', 'label'].includes(field)) continue;
        assert.ok(form.fields.some((f) => f.name === field || f.alsoFills?.includes(field)), `"${field}" has a field of its own, so the API's error for it shows beside it`);
      }
    });
  }
  for (const [name, form, values, field] of MISSING) {
    test(`${name} is refused beside the field "${field}"`, () => {
      const result = form.toDraft(values, ctx);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.field, field);
    });
  }
});

describe('timeline row offsets', () => {
  test('measured rows keep their height, the others take the estimate, and the row at a height is found', () => {
    const offsets = rowOffsets([5, 4, 3, 2], new Map([[4, 200]]), 50);
    assert.deepEqual([...offsets], [0, 50, 250, 300, 350]);
    assert.deepEqual([0, 49, 50, 249, 250, 349, 9999].map((y) => rowAt(offsets, y)), [0, 0, 1, 1, 2, 3, 3]);
    assert.equal(rowAt(rowOffsets([], new Map(), 50), 10), 0);
  });
});
