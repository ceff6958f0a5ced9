/**
 * Every HTTP request Firebreak sends to a chat vendor goes through
 * `sendChatRequest`, the one place to route them through an address policy
 * or a shared outbound client. Retrying is the caller's (a job's) business.
 */

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

/** Sends one request; network failures and timeouts become retryable ChatCallErrors. */
export async function sendChatRequest(request: ChatHttpRequest): Promise<ChatHttpResponse> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'manual',
    });
  } catch (err) {
    throw new ChatCallError(`${request.method} ${new URL(request.url).pathname}: ${(err as Error).message}`, true);
  }
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
}

/** Retry-After as milliseconds (seconds or an HTTP date); a minute when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number {
  if (header && /^\d{1,6}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = header ? Date.parse(header) : NaN;
  return Number.isNaN(at) ? 60_000 : Math.max(0, at - now.getTime());
}
