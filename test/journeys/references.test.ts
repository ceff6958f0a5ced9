/**
 * Every field of a request body that names another object carries `x-references`
 * in the OpenAPI document. This walks the document the server publishes and sends
 * each such field a value that names nothing: the answer is 400 naming the field,
 * on both dialects, and nothing is stored.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { startRealServer, type RealServer } from './real-server.js';

type Schema = {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  nullable?: boolean;
  pattern?: string;
  'x-references'?: string;
};
type Operation = { requestBody?: { content?: Record<string, { schema: Schema }> } };
type Segment = string | number;

const DRILL = {
  name: 'friday drill',
  alert: {
    format: 'alertmanager',
    payload: {
      version: '4',
      status: 'firing',
      receiver: 'firebreak',
      groupKey: '{}:{}',
      alerts: [{ status: 'firing', labels: { alertname: 'CheckoutErrors', severity: 'critical' }, annotations: { summary: 'Checkout 5xx (drill)' }, startsAt: '2026-11-23T14:05:10Z', fingerprint: 'drill-1' }],
    },
  },
  goals: [{ kind: 'acknowledged', minutes: 5 }],
  schedule: { kind: 'once', at: '2099-01-01T00:00:00.000Z' },
};
const ACTION_TITLE = 'Add a canary stage to checkout-api deploys that halts the rollout when the error rate passes 1%';
/** Fields a generated body cannot guess (rules beyond the schema), by route and field. */
const BASES: Record<string, () => Record<string, unknown>> = {
  'post /api/v1/incidents/{id}/postmortem/action-items': () => ({ title: ACTION_TITLE }),
  'post /api/v1/drills': () => ({ ...DRILL, name: `drill ${randomUUID().slice(0, 6)}` }),
};

/** Body fields named like references that are not one (they name something the request itself carries, or an object in a chat vendor's workspace: a Mattermost team, a chat channel). */
const NOT_REFERENCES = new Set(['alertPayloadId', 'requestIds', 'teamId', 'pageChannelId']);
const REFERENCE_NAME = /(Id|Ids)$/;

interface ReferenceField {
  path: Segment[];
  kind: string;
}

function referencesIn(schema: Schema, path: Segment[], out: ReferenceField[], unannotated: string[]): void {
  if (schema['x-references']) out.push({ path, kind: schema['x-references'] });
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const annotated = prop['x-references'] || prop.items?.['x-references'] || (prop.anyOf ?? []).some((b) => b['x-references'] || b.items?.['x-references']);
    if (REFERENCE_NAME.test(name) && !annotated && !NOT_REFERENCES.has(name)) unannotated.push([...path, name].join('.'));
    referencesIn(prop, [...path, name], out, unannotated);
  }
  if (schema.items) referencesIn(schema.items, [...path, 0], out, unannotated);
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    if (branch.type === 'null') continue;
    referencesIn(branch, path, out, unannotated);
  }
}

function firstBranch(schema: Schema): Schema {
  const branches = schema.anyOf ?? schema.oneOf;
  return branches ? (branches.find((b) => b.type !== 'null' && b.type !== 'string') ?? branches.find((b) => b.type !== 'null') ?? branches[0]!) : schema;
}

let hours = 0;
/** A minimal valid value for a schema: required fields only, references filled with real objects. */
function sample(schema: Schema, ids: Record<string, string>, field: string): unknown {
  if (schema['x-references']) return ids[schema['x-references']] ?? assert.fail(`no fixture for references of kind ${schema['x-references']}`);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) return sample(firstBranch(schema), ids, field);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties![name]!, ids, name);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items!, ids, field));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default:
      if (schema.format === 'date-time') return new Date(Date.now() + 3_600_000 * ++hours).toISOString();
      if (field === 'timeZone') return 'UTC';
      if (field === 'start' && schema.pattern) return '2026-01-05T09:00';
      if (field === 'email') return `someone-${randomUUID().slice(0, 6)}@example.test`;
      if (schema.format === 'uuid') return randomUUID();
      if (schema.pattern?.startsWith('^https?://')) return 'https://example.test/x';
      return `${field}-${randomUUID().slice(0, 6)}`.slice(0, Math.max(schema.minLength ?? 1, 12));
  }
}

