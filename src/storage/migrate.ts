// Applies schemaMigrations with Kysely's Migrator: the path for SQLite and MariaDB.
// (Forge SQL uses platform/forge/forge-migrations.ts instead: no transactions there.)
import { Migrator } from 'kysely';
import type { Db } from './schema';
import { schemaMigrationProvider } from './migrations';

export async function migrateToLatest(db: Db): Promise<void> {
  // Names are not in list order (0160-0161 were added before 0140-0144): without this, a
  // database an earlier version made refuses a newer migration whose name sorts before one
  // it already applied ("corrupted migrations"). Each migration still runs once.
  const migrator = new Migrator({ db, provider: schemaMigrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
