// Runs on app install and upgrade (manifest trigger), so the schema is ready before the
// first user arrives.
import { migrateForgeSql } from '../platform/forge/forge-ports';

export async function runMigrations(): Promise<void> {
  const applied = await migrateForgeSql();
  console.log(`schema migrations applied: ${applied.length}`);
}