/** The schema of the value at `path` (the first non-null branch of a union). */
function schemaAt(schema: Schema, path: Segment[]): Schema {
  let at = schema;
  for (const segment of path) {
    at = firstBranch(at);
    at = typeof segment === 'number' ? at.items! : at.properties![segment]!;
  }
  return at;
}

/** Puts `value` at `path` in `body`, creating the objects and arrays on the way as valid minimal values. */
function setAt(body: unknown, schema: Schema, path: Segment[], value: unknown, ids: Record<string, string>): unknown {
  const root = structuredClone(body) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      at[segment] = value;
      return;
    }
    if (at[segment] === undefined || at[segment] === null) {
      const inner = schemaAt(schema, path.slice(0, i + 1));
      at[segment] = typeof path[i + 1] === 'number' ? [sample(firstBranch(inner).items!, ids, String(segment))] : sample(firstBranch(inner), ids, String(segment));
    }
    at = at[segment] as Record<string | number, unknown>;
  });
  return root;
}

describeEachStore('every reference field refuses what names nothing', (fixture) => {
  let server: RealServer;
  let admin: Record<string, string>;
  const ids: Record<string, string> = {};
  const params: Record<string, string> = {};

  before(async () => {
    server = await startRealServer(fixture.store);
    const me = await server.user('admin');
    admin = me.auth;
    const made = async (method: string, path: string, body: unknown): Promise<Record<string, unknown>> => {
      const res = await server.call(method, path, admin, body);
      assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    ids.user = me.id;
    ids.team = (await made('POST', '/api/v1/teams', { name: 'payments' })).id as string;
    ids.service = (await made('POST', '/api/v1/services', { name: 'checkout-api' })).id as string;
    ids.schedule = (await made('POST', '/api/v1/oncall/schedules', {
      name: 'primary',
      timeZone: 'UTC',
      layers: [{ name: 'week', start: '2026-01-05T09:00', length: { unit: 'weeks', count: 1 }, participants: [me.id] }],
    })).id as string;
    ids['escalation-target'] = me.id;
    ids['escalation-policy'] = (await made('POST', '/api/v1/escalation-policies', { name: 'checkout', steps: [{ delaySeconds: 0, targets: [{ type: 'user', id: me.id }] }] })).id as string;
    ids['contact-method'] = (await made('POST', `/api/v1/users/${me.id}/contact-methods`, { kind: 'email', address: 'oncall@example.test' })).id as string;
    const page = await made('POST', '/api/v1/status-pages', { name: 'Acme status', slug: 'acme' });
    ids['status-page'] = page.id as string;
    ids['status-component-group'] = (await made('POST', `/api/v1/status-pages/${ids['status-page']}/components`, { name: 'Core', group: true })).id as string;
    ids['status-component'] = (await made('POST', `/api/v1/status-pages/${ids['status-page']}/components`, { name: 'Checkout' })).id as string;
    const incident = await made('POST', '/api/v1/incidents', { title: 'Checkout errors', severity: 'SEV2' });
    params.incident = incident.id as string;
    await made('POST', `/api/v1/incidents/${params.incident}/events`, { kind: 'resolved', body: { summary: 'fixed', override: { reason: 'test' } } });
    await server.call('POST', `/api/v1/incidents/${params.incident}/postmortem`, admin);
    params.actionItem = (await made('POST', `/api/v1/incidents/${params.incident}/postmortem/action-items`, { title: ACTION_TITLE, type: 'prevent' })).id as string;
    params.openIncident = (await made('POST', '/api/v1/incidents', { title: 'Checkout slow', severity: 'SEV3' })).id as string;
    params.runbook = (await made('POST', '/api/v1/runbooks', { title: 'Checkout is down' })).id as string;
    params.slug = 'acme';
    await made('POST', `/api/v1/services/${ids.service}/integrations`, { kind: 'alertmanager', name: 'alertmanager' });
    params.drill = (await made('POST', '/api/v1/drills', { ...DRILL, serviceId: ids.service })).id as string;
  });
  after(async () => server?.close());

  /** The path parameters of a route, filled with objects the setup made. */
  function concrete(path: string): string {
    return path
      .replace(/\/incidents\/\{id\}(?=\/postmortem)/, `/incidents/${params.incident}`)
      .replace('/incidents/{id}', `/incidents/${params.openIncident}`)
      .replace('/services/{id}', `/services/${ids.service}`)
      .replace('/status-pages/{id}', `/status-pages/${ids['status-page']}`)
      .replace('/status-components/{id}', `/status-components/${ids['status-component']}`)
      .replace('/action-items/{itemId}', `/action-items/${params.actionItem}`)
      .replace('/oncall/schedules/{schedule}', `/oncall/schedules/${ids.schedule}`)
      .replace('/escalation-policies/{id}', `/escalation-policies/${ids['escalation-policy']}`)
      .replace('/drills/{id}', `/drills/${params.drill}`)
      .replace('/runbooks/{id}', `/runbooks/${params.runbook}`)
      .replace('/users/{id}', `/users/${ids.user}`)
      .replace('/status/{slug}', `/status/${params.slug}`);
  }

  test('the document marks every body field named like a reference, and each refuses an unknown value with 400 naming it', async () => {
    const doc = (await server.call<{ paths: Record<string, Record<string, Operation>> }>('GET', '/api/v1/openapi.json', admin)).body;
    const unannotated: string[] = [];
    const failures: string[] = [];
    let checked = 0;
    for (const [route, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        const variants = schema.oneOf ?? schema.anyOf ?? [schema];
        for (const variant of variants) {
          const fields: ReferenceField[] = [];
          referencesIn(variant, [], fields, unannotated);
          if (!fields.length) continue;
          const url = concrete(route);
          assert.ok(!url.includes('{'), `no fixture for the path parameters of ${route}`);
          for (const field of fields) {
            for (const unknown of [randomUUID(), ...(field.kind === 'escalation-policy' || field.kind === 'service' || field.kind === 'schedule' ? ['nothing-by-this-name'] : [])]) {
              const named = field.path.filter((s) => typeof s === 'string').at(-1) as string;
              const base = { ...((variant as { example?: object }).example ?? (sample(variant, ids, 'body') as object)), ...BASES[`${method} ${route}`]?.() } as Record<string, unknown>;
              // A first public update needs its title before the page and components it names are looked at.
              if (base.kind === 'update_posted') base.body = { ...(base.body as object), audience: 'public', publicTitle: 'Checkout is failing' };
              const res = await server.call<{ detail?: string; errors?: Array<{ field: string }> }>(method.toUpperCase(), url, admin, setAt(base, variant, field.path, unknown, ids));
              checked += 1;
              const names = (res.body.errors ?? []).some((e) => e.field.includes(named)) || (res.body.detail ?? '').includes(named);
              if (res.status !== 400 || !names) {
                failures.push(`${method.toUpperCase()} ${route} ${field.path.join('.')}=${unknown}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
              }
            }
          }
        }
      }
    }
    assert.deepEqual(unannotated, [], 'body fields named like references carry x-references');
    assert.ok(checked > 40, `walked ${checked} reference fields`);
    assert.deepEqual(failures, []);
  });

  test('a service takes its escalation policy by name and stores the id', async () => {
    const res = await server.call<{ escalationPolicyId: string }>('PATCH', `/api/v1/services/${ids.service}`, admin, { escalationPolicyId: 'checkout' });
    assert.equal(res.status, 200);
    assert.equal(res.body.escalationPolicyId, ids['escalation-policy']);
    const byId = await server.call<{ escalationPolicyId: string }>('PATCH', `/api/v1/services/${ids.service}`, admin, { escalationPolicyId: ids['escalation-policy'] });
    assert.equal(byId.body.escalationPolicyId, ids['escalation-policy']);
  });
});
