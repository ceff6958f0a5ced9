/**
 * The domain seam check: a file of one domain (src/domains/A/) must not import
 * another domain's storage modules (B/store*, B/*-store*, B/tables*,
 * B/*-tables*); it calls B's service instead. Reads TypeScript sources, so a
 * type-only import of another domain's rows counts too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface SeamViolation {
  /** Paths relative to the root, with forward slashes. */
  file: string;
  imports: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative module specifiers of a source file: static imports, re-exports and dynamic `import()`. */
export function importedSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** True for a module that is a domain's storage: store*, *-store*, tables*, *-tables*. */
export function isStorageModule(file: string): boolean {
  const base = path.basename(file).replace(/\.(js|ts|tsx)$/, '');
  return /^(store|tables)/.test(base) || /-(store|tables)/.test(base);
}

/** Every import from one domain's file into another domain's storage modules, under `root/src/domains`. */
export function crossDomainStorageImports(root: string): SeamViolation[] {
  const domainsDir = path.join(root, 'src', 'domains');
  const domainOf = (file: string): string | undefined => {
    const rel = path.relative(domainsDir, file);
    return rel.startsWith('..') || !rel.includes(path.sep) ? undefined : rel.split(path.sep)[0];
  };
  const out: SeamViolation[] = [];
  for (const file of sources(domainsDir)) {
    const from = domainOf(file)!;
    for (const spec of importedSpecifiers(readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      const to = domainOf(target);
      if (to && to !== from && isStorageModule(target)) {
        out.push({ file: path.relative(root, file).split(path.sep).join('/'), imports: path.relative(root, target).split(path.sep).join('/') });
      }
    }
  }
  return out;
}
