// Group membership for the token policy, cached so that verifying a token makes no Jira
// call per request while the cache is warm. Fresh for 5 minutes: a user removed from (or
// added to) a group in Jira is treated accordingly at most 5 minutes later (README and
// docs/rest-api.md say so). As with owner state (cached-user-directory.ts), a brief Jira
// hiccup does not fail every token whose owner's entry just aged out: when Jira cannot
// answer, an answer up to 15 min old is used; older than that, or with none, the error
// stands. A lookup Jira does not answer within 10 s is given up as a Jira time-out (503
// with Retry-After, jira/lookup-budget.ts); with a stale answer at hand it is waited for
// 2 s only, and its late answer still refreshes the cache.
import type { Clock } from '../kernel/ports';
import type { GroupDirectory } from './group-directory';
import { LOOKUP_BUDGET_MS, STALE_WAIT_MS, waitFor, withinBudget } from './lookup-budget';

export const GROUP_MEMBERSHIP_FRESH_MS = 5 * 60_000;
export const GROUP_MEMBERSHIP_STALE_LIMIT_MS = 15 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  groups: ReadonlySet<string>;
  at: number;
}

export function cachedGroupDirectory(inner: GroupDirectory, clock: Clock, budgetMs = LOOKUP_BUDGET_MS, staleWaitMs = STALE_WAIT_MS): GroupDirectory {
  const entries = new Map<string, Entry>();
  // Concurrent cold lookups of one account share one Jira call.
  const pending = new Map<string, Promise<ReadonlySet<string>>>();

  function remember(accountId: string, groups: ReadonlySet<string>, at: number): void {
    entries.delete(accountId);
    entries.set(accountId, { groups, at });
    // Oldest first in insertion order: drop the oldest when full.
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }

  async function lookup(accountId: string): Promise<ReadonlySet<string>> {
    const at = clock.now();
    const stale = entries.get(accountId);
    const usable = stale !== undefined && at - stale.at < GROUP_MEMBERSHIP_STALE_LIMIT_MS;
    const asked = inner.groupsOf(accountId);
    let groups: ReadonlySet<string>;
    try {
      groups = await withinBudget(asked, waitFor({ budgetMs, staleWaitMs }, usable), 'the group membership lookup');
    } catch (error) {
      if (!usable) throw error;
      // Abandoned, not cancelled: an answer that still comes refreshes the cache.
      asked.then(
        (late) => remember(accountId, late, clock.now()),
        () => undefined,
      );
      return stale.groups;
    }
    remember(accountId, groups, at);
    return groups;
  }

  return {
    groupsOf(accountId) {
      const entry = entries.get(accountId);
      if (entry && clock.now() - entry.at < GROUP_MEMBERSHIP_FRESH_MS) return Promise.resolve(entry.groups);
      const running = pending.get(accountId);
      if (running) return running;
      const started = lookup(accountId).finally(() => pending.delete(accountId));
      pending.set(accountId, started);
      return started;
    },
    search: (query, limit) => inner.search(query, limit),
  };
}
