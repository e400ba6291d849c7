// Applies schemaMigrations with Kysely's Migrator: the path for SQLite and MariaDB.
// (Forge SQL uses platform/forge/forge-migrations.ts instead: no transactions there.)
import { Migrator } from 'kysely';
import type { Db } from './schema';
import { schemaMigrationProvider } from './migrations';

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: schemaMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
