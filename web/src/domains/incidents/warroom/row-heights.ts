/**
 * Where each timeline row starts when rows have their own heights: measured
 * rows use their height, the rest an estimate. Pure, so the virtualised list's
 * arithmetic is tested without a browser.
 */

/** offsets[i] is the top of row i; offsets[n] is the height of the whole list. */
export function rowOffsets(keys: readonly number[], heights: ReadonlyMap<number, number>, estimate: number): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) offsets[i + 1] = offsets[i]! + (heights.get(keys[i]!) ?? estimate);
  return offsets;
}

/** The index of the row at `y` (the last row starting at or above it). */
export function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
