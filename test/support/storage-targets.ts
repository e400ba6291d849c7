// The databases the storage suite runs on: SQLite (the local host), MariaDB through
// Kysely's MySQL dialect, and MariaDB through the Forge SQL dialect and the real
// @forge/sql SDK (production's code path, with migrations on Forge's migrationRunner).
import { Kysely, MysqlDialect } from 'kysely';
import { migrationRunner, sql } from '@forge/sql';
import { openSqliteDatabase } from '../../dev/host/sqlite-database';
import { ForgeSqlDialect } from '../../src/platform/forge/forge-sql-dialect';
import { runForgeMigrations } from '../../src/platform/forge/forge-migrations';
import { migrateToLatest } from '../../src/storage/migrate';
import type { Database, Db } from '../../src/storage/schema';
import { installForgeSqlOverMariadb } from './forge-sql-over-mariadb';
import { createScratchDatabase } from './mariadb';

export interface OpenedStorage {
  db: Db;
  /** Statements that went through @forge/sql, for the Forge target; empty otherwise. */
  forgeStatements: Array<{ path: string; query: string }>;
  close(): Promise<void>;
}

export interface StorageTarget {
  name: string;
  open(): Promise<OpenedStorage>;
}

export const storageTargets: StorageTarget[] = [
  {
    name: 'sqlite',
    async open() {
      const db = await openSqliteDatabase(':memory:');
      return { db, forgeStatements: [], close: () => db.destroy() };
    },
  },
  {
    name: 'mariadb',
    async open() {
      const scratch = await createScratchDatabase();
      // Kysely's pool wrapper ends the pool on destroy; the scratch database drops it.
      const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool: scratch.pool.pool }) });
      await migrateToLatest(db);
      return { db, forgeStatements: [], close: () => scratch.drop() };
    },
  },
  {
    name: 'forge-sql (real @forge/sql SDK -> MariaDB)',
    async open() {
      const scratch = await createScratchDatabase();
      const fake = installForgeSqlOverMariadb(scratch.pool);
      await runForgeMigrations(sql, migrationRunner);
      const db = new Kysely<Database>({ dialect: new ForgeSqlDialect(sql) });
      return {
        db,
        forgeStatements: fake.statements,
        async close() {
          fake.uninstall();
          await scratch.drop();
        },
      };
    },
  },
];
