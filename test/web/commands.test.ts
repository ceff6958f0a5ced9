/** The entry bar's slash commands, as pure parsing: what a responder types becomes exactly one typed event. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completions, parseEntry, type EntryContext } from '../../src/domains/incidents/entry/commands.js';

const now = new Date('2026-11-23T14:20:00Z');
const ctx: EntryContext = { now, me: { id: '0b9c8a3e-6a7d-4a53-9f55-0d7f8f2e8c11', name: 'Rita' } };
const draft = (text: string) => {
  const parsed = parseEntry(text, ctx);
  assert.ok(parsed.ok, `parsed "${text}": ${parsed.ok ? '' : parsed.error}`);
  return parsed.draft;
};

describe('entry bar commands', () => {
  test('the issue’s examples each become their event kind with a valid body', () => {
    const obs = draft('/obs queue depth rising @14:03');
    assert.equal(obs.kind, 'observation');
    assert.deepEqual(obs.body, { text: 'queue depth rising' });
    assert.equal(new Date(obs.occurredAt!).getHours(), 14);
    assert.equal(new Date(obs.occurredAt!).getMinutes(), 3);
    assert.deepEqual(draft('/hyp consumer stuck'), { kind: 'hypothesis_proposed', body: { text: 'consumer stuck' } });
    assert.deepEqual(draft('/dec roll back 4.2 because errors began with it').body, { decision: 'roll back 4.2', rationale: 'errors began with it', alternativesRejected: [] });
    const mit = draft('/mit restart consumers expect lag < 1k by 15m');
    assert.deepEqual({ ...mit.body, deadline: undefined }, { action: 'restart consumers', expectedSignal: 'lag < 1k', deadline: undefined });
    assert.equal(mit.body.deadline, new Date(now.getTime() + 15 * 60_000).toISOString());
    const update = draft('/update public Checkout is failing for some EU customers next 15m');
    assert.deepEqual(update.body, { audience: 'public', text: 'Checkout is failing for some EU customers', nextUpdateAt: new Date(now.getTime() + 15 * 60_000).toISOString() });
    assert.equal(draft('/unsafe do not restart the primary').kind, 'unsafe_action_noted');
    assert.equal(draft('/unsafe none').kind, 'no_unsafe_actions_known');
    assert.deepEqual(draft('/impact checkout down: EU customers cannot pay').body, {
      statement: 'EU customers cannot pay',
      journeys: [{ journey: 'checkout', effect: 'down' }],
      writesSafe: 'unknown',
    });
    assert.deepEqual(draft('/next fail over owner me by 15m').body, { decision: 'fail over', owner: { userId: ctx.me.id }, dueAt: new Date(now.getTime() + 15 * 60_000).toISOString() });
    assert.deepEqual(draft('/next fail over owner the DBA on call by 15m').body.owner, { label: 'the DBA on call' });
  });

  test('a malformed entry is explained before anything is sent', () => {
    for (const [text, message] of [
      ['/dec roll back', /because/],
      ['/mit restart consumers', /expect/],
      ['/mit restart expect lag by soon', /not a deadline/],
      ['/obs rising @25:99', /not a time of day/],
      ['/impact checkout is weird', /journey/],
      ['/frobnicate', /unknown command/],
      ['', /type an entry/],
    ] as const) {
      const parsed = parseEntry(text, ctx);
      assert.equal(parsed.ok, false, text);
      if (!parsed.ok) assert.match(parsed.error, message, text);
    }
  });

  test('plain text is an observation, and "/" lists the commands that match', () => {
    assert.equal(draft('db cpu at 95%').kind, 'observation');
    assert.ok(completions('/').length >= 10);
    assert.deepEqual(completions('/u').map((c) => c.name), ['update', 'unsafe', 'unaffected']);
    assert.deepEqual(completions('/hyp x'), []);
  });
});
