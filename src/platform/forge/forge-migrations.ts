// Runs the schema migrations on Forge SQL: each one is compiled to MySQL text by Kysely
// and enqueued on @forge/sql's migrationRunner, which applies the ones not yet recorded.
import { Kysely } from 'kysely';
import { schemaMigrations } from '../../storage/migrations';
import { ForgeSqlDialect, type ForgeSqlClient } from './forge-sql-dialect';

export interface ForgeMigrationRunner {
  enqueue(name: string, statement: string): ForgeMigrationRunner;
  run(): Promise<string[]>;
}

/** The migrations as the MySQL statements Forge SQL receives. */
export function compileForgeMigrations(client: ForgeSqlClient): Array<{ name: string; sql: string }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compiles migrations, which must not depend on today's schema types
  const compiler = new Kysely<any>({ dialect: new ForgeSqlDialect(client) });
  return schemaMigrations.map((migration) => ({ name: migration.name, sql: migration.statement(compiler).compile().sql }));
}

export async function runForgeMigrations(client: ForgeSqlClient, runner: ForgeMigrationRunner): Promise<string[]> {
  for (const { name, sql } of compileForgeMigrations(client)) runner.enqueue(name, sql);
  return runner.run();
}
