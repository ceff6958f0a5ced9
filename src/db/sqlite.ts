import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase as KyselySqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Write transactions take the write lock up front (`begin immediate`): a
 * deferred transaction that reads and then writes can fail with SQLITE_BUSY
 * when another process (the CLI next to the server) writes in between, and
 * busy_timeout cannot retry that upgrade.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: KyselySqliteDatabase;
  constructor(database: KyselySqliteDatabase) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

/** Most distinct statements kept prepared; the application issues far fewer shapes than this. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query afresh; with SQLite, compiling the statement
 * costs as much as running it (measured: alert intake 28k → 40k alerts/s).
 * The connection is used by one query at a time and Kysely never streams
 * here, so a prepared statement can be reused safely.
 */
function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = database.prepare(sql) as unknown as SqliteStatement;
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Opens the embedded database with the durability settings ARCHITECTURE.md "One program, two roles, two dialects" asks for. */
export function openSqlite(file: string): { dialect: SqliteDialect; database: SqliteDatabase.Database } {
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  return { dialect: new ImmediateSqliteDialect(withStatementCache(database)), database };
}
