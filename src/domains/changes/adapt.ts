/**
 * Change payloads → one normalized change. Pure: no I/O. Each adapter either
 * returns the change or the list of problems, each naming its field, so the
 * edge can answer 400 before anything is written.
 */
import { CHANGE_KINDS, type ChangeKind } from './tables.js';

export interface NormalizedChange {
  /** A service id or name; resolved against the catalog by the service. */
  service: string | null;
  kind: ChangeKind;
  summary: string | null;
  version: string | null;
  author: string | null;
  link: string | null;
  startedAt: string;
  finishedAt: string | null;
  rollbackCommand: string | null;
  rollbackLink: string | null;
  externalKey: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type AdaptResult = { ok: true; change: NormalizedChange } | { ok: false; problems: FieldProblem[] };

const MAX_TEXT = 2000;
/** Times before 2000 or past 2200 are typos (or seconds taken for milliseconds). */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2200-01-01T00:00:00Z');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads fields off one object, collecting problems instead of throwing. */
class Reader {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly body: Record<string, unknown>, private readonly prefix = '') {}

  private name(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  text(key: string, required: boolean, max = MAX_TEXT): string | null {
    const value = this.body[key];
    if (value === undefined || value === null || value === '') {
      if (required) this.problems.push({ field: this.name(key), message: 'is required' });
      return null;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') {
      this.problems.push({ field: this.name(key), message: 'must be a string' });
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length > max) {
      this.problems.push({ field: this.name(key), message: `must be at most ${max} characters` });
      return null;
    }
    if (!trimmed && required) this.problems.push({ field: this.name(key), message: 'must not be blank' });
    return trimmed || null;
  }

  url(key: string): string | null {
    const value = this.text(key, false);
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return value;
    } catch {
      // reported below
    }
    this.problems.push({ field: this.name(key), message: 'must be an http(s) URL' });
    return null;
  }

  time(key: string, required: boolean): string | null {
    const value = this.text(key, required, 64);
    if (value === null) return null;
    const ms = ISO.test(value) ? Date.parse(value) : NaN;
    if (!Number.isFinite(ms) || ms < EARLIEST || ms > LATEST) {
      this.problems.push({ field: this.name(key), message: 'must be an RFC 3339 time with a zone, between 2000 and 2200' });
      return null;
    }
    return new Date(ms).toISOString();
  }

  kind(key: string): ChangeKind | null {
    const value = this.text(key, true, 40);
    if (value === null) return null;
    const normal = value.replace(/[- ]/g, '_').toLowerCase();
    if ((CHANGE_KINDS as readonly string[]).includes(normal)) return normal as ChangeKind;
    this.problems.push({ field: this.name(key), message: `must be one of ${CHANGE_KINDS.join(', ')}` });
    return null;
  }
}

function finish(change: NormalizedChange, problems: FieldProblem[]): AdaptResult {
  if (change.finishedAt !== null && change.finishedAt < change.startedAt) problems.push({ field: 'finishedAt', message: 'must not be before startedAt' });
  return problems.length ? { ok: false, problems } : { ok: true, change };
}

const GENERIC_FIELDS = new Set(['service', 'kind', 'summary', 'version', 'author', 'link', 'startedAt', 'finishedAt', 'rollback', 'id']);

/**
 * Firebreak's own format: `{service, kind, version, author, link, startedAt,
 * finishedAt, rollback: {command, link}, summary, id}`. `startedAt` defaults to
 * `now` (a script posting as it deploys); `service` may be left to the
 * source's default service; unknown fields are refused so a typo (`startAt`)
 * is not silently dropped.
 */
export function adaptGenericChange(body: unknown, now: Date): AdaptResult {
  if (!isRecord(body)) return { ok: false, problems: [{ field: '(body)', message: 'must be a JSON object' }] };
  const r = new Reader(body);
  for (const key of Object.keys(body)) if (!GENERIC_FIELDS.has(key)) r.problems.push({ field: key, message: 'is not a known field' });
  let rollbackCommand: string | null = null;
  let rollbackLink: string | null = null;
  if (body.rollback !== undefined && body.rollback !== null) {
    if (!isRecord(body.rollback)) r.problems.push({ field: 'rollback', message: 'must be an object with command and/or link' });
    else {
      const rb = new Reader(body.rollback, 'rollback');
      for (const key of Object.keys(body.rollback)) if (key !== 'command' && key !== 'link') rb.problems.push({ field: `rollback.${key}`, message: 'is not a known field' });
      rollbackCommand = rb.text('command', false);
      rollbackLink = rb.url('link');
      r.problems.push(...rb.problems);
    }
  }
  const id = r.text('id', false, 200);
  const change: NormalizedChange = {
    service: r.text('service', false, 200),
    kind: r.kind('kind') ?? 'deploy',
    summary: r.text('summary', false),
    version: r.text('version', false, 200),
    author: r.text('author', false, 200),
    link: r.url('link'),
    startedAt: r.time('startedAt', false) ?? now.toISOString(),
    finishedAt: r.time('finishedAt', false),
    rollbackCommand,
    rollbackLink,
    externalKey: id,
  };
  return finish(change, r.problems);
}

