// Jira's statuses for the admin pickers (status groups, calendars' reports).
import { requireJiraAdmin, type Caller } from '../access/guards';
import type { StatusView } from '../contract/report-config';
import type { UserDirectory } from '../jira';

export function createStatusCatalog(deps: { users: UserDirectory; statuses(): Promise<StatusView[]> }) {
  return {
    async list(caller: Caller): Promise<StatusView[]> {
      await requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can change report settings.');
      return deps.statuses();
    },
  };
}

export type StatusCatalog = ReturnType<typeof createStatusCatalog>;
