// `npm start [-- --data DIR] [-- --dataset FILE]`: runs the local host on PORT (8080).
// With JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN set it talks to that Jira Cloud site
// instead of the emulator.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from '../jira-emulator';
import { startLocalHost } from './local-host';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, dataset: { type: 'string' } },
    allowPositionals: false,
  });
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const { JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN } = process.env;
  const realJira = JIRA_BASE_URL && JIRA_EMAIL && JIRA_API_TOKEN ? { baseUrl: JIRA_BASE_URL, email: JIRA_EMAIL, apiToken: JIRA_API_TOKEN } : undefined;
  const host = await startLocalHost({
    port,
    dataDir: resolve(values.data ?? 'data'),
    dataset: values.dataset ? loadDataset(resolve(values.dataset)) : undefined,
    realJira,
  });
  const users = await host.users();
  console.log(`Status Clock local host: ${host.url}/`);
  console.log(`  REST API (web trigger): ${host.url}/webtrigger/rest-api/rest/whoami`);
  console.log(`  Jira: ${realJira ? realJira.baseUrl : `emulator at ${host.jiraUrl}`}`);
  console.log('  Users:');
  for (const user of users) {
    console.log(`    ${user.displayName.padEnd(16)} ${user.accountId}${user.isAdmin ? '  Jira admin' : ''}${user.active ? '' : '  deactivated'}`);
  }
  const stop = (): void => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
