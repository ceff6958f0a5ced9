/** A small server-sent events client for stream tests, end-to-end tests and the fan-out benchmark. */
import { request as httpRequest, type Agent, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseMessage {
  id: string | undefined;
  event: string | undefined;
  data: string;
  /** performance.now() when the message was parsed. */
  receivedAt: number;
}

export interface SseConnection {
  status: number;
  headers: IncomingMessage['headers'];
  messages: SseMessage[];
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** The raw body when the answer was not a stream (errors). */
  body(): string;
  /** Resolves with the first `count` messages once they have arrived. */
  waitForMessages(count: number, timeoutMs?: number): Promise<SseMessage[]>;
  /** Waits until nothing new arrives for `quietMs`, then returns every message. */
  settle(quietMs?: number): Promise<SseMessage[]>;
  close(): void;
}

/** Parses one SSE block (lines up to a blank line) into a message or a comment. */
function parseBlock(block: string, into: SseConnection, onMessage: () => void): void {
  let id: string | undefined;
  let event: string | undefined;
  const data: string[] = [];
  let isMessage = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      into.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') {
      data.push(value);
      isMessage = true;
    }
  }
  if (isMessage) {
    into.messages.push({ id, event, data: data.join('\n'), receivedAt: performance.now() });
    onMessage();
  }
}

/** Opens an SSE stream with GET; resolves once the response headers have arrived. */
export function openSse(url: string, headers: Record<string, string> = {}, agent?: Agent): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const waiters = new Set<() => void>();
    const wake = () => {
      for (const w of waiters) w();
    };
    const req: ClientRequest = httpRequest(url, { method: 'GET', headers: { accept: 'text/event-stream', ...headers }, ...(agent ? { agent } : {}) }, (res) => {
      let buffer = '';
      let raw = '';
      let endedResolve!: () => void;
      const ended = new Promise<void>((r) => (endedResolve = r));
      const connection: SseConnection = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        messages: [],
        comments: [],
        ended,
        body: () => raw,
        async waitForMessages(count, timeoutMs = 5000) {
          const deadline = Date.now() + timeoutMs;
          while (connection.messages.length < count) {
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`expected ${count} SSE messages, received ${connection.messages.length}: ${connection.messages.map((m) => m.id).join(',')}`);
            await new Promise<void>((r) => {
              const done = () => {
                clearTimeout(timer);
                waiters.delete(done);
                r();
              };
              const timer = setTimeout(done, Math.min(left, 100));
              waiters.add(done);
            });
          }
          return connection.messages.slice(0, count);
        },
        async settle(quietMs = 300) {
          let seen = -1;
          while (seen !== connection.messages.length) {
            seen = connection.messages.length;
            await new Promise((r) => setTimeout(r, quietMs));
          }
          return connection.messages;
        },
        close() {
          req.destroy();
        },
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          parseBlock(block, connection, wake);
        }
      });
      res.on('end', endedResolve);
      res.on('close', endedResolve);
      res.on('error', endedResolve);
      resolve(connection);
    });
    req.on('error', reject);
    req.end();
  });
}
