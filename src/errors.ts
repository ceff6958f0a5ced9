/**
 * The errors domain code raises to refuse something. Domains know no HTTP: they
 * name a kind, a stable type slug and the fields at fault; `src/http/errors.ts`
 * maps the kind to a status and problem+json, the CLI to a message and an exit code.
 */

export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  errors?: FieldError[];
  /** For rate_limited and unavailable: when the caller may try again. */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: DomainErrorKind,
    /** Stable slug clients can test, e.g. `resolve-requirements-unmet`. */
    readonly type: string,
    detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail);
    this.name = 'DomainError';
    if (options.errors) this.errors = options.errors;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isDomainError = (err: unknown, kind?: DomainErrorKind): err is DomainError =>
  err instanceof DomainError && (kind === undefined || err.kind === kind);

export const badRequest = (detail: string, errors?: FieldError[]): DomainError =>
  new DomainError('invalid', 'invalid-request', detail, errors ? { errors } : {});
export const invalidField = (field: string, message: string): DomainError =>
  new DomainError('invalid', 'invalid-request', `${field}: ${message}`, { errors: [{ field, message }] });
export const unauthorized = (detail = 'authentication required: send a Bearer token or a session cookie'): DomainError =>
  new DomainError('unauthenticated', 'unauthorized', detail);
export const forbidden = (detail: string): DomainError => new DomainError('forbidden', 'forbidden', detail);
export const notFound = (what: string, type = 'not-found'): DomainError => new DomainError('not_found', type, `${what} not found`);
export const conflict = (type: string, detail: string): DomainError => new DomainError('conflict', type, detail);
export const unprocessable = (type: string, detail: string): DomainError => new DomainError('unprocessable', type, detail);
export const rateLimited = (type: string, detail: string, retryAfterSeconds: number): DomainError =>
  new DomainError('rate_limited', type, detail, { retryAfterSeconds });

/** Awaits the lookup of what a request field names: an unknown object is the request's fault (400 naming the field), not a missing resource (404). */
export async function referenced<T>(field: string, lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (isDomainError(err, 'not_found')) throw invalidField(field, `names nothing that exists (${err.message})`);
    throw err;
  }
}
