// The ports over the Forge SDKs: Forge SQL through Kysely, @forge/kvs secrets, Jira as
// the app, the export queue and the web trigger URL. With entry/, the only code that
// imports @forge/*; entry/composition/forge-services.ts puts them together.
import api, { assumeTrustedRoute, webTrigger } from '@forge/api';
import { Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import { migrationRunner, sql } from '@forge/sql';
import { Kysely } from 'kysely';
import { EXPORT_QUEUE_KEY, REST_WEBTRIGGER_KEY } from '../../kernel/manifest-keys';
import type { ExportQueue, JiraHttp, SecretStore } from '../../kernel/ports';
import type { Database } from '../../storage/schema';
import { ForgeSqlDialect } from './forge-sql-dialect';
import { runForgeMigrations } from './forge-migrations';

export const forgeSecrets: SecretStore = {
  async get(key) {
    const value: unknown = await kvs.getSecret(key);
    return typeof value === 'string' ? value : undefined;
  },
  async set(key, value) {
    await kvs.setSecret(key, value);
  },
};

export const jiraAsApp: JiraHttp = {
  async fetch(path, init = {}) {
    // Callers build paths from encoded parts; route`` cannot take a whole path.
    const response = await api.asApp().requestJira(assumeTrustedRoute(path), {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    return { status: response.status, headers: response.headers, text: () => response.text() };
  },
};

// Built on first use: the Queue constructor validates its key, which the tests of the
// other adapters need not pay for.
let exportJobs: Queue | undefined;
export const forgeExportQueue: ExportQueue = {
  async push(exportId, delaySeconds) {
    exportJobs ??= new Queue({ key: EXPORT_QUEUE_KEY });
    await exportJobs.push({ body: { exportId }, ...(delaySeconds ? { delayInSeconds: delaySeconds } : {}) });
  },
};

export function migrateForgeSql(): Promise<string[]> {
  return runForgeMigrations(sql, migrationRunner);
}

/** Forge SQL through Kysely's MySQL compiler and our driver over @forge/sql. */
export const forgeDatabase = (): Kysely<Database> => new Kysely<Database>({ dialect: new ForgeSqlDialect(sql) });

/** The REST API's base URL: the rest-api web trigger's URL for this installation. */
export const forgeRestBaseUrl = (): Promise<string> => webTrigger.getUrl(REST_WEBTRIGGER_KEY);
