/** A real Firebreak server for journey tests: the whole app listening on a loopback port, driven over HTTP with fetch. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config.js';
import type { Store } from '../../src/db/store.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import type { Role } from '../../src/domains/auth/identity.js';

export interface RealServer {
  url: string;
  testApp: TestApp;
  /** A user with this role and the Authorization header of their token. */
  user(role: Role): Promise<{ id: string; email: string; auth: Record<string, string> }>;
  /** Sends JSON and parses the JSON answer (undefined for an empty body). */
  call<T = Record<string, unknown>>(method: string, path: string, auth: Record<string, string>, body?: unknown): Promise<{ status: number; headers: Headers; body: T }>;
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1, port 0, with a job worker when `worker` is set. */
export async function startRealServer(store: Store, options: { config?: Partial<Config>; worker?: boolean } = {}): Promise<RealServer> {
  const testApp = await createTestApp(store, { config: { publicUrl: 'http://firebreak.test', ...options.config } });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  if (options.worker) await testApp.startWorker();
  const { port } = testApp.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    testApp,
    async user(role) {
      const made = await testApp.user(role);
      return { id: made.user.id, email: made.user.email, auth: made.auth };
    },
    async call<T>(method: string, path: string, auth: Record<string, string>, body?: unknown) {
      const res = await send(url + path, method, { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body === undefined ? undefined : JSON.stringify(body));
      return { status: res.status, headers: res.headers, body: (res.text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(res.text) : res.text) as T };
    },
    close: () => testApp.close(),
  };
}

/**
 * One request on a connection of its own. With fetch's pooled keep-alive
 * connections, the first request after a pause of a few seconds was now and
 * then answered with ECONNRESET when two suites shared the machine (twice in
 * the no-SMTP journey, never reproduced alone); a new connection per request
 * leaves no idle connection to lose.
 */
function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value);
        resolve({ status: res.statusCode ?? 0, headers: answer, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
