/**
 * Delay before retry number `attempt` (1-based): exponential from baseMs,
 * capped at maxMs, with ±20% jitter so a burst of failures does not retry in step.
 */
export function retryDelayMs(attempt: number, baseMs = 1000, maxMs = 3_600_000, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
