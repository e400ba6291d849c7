// What the pages learn about their caller and installation when they open: who is signed
// in, whether they administer Jira, and the REST API's base URL to show in examples.
import type { AppContextView } from '../contract/tokens';
import type { UserDirectory } from '../jira';
import type { Caller } from './guards';

export function createAppContextService(deps: { users: UserDirectory; restBaseUrl(): Promise<string> }) {
  return {
    restBaseUrl: () => deps.restBaseUrl(),
    async contextOf(caller: Caller): Promise<AppContextView> {
      const [users, isJiraAdmin, restBaseUrl] = await Promise.all([
        deps.users.getUsers([caller.accountId]),
        deps.users.isJiraAdmin(caller.accountId),
        deps.restBaseUrl(),
      ]);
      const displayName = users.get(caller.accountId)?.displayName ?? caller.accountId;
      return { accountId: caller.accountId, displayName, isJiraAdmin, restBaseUrl };
    },
  };
}

export type AppContextService = ReturnType<typeof createAppContextService>;
