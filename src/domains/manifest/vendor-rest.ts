/**
 * One GET to a vendor's REST API for an import (PagerDuty, Opsgenie): through
 * callOut, the key in the vendor's header, a refused key or an error said
 * plainly without echoing the key, the answer parsed as JSON.
 */
import { callOut, type OutboundPolicy } from '../../http/outbound.js';

export interface VendorSource {
  apiUrl: string;
  token: string;
  policy: OutboundPolicy;
  timeoutMs: number;
}

/** What an import reads from: the API and key, and the window (`now` for `days`) of overrides and final schedules. */
export interface VendorReadSource extends VendorSource {
  now: Date;
  days: number;
}

export class VendorReadError extends Error {
  override readonly name = 'VendorReadError';
}

export async function vendorGet(src: VendorSource, vendor: string, path: string, query: Array<[string, string]>, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const url = new URL(path.replace(/^\//, ''), src.apiUrl.endsWith('/') ? src.apiUrl : `${src.apiUrl}/`);
  for (const [k, v] of query) url.searchParams.append(k, v);
  const response = await callOut(src.policy, url.toString(), { method: 'GET', headers, timeoutMs: src.timeoutMs, maxBodyBytes: 16 * 1024 * 1024 });
  if (response.status === 401 || response.status === 403) throw new VendorReadError(`${vendor} refused the key for GET ${path} (${response.status}): use a read-only API key`);
  if (response.status < 200 || response.status >= 300) throw new VendorReadError(`${vendor} answered GET ${path} with ${response.status}: ${response.body.slice(0, 300)}`);
  try {
    return JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    throw new VendorReadError(`${vendor}'s answer to GET ${path} is not JSON (or was cut off)`);
  }
}
