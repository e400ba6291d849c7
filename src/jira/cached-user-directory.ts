// Owner state for token verification, cached so a warm request makes no Jira call and a
// brief Jira hiccup does not fail every request. Fresh for 60 s: a user Jira deactivates
// is refused at most a minute later (docs/rest-api.md says so). When Jira cannot be asked,
// an answer up to 15 min old is used rather than failing; older than that, the error stands.
// A lookup Jira does not answer within 10 s is given up (jira/lookup-budget.ts): the caller
// gets the 503 with Retry-After that every Jira time-out gets. With a stale answer at hand
// it is waited for 2 s only, and its late answer still refreshes the cache.
import type { Clock } from '../kernel/ports';
import { LOOKUP_BUDGET_MS, STALE_WAIT_MS, waitFor, withinBudget } from './lookup-budget';
import type { JiraUser, UserDirectory } from './user-directory';

export const OWNER_STATE_FRESH_MS = 60_000;
export const OWNER_STATE_STALE_LIMIT_MS = 15 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  user: JiraUser | null;
  at: number;
}

export function cachedUserDirectory(inner: UserDirectory, clock: Clock, budgetMs = LOOKUP_BUDGET_MS, staleWaitMs = STALE_WAIT_MS): UserDirectory {
  const entries = new Map<string, Entry>();

  function remember(accountId: string, user: JiraUser | null, at: number): void {
    entries.delete(accountId);
    entries.set(accountId, { user, at });
    // Oldest first in insertion order: drop the oldest when full.
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }

  return {
    async getUsers(accountIds) {
      const now = clock.now();
      const found = new Map<string, JiraUser>();
      const missing: string[] = [];
      for (const id of accountIds) {
        const entry = entries.get(id);
        if (entry && now - entry.at < OWNER_STATE_FRESH_MS) {
          if (entry.user) found.set(id, entry.user);
        } else missing.push(id);
      }
      if (missing.length === 0) return found;
      const usable = missing.every((id) => {
        const entry = entries.get(id);
        return entry !== undefined && now - entry.at < OWNER_STATE_STALE_LIMIT_MS;
      });
      const lookup = inner.getUsers(missing);
      let fetched: Map<string, JiraUser>;
      try {
        fetched = await withinBudget(lookup, waitFor({ budgetMs, staleWaitMs }, usable), 'the owner lookup');
      } catch (error) {
        if (!usable) throw error;
        // Abandoned, not cancelled: an answer that still comes refreshes the cache.
        lookup.then(
          (late) => {
            for (const id of missing) remember(id, late.get(id) ?? null, clock.now());
          },
          () => undefined,
        );
        for (const id of missing) {
          const user = entries.get(id)?.user;
          if (user) found.set(id, user);
        }
        return found;
      }
      for (const id of missing) {
        const user = fetched.get(id) ?? null;
        remember(id, user, now);
        if (user) found.set(id, user);
      }
      return found;
    },
    isJiraAdmin: (accountId) => inner.isJiraAdmin(accountId),
  };
}
