// What the pages learn about their caller and installation when they open: who is signed
// in, whether they administer Jira, the REST API's base URL to show in examples, and what
// the token policy allows them (create, manage, lifetimes).
import type { AppContextView, CallerGovernance } from '../contract/tokens';
import type { UserDirectory } from '../jira';
import type { Caller } from './guards';

export interface AppContextDeps {
  users: UserDirectory;
  restBaseUrl(): Promise<string>;
  /** What the token policy allows the caller (policy/policy-service.ts). */
  governanceOf(caller: Caller): Promise<CallerGovernance>;
}

export function createAppContextService(deps: AppContextDeps) {
  return {
    restBaseUrl: () => deps.restBaseUrl(),
    async contextOf(caller: Caller): Promise<AppContextView> {
      const [users, isJiraAdmin, restBaseUrl, governance] = await Promise.all([
        deps.users.getUsers([caller.accountId]),
        deps.users.isJiraAdmin(caller.accountId),
        deps.restBaseUrl(),
        deps.governanceOf(caller),
      ]);
      const displayName = users.get(caller.accountId)?.displayName ?? caller.accountId;
      return { accountId: caller.accountId, displayName, isJiraAdmin, restBaseUrl, governance };
    },
  };
}

export type AppContextService = ReturnType<typeof createAppContextService>;
