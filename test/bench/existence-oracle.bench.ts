// `npm run bench oracle`: a JQL naming an issue that exists but is hidden from the token
// owner (`key = SEC-1`) against one naming no issue (`key = SEC-999999`), alternated
// through the web trigger with the Jira emulator at 50 ms per call. Both must make the
// same Jira requests and take the same time within noise: the medians' difference is shown
// beside the spread (p90 - p10) of each, and beside the difference between two halves of
// the same kind of call, which is what noise alone gives.
import { DEMO_ACCOUNTS } from '../../dev/jira-emulator';
import { startEmulatorProcess, startHostProcess } from './processes/processes';

const LATENCY_MS = 50;
const ROUNDS = 40;

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (n: number): string => `${n.toFixed(1)} ms`;

export async function run(): Promise<void> {
  const emulator = await startEmulatorProcess({ seed: 5, issues: 300, projects: 3 });
  const host = await startHostProcess(emulator.url);
  try {
    // The first generated project (SEC) is for admins and the security team: Carol may not browse it.
    const token = await host.token(DEMO_ACCOUNTS.carol);
    const [hiddenProject] = emulator.projects;
    const call = async (jql: string): Promise<{ status: number; body: string; ms: number; jira: number }> => {
      const before = await emulator.counts();
      const started = process.hrtime.bigint();
      const answer = await fetch(`${host.url}/webtrigger/rest-api/rest/list?customjql=${encodeURIComponent(jql)}&outputType=jsonSimplified`, {
        headers: { authorization: `TISJWT ${token}` },
      });
      const body = await answer.text();
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      return { status: answer.status, body, ms: elapsed, jira: (await emulator.counts()).total - before.total };
    };
    const hiddenKey = `${hiddenProject}-1`;
    const missingKey = `${hiddenProject}-999999`;
    // Warm the owner and status caches: what is compared is the key check alone.
    await call(`project = ${emulator.projects[1]} ORDER BY key`);
    await emulator.setFaults({ latencyMs: LATENCY_MS });
    const hidden: number[] = [];
    const missing: number[] = [];
    const requests = { hidden: new Set<number>(), missing: new Set<number>() };
    const bodies = { hidden: new Set<string>(), missing: new Set<string>() };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first, so drift in the machine's load falls on both alike.
      const order = round % 2 === 0 ? (['hidden', 'missing'] as const) : (['missing', 'hidden'] as const);
      for (const kind of order) {
        const key = kind === 'hidden' ? hiddenKey : missingKey;
        const answer = await call(`key = ${key}`);
        (kind === 'hidden' ? hidden : missing).push(answer.ms);
        requests[kind].add(answer.jira);
        bodies[kind].add(
          `${answer.status} ${answer.body
            .split(key)
            .join('<KEY>')
            .replace(/"time":"[^"]*"/, '')}`,
        );
      }
    }
    await emulator.setFaults({});
    const median = (values: readonly number[]): number => percentile(values, 50);
    const halves = Math.abs(median(hidden.filter((_, i) => i % 2 === 0)) - median(hidden.filter((_, i) => i % 2 === 1)));
    console.log(`\n${ROUNDS} calls each, Jira latency ${LATENCY_MS} ms per call, Carol's token (SEC is hidden from her)`);
    console.log(
      `  key = ${hiddenKey} (hidden):  median ${ms(median(hidden))}, p10-p90 ${ms(percentile(hidden, 10))}-${ms(percentile(hidden, 90))}, Jira requests ${[...requests.hidden].join('/')}`,
    );
    console.log(
      `  key = ${missingKey} (missing): median ${ms(median(missing))}, p10-p90 ${ms(percentile(missing, 10))}-${ms(percentile(missing, 90))}, Jira requests ${[...requests.missing].join('/')}`,
    );
    console.log(
      `  medians differ by ${ms(Math.abs(median(hidden) - median(missing)))}; two halves of the hidden calls differ by ${ms(halves)} (noise); one Jira call costs ${LATENCY_MS} ms (target: difference well under one call)`,
    );
    const sameBody = bodies.hidden.size === 1 && bodies.missing.size === 1 && [...bodies.hidden][0] === [...bodies.missing][0];
    console.log(`  status and body (key and time masked) identical: ${sameBody ? 'yes' : 'NO'}`);
  } finally {
    await host.close();
    await emulator.close();
  }
}
