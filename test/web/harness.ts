/**
 * End-to-end harness for the web app: a real `firebreak serve` on SQLite set up
 * through its own API (first-run token, users, a service and an Alertmanager
 * integration), and Debian's Chromium driven by playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, spawnFirebreak, type FirebreakProcess } from '../support/process.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Browser tests run wherever Chromium is installed, and always on CI (.ci/run installs it). */
export const BROWSER_SKIP: string | false =
  existsSync(CHROMIUM) || process.env.CI === 'true' ? false : 'browser tests skipped: /usr/bin/chromium is missing (apt-get install chromium; CI always runs them)';
if (BROWSER_SKIP) process.stdout.write(`${BROWSER_SKIP}\n`);
export const PASSWORD = 'correct horse battery staple';
/** Screenshots for review land here (one folder per test file). */
export const SCREENSHOT_ROOT = path.join(ROOT, '.tmp', 'screenshots');

export interface Person {
  email: string;
  role: 'admin' | 'responder' | 'viewer';
}

export interface Deployment {
  fb: FirebreakProcess;
  url: string;
  dataDir: string;
  port: string;
  adminToken: string;
  serviceId: string;
  alertmanagerKey: string;
  people: Record<'admin' | 'responder' | 'responder2' | 'viewer', Person>;
  /** An API call as the admin (Bearer token). */
  call(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; json: unknown }>;
  restart(): Promise<void>;
  /** Starts the server again on the same port and data after stop(). */
  start(): Promise<void>;
  /** SIGKILL: the server is gone, mid-stream. */
  stop(): Promise<void>;
}

async function http(base: string, method: string, url: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
}

/** Starts Firebreak on a fresh SQLite data dir and sets it up as a team would on day one; `env` adds settings (an SMTP peer's URL). */
export async function deploy(options: { env?: Record<string, string> } = {}): Promise<Deployment> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'firebreak-web-'));
  const env: Record<string, string> = { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_PORT: '0', FIREBREAK_LOG_LEVEL: 'warn', ...options.env };
  let fb = await spawnFirebreak({ env });
  const url = fb.url;
  // The first start picks a free port; restarts keep it, so open pages reconnect to the same address.
  const port = new URL(url).port;
  env.FIREBREAK_PORT = port;
  const setupToken = /(fbsetup_[A-Za-z0-9_-]+)/.exec(fb.stderr())?.[1];
  if (!setupToken) throw new Error(`no setup token on the console: ${fb.stderr()}`);
  const setup = await http(url, 'POST', '/api/v1/auth/setup', { token: setupToken, password: PASSWORD, name: 'Ada Admin' }, {});
  if (setup.status !== 200) throw new Error(`setup failed: ${JSON.stringify(setup.json)}`);
  const cookie = setup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = setup.json as { csrfToken: string };
  const token = await http(url, 'POST', '/api/v1/tokens', { name: 'e2e' }, { cookie, 'x-csrf-token': csrfToken });
  const adminToken = (token.json as { token: string }).token;
  const call = async (method: string, u: string, body?: unknown, bearer = adminToken) => {
    const r = await http(url, method, u, body, { authorization: `Bearer ${bearer}` });
    return { status: r.status, json: r.json };
  };
  const people: Deployment['people'] = {
    admin: { email: 'admin@localhost', role: 'admin' },
    responder: { email: 'rita@example.test', role: 'responder' },
    responder2: { email: 'sam@example.test', role: 'responder' },
    viewer: { email: 'vic@example.test', role: 'viewer' },
  };
  const names: Record<string, string> = { responder: 'Rita Responder', responder2: 'Sam Second', viewer: 'Vic Viewer' };
  for (const key of ['responder', 'responder2', 'viewer'] as const) {
    const made = await call('POST', '/api/v1/users', { email: people[key].email, name: names[key], role: people[key].role, password: PASSWORD });
    if (made.status !== 201) throw new Error(`user ${key}: ${JSON.stringify(made.json)}`);
  }
  const service = await call('POST', '/api/v1/services', { name: 'checkout-api', tier: 1 });
  const serviceId = (service.json as { id: string }).id;
  const integration = await call('POST', `/api/v1/services/${serviceId}/integrations`, { kind: 'alertmanager', name: 'prometheus' });
  const alertmanagerKey = (integration.json as { key: string }).key;

  const deployment: Deployment = {
    fb,
    url,
    dataDir,
    port,
    adminToken,
    serviceId,
    alertmanagerKey,
    people,
    call,
    async restart() {
      await fb.kill();
      fb = await spawnFirebreak({ env });
      deployment.fb = fb;
    },
    async start() {
      fb = await spawnFirebreak({ env });
      deployment.fb = fb;
    },
    async stop() {
      await fb.kill();
    },
  };
  return deployment;
}

/** An Alertmanager v4 webhook with one firing alert, as Alertmanager sends it. */
export function alertmanagerWebhook(options: { alertname: string; severity: string; summary: string; fingerprint: string; startsAt?: string }) {
  const startsAt = options.startsAt ?? new Date().toISOString();
  const labels = { alertname: options.alertname, severity: options.severity, service: 'checkout-api', instance: 'checkout-1:9090' };
  return {
    version: '4',
    groupKey: `{}:{alertname="${options.alertname}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'firebreak',
    groupLabels: { alertname: options.alertname },
    commonLabels: labels,
    commonAnnotations: { summary: options.summary },
    externalURL: 'http://alertmanager.example.test:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: options.summary },
        startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example.test:9090/graph',
        fingerprint: options.fingerprint,
      },
    ],
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Registers the file's hooks: before its tests a fresh deployment (`env()` adds settings, after starting any peer) and a Chromium,
 * handed to `ready` for the file's own set-up; after them both stopped. Nothing starts when Chromium is missing.
 */
export function deployWithBrowser(ready: (dep: Deployment, browser: Browser) => void | Promise<void>, options: { env?: () => Promise<Record<string, string>> } = {}): void {
  let dep: Deployment | undefined;
  let browser: Browser | undefined;
  before(async () => {
    if (BROWSER_SKIP) return;
    dep = await deploy(options.env ? { env: await options.env() } : {});
    browser = await launch();
    await ready(dep, browser);
  });
  after(async () => {
    await browser?.close();
    await dep?.stop();
  });
}

/** Console errors and page errors seen in a page, for "no console errors" assertions. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Signs in through the login screen. */
export async function signIn(page: Page, base: string, person: Person): Promise<void> {
  await page.goto(`${base}/incidents`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Incidents' }).waitFor();
}

export async function newSignedInPage(
  browser: Browser,
  base: string,
  person: Person,
  viewport = { width: 1366, height: 768 },
  colorScheme: 'dark' | 'light' = 'dark',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await signIn(page, base, person);
  return { context, page, errors };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; html: string }>;
}

/** Runs axe-core in the page (through the debugger, so the page's CSP stays strict) and returns serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
}

/** Moves within the app the way its own links do (history API), without reloading the page. */
export async function goWithinApp(page: Page, to: string): Promise<void> {
  await page.evaluate((url) => {
    const w = globalThis as unknown as { history: { pushState(a: null, b: string, c: string): void }; dispatchEvent(e: unknown): void; PopStateEvent: new (t: string) => unknown };
    w.history.pushState(null, '', url);
    w.dispatchEvent(new w.PopStateEvent('popstate'));
  }, to);
}

export function screenshotDir(name: string): string {
  const dir = path.join(SCREENSHOT_ROOT, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
