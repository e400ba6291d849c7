// The Jira Cloud emulator's public surface, used by the local host, tests and benches.
export { startJiraEmulator, type RunningEmulator } from './server';
export { loadDataset, type Dataset } from './dataset';
export { demoDataset, DEMO_FILTER_IDS } from './demo-dataset';
export { generateDataset } from './generator';
export { DEMO_ACCOUNTS, APP_ACCOUNT_ID, STATUS_IDS } from './site';
