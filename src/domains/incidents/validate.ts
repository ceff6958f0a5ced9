/**
 * Validates an event's body against its kind's schema at the edge, so a bad
 * body is refused naming `body.<field>` before anything is written.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { badRequest, invalidField, type FieldError } from '../../errors.js';
import { boundIntegers, fieldErrors } from '../../http/validation.js';
import { EVENT_BODIES, EVENT_KINDS, isEventKind, type EventKind } from './events.js';

// ajv-formats ships CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: true, strict: false, verbose: true }));
const validators = new Map<EventKind, ValidateFunction>();

function validatorFor(kind: EventKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    validate = ajv.compile(boundIntegers(EVENT_BODIES[kind]));
    validators.set(kind, validate);
  }
  return validate;
}

/** Cross-field rules a body schema cannot express; each names the field to fix. */
function shapeErrors(kind: EventKind, body: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: string, message: string) => errors.push({ field: `body.${field}`, message });
  const holder = (field: string, value: unknown) => {
    const h = value as { userId?: string; label?: string } | undefined;
    if (h && h.userId === undefined && h.label === undefined) need(`${field}.userId`, 'name a user (userId) or a person (label)');
  };
  if (kind === 'role_assigned' || kind === 'role_released' || kind === 'handoff') {
    const role = body.role ?? 'commander';
    if (role === 'specialist' && body.specialty === undefined) need('specialty', 'is required for a specialist');
    if (role !== 'specialist' && body.specialty !== undefined) need('specialty', 'is only for the specialist role');
  }
  if (kind === 'role_assigned' && body.userId === undefined && body.label === undefined) need('userId', 'name a user (userId) or a person (label)');
  if (kind === 'handoff') holder('to', body.to);
  if (kind === 'reconciliation_opened' || kind === 'reconciliation_progressed') holder('owner', body.owner);
  if (kind === 'evidence_attached') {
    if ((body.type === 'log_excerpt' || body.type === 'snapshot') && body.content === undefined) need('content', `is required for ${String(body.type)} evidence (the text is kept here)`);
    if (body.type === 'request_ids' && body.requestIds === undefined) need('requestIds', 'is required for request_ids evidence');
    if (body.type === 'link' && body.url === undefined) need('url', 'is required for link evidence');
  }
  if (kind === 'reminder' && body.reason === 'mitigation_deadline' && body.mitigationSeq === undefined) {
    need('mitigationSeq', 'is required for a mitigation deadline reminder');
  }
  return errors;
}

/** Refuses an unknown kind (naming `kind`) or a body its schema refuses (naming `body.<field>`). */
export function validateEventBody(kind: string, body: unknown): asserts kind is EventKind {
  if (!isEventKind(kind)) throw invalidField('kind', `"${kind}" is not an event kind; expected one of ${EVENT_KINDS.join(', ')}`);
  const validate = validatorFor(kind);
  if (!validate(body)) {
    const errors = fieldErrors(validate.errors ?? [], 'body').map((e) => ({
      field: e.field === '(body)' ? 'body' : `body.${e.field}`,
      message: e.message,
    }));
    throw badRequest(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
  }
  const errors = shapeErrors(kind, body as Record<string, unknown>);
  if (errors.length > 0) throw badRequest(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}
