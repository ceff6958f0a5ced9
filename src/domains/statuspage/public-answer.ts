/**
 * The answer to a GET of a public status page resource, as status, headers and
 * bytes, decided once here for both ways a request arrives: the front door
 * (src/http/front-door.ts, the hot path) and the Fastify routes (inject, and
 * whatever the front door passes on). Undefined means "no such public page
 * here": the routes answer that (404, or 503 while the model loads).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostnameOf, pathOf } from '../../http/front-door.js';
import type { PageResource, StatusReadModel } from './read-model.js';
import type { PageSnapshot } from './snapshot.js';
import { STATUSPAGE_ENDPOINTS } from './statuspage-json.js';

/** Short enough that a CDN follows an incident closely; stale copies may be served while we are down. */
const CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30, stale-if-error=86400';

/** The HTML needs no script at all: none may run, whatever a page's logo URL or name holds. */
export const STATUS_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Every resource of a page, by its path below the page. */
export const RESOURCES: Array<[string, PageResource]> = [
  ['', 'html'],
  ['/history', 'history'],
  ['/history.rss', 'history.rss'],
  ['/history.atom', 'history.atom'],
  ...STATUSPAGE_ENDPOINTS.map((e): [string, PageResource] => [`/api/v2/${e}`, `api/v2/${e}`]),
];
export const BY_PATH = new Map(RESOURCES.map(([path, resource]) => [path === '' ? '/' : path, resource]));
const BELOW_STATUS = new Map(RESOURCES.map(([path, resource]) => [path, resource]));
const SLUG_MAX = 60;

export interface Answer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/**
 * The answer for a page resource. Internal pages answer only when the caller
 * says the reader is signed in (`signedIn`), and never to shared caches.
 */
export function answerFor(model: StatusReadModel, snapshot: PageSnapshot | undefined, resource: PageResource, base: string, ifNoneMatch: string | undefined, signedIn = false): Answer | undefined {
  if (!snapshot || (snapshot.page.visibility !== 'public' && !signedIn)) return undefined;
  const internal = snapshot.page.visibility !== 'public';
  const rendered = model.render(snapshot, resource, base);
  const headers: Record<string, string> = internal
    ? { etag: rendered.etag, 'cache-control': 'private, no-cache', vary: 'host, cookie, authorization', 'x-content-type-options': 'nosniff' }
    : { etag: rendered.etag, 'cache-control': CACHE_CONTROL, vary: 'host', 'x-content-type-options': 'nosniff' };
  if (resource.startsWith('api/') && !internal) headers['access-control-allow-origin'] = '*';
  if (rendered.contentType.startsWith('text/html')) {
    // The same headers every HTML answer gets (src/app/server.ts), set here because the front door answers before that hook.
    headers['content-security-policy'] = STATUS_PAGE_CSP;
    headers['x-frame-options'] = 'DENY';
    headers['referrer-policy'] = 'no-referrer';
  }
  const age = model.ageSeconds(snapshot);
  if (age !== null) headers['x-firebreak-snapshot-age'] = String(age);
  if (ifNoneMatch === rendered.etag) return { status: 304, headers, body: undefined };
  headers['content-type'] = rendered.contentType;
  return { status: 200, headers, body: rendered.body };
}

/** Which page and resource a path names on the main host: /status…, /status/<slug>… */
function locate(model: StatusReadModel, path: string): { snapshot: PageSnapshot | undefined; resource: PageResource; base: string; route: string } | undefined {
  if (!path.startsWith('/status')) return undefined;
  const rest = path.slice('/status'.length);
  const own = BELOW_STATUS.get(rest);
  if (own) return { snapshot: model.defaultPage(), resource: own, base: '/status', route: `/status${rest}` };
  if (!rest.startsWith('/')) return undefined;
  const slashAfterSlug = rest.indexOf('/', 1);
  const slug = decodeURIComponentOrUndefined(slashAfterSlug === -1 ? rest.slice(1) : rest.slice(1, slashAfterSlug));
  const resource = BELOW_STATUS.get(slashAfterSlug === -1 ? '' : rest.slice(slashAfterSlug));
  if (!slug || slug.length > SLUG_MAX || !resource) return undefined;
  const snapshot = model.bySlugOrDefault(slug);
  const suffix = slashAfterSlug === -1 ? '' : rest.slice(slashAfterSlug);
  // The first page lives at /status; /status/<its slug> shows it too.
  return { snapshot, resource, base: snapshot === model.defaultPage() ? '/status' : `/status/${slug}`, route: `/status/:slug${suffix}` };
}

function decodeURIComponentOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The front door's handler: answers whole public page requests from memory, else passes them on. */
export function serveFromFrontDoor(model: StatusReadModel, request: IncomingMessage, response: ServerResponse): string | undefined {
  const path = pathOf(request);
  const forHost = model.forHost(hostnameOf(request));
  const target = forHost ? (BY_PATH.has(path) ? { snapshot: forHost, resource: BY_PATH.get(path)!, base: '', route: path } : undefined) : locate(model, path);
  if (!target) return undefined;
  const ifNoneMatch = request.headers['if-none-match'];
  const answer = answerFor(model, target.snapshot, target.resource, target.base, ifNoneMatch);
  if (!answer) return undefined;
  if (answer.body) answer.headers['content-length'] = String(answer.body.length);
  response.writeHead(answer.status, answer.headers);
  response.end(request.method === 'HEAD' ? undefined : answer.body);
  return target.route;
}
