// The local host's ports and services: SQLite in the data folder, file secrets, Jira over
// HTTP (the emulator, or a real site), and export jobs on an in-process queue whose
// consumer is the handler manifest.yml names. The services are the very ones Forge builds.
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../src/entry/composition/app-services';
import { createJiraUserDirectory, jiraRuntimeOn, type UserDirectory } from '../../src/jira';
import { EXPORT_QUEUE_KEY } from '../../src/kernel/manifest-keys';
import type { Clock, JiraHttp } from '../../src/kernel/ports';
import type { ExportSettings } from '../../src/reporting/export-jobs/export-service';
import type { SyncBudget } from '../../src/reporting/report-service';
import type { RateLimit } from '../../src/rest/rest-activity';
import type { Db } from '../../src/storage/schema';
import { createFileSecrets } from './file-secrets';
import { createInProcessQueue, type InProcessQueue } from './in-process-queue';
import type { ManifestHandlers } from './manifest-handlers';
import { openSqliteDatabase } from './sqlite-database';

export const LOCAL_INSTALLATION = 'ari:cloud:jira::site/local';

export interface LocalServiceOptions {
  dataDir: string;
  jira: JiraHttp;
  clock: Clock;
  restBaseUrl(): Promise<string>;
  /** Per-token REST request rate (tests lower it). */
  restRateLimit?: RateLimit;
  /** Synchronous REST time budget (tests shorten it). */
  restSyncBudget?: SyncBudget;
  /** Export job budgets and limits (tests shrink them to force several invocations). */
  exportSettings?: Partial<ExportSettings>;
}

export interface LocalComposition {
  services: AppServices;
  db: Db;
  /** The same directory the services use, for the host's own user list. */
  users: UserDirectory;
  exportQueue: InProcessQueue;
}

export async function composeLocalServices(options: LocalServiceOptions, manifest: ManifestHandlers): Promise<LocalComposition> {
  const db = await openSqliteDatabase(join(options.dataDir, 'status-clock.sqlite'));
  const consumer = manifest.consumers.get(EXPORT_QUEUE_KEY);
  if (!consumer) throw new Error(`manifest.yml has no consumer for the queue ${EXPORT_QUEUE_KEY}`);
  const exportQueue = createInProcessQueue(EXPORT_QUEUE_KEY, consumer as unknown as (event: unknown, context: unknown) => Promise<unknown>, LOCAL_INSTALLATION);
  const users = createJiraUserDirectory(options.jira, { runtime: jiraRuntimeOn(options.clock) });
  const services = createAppServices(
    {
      db,
      secrets: createFileSecrets(join(options.dataDir, 'secrets.json')),
      jira: options.jira,
      clock: options.clock,
      restBaseUrl: () => options.restBaseUrl(),
      exportQueue,
    },
    {
      users,
      ...(options.restRateLimit ? { restRateLimit: options.restRateLimit } : {}),
      ...(options.restSyncBudget ? { restSyncBudget: options.restSyncBudget } : {}),
      ...(options.exportSettings ? { exportSettings: options.exportSettings } : {}),
    },
  );
  return { services, db, users, exportQueue };
}
