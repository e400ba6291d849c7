// Time and randomness for the Jira client, injected so tests run retries instantly
// and deterministically.
export interface JiraRuntime {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1): jitter for backoff. */
  random(): number;
}

export const systemRuntime: JiraRuntime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};
