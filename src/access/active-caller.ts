// Refuses callers who are not active Jira users: a deactivated or unknown account keeps a
// valid Forge context for a while, so every resolver asks here before it runs.
import type { UserDirectory } from '../jira';
import { AppError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';

/**
 * How long an answer is reused. 60 s: a page load fires several resolver calls in a burst,
 * and one Jira lookup per burst is enough; a user deactivated in Jira is refused at most a
 * minute later, well inside the time an admin takes to notice and act.
 */
export const ACTIVE_CALLER_CACHE_MS = 60_000;

export interface ActiveCallerCheck {
  /** Throws FORBIDDEN unless Jira knows the account and it is active. */
  requireActive(accountId: string): Promise<void>;
}

export function createActiveCallerCheck(deps: { users: UserDirectory; clock: Clock }): ActiveCallerCheck {
  const known = new Map<string, { active: boolean; until: number }>();
  return {
    async requireActive(accountId) {
      const now = deps.clock.now();
      let entry = known.get(accountId);
      if (!entry || entry.until <= now) {
        const user = (await deps.users.getUsers([accountId])).get(accountId);
        entry = { active: user?.active === true, until: now + ACTIVE_CALLER_CACHE_MS };
        known.set(accountId, entry);
      }
      if (!entry.active) throw new AppError('FORBIDDEN', 'Your Jira account is not active, so Status Clock cannot act for you.');
    },
  };
}
