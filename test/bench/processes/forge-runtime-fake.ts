// A stand-in for the Forge runtime's `global.__forge_fetch__`, for running the bundled
// backend outside Forge: Forge SQL answered by MariaDB (test/support), secrets from a map,
// Jira as the app forwarded to an emulator.
import type { Pool } from 'mysql2/promise';
import { installForgeSqlOverMariadb } from '../../support/forge-sql-over-mariadb';

type ForgeFetch = (
  options: Record<string, unknown>,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<Response>;
const forgeGlobal = globalThis as unknown as { __forge_fetch__?: ForgeFetch };

const json = (status: number, value: unknown): Response => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

export function installForgeRuntimeFake(pool: Pool, secrets: Map<string, string>, jiraUrl: string): void {
  installForgeSqlOverMariadb(pool);
  const sql = forgeGlobal.__forge_fetch__!;
  forgeGlobal.__forge_fetch__ = async (options, path, init) => {
    if (options.type === 'sql') return sql(options, path, init);
    if (options.type === 'kvs') {
      const body = JSON.parse(init.body ?? '{}') as { key: string; value?: string };
      if (path === '/api/v1/secret/set') {
        secrets.set(body.key, String(body.value));
        return new Response(null, { status: 204 });
      }
      const value = secrets.get(body.key);
      return value === undefined ? json(404, { code: 'KEY_NOT_FOUND', message: 'not found' }) : json(200, { key: body.key, value });
    }
    if (options.type === 'fpp' && options.provider === 'app')
      return fetch(`${jiraUrl}${path}`, { method: init.method, headers: init.headers, body: init.body });
    throw new Error(`the Forge runtime fake does not serve ${JSON.stringify(options)} ${path}`);
  };
}
