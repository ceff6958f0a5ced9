/**
 * "Have we seen this before?": how alike two incidents are, deterministic and
 * explainable. Three kinds of evidence, each reported when it counts:
 * the same service, the same alerts (rule names and fingerprints), and similar
 * words in the title and impact (TF-IDF over the history, cosine similarity,
 * with the terms that contributed most). No model, no download: the same
 * history always gives the same neighbours, for the same stated reasons.
 */

export interface IncidentDoc {
  id: string;
  /** Title and impact statement, the words a person wrote. */
  text: string;
  services: readonly string[];
  /** Alert rule names (Alertmanager's alertname). */
  rules: readonly string[];
  /** Alert fingerprints (dedup keys): the very same alert firing again. */
  fingerprints: readonly string[];
}

export interface Reasons {
  sharedServices: string[];
  sharedRules: string[];
  sharedFingerprints: string[];
  /** Words both texts use, strongest first (rare words weigh more). */
  matchingTerms: string[];
  textSimilarity: number;
}

export interface Match {
  id: string;
  score: number;
  reasons: Reasons;
}

/** How each kind of evidence weighs; a fingerprint is the strongest sign (the same alert), then the same rule. */
export const WEIGHTS = { text: 0.45, service: 0.2, rule: 0.25, fingerprint: 0.35 } as const;
/** Below this a candidate is noise, not a neighbour. */
export const MIN_SCORE = 0.12;

const STOP = new Set(
  'the and for are was were with from that this into onto over under than then when what which while have has had not but all any can our out its via per due been being after before about above below between during some more most less very only also just they them their there here where who whom whose why how because since until against again off both each few other such own same too will would should could may might must shall does did doing done is be to of in on at by an or as it we us no nor so if up down'.split(' '),
);

/** Lowercase word tokens without stop words; a trailing plural "s" is folded so "timeouts" meets "timeout". */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9_.-]*[a-z0-9]|[a-z0-9]/g) ?? [])
    .filter((t) => t.length >= 3 && !STOP.has(t) && !/^\d+$/.test(t))
    .map((t) => (t.length > 4 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
}

/** Inverse document frequencies over a corpus (smoothed, so an unseen term still weighs). */
export function idfOf(docs: readonly string[][]): (term: string) => number {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
}

function vector(doc: readonly string[], idf: (t: string) => number): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

const shared = (a: readonly string[], b: readonly string[]): string[] => {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x)).sort();
};

/**
 * The candidates most like `target`, best first, at most `limit`, each with
 * its reasons. Ties break by id so the order never depends on input order.
 */
export function rankSimilar(target: IncidentDoc, candidates: readonly IncidentDoc[], limit: number): Match[] {
  const others = candidates.filter((c) => c.id !== target.id);
  const docs = [target, ...others].map((d) => tokens(d.text));
  const idf = idfOf(docs);
  const tv = vector(docs[0]!, idf);
  const matches: Match[] = [];
  others.forEach((c, i) => {
    const cv = vector(docs[i + 1]!, idf);
    const contributions: Array<[string, number]> = [];
    let cosine = 0;
    for (const [t, w] of tv) {
      const x = cv.get(t);
      if (x === undefined) continue;
      cosine += w * x;
      contributions.push([t, w * x]);
    }
    const sharedServices = shared(target.services, c.services);
    const sharedRules = shared(target.rules, c.rules);
    const sharedFingerprints = shared(target.fingerprints, c.fingerprints);
    const score =
      WEIGHTS.text * cosine +
      (sharedServices.length > 0 ? WEIGHTS.service : 0) +
      (sharedFingerprints.length > 0 ? WEIGHTS.fingerprint : sharedRules.length > 0 ? WEIGHTS.rule : 0);
    if (score < MIN_SCORE) return;
    const matchingTerms = contributions.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 6).map(([t]) => t);
    matches.push({ id: c.id, score: Math.round(score * 1000) / 1000, reasons: { sharedServices, sharedRules, sharedFingerprints, matchingTerms, textSimilarity: Math.round(cosine * 1000) / 1000 } });
  });
  return matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
