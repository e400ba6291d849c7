// `npm run bench [name...]`: runs every test/bench/*.bench.ts (or those whose file name
// contains one of the given words) one after another and prints their figures.
// Benches print numbers and ratios; nothing here asserts on wall time.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
    .sort();
  if (files.length === 0) throw new Error(`no bench matches ${filters.join(', ')}`);
  for (const file of files) {
    console.log(`\n=== ${file}`);
    const bench = (await import(join(__dirname, file))) as BenchModule;
    await bench.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
