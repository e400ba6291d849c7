// The local host's database: SQLite through Kysely, one file in the data folder
// (or ':memory:' for tests), brought up to the latest schema.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { migrateToLatest } from '../../src/storage/migrate';
import type { Database, Db } from '../../src/storage/schema';

export async function openSqliteDatabase(file: string): Promise<Db> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL'); // the host serves several requests at once
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrateToLatest(db);
  return db;
}

/** Distinct statements kept; past it the cache starts again (IN lists of many lengths). */
const STATEMENTS_KEPT = 500;

/**
 * better-sqlite3 with its prepared statements kept by SQL text. Kysely prepares every query
 * anew, and preparing was about a sixth of a token verification's time; a statement is
 * reusable once it has run (better-sqlite3 is synchronous, and nothing here streams rows).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => void sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENTS_KEPT) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
