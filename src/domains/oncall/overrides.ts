/**
 * Overrides change who is on call for a range, on top of the layers:
 * - `replace` with `replaces` set: that person is swapped for `userId` while
 *   the layers put them on call (a swap of one shift, or cover for a day off);
 * - `replace` with `replaces` null: `userId` alone is on call for the range,
 *   whoever the layers name, and also where the layers leave a gap;
 * - `add`: `userId` is on call in addition to whoever else is.
 * Overrides apply in the order given (oldest first), so a later one wins.
 */
export type OverrideKind = 'replace' | 'add';

export interface OverrideRule {
  id: string;
  kind: OverrideKind;
  /** UTC ms, inclusive. */
  start: number;
  /** UTC ms, exclusive. */
  end: number;
  userId: string;
  /** For `replace`: whom it replaces; null replaces everyone on call. */
  replaces: string | null;
}

/** Applies the overrides active at an instant to the layers' answer. */
export function applyOverrides(base: readonly string[], overrides: readonly OverrideRule[], t: number): string[] {
  let onCall = [...base];
  for (const o of overrides) {
    if (t < o.start || t >= o.end) continue;
    if (o.kind === 'add') {
      if (!onCall.includes(o.userId)) onCall.push(o.userId);
    } else if (o.replaces === null) {
      onCall = [o.userId];
    } else if (onCall.includes(o.replaces)) {
      onCall = [...new Set(onCall.map((u) => (u === o.replaces ? o.userId : u)))];
    }
  }
  return onCall;
}
