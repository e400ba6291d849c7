// Writes test/support/jira-openapi-subset.json: the operations of Jira Cloud's platform
// OpenAPI document that the app calls and the emulator serves, with every component
// schema they reference, so the contract tests need nothing outside this repository.
// Usage: node scripts/jira-openapi-subset.mjs <path to jira-platform-openapi.json>
// (Atlassian publishes it at https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PATHS = [
  '/rest/api/3/myself',
  '/rest/api/3/user',
  '/rest/api/3/user/bulk',
  '/rest/api/3/user/search',
  '/rest/api/3/user/groups',
  '/rest/api/3/users/search',
  '/rest/api/3/groups/picker',
  '/rest/api/3/group/bulk',
  '/rest/api/3/group/member',
  '/rest/api/3/mypermissions',
  '/rest/api/3/permissions/check',
  '/rest/api/3/search/jql',
  '/rest/api/3/issue/bulkfetch',
  '/rest/api/3/changelog/bulkfetch',
  '/rest/api/3/issue/{issueIdOrKey}/changelog',
  '/rest/api/3/status',
  '/rest/api/3/statuses/search',
  '/rest/api/3/statuscategory',
  '/rest/api/3/filter/{id}',
  '/rest/api/3/filter/search',
  '/rest/api/3/field',
  '/rest/api/3/project/search',
  '/rest/api/3/project/{projectIdOrKey}',
  '/rest/api/3/priority',
  '/rest/api/3/resolution',
  '/rest/api/3/issuetype',
  '/rest/api/3/serverInfo',
];

const [source] = process.argv.slice(2);
if (!source) throw new Error('give the path of jira-platform-openapi.json');
const document = JSON.parse(readFileSync(source, 'utf8'));
const paths = {};
for (const path of PATHS) {
  if (!document.paths[path]) throw new Error(`the document has no ${path}`);
  paths[path] = document.paths[path];
}
const wanted = new Set();
const visit = (value) => {
  if (Array.isArray(value)) return value.forEach(visit);
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
      const name = child.slice('#/components/schemas/'.length);
      if (!wanted.has(name)) {
        wanted.add(name);
        visit(document.components.schemas[name]);
      }
    } else visit(child);
  }
};
visit(paths);
wanted.add('ErrorCollection');
visit(document.components.schemas.ErrorCollection);
const schemas = Object.fromEntries([...wanted].sort().map((name) => [name, document.components.schemas[name]]));
const subset = {
  openapi: document.openapi,
  info: { ...document.info, description: 'A subset of the Jira Cloud platform REST API document (scripts/jira-openapi-subset.mjs).' },
  paths,
  components: { schemas },
};
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'support', 'jira-openapi-subset.json');
writeFileSync(out, `${JSON.stringify(subset, null, 1)}\n`);
console.log(`wrote ${out}: ${Object.keys(paths).length} paths, ${wanted.size} schemas`);
