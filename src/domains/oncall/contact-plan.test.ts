import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fallThrough, notificationPlan, type PlanMethod } from './contact-plan.js';

const push: PlanMethod = { id: 'push', kind: 'push', address: 'topic', secret: null };
const mail: PlanMethod = { id: 'mail', kind: 'email', address: 'ana@example.test', secret: null };
const sms: PlanMethod = { id: 'sms', kind: 'sms', address: '+15550100', secret: null };
const voice: PlanMethod = { id: 'voice', kind: 'voice', address: '+15550100', secret: null };

test('rules become waves: immediately push and email, after 3 min SMS, after 6 min voice', () => {
  const plan = notificationPlan([push, mail, sms, voice], [
    { methodId: 'voice', delaySeconds: 360 },
    { methodId: 'push', delaySeconds: 0 },
    { methodId: 'sms', delaySeconds: 180 },
    { methodId: 'mail', delaySeconds: 0 },
  ], 'login@example.test');
  assert.deepEqual(plan.map((w) => [w.delaySeconds, w.methods.map((m) => m.id)]), [[0, ['push', 'mail']], [180, ['sms']], [360, ['voice']]]);
});

test('rules naming an unverified method are ignored; with nothing verified the account email is paged', () => {
  assert.deepEqual(notificationPlan([], [{ methodId: 'sms', delaySeconds: 0 }], 'login@example.test'), [{ delaySeconds: 0, methods: [{ id: 'account-email', kind: 'email', address: 'login@example.test', secret: null }] }]);
  assert.deepEqual(notificationPlan([sms], [], 'x@example.test')[0]!.methods.map((m) => m.id), ['sms']);
});

test('a failed channel falls through to the methods of later waves, then the account email', () => {
  const plan = notificationPlan([push, sms, voice], [{ methodId: 'push', delaySeconds: 0 }, { methodId: 'sms', delaySeconds: 180 }, { methodId: 'voice', delaySeconds: 360 }], 'login@example.test');
  assert.deepEqual(fallThrough(sms, plan, 'login@example.test').map((m) => m.id), ['voice', 'account-email']);
  assert.deepEqual(fallThrough(push, plan, 'login@example.test').map((m) => m.id), ['sms', 'voice', 'account-email']);
  const together = notificationPlan([push, sms], [{ methodId: 'push', delaySeconds: 0 }, { methodId: 'sms', delaySeconds: 0 }], 'login@example.test');
  assert.deepEqual(fallThrough(sms, together, 'login@example.test').map((m) => m.id), ['account-email']);
  assert.deepEqual(fallThrough({ ...mail, address: 'login@example.test' }, [{ delaySeconds: 0, methods: [{ ...mail, address: 'login@example.test' }] }], 'login@example.test'), []);
});
