/** Helpers for migration files, so one migration serves both dialects. */
import { sql, type ColumnDefinitionBuilder, type ColumnDataType, type Expression, type Kysely, type SqlBool } from 'kysely';
import { autoIdType, dialectOf } from './dialect.js';

export { bigintType, timestampType } from './dialect.js';

/**
 * An auto-incrementing 64-bit primary key: `.addColumn('id', ...autoId(db))`.
 * PostgreSQL's bigserial increments by itself; SQLite needs AUTOINCREMENT so
 * ids are never reused after deletes.
 */
export function autoId(db: Kysely<any>): [ColumnDataType, (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return dialectOf(db) === 'postgres' ? [autoIdType(db), (c) => c.primaryKey()] : [autoIdType(db), (c) => c.primaryKey().autoIncrement()];
}

/** CHECK constraint: the column holds one of the given values. */
export function oneOf(column: string, values: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
