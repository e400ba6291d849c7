// A Jira emulator in a process of its own, so a bench measures the app's process alone.
// Started by processes.ts with the dataset's generation options in STATUS_CLOCK_DATASET;
// answers the parent's messages: faults to set, request counts to report.
import { generateDataset, startJiraEmulator, type RunningEmulator } from '../../../dev/jira-emulator';
import type { FaultOptions } from '../../../dev/jira-emulator/faults';

type Message = { type: 'faults'; faults: FaultOptions } | { type: 'counts' } | { type: 'stop' };

async function main(): Promise<void> {
  const options = JSON.parse(process.env.STATUS_CLOCK_DATASET ?? '{}') as Parameters<typeof generateDataset>[0];
  const dataset = generateDataset(options);
  const now = options.now ?? Date.now();
  const emulator: RunningEmulator = await startJiraEmulator({ dataset, now: () => now });
  process.on('message', (message: Message) => {
    if (message.type === 'faults') {
      emulator.setFaults(message.faults);
      process.send?.({ type: 'ok' });
    } else if (message.type === 'counts') {
      process.send?.({ type: 'counts', total: emulator.requestCount(), byPath: emulator.requestsByPath() });
    } else {
      void emulator.close().then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', url: emulator.url, projects: dataset.projects.map((p) => p.key), issues: dataset.issues.length });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
