/**
 * Every HTTP request Firebreak sends to a chat vendor goes through
 * `sendChatRequest`, which uses the process's one outbound client
 * (`src/http/outbound.ts`): the vendor's base URL is checked against the
 * outbound address policy like any other destination. Retrying is the
 * caller's (a job's) business.
 */
import { callOut, OutboundRefused, type OutboundPolicy } from '../../http/outbound.js';

/** Chat answers (channel and user lists) can be large; more than this is not read. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface ChatHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface ChatHttpResponse {
  status: number;
  retryAfter: string | null;
  text: string;
}

/** A chat call that failed: `retryable` unless the vendor refused it for good; `retryAfterMs` from a 429's Retry-After. */
export class ChatCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
    readonly vendorError: string | null = null,
  ) {
    super(message);
  }
}

/** Sends one request under the outbound policy; a refused address fails for good, network failures and timeouts are retryable. */
export async function sendChatRequest(policy: OutboundPolicy, request: ChatHttpRequest): Promise<ChatHttpResponse> {
  try {
    const response = await callOut(policy, request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      timeoutMs: request.timeoutMs,
      maxBodyBytes: MAX_ANSWER_BYTES,
    });
    const retryAfter = response.headers['retry-after'];
    return { status: response.status, retryAfter: (Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) ?? null, text: response.body };
  } catch (err) {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    if (err instanceof OutboundRefused) throw new ChatCallError(`${where}: ${err.message}`, false);
    throw new ChatCallError(`${where}: ${(err as Error).message}`, true);
  }
}

/** Retry-After as milliseconds (seconds or an HTTP date); a minute when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number {
  if (header && /^\d{1,6}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = header ? Date.parse(header) : NaN;
  return Number.isNaN(at) ? 60_000 : Math.max(0, at - now.getTime());
}
