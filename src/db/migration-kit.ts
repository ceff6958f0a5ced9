/** Helpers for migration files, so one migration serves both dialects. */
import { sql, type Expression, type SqlBool } from 'kysely';

export { autoIdType, bigintType, timestampType } from './dialect.js';

/** CHECK constraint: the column holds one of the given values. */
export function oneOf(column: string, values: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
