import { Type, type TSchema } from '@sinclair/typebox';
import { ProblemSchema } from './problem.js';

/** Shared pieces of route schemas. */
export const Uuid = Type.String({ format: 'uuid' });
export const IsoTime = Type.String({ format: 'date-time' });
export const IdParams = Type.Object({ id: Uuid });
/** Any address with one @ and no spaces: `admin@localhost` is a valid login on a laptop. */
export const Email = Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 254, description: 'Email address' });
export const Cursor = Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$', description: 'Opaque cursor from nextCursor' });
export const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50 });

/** A request body object that refuses unknown fields, so typos are reported, not ignored. */
export function Body<P extends Record<string, TSchema>>(properties: P) {
  return Type.Object(properties, { additionalProperties: false });
}

/** The problem responses every authenticated route can give, for the OpenAPI document. */
export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};

/** What a reference field names; the owning domain resolves it and refuses an unknown one with 400 naming the field. */
export type ReferenceKind =
  | 'user'
  | 'team'
  | 'service'
  | 'escalation-policy'
  | 'schedule'
  | 'escalation-target'
  | 'contact-method'
  | 'status-page'
  | 'status-component'
  | 'status-component-group';

/**
 * Marks a field that names another object: the OpenAPI document carries
 * `x-references` (what it names), and a test sends each such field an unknown value.
 */
export function Reference<T extends TSchema>(names: ReferenceKind, schema: T): T {
  return { ...schema, 'x-references': names };
}

/** A reference by id. */
export const RefId = (names: ReferenceKind) => Reference(names, Type.String({ format: 'uuid' }));
