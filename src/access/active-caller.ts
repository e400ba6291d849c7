// Refuses callers who are not active Jira users: a deactivated or unknown account keeps a
// valid Forge context for a while, so every resolver asks here before it runs. The user
// directory given here is the short-lived cache of account state that token verification
// reads too (jira/cached-user-directory.ts): a page load's burst of resolver calls costs
// one Jira lookup, and a user deactivated in Jira is refused at most a minute later.
import type { UserDirectory } from '../jira';
import { AppError } from '../kernel/errors';

export interface ActiveCallerCheck {
  /** Throws FORBIDDEN unless Jira knows the account and it is active. */
  requireActive(accountId: string): Promise<void>;
}

export function createActiveCallerCheck(deps: { accountState: UserDirectory }): ActiveCallerCheck {
  return {
    async requireActive(accountId) {
      const user = (await deps.accountState.getUsers([accountId])).get(accountId);
      if (user?.active !== true) throw new AppError('FORBIDDEN', 'Your Jira account is not active, so Status Clock cannot act for you.');
    },
  };
}
