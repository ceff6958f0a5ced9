import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

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
  readonly #database: SqliteDatabase.Database;
  constructor(database: SqliteDatabase.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

/** Opens the embedded database with the durability settings DESIGN §2 asks for. */
export function openSqlite(file: string): { dialect: SqliteDialect; database: SqliteDatabase.Database } {
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 10000');
  return { dialect: new ImmediateSqliteDialect(database), database };
}
