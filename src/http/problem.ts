import { Type, type Static } from '@sinclair/typebox';
import { DomainError, type DomainErrorKind, type FieldError } from '../errors.js';

export type { FieldError };

/** RFC 9457 problem details, with the offending fields when input was refused. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), { description: 'One entry per refused field' }),
    ),
    warnings: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof ProblemSchema>;


const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * An error a service raises to refuse a request. The HTTP edge turns it into
 * problem+json; the CLI prints its detail. `type` is a stable slug clients can test.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }

  toProblem(requestId?: string): Problem {
    return {
      type: `https://firebreak.dev/problems/${this.type}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(requestId ? { requestId } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    };
  }
}

/** The HTTP status each kind of domain refusal is answered with. */
export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** A domain refusal as the HTTP edge answers it. */
export function problemFromDomainError(err: DomainError): HttpProblem {
  const headers = err.retryAfterSeconds !== undefined ? { 'retry-after': String(err.retryAfterSeconds) } : undefined;
  return new HttpProblem(STATUS_OF_KIND[err.kind], err.type, err.message, err.errors, headers);
}
