/** A real Firebreak server for journey tests: the whole app listening on a loopback port, driven over HTTP with fetch. */
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
      const res = await fetch(url + path, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as T };
    },
    close: () => testApp.close(),
  };
}
