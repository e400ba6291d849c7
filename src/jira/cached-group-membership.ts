// Group membership for the token policy, cached so that verifying a token makes no Jira
// call per request while the cache is warm. Fresh for 5 minutes: a user removed from (or
// added to) a group in Jira is treated accordingly at most 5 minutes later (README and
// docs/rest-api.md say so). A failed lookup is not cached; its error stands.
import type { Clock } from '../kernel/ports';
import type { GroupDirectory } from './group-directory';

export const GROUP_MEMBERSHIP_FRESH_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  groups: ReadonlySet<string>;
  at: number;
}

export function cachedGroupDirectory(inner: GroupDirectory, clock: Clock): GroupDirectory {
  const entries = new Map<string, Entry>();
  // Concurrent cold lookups of one account share one Jira call.
  const pending = new Map<string, Promise<ReadonlySet<string>>>();

  async function lookup(accountId: string): Promise<ReadonlySet<string>> {
    const at = clock.now();
    const groups = await inner.groupsOf(accountId);
    entries.delete(accountId);
    entries.set(accountId, { groups, at });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
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
