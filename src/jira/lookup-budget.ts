// A deadline for the lookups token verification makes (owner state, group membership): a
// lookup Jira does not answer in time is given up, and the caller gets the 503 with
// Retry-After that every Jira time-out gets, rather than waiting out the web trigger's 55 s.
import { JiraAccessError } from '../kernel/errors';

/** 10 s: a throttled user lookup once held a request for 80 s. */
export const LOOKUP_BUDGET_MS = 10_000;

/**
 * How long a lookup is waited for when a stale answer is at hand: during a long Jira outage
 * every request would otherwise wait the whole budget before using it. The lookup still
 * runs on, and its answer, when it comes, refreshes the cache.
 */
export const STALE_WAIT_MS = 2_000;

/** How long to wait for Jira: the stale wait when an old answer can stand in, else the budget. */
export function waitFor(budgets: { budgetMs: number; staleWaitMs: number }, staleAtHand: boolean): number {
  return staleAtHand ? Math.min(budgets.budgetMs, budgets.staleWaitMs) : budgets.budgetMs;
}

/** The lookup, abandoned (not cancelled: JiraHttp has no abort) when the budget runs out. */
export async function withinBudget<T>(lookup: Promise<T>, budgetMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JiraAccessError('JIRA_TIME_BUDGET_EXCEEDED', `Jira did not answer ${what} in time`)), budgetMs);
  });
  try {
    return await Promise.race([lookup, expired]);
  } finally {
    clearTimeout(timer);
  }
}
