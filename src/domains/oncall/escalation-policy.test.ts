import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDomainError } from '../../errors.js';
import { checkSteps, nextPosition, stepLabel, type EscalationSnapshot } from './escalation-policy.js';

const snapshot: EscalationSnapshot = {
  policyId: 'p',
  name: 'primary, secondary, manager',
  steps: [
    { delaySeconds: 0, targets: [{ type: 'schedule', id: 'primary' }] },
    { delaySeconds: 300, targets: [{ type: 'schedule', id: 'secondary' }] },
    { delaySeconds: 600, targets: [{ type: 'user', id: 'manager' }] },
  ],
  repeat: 1,
  repeatDelaySeconds: 900,
};

test('an escalation walks its steps with their delays, repeats, then runs out', () => {
  assert.deepEqual(nextPosition(snapshot, { round: 0, step: 0 }), { round: 0, step: 1, delaySeconds: 300 });
  assert.deepEqual(nextPosition(snapshot, { round: 0, step: 1 }), { round: 0, step: 2, delaySeconds: 600 });
  assert.deepEqual(nextPosition(snapshot, { round: 0, step: 2 }), { round: 1, step: 0, delaySeconds: 900 });
  assert.deepEqual(nextPosition(snapshot, { round: 1, step: 2 }), null);
  assert.equal(stepLabel(snapshot, { round: 1, step: 1 }), 'step 2 of 3 (pass 2)');
});

test('a policy without steps, a step without targets, or a doubled target is refused naming the field', () => {
  assert.throws(() => checkSteps([]), (e) => isDomainError(e, 'invalid') && e.errors?.[0]?.field === 'steps');
  assert.throws(() => checkSteps([{ delaySeconds: 0, targets: [] }]), (e) => isDomainError(e, 'invalid') && e.errors?.[0]?.field === 'steps/0/targets');
  assert.throws(
    () => checkSteps([{ delaySeconds: 0, targets: [{ type: 'user', id: 'a' }, { type: 'user', id: 'a' }] }]),
    (e) => isDomainError(e, 'invalid') && e.errors?.[0]?.field === 'steps/0/targets/1',
  );
});
