/**
 * Reads a configuration file: YAML syntax, then the manifest's schema, each
 * problem named by line, column and field (`firebreak.yaml:12:7:
 * services[0].tier: …`). Pure.
 */
import { Value } from '@sinclair/typebox/value';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { Manifest } from './document.js';

export interface ManifestProblem {
  line: number;
  column: number;
  field: string;
  message: string;
}

export type ParsedManifest = { ok: true; manifest: Manifest } | { ok: false; problems: ManifestProblem[] };

function fieldName(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '') || '(file)';
}

/** Parses and checks a manifest; problems come sorted by line. */
export function parseManifest(text: string): ParsedManifest {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((e) => ({ line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, field: '(syntax)', message: e.message.split('\n')[0]! })) };
  }
  const data: unknown = doc.toJS();
  const problems: ManifestProblem[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(Manifest, data)) {
    const path = error.path.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
    // The nearest node the file has: a missing field is reported where its object is.
    let at = path.length;
    let node: unknown = undefined;
    while (at >= 0) {
      node = at === 0 ? doc.contents : doc.getIn(path.slice(0, at), true);
      if (isNode(node) && node.range) break;
      at--;
    }
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    const pos = lines.linePos(offset);
    const field = fieldName(path);
    const key = `${field}:${pos.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ line: pos.line, column: pos.col, field, message: error.message });
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, manifest: data as Manifest };
}

/** One line per problem: `<file>:<line>:<column>: <field>: <message>`. */
export function describeProblems(file: string, problems: readonly ManifestProblem[]): string {
  return problems.map((p) => `${file}:${p.line}:${p.column}: ${p.field}: ${p.message}`).join('\n');
}
