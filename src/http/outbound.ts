/**
 * The one way Firebreak calls out over HTTP: webhooks and Slack-compatible
 * contact methods, subscriber and action-item webhooks, Twilio and ntfy, the
 * runbook link checker — and any later integration. A responder types these
 * URLs, so by default the server refuses to reach loopback, link-local,
 * private, shared, multicast and unspecified addresses, however the address
 * is spelled (`0177.0.0.1`, `0x7f000001`, `2130706433`, `[::1]`,
 * `[::ffff:127.0.0.1]`): the URL parser normalises the spelling, the host
 * name is resolved, every address it resolves to is checked, and the
 * connection is pinned to the address that was checked (no second lookup an
 * attacker's DNS could answer differently). Redirects are followed by hand,
 * each hop checked again. An administrator allows ranges with
 * FIREBREAK_OUTBOUND_ALLOW (for internal dashboards in runbook links, or a
 * self-hosted ntfy).
 *
 * Use: `const policy = outboundPolicy(config.outboundAllow)` once, then
 * `callOut(policy, url, { method, headers, body, timeoutMs })`. It answers
 * `{ status, headers, body }` (the body cut at `maxBodyBytes`), throws
 * `OutboundRefused` when the policy refuses, and otherwise throws the network
 * error (a timeout has the name `TimeoutError`).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from 'node:net';

/** Where outbound calls may go. */
export interface OutboundPolicy {
  /** True when the address may be called. */
  permits(address: string): boolean;
  /** The ranges an administrator allowed, as written. */
  readonly allowed: readonly string[];
}

/** The request was not sent: its address is one the policy refuses. */
export class OutboundRefused extends Error {
  override readonly name = 'OutboundRefused';
}

/** Ranges no outbound call reaches unless allowed: loopback, private, link-local, shared, reserved and multicast. */
const DENIED_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];
const DENIED_V6 = ['::/128', '::1/128', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'];

/** IPv6 forms that carry an IPv4 address (mapped, NAT64, the old compatible form): judged by that address. */
function embeddedV4(address: string): string | undefined {
  const lower = address.toLowerCase();
  for (const prefix of ['::ffff:', '64:ff9b::', '::']) {
    if (!lower.startsWith(prefix)) continue;
    const rest = lower.slice(prefix.length);
    if (net.isIPv4(rest)) return rest;
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(rest);
    if (hex) {
      const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
      return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
    }
  }
  return undefined;
}

function addRange(list: net.BlockList, range: string): void {
  const [address, bits] = range.split('/');
  const type = net.isIPv6(address ?? '') ? 'ipv6' : 'ipv4';
  if (!address || !net.isIP(address)) throw new Error(`"${range}" is not an address or CIDR range`);
  const prefix = bits === undefined ? (type === 'ipv6' ? 128 : 32) : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (type === 'ipv6' ? 128 : 32)) throw new Error(`"${range}" has an invalid prefix length`);
  list.addSubnet(address, prefix, type);
}

/**
 * The policy for a comma-separated list of allowed ranges (`10.0.0.0/8,
 * 127.0.0.1, fd00::/8`); empty allows only public addresses. Throws naming a
 * range it cannot read.
 */
export function outboundPolicy(allow: string): OutboundPolicy {
  const allowed = allow.split(',').map((r) => r.trim()).filter(Boolean);
  const allowList = new net.BlockList();
  for (const range of allowed) addRange(allowList, range);
  const denied = new net.BlockList();
  for (const range of [...DENIED_V4, ...DENIED_V6]) addRange(denied, range);
  const judge = (address: string): boolean => {
    const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
    if (!net.isIP(address)) return false;
    if (allowList.check(address, type)) return true;
    const v4 = type === 'ipv6' ? embeddedV4(address) : undefined;
    if (v4 !== undefined) return judge(v4);
    return !denied.check(address, type);
  };
  return { permits: judge, allowed };
}

export interface OutboundRequest {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
  /** The whole call, redirects included, must finish within this. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Redirects to follow (each hop checked again); 0, the default, answers the 3xx itself. */
  followRedirects?: number;
  /** How much of the answer to keep; the rest is not read. Default 64 KiB. */
  maxBodyBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The start of the answer's body, as text. */
  body: string;
}

/** A DNS lookup that refuses a name resolving to any address the policy refuses, and connects only to what it checked. */
function checkedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const refused = addresses.find((a) => !policy.permits(a.address));
      if (refused || addresses.length === 0) {
        return callback(new OutboundRefused(`${hostname} resolves to ${refused?.address ?? 'nothing'}, which outbound calls may not reach (FIREBREAK_OUTBOUND_ALLOW allows ranges)`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Refuses a URL before connecting: only http(s), and an address written in the URL must be permitted. */
function checkUrl(policy: OutboundPolicy, url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused(`only http and https URLs are called, not ${url.protocol}`);
  // WHATWG parsing already turned 0177.0.0.1, 0x7f000001 and 2130706433 into 127.0.0.1.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !policy.permits(host)) throw new OutboundRefused(`${host} is an address outbound calls may not reach (FIREBREAK_OUTBOUND_ALLOW allows ranges)`);
}

function once(policy: OutboundPolicy, url: URL, request: OutboundRequest, signal: AbortSignal): Promise<OutboundResponse> {
  checkUrl(policy, url);
  const client = url.protocol === 'https:' ? https : http;
  const limit = request.maxBodyBytes ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: request.method ?? 'GET', headers: { 'user-agent': 'Firebreak', ...request.headers }, lookup: checkedLookup(policy), signal, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < limit) chunks.push(chunk.subarray(0, limit - kept));
        kept += chunk.length;
        if (kept >= limit) res.destroy();
      });
      const finish = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', () => finish());
    });
    req.on('error', (err) => reject(signal.aborted && !(err instanceof OutboundRefused) ? Object.assign(new Error('timed out'), { name: 'TimeoutError' }) : err));
    req.end(request.body);
  });
}

/** Calls a URL under the policy; see the module comment. */
export async function callOut(policy: OutboundPolicy, target: string, request: OutboundRequest): Promise<OutboundResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new OutboundRefused(`"${target}" is not a URL`);
  }
  for (let hop = 0; ; hop++) {
    const response = await once(policy, url, request, signal);
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || !location || hop >= (request.followRedirects ?? 0)) return response;
    const next = new URL(location, url);
    // Credentials meant for one origin are not sent to another.
    if (next.origin !== url.origin && request.headers) request = { ...request, headers: Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== 'authorization' && k.toLowerCase() !== 'cookie')) };
    url = next;
    // A redirect is a new request: GET without the body, except for 307/308, which keep both.
    if (response.status !== 307 && response.status !== 308 && request.method !== 'HEAD') request = { ...request, method: 'GET', body: undefined };
  }
}
