// The handlers manifest.yml names, and nothing else.
export { resolverHandler as resolver } from './entry/resolver';
export { webTriggerHandler as webtrigger } from './entry/web-trigger';
export { runMigrations as migrations } from './entry/lifecycle';
export { exportJobHandler as exportJob } from './entry/export-consumer';
