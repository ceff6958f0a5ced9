/**
 * Outbound webhook signatures. The HMAC-SHA256 covers `<timestamp>.<raw body>`
 * so a captured request cannot be replayed later with a fresh timestamp;
 * receivers check the signature and refuse timestamps outside a tolerance.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-firebreak-signature';
export const TIMESTAMP_HEADER = 'x-firebreak-timestamp';
export const DELIVERY_HEADER = 'x-firebreak-delivery';

/** The `sha256=<hex>` signature of a body sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `sha256=${mac}`;
}

/**
 * True when `signature` is the body's signature and the timestamp is within
 * `toleranceSeconds` of `now`: what a receiver should check.
 */
export function verifyWebhookSignature(
  secret: string,
  timestampHeader: string,
  rawBody: string,
  signature: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  if (!/^\d{1,12}$/.test(timestampHeader)) return false;
  const timestamp = Number(timestampHeader);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
