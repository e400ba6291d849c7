// Time and randomness for the Jira client. Time is the app's one injected Clock, so a
// test that controls the clock controls every deadline; sleeping and jitter are real.
import { systemClock, type Clock } from '../kernel/ports';

export interface JiraRuntime extends Clock {
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1): jitter for backoff. */
  random(): number;
}

export function jiraRuntimeOn(clock: Clock): JiraRuntime {
  return {
    now: () => clock.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random(),
  };
}

export const systemRuntime: JiraRuntime = jiraRuntimeOn(systemClock);
