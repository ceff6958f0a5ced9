/**
 * Who reminders reach when nobody commands: an alert-declared incident whose
 * page was acknowledged (the acknowledger joined) still reminds someone — the
 * acknowledger — and a commander or communications lead takes over once named.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reminderRecipient } from './cadence.js';
import { answerableUser } from './derive.js';
import { heartbeatRecipients } from './heartbeat.js';
import { reduce } from './reduce.js';
import { declaredBody, timeline } from './testing.js';

const ACKNOWLEDGER = '00000000-0000-4000-8000-00000000000a';
const COMMANDER = '00000000-0000-4000-8000-00000000000c';
const COMMS = '00000000-0000-4000-8000-00000000000d';

test('an acknowledged incident without a commander reminds its acknowledger; the commander, then the communications lead, once named', () => {
  const tl = timeline();
  const declared = reduce(undefined, tl.next('declared', declaredBody({ commander: null }), { minutes: 0, actorId: null, actorLabel: 'alertmanager' }));
  assert.equal(answerableUser(declared), null, 'nobody yet: an alert declared it');
  assert.equal(reminderRecipient(declared), null);

  const acknowledged = reduce(declared, tl.next('member_added', { userId: ACKNOWLEDGER }, { minutes: 2, actorId: ACKNOWLEDGER, actorLabel: 'ack@example.test' }));
  assert.deepEqual(acknowledged.roles, [], 'acknowledging made nobody commander');
  assert.equal(reminderRecipient(acknowledged), ACKNOWLEDGER, 'update reminders reach the acknowledger');
  assert.deepEqual(heartbeatRecipients(acknowledged, 2), [ACKNOWLEDGER], 'the second miss pages the acknowledger, standing in for a commander');

  const commanded = reduce(acknowledged, tl.next('role_assigned', { role: 'commander', userId: COMMANDER }, { minutes: 5 }));
  assert.equal(reminderRecipient(commanded), COMMANDER);
  const withComms = reduce(commanded, tl.next('role_assigned', { role: 'communications', userId: COMMS }, { minutes: 6 }));
  assert.equal(reminderRecipient(withComms), COMMS);
  assert.deepEqual(heartbeatRecipients(withComms, 2), [COMMS, COMMANDER]);
});
