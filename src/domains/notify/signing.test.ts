import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { signWebhook, verifyWebhookSignature } from './signing.js';

test('the signature is HMAC-SHA256 over "<timestamp>.<raw body>" in hex', () => {
  const expected = createHmac('sha256', 'key').update('1700000000.{"a":1}').digest('hex');
  assert.equal(signWebhook('key', 1700000000, '{"a":1}'), `sha256=${expected}`);
});

test('a signature replayed outside the tolerance is refused even though it is genuine', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const sentAt = Math.floor(now.getTime() / 1000) - 600;
  const signature = signWebhook('key', sentAt, 'body');
  assert.equal(verifyWebhookSignature('key', String(sentAt), 'body', signature, { now }), false);
  assert.equal(verifyWebhookSignature('key', String(sentAt), 'body', signature, { now, toleranceSeconds: 900 }), true);
});

test('a timestamp moved forward invalidates the signature', () => {
  const now = new Date();
  const sentAt = Math.floor(now.getTime() / 1000);
  const signature = signWebhook('key', sentAt, 'body');
  assert.equal(verifyWebhookSignature('key', String(sentAt + 1), 'body', signature, { now }), false);
  assert.equal(verifyWebhookSignature('key', 'soon', 'body', signature, { now }), false);
});
