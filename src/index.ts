// The handlers manifest.yml names, and nothing else.
export { resolverHandler as resolver } from './entry/resolver';
export { webTriggerHandler as webtrigger } from './entry/web-trigger';
export { runMigrations as migrations } from './entry/migrations';
export { exportJobHandler as exportJob } from './entry/export-job';
export { hygieneSweepHandler as hygieneSweep } from './entry/hygiene-sweep';
