/** HTTP deliveries (webhooks, Slack-compatible, Twilio, ntfy) through the one outbound client, with their attempt lines. */
import { callOut, OutboundRefused, type OutboundPolicy, type OutboundRequest } from '../../http/outbound.js';
import { DeliveryError } from './delivery-error.js';

/**
 * Sends one HTTP delivery through the outbound client; a refused address is a
 * permanent failure (retrying cannot help), a network error a passing one.
 */
export async function postOut(settings: { outbound: OutboundPolicy; timeoutMs: number }, url: string, request: Omit<OutboundRequest, 'timeoutMs' | 'signal'>, signal?: AbortSignal): Promise<{ status: number; body: string }> {
  try {
    return await callOut(settings.outbound, url, { ...request, timeoutMs: settings.timeoutMs, ...(signal ? { signal } : {}), maxBodyBytes: 4096 });
  } catch (err) {
    if (err instanceof OutboundRefused) throw new DeliveryError(err.message, true);
    const e = err as Error;
    throw new DeliveryError(e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timed out' : e.message, false);
  }
}

/** `HTTP 200: ok` for the attempt log, or a DeliveryError saying whether a retry can help. */
export function answerLine(response: { status: number; body: string }): string {
  // Keep a little of the answer for people reading the attempt log; never the whole body.
  const text = response.body.slice(0, 200);
  const line = `HTTP ${response.status}${text ? `: ${text}` : ''}`;
  if (response.status >= 200 && response.status < 300) return line;
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  throw new DeliveryError(line, permanent);
}
