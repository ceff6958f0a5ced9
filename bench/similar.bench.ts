/**
 * Similar incidents on the designed history (`familyHistory` in src/testing/synthetic-history.ts):
 * top-3 precision (share of each incident's three suggestions that are the same
 * problem recurring), with every kind of evidence and with words alone, and the
 * time to rank one incident against the history.
 */
import { familyHistory, topThreePrecision } from '../src/testing/synthetic-history.js';
import { rankSimilar } from '../src/domains/similar/similarity.js';
import { round, table } from './support.js';

const rows: Array<Array<string | number>> = [];
// 40 families: one per distinct failure the generator knows (more would repeat the same problem under two family numbers).
for (const [families, perFamily] of [[40, 6], [40, 12]] as const) {
  const history = familyHistory(families, perFamily);
  const t0 = performance.now();
  const all = topThreePrecision(history, (target, docs) => rankSimilar(target, docs, 3));
  const perQuery = (performance.now() - t0) / history.length;
  const wordsOnly = topThreePrecision(history, (target, docs) =>
    rankSimilar({ ...target, services: [], rules: [], fingerprints: [] }, docs.map((d) => ({ ...d, services: [], rules: [], fingerprints: [] })), 3),
  );
  const noText = topThreePrecision(history, (target, docs) => rankSimilar({ ...target, text: '' }, docs.map((d) => ({ ...d, text: '' })), 3));
  rows.push([history.length, families, round(all, 3), round(wordsOnly, 3), round(noText, 3), round(perQuery, 1)]);
}
console.log(table('Similar incidents: top-3 precision on the designed history', ['incidents', 'families', 'all evidence', 'words only', 'services and alerts only', 'ms per ranking'], rows));
