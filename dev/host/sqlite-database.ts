// The local host's database: SQLite through Kysely, one file in the data folder
// (or ':memory:' for tests), brought up to the latest schema.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../src/storage/migrate';
import type { Database, Db } from '../../src/storage/schema';

export async function openSqliteDatabase(file: string): Promise<Db> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL'); // the host serves several requests at once
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db);
  return db;
}
