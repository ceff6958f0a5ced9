/** What a tracker's answer means for the outbox: done, try again later, or give up. Pure. */
export type Verdict = 'created' | 'retry' | 'failed';

/** 2xx created; 408, 425, 429 and 5xx are worth retrying; 401/403/404/422 and the rest will not get better by waiting. */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'created';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'failed';
}

/** A short, safe line about an answer for the attempt log (never the request, which holds the token). */
export function answerLine(status: number, body: string): string {
  let message = '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown; errorMessages?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
    else if (Array.isArray(parsed.errorMessages)) message = parsed.errorMessages.filter((m) => typeof m === 'string').join('; ');
  } catch {
    message = body.slice(0, 200);
  }
  return `HTTP ${status}${message ? `: ${message.slice(0, 300)}` : ''}`;
}
