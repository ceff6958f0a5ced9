import { Type, type Static } from '@sinclair/typebox';

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

export interface FieldError {
  field: string;
  message: string;
}

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

export const badRequest = (detail: string, errors?: FieldError[]): HttpProblem =>
  new HttpProblem(400, 'invalid-request', detail, errors);
export const invalidField = (field: string, message: string): HttpProblem =>
  new HttpProblem(400, 'invalid-request', `${field}: ${message}`, [{ field, message }]);
export const unauthorized = (detail = 'authentication required: send a Bearer token or a session cookie'): HttpProblem =>
  new HttpProblem(401, 'unauthorized', detail);
export const forbidden = (detail: string): HttpProblem => new HttpProblem(403, 'forbidden', detail);
export const notFound = (what: string): HttpProblem => new HttpProblem(404, 'not-found', `${what} not found`);
export const conflict = (type: string, detail: string): HttpProblem => new HttpProblem(409, type, detail);
export const unprocessable = (type: string, detail: string): HttpProblem => new HttpProblem(422, type, detail);