function record(body: Record<string, unknown>, key: string, problems: FieldProblem[], field = key): Record<string, unknown> {
  const value = body[key];
  if (isRecord(value)) return value;
  problems.push({ field, message: 'must be an object' });
  return {};
}

/** States after which a GitHub deployment has finished (well or not). */
const GITHUB_DONE = new Set(['success', 'failure', 'error', 'inactive']);
const GITHUB_STATES = new Set([...GITHUB_DONE, 'pending', 'queued', 'in_progress']);

/**
 * A GitHub `deployment_status` webhook (X-GitHub-Event: deployment_status).
 * One change per deployment: each status updates it, and a finished state
 * sets finishedAt. The service is the one the caller names, else the
 * repository's name.
 */
export function adaptGithubDeploymentStatus(body: unknown, service: string | null): AdaptResult {
  if (!isRecord(body)) return { ok: false, problems: [{ field: '(body)', message: 'must be a JSON object' }] };
  const problems: FieldProblem[] = [];
  const status = new Reader(record(body, 'deployment_status', problems), 'deployment_status');
  const deploymentBody = record(body, 'deployment', problems);
  const deployment = new Reader(deploymentBody, 'deployment');
  const repository = new Reader(record(body, 'repository', problems), 'repository');
  const state = status.text('state', true, 40);
  if (state !== null && !GITHUB_STATES.has(state)) status.problems.push({ field: 'deployment_status.state', message: `must be one of ${[...GITHUB_STATES].join(', ')}` });
  const id = deployment.text('id', true, 40);
  const creator = isRecord(deploymentBody.creator) ? new Reader(deploymentBody.creator, 'deployment.creator').text('login', false, 200) : null;
  const repoName = repository.text('name', service === null, 200);
  const repoFull = repository.text('full_name', false, 300);
  const htmlUrl = repository.url('html_url');
  const sha = deployment.text('sha', true, 100);
  const environment = deployment.text('environment', false, 200);
  const startedAt = deployment.time('created_at', true);
  const statusAt = status.time('created_at', true);
  const target = status.url('target_url') ?? status.url('log_url') ?? status.url('environment_url');
  problems.push(...status.problems, ...deployment.problems, ...repository.problems);
  if (problems.length) return { ok: false, problems };
  const done = state !== null && GITHUB_DONE.has(state);
  return finish(
    {
      service: service ?? repoName,
      kind: 'deploy',
      summary: `${repoFull ?? repoName ?? 'deployment'} to ${environment ?? 'an environment'}: ${state}`,
      version: sha,
      author: creator,
      link: target ?? (htmlUrl && sha ? `${htmlUrl}/commit/${sha}` : htmlUrl),
      startedAt: startedAt!,
      finishedAt: done ? statusAt : null,
      rollbackCommand: null,
      rollbackLink: htmlUrl ? `${htmlUrl}/deployments` : null,
      externalKey: `${repoFull ?? repoName ?? ''}#${id}`,
    },
    problems,
  );
}

/**
 * The Argo CD notifications webhook, with the body template documented in
 * ARGOCD_TEMPLATE (Argo CD has no fixed payload: the template is ours). One
 * change per (app, revision); the service is the one named, else the app.
 */
export function adaptArgoCd(body: unknown, service: string | null): AdaptResult {
  if (!isRecord(body)) return { ok: false, problems: [{ field: '(body)', message: 'must be a JSON object' }] };
  const r = new Reader(body);
  const app = r.text('app', true, 253);
  const revision = r.text('revision', true, 200);
  const phase = r.text('phase', false, 40);
  const startedAt = r.time('startedAt', true);
  const finishedAt = r.time('finishedAt', false);
  const author = r.text('author', false, 200);
  const link = r.url('url');
  const repo = r.text('repoURL', false, 500);
  if (r.problems.length) return { ok: false, problems: r.problems };
  return finish(
    {
      service: service ?? app,
      kind: 'deploy',
      summary: `Argo CD sync of ${app}${phase ? ` (${phase})` : ''}${repo ? ` from ${repo}` : ''}`,
      version: revision,
      author,
      link,
      startedAt: startedAt!,
      finishedAt,
      rollbackCommand: `argocd app rollback ${app}`,
      rollbackLink: link,
      externalKey: `${app}@${revision}@${startedAt}`,
    },
    r.problems,
  );
}

/**
 * The Argo CD notifications template that produces what adaptArgoCd reads
 * (argocd-notifications-cm; see
 * https://argo-cd.readthedocs.io/en/stable/operator-manual/notifications/services/webhook/).
 */
export const ARGOCD_TEMPLATE = `template.firebreak-change: |
  webhook:
    firebreak:
      method: POST
      body: |
        {"app": "{{.app.metadata.name}}", "revision": "{{.app.status.operationState.syncResult.revision}}",
         "phase": "{{.app.status.operationState.phase}}", "startedAt": "{{.app.status.operationState.startedAt}}",
         "finishedAt": "{{.app.status.operationState.finishedAt}}", "author": "{{.app.status.operationState.operation.initiatedBy.username}}",
         "repoURL": "{{.app.spec.source.repoURL}}", "url": "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}"}`;
