// Runs the real @forge/sql SDK against MariaDB: a fake of the Forge runtime's
// `global.__forge_fetch__` receives exactly what the SDK would send to Forge SQL
// ({ query, params, method } on /api/v1/execute or /execute/ddl) and answers the way
// Forge SQL does: { rows } for reads, an UpdateQueryResponse for writes, and an error
// body with a code for failures.
import type { Pool, ResultSetHeader } from 'mysql2/promise';

interface SqlRequestBody {
  query: string;
  params: unknown[];
}

type ForgeFetch = (options: { type?: string }, path: string, init: { body?: string }) => Promise<Response>;

const forgeGlobal = globalThis as unknown as { __forge_fetch__?: ForgeFetch; __forge_runtime__?: unknown };

function isHeader(result: unknown): result is ResultSetHeader {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && 'affectedRows' in result;
}

export interface ForgeSqlFake {
  statements: Array<{ path: string; query: string }>;
  uninstall(): void;
}

export function installForgeSqlOverMariadb(pool: Pool): ForgeSqlFake {
  const statements: ForgeSqlFake['statements'] = [];
  const previousFetch = forgeGlobal.__forge_fetch__;
  forgeGlobal.__forge_fetch__ = async (options, path, init) => {
    if (options.type !== 'sql') throw new Error(`this fake serves Forge SQL only, not ${options.type}`);
    const body = JSON.parse(init.body ?? '{}') as SqlRequestBody;
    statements.push({ path, query: body.query });
    try {
      const [result] = await pool.query(body.query, body.params);
      const rows = isHeader(result)
        ? {
            affectedRows: result.affectedRows,
            fieldCount: result.fieldCount,
            info: result.info,
            insertId: result.insertId,
            serverStatus: result.serverStatus ?? 0,
            warningStatus: result.warningStatus,
          }
        : result;
      return new Response(JSON.stringify({ rows }), { status: 200, headers: { 'content-type': 'application/json' } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return new Response(JSON.stringify({ code: 'SQL_EXECUTION_ERROR', message }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      });
    }
  };
  return {
    statements,
    uninstall() {
      forgeGlobal.__forge_fetch__ = previousFetch;
    },
  };
}
