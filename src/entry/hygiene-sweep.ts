// The daily hygiene sweep (manifest.yml: scheduledTrigger hygiene-sweep, interval day;
// the local host runs the same handler on a timer and on demand). The token-hygiene service
// does the work and writes an audit event per change; nothing is thrown back to Forge.
import type { HygieneSweepResult } from '../contract/audit';
import { currentServices } from './composition/current-services';

export async function hygieneSweepHandler(): Promise<HygieneSweepResult | undefined> {
  try {
    const services = await currentServices();
    return await services.tokenHygiene.sweep();
  } catch (error) {
    console.error('hygiene sweep failed', error instanceof Error ? error.name : typeof error);
    return undefined;
  }
}
