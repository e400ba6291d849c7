// Forge's composition: the Forge ports, with the schema brought up to date once per
// container (the lifecycle trigger does it on install and upgrade as well; applying an
// already applied migration list costs two small SQL requests).
import { createAppServices, type AppServices } from './app-services';
import { createForgePorts, migrateForgeSql } from '../../platform/forge/forge-ports';

export async function createForgeServices(): Promise<AppServices> {
  await migrateForgeSql();
  return createAppServices(createForgePorts());
}
