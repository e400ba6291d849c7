// One cold start of the bundled backend, in a fresh process (started by bundle.bench.ts):
// the Forge runtime fake is in place as the platform's is, then the clock starts, `index`
// loads, and the bundled web trigger handler answers a first /rest/whoami. Prints one JSON line.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createPool } from 'mysql2/promise';
import { installForgeRuntimeFake } from './forge-runtime-fake';

interface Setup {
  bundle: string;
  token: string;
  jiraUrl: string;
  databaseUrl: string;
  secrets: Record<string, string>;
}

async function main(): Promise<void> {
  setTimeout(() => {
    console.error('cold start: no answer within 60 s');
    process.exit(1);
  }, 60_000).unref();
  const setup = JSON.parse(process.env.STATUS_CLOCK_COLD_START ?? '{}') as Setup;
  const pool = createPool({ uri: setup.databaseUrl, connectionLimit: 4 });
  installForgeRuntimeFake(pool, new Map(Object.entries(setup.secrets)), setup.jiraUrl);
  const bundleDir = dirname(setup.bundle);
  const loadedChunks = (): string[] => Object.keys(require.cache).filter((file) => dirname(file) === bundleDir);
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, loaded by path like Forge's runtime loads it
  const index = require(setup.bundle) as { webtrigger(event: unknown, context: unknown): Promise<{ statusCode: number }> };
  const loadMs = performance.now() - t0;
  const atLoad = new Set(loadedChunks());
  const answer = await index.webtrigger(
    {
      method: 'GET',
      path: '/x/rest/whoami',
      userPath: '/rest/whoami',
      headers: { authorization: [`TISJWT ${setup.token}`], 'x-forwarded-for': ['127.0.0.1'] },
      queryParameters: {},
      body: '',
    },
    { installContext: 'ari:cloud:jira::site/bench' },
  );
  const firstAnswerMs = performance.now() - t0;
  const chunks = readdirSync(bundleDir).filter((name) => name.endsWith('.cjs') && name !== 'index.cjs' && !name.startsWith('__forge'));
  const lazy = chunks.filter((name) => !atLoad.has(join(bundleDir, name)));
  console.log(JSON.stringify({ loadMs, firstAnswerMs, status: answer.statusCode, rssMb: process.memoryUsage().rss / 1024 / 1024, lazy }));
  await pool.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
