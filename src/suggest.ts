/** "Did you mean": the closest word from a list, for refusals of typed names. Pure. */

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The candidate closest to `typed` (case-insensitive), when it is close enough
 * to be a slip: a prefix of one candidate, or within a third of its length in edits.
 */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  const t = typed.trim().toLowerCase();
  if (!t) return undefined;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(t));
  if (prefixed.length === 1) return prefixed[0];
  let best: { word: string; distance: number } | undefined;
  for (const c of candidates) {
    // A whole word beats a part of one: "decison" is "decision" before "next_decision".
    const distance = Math.min(editDistance(t, c.toLowerCase()), ...c.toLowerCase().split('_').map((part) => (part.length >= 4 ? editDistance(t, part) + 0.5 : Infinity)));
    if (!best || distance < best.distance) best = { word: c, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(t.length / 3)) ? best.word : undefined;
}

/** `; did you mean "x"?` or an empty string. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const match = closest(typed, candidates);
  return match ? `; did you mean "${match}"?` : '';
}
