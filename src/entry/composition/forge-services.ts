// Forge's composition: the Forge adapters as the app's ports, with the schema brought up
// to date once per container (the lifecycle trigger does it on install and upgrade as
// well; applying an already applied migration list costs two small SQL requests).
import { systemClock } from '../../kernel/ports';
import { forgeDatabase, forgeExportQueue, forgeRestBaseUrl, forgeSecrets, jiraAsApp, migrateForgeSql } from '../../platform/forge/forge-ports';
import { createAppServices, type AppServices } from './app-services';

export async function createForgeServices(): Promise<AppServices> {
  await migrateForgeSql();
  return createAppServices({
    db: forgeDatabase(),
    secrets: forgeSecrets,
    jira: jiraAsApp,
    clock: systemClock,
    restBaseUrl: forgeRestBaseUrl,
    exportQueue: forgeExportQueue,
  });
}
