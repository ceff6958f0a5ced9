import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';
import { isDatabaseUnavailable } from '../db/dialect.js';
import { HttpProblem, problemFromDomainError, type FieldError } from './problem.js';
import { fieldErrors } from './validation.js';
import { unsupportedMediaType } from './input.js';

const PROBLEM_TYPE = 'application/problem+json';
/** What a client is told to wait when the database is unreachable (intake answers the same). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

function send(reply: FastifyReply, request: FastifyRequest, problem: HttpProblem): FastifyReply {
  if (problem.headers) reply.headers(problem.headers);
  return reply.status(problem.status).type(PROBLEM_TYPE).send(problem.toProblem(String(request.id)));
}

/** Classifies framework errors (bad JSON, too large, wrong content type, schema) as client problems. */
function fromFrameworkError(error: FastifyError, request: FastifyRequest): HttpProblem | undefined {
  if (error.validation) {
    const errors: FieldError[] = fieldErrors(error.validation as never, error.validationContext);
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ') || error.message;
    return new HttpProblem(400, 'invalid-request', detail, errors);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HttpProblem(413, 'body-too-large', 'the request body is larger than this endpoint accepts');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return unsupportedMediaType(request.headers['content-type']);
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new HttpProblem(400, 'invalid-json', 'the body is empty but the content type says JSON', [{ field: '(body)', message: 'is empty' }]);
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return new HttpProblem(400, 'invalid-json', `the body is not valid JSON: ${error.message}`, [{ field: '(body)', message: 'is not valid JSON' }]);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new HttpProblem(status, 'invalid-request', error.message);
  return undefined;
}

/** Every error leaves as RFC 9457 problem+json; unexpected ones are logged and answered 500 without internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return send(reply, request, error);
    if ((error as unknown) instanceof DomainError) return send(reply, request, problemFromDomainError(error as unknown as DomainError));
    const problem = fromFrameworkError(error, request);
    if (problem) return send(reply, request, problem);
    // Classified once, here, for every route: API, auth (the token and session lookups run before any handler) and intake.
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable, answered 503');
      return send(reply, request, new HttpProblem(503, 'database-unavailable', 'the database cannot be reached right now; nothing was changed, retry later', undefined, { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) }));
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, request, new HttpProblem(500, 'internal', 'something went wrong on our side; the request id helps find it in the logs'));
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, new HttpProblem(404, 'not-found', `no route for ${request.method} ${request.url.split('?')[0]}`)),
  );
}
