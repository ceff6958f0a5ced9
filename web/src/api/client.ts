/**
 * The typed API client. Paths, parameters and bodies come from schema.d.ts,
 * generated from the server's OpenAPI document (`npm run web:client`).
 * Writes carry the session's CSRF token; refusals become ApiError with the
 * fields the server named, so forms can show each message beside its field.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { plainMessage } from '../ui/refusal';

export type { paths };

const CSRF_COOKIE = 'firebreak_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken(): string | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : null;
}

export interface FieldError {
  field: string;
  message: string;
}

/** A refusal from the API (problem+json), or the network failing. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
    readonly type: string | null = null,
  ) {
    super(message);
  }

  /** The message for one field (matching "body.text" to "text" too), if the server named it, said plainly (shown beside the field). */
  forField(field: string): string | undefined {
    const message = this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`) || e.field.endsWith(`/${field}`))?.message;
    return message === undefined ? undefined : plainMessage(message);
  }
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method)) {
      const token = csrfToken();
      if (token) request.headers.set('x-csrf-token', token);
    }
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(csrf);

interface ProblemBody {
  title?: string;
  detail?: string;
  type?: string;
  errors?: FieldError[];
}

/** Unwraps an openapi-fetch result: the data, or an ApiError naming what was refused. */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch {
    throw new ApiError(0, 'Firebreak did not answer: check your connection');
  }
  if (result.response.ok) return result.data as T;
  const problem = (typeof result.error === 'object' && result.error !== null ? result.error : {}) as ProblemBody;
  throw new ApiError(result.response.status, problem.detail ?? problem.title ?? `HTTP ${result.response.status}`, problem.errors ?? [], problem.type ?? null);
}

/** Text endpoints (the handoff as Markdown) that openapi-fetch would parse as JSON. */
export async function getText(url: string, accept: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'Firebreak did not answer: check your connection');
  }
  if (!res.ok) {
    // The refusal is problem+json even when the answer would have been text.
    const problem = (await res.json().catch(() => ({}))) as ProblemBody;
    throw new ApiError(res.status, problem.detail ?? problem.title ?? `HTTP ${res.status}`, problem.errors ?? [], problem.type ?? null);
  }
  return res.text();
}
