/** A small HTTP server for the chat stand-ins: reads each request whole, records it, and lets a test inject failures. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A failure to give instead of the next matching call: a 429 with Retry-After, or an outage. */
export interface Injected {
  match: (r: Received) => boolean;
  answer: Answer;
  times: number;
}

export class StandInServer {
  private server: Server | null = null;
  readonly received: Received[] = [];
  private readonly injected: Injected[] = [];
  /** Every departure from the vendor's description; a test fails when this is not empty. */
  readonly violations: string[] = [];
  port = 0;

  constructor(private readonly handle: (r: Received) => Answer) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Answers the next `times` matching requests with `answer` instead. */
  inject(match: (r: Received) => boolean, answer: Answer, times = 1): void {
    this.injected.push({ match, answer, times });
  }

  /** Stops giving injected answers (the outage is over). */
  clearInjected(): void {
    this.injected.length = 0;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const received: Received = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
    this.received.push(received);
    let answer: Answer;
    const injected = this.injected.find((i) => i.times > 0 && i.match(received));
    if (injected) {
      injected.times--;
      answer = injected.answer;
    } else {
      try {
        answer = this.handle(received);
      } catch (err) {
        this.violations.push(`stand-in failed on ${received.method} ${received.path}: ${(err as Error).message}`);
        answer = { status: 500, body: { error: 'stand-in failure' } };
      }
    }
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }
}
