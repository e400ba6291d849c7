// Starts the Jira emulator for a test file and closes it afterwards.
import { createJiraOverHttp } from '../../dev/host/jira-over-http';
import { demoDataset, startJiraEmulator, type Dataset, type RunningEmulator } from '../../dev/jira-emulator';
import type { JiraHttp } from '../../src/kernel/ports';

/** A fixed "now" so the demo data and relative JQL dates are the same on every run. */
export const TEST_NOW = Date.UTC(2025, 5, 2);

export interface EmulatorHandle {
  emulator: RunningEmulator;
  http: JiraHttp;
  /** JiraHttp acting as a Jira user (X-Emulator-Account-Id). */
  httpAs(accountId: string): JiraHttp;
}

export function useJiraEmulator(dataset: () => Dataset = () => demoDataset({ now: TEST_NOW })): () => EmulatorHandle {
  let handle: EmulatorHandle | undefined;
  beforeAll(async () => {
    const emulator = await startJiraEmulator({ dataset: dataset(), now: () => TEST_NOW });
    handle = {
      emulator,
      http: createJiraOverHttp({ baseUrl: emulator.url }),
      httpAs: (accountId) => createJiraOverHttp({ baseUrl: emulator.url, headers: { 'x-emulator-account-id': accountId } }),
    };
  });
  afterAll(async () => {
    await handle?.emulator.close();
  });
  return () => {
    if (!handle) throw new Error('emulator not started');
    return handle;
  };
}
