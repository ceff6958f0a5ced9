/** The plumbing of a server-sent event route, once the request has been checked. */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StreamLimits } from './stream-limits.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live streams held per credential and per user in this process (src/http/stream-limits.ts). */
    streamLimits: StreamLimits;
  }
}

/** How long a browser's EventSource waits before reconnecting (it then sends Last-Event-ID). */
const RETRY_MS = 2000;

export interface EventStreamOptions {
  /** A comment written first, so the client sees the stream open at once. */
  greeting: string;
  /** Hands the response to the hub that writes the events; its handle closes when the client goes away. */
  connect(res: ServerResponse): Promise<{ close(): void }>;
  /** Logs why the stream could not open (the response is then ended). */
  onOpenFailed(err: unknown): void;
}

/** Takes the response over from Fastify and serves it as `text/event-stream` until the client or the hub ends it. */
export async function serveEventStream(request: FastifyRequest, reply: FastifyReply, options: EventStreamOptions): Promise<void> {
  // Counted before the response is taken over, so a refusal is an ordinary 429 problem.
  const identity = request.identity;
  const release = identity ? request.server.streamLimits.acquire({ userId: identity.userId, credentialId: identity.tokenId ?? identity.sessionId ?? identity.userId }) : () => undefined;
  reply.raw.once('close', release);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Proxies such as nginx would otherwise hold events back in their buffers.
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  res.write(`retry: ${RETRY_MS}\n: ${options.greeting}\n\n`);
  try {
    const handle = await options.connect(res);
    // The response closes when the client goes away (the request's own close event fires once its body is read).
    res.once('close', () => handle.close());
    if (res.destroyed) handle.close();
  } catch (err) {
    options.onOpenFailed(err);
    res.end();
  }
}
