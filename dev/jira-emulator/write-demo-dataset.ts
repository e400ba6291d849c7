// `npx tsx dev/jira-emulator/write-demo-dataset.ts [now-iso]`: writes datasets/demo.json
// (the demo dataset anchored at the given instant, default today) and re-loads it, so
// the file on disk always passes the loader's validation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from './dataset';
import { demoDataset } from './demo-dataset';

const arg = process.argv[2];
const dataset = demoDataset(arg === undefined ? {} : { now: Date.parse(arg) });
const file = join(__dirname, 'datasets', 'demo.json');
writeFileSync(file, `${JSON.stringify(dataset, null, 2)}\n`);
const loaded = loadDataset(file);
console.log(
  `wrote ${file}: ${loaded.users.length} users, ${loaded.issues.length} issues, ${loaded.issues.reduce((n, i) => n + i.changelog.length, 0)} changelog entries`,
);
