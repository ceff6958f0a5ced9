/**
 * A stand-in for PagerDuty's REST API v2 serving the fixture organisation
 * (test/fixtures/vendor/pagerduty/organisation.json). Every request is checked
 * against the published description (rest-subset.json: path, method, query,
 * headers, the `Token token=` key) and every answer against its documented
 * response schema; whatever fails is kept in `problems` (and the request is
 * answered 400), so a test asserts the list is empty. Lists are paged with
 * offset/limit/more as documented, in small pages so paging is exercised.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from '../process.js';
import { OpenApi3Spec } from './openapi3-check.js';

export const PAGERDUTY_DIR = join(FIXTURES, 'vendor', 'pagerduty');

/** The description's own format names, checked loosely. */
export const PAGERDUTY_FORMATS = ['activesupport-time-zone', 'tzinfo', 'partial-time', 'url'];

export interface PagerDutyOrganisation {
  now: string;
  days: number;
  users: Array<Record<string, unknown> & { id: string; email: string }>;
  teams: Array<{ team: Record<string, unknown> & { id: string }; members: unknown[] }>;
  schedules: Array<Record<string, unknown> & { id: string }>;
  overrides: Array<{ scheduleId: string; override: { start: string; end: string } }>;
  escalation_policies: unknown[];
  services: unknown[];
}

export interface PagerDutyStandIn {
  url: string;
  problems: string[];
  requests: string[];
  close(): Promise<void>;
}

/** Default page size when the client gives none (PagerDuty's is 25); small pages exercise paging. */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 7;

interface RenderedEntry { start: string; end: string; user: unknown }

/**
 * `finals`: each schedule's final schedule as PagerDuty renders it (the
 * generator's model), answered, cut to since/until as PagerDuty does without
 * `overflow`, when a request for one schedule gives a range.
 */
export async function startPagerDutyStandIn(org: PagerDutyOrganisation, token: string, finals: ReadonlyMap<string, RenderedEntry[]> = new Map()): Promise<PagerDutyStandIn> {
  const spec = new OpenApi3Spec(join(PAGERDUTY_DIR, 'rest-subset.json'), PAGERDUTY_FORMATS);
  const problems: string[] = [];
  const requests: string[] = [];

  const page = (key: string, items: unknown[], q: URLSearchParams) => {
    const offset = Number(q.get('offset') ?? 0);
    // PagerDuty may answer fewer than asked; this stand-in caps pages to make clients follow `more`.
    const limit = Math.min(Number(q.get('limit') ?? DEFAULT_LIMIT), MAX_LIMIT);
    return { [key]: items.slice(offset, offset + limit), offset, limit, more: offset + limit < items.length, total: null };
  };

  const answer = (template: string, params: Record<string, string>, q: URLSearchParams): [number, unknown] => {
    switch (template) {
      case '/users':
        return [200, page('users', org.users, q)];
      case '/teams':
        return [200, page('teams', org.teams.map((t) => t.team), q)];
      case '/teams/{id}/members': {
        const team = org.teams.find((t) => t.team.id === params.id);
        return team ? [200, page('members', team.members, q)] : [404, { error: { code: 2100, message: 'Not Found' } }];
      }
      case '/schedules':
        // The list leaves the layers out unless asked (include[]=schedule_layers); the importer reads each schedule.
        return [200, page('schedules', org.schedules.map(({ schedule_layers: _layers, ...rest }) => rest), q)];
      case '/schedules/{id}': {
        const s = org.schedules.find((x) => x.id === params.id);
        if (!s) return [404, { error: { code: 2100, message: 'Not Found' } }];
        const entries = finals.get(s.id);
        if (!entries || !q.has('since') || !q.has('until')) return [200, { schedule: s }];
        const since = Date.parse(q.get('since')!);
        const until = Date.parse(q.get('until')!);
        const cut = entries
          .filter((e) => Date.parse(e.start) < until && Date.parse(e.end) > since)
          .map((e) => ({ ...e, start: Date.parse(e.start) < since ? new Date(since).toISOString() : e.start, end: Date.parse(e.end) > until ? new Date(until).toISOString() : e.end }));
        return [200, { schedule: { ...s, final_schedule: { name: 'Final Schedule', rendered_schedule_entries: cut } } }];
      }
      case '/schedules/{id}/overrides': {
        const since = Date.parse(q.get('since')!);
        const until = Date.parse(q.get('until')!);
        const list = org.overrides.filter((o) => o.scheduleId === params.id && Date.parse(o.override.start) < until && Date.parse(o.override.end) > since).map((o) => o.override);
        // The description documents this list's success as 201.
        return [201, { overrides: list }];
      }
      case '/escalation_policies':
        return [200, page('escalation_policies', org.escalation_policies, q)];
      case '/services':
        return [200, page('services', org.services, q)];
      default:
        return [404, { error: { code: 2100, message: 'Not Found' } }];
    }
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    req.resume();
    req.on('end', () => {
      const checked = spec.check({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers }, (headers) => {
        const auth = headers.authorization;
        if (typeof auth !== 'string' || !/^Token token=\S+$/.test(auth)) return 'no "Authorization: Token token=<API_KEY>" header (the api_key scheme)';
        return undefined;
      });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (checked.problems.length > 0 || !checked.template) {
        problems.push(...checked.problems);
        return send(400, { error: { code: 2001, message: 'Invalid Input Provided', errors: checked.problems } });
      }
      if (req.headers.authorization !== `Token token=${token}`) {
        const body = { error: { code: 2006, message: 'Invalid Credentials' } };
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
  return {
    url: `http://127.0.0.1:${port}`,
    problems,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
