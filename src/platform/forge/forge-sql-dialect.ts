// A Kysely dialect that executes through Forge SQL. It reuses Kysely's MySQL compiler,
// adapter and introspector (Forge SQL is TiDB, MySQL dialect) and adds a driver over an
// injected client shaped like @forge/sql's `sql`, so tests can hand it the real SDK.
import { CompiledQuery, DatabaseConnection, Dialect, Driver, Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler, QueryResult } from 'kysely';

/** The part of @forge/sql's SqlClient the driver uses. */
export interface ForgeSqlClient {
  prepare<T>(query: string): {
    bindParams(...args: unknown[]): { execute(): Promise<{ rows: T[] | ForgeUpdateResult }> };
  };
}

interface ForgeUpdateResult {
  affectedRows: number;
  insertId: number;
}

function isUpdateResult(rows: unknown): rows is ForgeUpdateResult {
  return typeof rows === 'object' && rows !== null && !Array.isArray(rows) && 'affectedRows' in rows;
}

class ForgeSqlConnection implements DatabaseConnection {
  constructor(private readonly client: ForgeSqlClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { rows } = await this.client
      .prepare<R>(compiled.sql)
      .bindParams(...compiled.parameters)
      .execute();
    if (isUpdateResult(rows)) {
      const affected = BigInt(rows.affectedRows);
      return {
        rows: [],
        numAffectedRows: affected,
        insertId: rows.insertId > 0 ? BigInt(rows.insertId) : undefined,
      };
    }
    return { rows };
  }

  // eslint-disable-next-line require-yield -- Kysely's Driver wants a generator; this one only refuses
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Forge SQL does not stream results; page with LIMIT/OFFSET instead');
  }
}

class ForgeSqlDriver implements Driver {
  private readonly connection: ForgeSqlConnection;

  constructor(client: ForgeSqlClient) {
    this.connection = new ForgeSqlConnection(client);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }

  // Each Forge SQL statement is its own HTTP request, so a transaction cannot span
  // statements. Refuse loudly rather than run statements unprotected.
  async beginTransaction(): Promise<void> {
    throw new Error('Forge SQL cannot hold a transaction across statements; make the write a single statement');
  }

  async commitTransaction(): Promise<void> {
    throw new Error('Forge SQL has no transactions to commit');
  }

  async rollbackTransaction(): Promise<void> {
    throw new Error('Forge SQL has no transactions to roll back');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

export class ForgeSqlDialect implements Dialect {
  constructor(private readonly client: ForgeSqlClient) {}

  createAdapter() {
    return new MysqlAdapter();
  }

  createDriver() {
    return new ForgeSqlDriver(this.client);
  }

  createQueryCompiler() {
    return new MysqlQueryCompiler();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Dialect interface types it so
  createIntrospector(db: Kysely<any>) {
    return new MysqlIntrospector(db);
  }
}
