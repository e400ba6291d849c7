// `npm run bench load`: 200 report calls at once over 4 tokens of 3 users against the
// local host (loopback only, one round, then it stops), the Jira emulator in a process of
// its own at 150 ms per call and the host in another: p50 and p99 latency, the slowest
// call, and errors (target 0). Each call is a statusDuration report of one project
// (about 200 issues: 200 calls then read 40,000 issue histories in all).
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import { mb, startEmulatorProcess, startHostProcess } from './processes/processes';

const LATENCY_MS = 150;
const CALLS = 200;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export async function run(): Promise<void> {
  const emulator = await startEmulatorProcess({ seed: 7, issues: 600, now: Date.UTC(2025, 5, 2), spanDays: 2 * 365, projects: 3 });
  const host = await startHostProcess(emulator.url);
  try {
    const tokens = [
      await host.token(DEMO_ACCOUNTS.alice),
      await host.token(DEMO_ACCOUNTS.alice),
      await host.token(DEMO_ACCOUNTS.bob),
      await host.token(DEMO_ACCOUNTS.carol),
    ];
    await emulator.setFaults({ latencyMs: LATENCY_MS });
    const before = await emulator.counts();
    const project = emulator.projects[2] ?? emulator.projects[0];
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: CALLS }, async (_, i) => {
        const t0 = Date.now();
        try {
          const response = await fetch(`${host.url}/webtrigger/rest-api/rest/list?projectKey=${project}&columnsBy=statusDuration&outputType=jsonSimplified`, {
            headers: { authorization: `TISJWT ${tokens[i % tokens.length]}` },
          });
          const body = (await response.json()) as { results?: unknown[] };
          const rows = body.results?.length ?? 0;
          return { ms: Date.now() - t0, ok: response.status === 200 && rows > 0, status: response.status, rows };
        } catch {
          return { ms: Date.now() - t0, ok: false, status: 0, rows: 0 };
        }
      }),
    );
    const wallMs = Date.now() - started;
    await emulator.setFaults({});
    const requests = (await emulator.counts()).total - before.total;
    const memory = await host.memory();
    const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const errors = outcomes.filter((o) => !o.ok);
    const statuses = [...new Set(errors.map((e) => e.status))].join(', ');
    const rows = [...new Set(outcomes.map((o) => o.rows))].join(' / ');
    console.log(
      `\n${CALLS} concurrent /rest/list calls over ${tokens.length} tokens (project ${project}: ${rows} issues a call), ${LATENCY_MS} ms per Jira call`,
    );
    console.log(
      `  p50 ${(percentile(times, 50) / 1000).toFixed(2)} s   p99 ${(percentile(times, 99) / 1000).toFixed(2)} s   slowest ${((times[times.length - 1] ?? 0) / 1000).toFixed(2)} s   all done in ${(wallMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `  errors ${errors.length}${errors.length ? ` (HTTP ${statuses})` : ''} (target 0)   Jira requests ${requests}   serving process peak RSS ${mb(memory.maxRssBytes)}`,
    );
  } finally {
    await host.close();
    await emulator.close();
  }
}
