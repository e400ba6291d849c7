// The Jira Cloud emulator's public surface, used by the local host, tests and benches.
export { startJiraEmulator, ACCOUNT_HEADER, type StartOptions, type RunningEmulator } from './server';
export { loadDataset, parseDataset, datasetSchema, type Dataset, type DatasetInput } from './dataset';
export { demoDataset, DEMO_FILTER_IDS, type DemoOptions } from './demo-dataset';
export { generateDataset, type GenerateOptions } from './generator';
export { DEMO_ACCOUNTS, APP_ACCOUNT_ID, STATUS_IDS, ISSUE_TYPE_IDS } from './site';
export type { FaultOptions } from './faults';
