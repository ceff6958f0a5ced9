/**
 * Verifying inbound chat requests, pure. Slack signs `v0:<timestamp>:<body>`
 * with HMAC-SHA256 under the app's signing secret; a timestamp more than five
 * minutes from now is refused (a captured request cannot be sent later), and
 * the caller remembers each signature it accepted so an identical request
 * inside the window is refused as a replay. Mattermost sends the slash
 * command's token in the body (`token`) or as `Authorization: Token <token>`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const REPLAY_WINDOW_SECONDS = 5 * 60;

export type Verdict = { ok: true } | { ok: false; reason: string };

/** The signature Slack would send for this body at this timestamp. */
export function slackSignature(signingSecret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks X-Slack-Signature and X-Slack-Request-Timestamp against the raw body. */
export function verifySlackRequest(signingSecret: string, headers: { signature: string | undefined; timestamp: string | undefined }, body: string, now: Date): Verdict {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return { ok: false, reason: 'the X-Slack-Signature and X-Slack-Request-Timestamp headers are required' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a Unix time' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'the request timestamp is more than five minutes from now' };
  if (!sameText(signature, slackSignature(signingSecret, timestamp, body))) return { ok: false, reason: 'the signature does not match the body and the signing secret' };
  return { ok: true };
}

/** SHA-256 hex of a token, as stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Checks a Mattermost slash command or action token against its stored hash. */
export function verifyMattermostToken(storedHash: string | null, token: string | undefined): Verdict {
  if (!storedHash) return { ok: false, reason: 'this workspace has no slash command token; connect it with one' };
  if (!token) return { ok: false, reason: 'the request carries no token' };
  if (!sameText(tokenHash(token), storedHash)) return { ok: false, reason: 'the token does not match this workspace' };
  return { ok: true };
}

/** The key a request is remembered by inside the replay window. */
export function replayKey(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
