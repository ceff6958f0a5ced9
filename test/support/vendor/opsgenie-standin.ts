/**
 * A stand-in for Opsgenie's REST API serving the fixture organisation
 * (test/fixtures/vendor/opsgenie/organisation.json). Every request is checked
 * against the published Swagger 2.0 description (swagger-subset.json: path,
 * method, query, the `GenieKey` key) and every answer against its documented
 * response schema; whatever fails is kept in `problems` (and the request is
 * answered 400), so a test asserts the list is empty. `/v2/users` is paged
 * with offset/limit in small pages so paging is exercised.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from '../process.js';
import { swagger2Spec } from './openapi3-check.js';

export const OPSGENIE_DIR = join(FIXTURES, 'vendor', 'opsgenie');

export interface OpsgenieOrganisation {
  now: string;
  days: number;
  users: Array<Record<string, unknown> & { id: string; username: string }>;
  teams: Array<Record<string, unknown> & { id: string; members: unknown[] }>;
  schedules: Array<Record<string, unknown> & { id: string; rotations: unknown[] }>;
  overrides: Array<Record<string, unknown> & { _parent: { id: string } }>;
  escalations: unknown[];
  /** As GET /v2/integrations lists them (IntegrationMeta). */
  integrations: Array<Record<string, unknown> & { name: string; type: string }>;
}

export interface OpsgenieTimeline {
  _parent: { id: string; name: string };
  startDate: string;
  endDate: string;
  finalTimeline: { rotations: Array<{ id: string; name: string; periods: Array<{ startDate: string; endDate: string; type: string; recipient: { id: string; name: string; type: string } }> }> };
}

export interface OpsgenieStandIn {
  url: string;
  problems: string[];
  requests: string[];
  close(): Promise<void>;
}

/** The stand-in answers at most this many users a page, to make the client follow offsets. */
const MAX_LIMIT = 7;

/** `timelines`: each schedule's final timeline as Opsgenie gives it (the generator's model), answered for the window the fixture was generated for. */
export async function startOpsgenieStandIn(org: OpsgenieOrganisation, token: string, timelines: readonly OpsgenieTimeline[]): Promise<OpsgenieStandIn> {
  const spec = swagger2Spec(join(OPSGENIE_DIR, 'swagger-subset.json'));
  const problems: string[] = [];
  const requests: string[] = [];
  const base = () => ({ requestId: '9ae63dd7-ed00-4c81-86f0-c4ffd33142c9', took: 0.01 });
  const notFound = (): [number, unknown] => [404, { ...base(), message: 'Not Found', code: 40401 }];

  const answer = (template: string, params: Record<string, string>, q: URLSearchParams): [number, unknown] => {
    switch (template) {
      case '/v2/users': {
        const offset = Number(q.get('offset') ?? 0);
        const limit = Math.min(Number(q.get('limit') ?? 100), MAX_LIMIT);
        return [200, { ...base(), data: org.users.slice(offset, offset + limit), totalCount: org.users.length }];
      }
      case '/v2/teams':
        // The list leaves members out; GET /v2/teams/{identifier} has them.
        return [200, { ...base(), expandable: [], data: org.teams.map(({ members: _m, ...t }) => t) }];
      case '/v2/teams/{identifier}': {
        const t = org.teams.find((x) => x.id === params.identifier);
        return t ? [200, { ...base(), data: t }] : notFound();
      }
      case '/v2/schedules':
        // Rotations only when asked with expand=rotation.
        return [200, { ...base(), expandable: ['rotation'], data: q.get('expand')?.split(',').includes('rotation') ? org.schedules : org.schedules.map(({ rotations: _r, ...s }) => s) }];
      case '/v2/schedules/{identifier}/overrides':
        return org.schedules.some((s) => s.id === params.identifier) ? [200, { ...base(), data: org.overrides.filter((o) => o._parent.id === params.identifier) }] : notFound();
      case '/v2/schedules/{identifier}/timeline': {
        const t = timelines.find((x) => x._parent.id === params.identifier);
        if (!t) return notFound();
        // The fixture holds the answer for its own window only.
        const window = Date.parse(q.get('date') ?? '') === Date.parse(org.now) && q.get('interval') === String(org.days) && q.get('intervalUnit') === 'days';
        if (!window) problems.push(`timeline asked for date=${q.get('date')} interval=${q.get('interval')} ${q.get('intervalUnit')}, the fixture has ${org.now} for ${org.days} days`);
        return [200, { ...base(), expandable: ['base', 'forwarding', 'override'], data: t }];
      }
      case '/v2/escalations':
        return [200, { ...base(), data: org.escalations }];
      case '/v2/integrations':
        // Filtered as documented (type, teamId, teamName); the importer asks for all.
        return [200, { ...base(), data: org.integrations.filter((i) => (!q.has('type') || i.type === q.get('type')) && (!q.has('teamId') || i.teamId === q.get('teamId')) && (!q.has('teamName') || org.teams.find((t) => t.id === i.teamId)?.name === q.get('teamName'))) }];
      default:
        return notFound();
    }
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    req.resume();
    req.on('end', () => {
      const checked = spec.check({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers }, (headers) => {
        const auth = headers.authorization;
        return typeof auth !== 'string' || !/^GenieKey \S+$/.test(auth) ? 'no "Authorization: GenieKey <key>" header (the GenieKey scheme)' : undefined;
      });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (checked.problems.length > 0 || !checked.template) {
        problems.push(...checked.problems);
        return send(400, { ...base(), message: checked.problems.join('; '), code: 40001 });
      }
      if (req.headers.authorization !== `GenieKey ${token}`) {
        const body = { ...base(), message: 'Could not authenticate', code: 40101 };
        problems.push(...spec.checkAnswer('GET', checked.template, 401, body));
        return send(401, body);
      }
      const [status, body] = answer(checked.template, checked.params, url.searchParams);
      problems.push(...spec.checkAnswer('GET', checked.template, status, body));
      send(status, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, problems, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
