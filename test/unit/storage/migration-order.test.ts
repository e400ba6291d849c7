// A database made by an earlier version of the app has every migration but the ones added
// since. Migration names are not in list order (0160-0161 came before 0140-0144), so a new
// migration may sort before one already applied: the upgrade must still apply it.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../../src/storage/migrate';
import { schemaMigrationProvider, schemaMigrations } from '../../../src/storage/migrations';
import type { Database } from '../../../src/storage/schema';

it('an upgrade applies a migration whose name sorts before one an earlier version applied', async () => {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  try {
    const all = await schemaMigrationProvider.getMigrations();
    const names = schemaMigrations.map((migration) => migration.name);
    const latest = names[names.length - 1] as string;
    const newest = [...names].sort().at(-1) as string;
    // The premise: the last migration added does not have the greatest name.
    expect(latest < newest).toBe(true);
    const earlier = new Migrator({
      db,
      provider: { getMigrations: async () => Object.fromEntries(Object.entries(all).filter(([name]) => name !== latest)) },
    });
    expect((await earlier.migrateToLatest()).error).toBeUndefined();

    await migrateToLatest(db);
    const applied = await db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied.map((row) => (row as { name: string }).name)).toContain(latest);
  } finally {
    await db.destroy();
  }
});
