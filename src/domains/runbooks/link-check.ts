/** One link check: a HEAD request with a short timeout (GET when the server refuses HEAD). */

export interface LinkCheckResult {
  url: string;
  status: number | null;
  ok: boolean;
  error: string | null;
}

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<number> {
  const response = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'Firebreak runbook link check' } });
  // Only the status matters; do not download the page.
  await response.body?.cancel().catch(() => undefined);
  return response.status;
}

/** Checks one link: ok when it answers below 400 within `timeoutMs`; a link that never answers fails with the timeout named. */
export async function checkLink(url: string, timeoutMs: number): Promise<LinkCheckResult> {
  try {
    let status = await request(url, 'HEAD', timeoutMs);
    if (status === 405 || status === 501) status = await request(url, 'GET', timeoutMs);
    return { url, status, ok: status < 400, error: null };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    return { url, status: null, ok: false, error: timedOut ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message) };
  }
}

/** Checks links in parallel, at most `concurrency` at a time, keeping their order. */
export async function checkLinks(urls: readonly string[], timeoutMs: number, concurrency = 8): Promise<LinkCheckResult[]> {
  const results: LinkCheckResult[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      results[i] = await checkLink(urls[i]!, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return results;
}
