/**
 * Validates an event's body against its kind's schema at the edge, so a bad
 * body is refused naming `body.<field>` before anything is written.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { badRequest, invalidField, type FieldError } from '../../errors.js';
import { boundIntegers, fieldErrors } from '../../http/validation.js';
import type { ErrorObject } from 'ajv';
import { didYouMean } from '../../suggest.js';
import { EVENT_BODIES, EVENT_KINDS, SYSTEM_KINDS, isEventKind, type EventKind } from './events.js';

/** The kinds people log; Firebreak's own kinds are never offered. */
export const PERSON_KINDS = EVENT_KINDS.filter((k) => !SYSTEM_KINDS.has(k));

/**
 * A choice among fixed words (a union of literals) fails with one error per
 * word; say it once, listing the words and the closest to what was sent.
 */
function choiceErrors(errors: ErrorObject[]): FieldError[] {
  const found: FieldError[] = [];
  for (const e of errors) {
    const options = (e.parentSchema as { anyOf?: Array<{ const?: unknown }> } | undefined)?.anyOf;
    if (e.keyword !== 'anyOf' || !options?.every((o) => typeof o.const === 'string')) continue;
    const words = options.map((o) => String(o.const));
    const segments = e.instancePath.split('/').filter(Boolean);
    const field = `body${segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('')}`;
    const sent = typeof e.data === 'string' ? didYouMean(e.data, words) : '';
    found.push({ field, message: `must be one of: ${words.join(', ')}${sent}` });
  }
  return found;
}

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

/** Compiles a route schema with this module's strict validator (no coercion, no defaults). */
export function compileStrict(schema: object): ValidateFunction {
  return ajv.compile(boundIntegers(schema));
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
    // A snapshot may be a raw alert payload Firebreak already holds, cited by id.
    const held = body.type === 'snapshot' && body.alertPayloadId !== undefined;
    if ((body.type === 'log_excerpt' || body.type === 'snapshot') && body.content === undefined && !held) need('content', `is required for ${String(body.type)} evidence (the text is kept here)`);
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
  if (!isEventKind(kind)) throw invalidField('kind', `"${kind}" is not an event kind${didYouMean(kind, PERSON_KINDS)}. Kinds: ${PERSON_KINDS.join(', ')}`);
  const validate = validatorFor(kind);
  if (!validate(body)) {
    const all = validate.errors ?? [];
    const choices = choiceErrors(all);
    const inChoice = (e: ErrorObject) => choices.length > 0 && (e.keyword === 'const' || e.keyword === 'anyOf') && all.some((c) => c.keyword === 'anyOf' && e.instancePath === c.instancePath);
    const errors = [
      ...choices,
      ...fieldErrors(all.filter((e) => !inChoice(e)), 'body').map((e) => ({
        field: e.field === '(body)' ? 'body' : `body.${e.field}`,
        message: e.message,
      })),
    ];
    throw badRequest(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
  }
  const errors = shapeErrors(kind, body as Record<string, unknown>);
  if (errors.length > 0) throw badRequest(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}
