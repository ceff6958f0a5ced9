import pino, { type Logger } from 'pino';
import type { IncomingMessage } from 'node:http';

/** Paths whose values are secrets: never written to logs. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.setupToken',
  '*.sessionToken',
  '*.csrfToken',
  '*.key',
  '*.routing_key',
];

/** Intake URLs carry the integration key as a path segment; logs keep the kind but not the key. */
export function redactUrl(url: string): string {
  return url.replace(/^(\/intake\/[^/?]+\/)[^/?]+/, '$1[redacted]').replace(/([?&](?:token|key|routing_key)=)[^&]*/gi, '$1[redacted]');
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: {
        req: (req: IncomingMessage & { id?: string; ip?: string }) => ({
          method: req.method,
          url: redactUrl(req.url ?? ''),
          remoteAddress: req.socket?.remoteAddress,
        }),
      },
    },
    destination,
  );
}
