/**
 * The front door: handlers that answer a few hot, public, read-only requests
 * straight from memory before Fastify's pipeline runs (routing, hooks, schema,
 * logging). The public status page is the one resource whose traffic spikes
 * exactly when something is broken — everyone presses reload — so it is served
 * here like an edge cache would serve it. A handler answers only what it can
 * answer completely; everything else (a 404, a page still loading, any
 * method but GET/HEAD) falls through to the routes, which give the same
 * answer more slowly. Requests served here are still counted in the HTTP
 * metrics.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Answers the request and returns the metrics route label, or returns undefined to pass it on. */
export type FrontHandler = (request: IncomingMessage, response: ServerResponse) => string | undefined;

export type ServedRecorder = (method: string, route: string, status: number, seconds: number) => void;

/** What one process lets its clients hold: connections, and how long sending headers and a body may take. */
export interface ConnectionLimits {
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/**
 * A client that sends its headers or body a byte at a time holds a connection
 * (and a file descriptor) for as long as it likes unless the server gives up:
 * Node checks these deadlines every `connectionsCheckingInterval`, so that is
 * kept short too.
 */
function serverOptions(limits: ConnectionLimits) {
  const requestTimeout = limits.requestTimeoutMs;
  return { requestTimeout, headersTimeout: Math.min(limits.headersTimeoutMs, requestTimeout), connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs) };
}

/** A request id a client may choose (to correlate across systems); anything else is replaced. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export class FrontDoor {
  private readonly handlers: FrontHandler[] = [];
  private recorder: ServedRecorder | undefined;
  /** Requests answered here (the rest went on to Fastify). */
  served = 0;

  add(handler: FrontHandler): void {
    this.handlers.push(handler);
  }

  onServed(recorder: ServedRecorder): void {
    this.recorder = recorder;
  }

  /** True when a handler answered. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.handlers.length === 0 || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const started = process.hrtime.bigint();
    const sent = request.headers['x-request-id'];
    response.setHeader('x-request-id', typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID());
    for (const handler of this.handlers) {
      const route = handler(request, response);
      if (route === undefined) continue;
      this.served++;
      this.recorder?.(request.method, route, response.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
      return true;
    }
    response.removeHeader('x-request-id');
    return false;
  }

  /** Fastify's `serverFactory`: the front door first, then Fastify; with the connection limits of `limits`. */
  serverFactory(limits?: ConnectionLimits): (handler: (request: IncomingMessage, response: ServerResponse) => void) => Server {
    return (handler) => {
      const server = createServer(limits ? serverOptions(limits) : {}, (request, response) => {
        if (!this.handle(request, response)) handler(request, response);
      });
      if (limits) server.maxConnections = limits.maxConnections;
      return server;
    };
  }
}

/** The host a request named, lower case, without its port (as Fastify's `request.hostname`). */
export function hostnameOf(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  const end = host.startsWith('[') ? host.indexOf(']') + 1 : host.indexOf(':');
  return (end > 0 ? host.slice(0, end) : host).toLowerCase();
}

/** The path of a request without its query string. */
export function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
