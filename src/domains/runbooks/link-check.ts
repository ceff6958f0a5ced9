/**
 * One link check: a HEAD request with a short timeout (GET when the server
 * refuses HEAD), through the outbound client, so a link to an internal
 * address is only checked where an administrator allowed its range.
 */
import { callOut, OutboundRefused, type OutboundPolicy } from '../../http/outbound.js';

export interface LinkCheckResult {
  url: string;
  status: number | null;
  ok: boolean;
  error: string | null;
}

async function request(policy: OutboundPolicy, url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<number> {
  // Only the status matters; do not download the page.
  const response = await callOut(policy, url, { method, timeoutMs, followRedirects: 5, maxBodyBytes: 1, headers: { 'user-agent': 'Firebreak runbook link check' } });
  return response.status;
}

/** Checks one link: ok when it answers below 400 within `timeoutMs`; a link that never answers fails with the timeout named. */
export async function checkLink(policy: OutboundPolicy, url: string, timeoutMs: number): Promise<LinkCheckResult> {
  try {
    let status = await request(policy, url, 'HEAD', timeoutMs);
    if (status === 405 || status === 501) status = await request(policy, url, 'GET', timeoutMs);
    return { url, status, ok: status < 400, error: null };
  } catch (err) {
    if (err instanceof OutboundRefused) return { url, status: null, ok: false, error: 'not checked: the address is internal and not allowed (FIREBREAK_OUTBOUND_ALLOW)' };
    const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    return { url, status: null, ok: false, error: timedOut ? `no answer within ${timeoutMs} ms` : (e.code ?? e.cause?.code ?? e.cause?.message ?? e.message) };
  }
}

/** Checks links in parallel, at most `concurrency` at a time, keeping their order. */
export async function checkLinks(policy: OutboundPolicy, urls: readonly string[], timeoutMs: number, concurrency = 8): Promise<LinkCheckResult[]> {
  const results: LinkCheckResult[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      results[i] = await checkLink(policy, urls[i]!, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return results;
}
