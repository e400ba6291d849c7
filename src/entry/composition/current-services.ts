// Where the Forge entry points get their services. In Forge that is the Forge
// composition, built once per container; the local host and integration tests install
// their own composition first and then call the very handlers src/index.ts exports.
import type { AppServices } from './app-services';

type ServicesFactory = () => Promise<AppServices>;

let installed: ServicesFactory | undefined;
let forgeServices: Promise<AppServices> | undefined;

export function installComposition(factory: ServicesFactory): void {
  installed = factory;
}

export async function currentServices(): Promise<AppServices> {
  if (installed) return installed();
  // Loaded lazily so the local host never initialises the Forge SDK adapters.
  forgeServices ??= import('./forge-services').then((forge) => forge.createForgeServices());
  return forgeServices;
}
