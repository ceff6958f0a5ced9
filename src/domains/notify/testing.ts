/** Real protocol peers on loopback for notification tests: an SMTP server and an HTTP receiver. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { until } from '../../testing/until.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message as the server received it (headers and body). */
  raw: string;
  subject: string;
  /** The text body, with line endings normalised. */
  text: string;
}

export interface SmtpPeer {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first `count` mails once they have arrived. */
  waitForMails(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function unfoldHeader(head: string, name: string): string {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Starts an SMTP server on 127.0.0.1 (no TLS, no auth) that keeps every message; it answers 550 to recipients matching `reject`. */
export async function startSmtpPeer(options: { reject?: RegExp } = {}): Promise<SmtpPeer> {
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The sender keeps pooled connections open: closing the peer ends them instead of waiting 30 s for them.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      if (options.reject?.test(address.address)) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.search(/\r?\n\r?\n/);
        const head = split >= 0 ? raw.slice(0, split) : raw;
        const body = split >= 0 ? raw.slice(split).replace(/^\r?\n\r?\n/, '') : '';
        const qp = /quoted-printable/i.test(unfoldHeader(head, 'Content-Transfer-Encoding'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: unfoldHeader(head, 'Subject'),
          text: (qp ? decodeQuotedPrintable(body) : body).replace(/\r\n/g, '\n').replace(/\n$/, ''),
        });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  // A sender killed mid-connection (a SIGKILLed worker) resets its socket; the peer reports it as an
  // error event, which must not crash the test process: the other connections go on being served.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitForMails(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, received ${mails.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 100);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return mails.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface HttpPeer {
  url: string;
  requests: ReceivedRequest[];
  /** Decides each answer: the status for the n-th request (0-based). Default 204. */
  respond: (n: number, request: ReceivedRequest) => number;
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 that records every request and answers as `respond` says. */
export async function startHttpPeer(respond: HttpPeer['respond'] = () => 204): Promise<HttpPeer> {
  const requests: ReceivedRequest[] = [];
  const peer = { respond } as HttpPeer;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      const n = requests.length;
      requests.push(request);
      const status = peer.respond(n, request);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? `status ${status} on purpose` : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(peer, {
    url: `http://127.0.0.1:${port}`,
    requests,
    async waitForRequests(count: number, timeoutMs = 10_000) {
      await until(`${count} requests`, () => requests.length >= count, timeoutMs, 20).catch(() => {
        throw new Error(`expected ${count} requests, received ${requests.length}`);
      });
      return requests.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
