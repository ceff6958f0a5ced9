import pino, { type Logger } from 'pino';
import type { IncomingMessage } from 'node:http';

/** Paths whose values are secrets: never written to logs. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.token',
  '*.setupToken',
  '*.sessionToken',
  '*.csrfToken',
  '*.key',
  '*.routing_key',
];

/**
 * Secrets by their shape, wherever they appear in a URL: API tokens (`fbk_`),
 * integration keys (`fbi_`), sessions, CSRF and setup tokens, all a prefix and
 * 43 base64url characters. Path prefixes are not trusted: `//intake/…`,
 * `/INTAKE/…` or a token pasted into any path must be caught too.
 */
const SECRET_SHAPE = /\b(fbk|fbi|fbs|fbcsrf|fbsetup|fbcal|fbc)_[A-Za-z0-9_-]{8,}/gi;
/**
 * Paths whose segment is a credential whatever it looks like: a page's
 * acknowledge link (`/p/<token>`), a calendar feed (`/oncall/ical/<token>.ics`),
 * a Slack-compatible incoming webhook (`/services/T…/B…/…`).
 */
const SECRET_PATHS: Array<[RegExp, string]> = [
  [/(\/p\/+)[^/?#\s"\\]+/gi, '$1[redacted]'],
  [/(\/ical\/+)[^/?#\s"\\]+/gi, '$1[redacted]'],
  [/(\/services\/+T[A-Z0-9]+\/+B[A-Z0-9]+\/+)[^/?#\s"\\]+/g, '$1[redacted]'],
  // In a written JSON line a value ends at a quote or an escape: stop there, so the line stays valid JSON.
  [/([?&;](?:token|key|routing_key|api_key|apikey|access_token|auth|password|secret)=)[^&;#\s"\\]*/gi, '$1[redacted]'],
];
/** Query parameters that carry credentials, whatever their value looks like. */
const SECRET_PARAM = /([?&;](?:token|key|routing_key|api_key|apikey|access_token|auth|password|secret)=)[^&;#]*/gi;
/** The segment after an intake kind is the integration key, even when it does not look like one. */
const INTAKE_KEY = /(\/intake\/+[^/?]+\/+)[^/?#]+/gi;

/** A URL as logs may show it: every secret replaced by [redacted]. */
export function redactUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A malformed escape: redact the raw text.
  }
  // Decoded, so %66bk_… cannot slip through; the redacted text is what is logged.
  return redactText(decoded.replace(INTAKE_KEY, '$1[redacted]').replace(SECRET_PARAM, '$1[redacted]'));
}

/** Any logged text with every secret of a known shape or place replaced by [redacted]. */
export function redactText(text: string): string {
  let out = text.replace(SECRET_SHAPE, '$1_[redacted]');
  for (const [pattern, replacement] of SECRET_PATHS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Every line is scrubbed once more as written: secrets can reach a log in an
 * error message or a stack, not only in the fields redacted by name.
 */
function scrubbing(destination: pino.DestinationStream): pino.DestinationStream {
  return { write: (line: string) => destination.write(redactText(line)) };
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
    scrubbing(destination ?? pino.destination({ dest: 1, sync: true })),
  );
}
