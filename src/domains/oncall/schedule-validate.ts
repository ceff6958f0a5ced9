/**
 * Rules a schedule's layers and overrides must satisfy, checked in the
 * service so the API and the CLI refuse the same things, naming the field.
 * Route schemas check shapes first; these check meaning (a real zone, a real
 * date, a sensible length).
 */
import { DateTime } from 'luxon';
import { badRequest, type FieldError } from '../../errors.js';
import { isValidZone } from './schedule-zone.js';
import type { RotationLayer, RotationUnit } from './rotation.js';

/** Longest turn per unit: a year. */
export const MAX_LENGTH: Record<RotationUnit, number> = { hours: 8760, days: 366, weeks: 52 };
export const MAX_PARTICIPANTS = 100;
export const MAX_LAYERS = 20;
export const MAX_RESTRICTIONS = 28;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_START = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

export type LayerInput = Omit<RotationLayer, 'id'> & { id?: string };

/** Field errors in a zone name. */
export function zoneErrors(zone: string, field = 'timeZone'): FieldError[] {
  return isValidZone(zone) ? [] : [{ field, message: `unknown IANA time zone ${JSON.stringify(zone)}` }];
}

/** Field errors in a schedule's layers (shape already checked at the edge). */
export function layerErrors(layers: readonly LayerInput[]): FieldError[] {
  const errors: FieldError[] = [];
  if (layers.length > MAX_LAYERS) errors.push({ field: 'layers', message: `at most ${MAX_LAYERS} layers` });
  layers.forEach((layer, i) => {
    const at = (f: string, message: string) => errors.push({ field: `layers[${i}].${f}`, message });
    if (!layer.name.trim()) at('name', 'must not be blank');
    const m = LOCAL_START.exec(layer.start);
    if (!m) at('start', 'must be a local date and time YYYY-MM-DDTHH:mm');
    else {
      const [, y, mo, d] = m.map(Number) as [number, number, number, number];
      if (y < 1970 || y > 2200 || !DateTime.utc(y, mo, d).isValid) at('start', 'is not a real date');
    }
    const max = MAX_LENGTH[layer.length.unit];
    if (!Number.isInteger(layer.length.count) || layer.length.count < 1 || layer.length.count > max) at('length.count', `must be a whole number from 1 to ${max}`);
    if (layer.participants.length === 0) at('participants', 'needs at least one person');
    if (layer.participants.length > MAX_PARTICIPANTS) at('participants', `at most ${MAX_PARTICIPANTS} people`);
    if (layer.restrictions.length > MAX_RESTRICTIONS) at('restrictions', `at most ${MAX_RESTRICTIONS} windows`);
    layer.restrictions.forEach((r, j) => {
      if (r.days.length === 0 || r.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) at(`restrictions[${j}].days`, 'must list ISO weekdays 1 (Monday) to 7 (Sunday)');
      if (!TIME_OF_DAY.test(r.from)) at(`restrictions[${j}].from`, 'must be a time HH:mm');
      if (!TIME_OF_DAY.test(r.to)) at(`restrictions[${j}].to`, 'must be a time HH:mm');
    });
  });
  return errors;
}

/** Throws a 4xx-kind error naming every field at fault. */
export function refuseIfErrors(errors: FieldError[]): void {
  if (errors.length) throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}
